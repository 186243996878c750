// Charset decision and decoding.  Byte strings were made with iconv, e.g.
//   printf '①髙～〜髙橋１２３ｶﾀｶﾅ' | iconv -f UTF-8 -t CP932 | xxd
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "extract/charset.hpp"

namespace senrei {
namespace {

// ①髙～〜髙橋１２３ｶﾀｶﾅ
const std::string kCp932 =
    "\x87\x40\xfb\xfc\x81\x60\x81\x60\xfb\xfc\x8b\xb4\x82\x50\x82\x51\x82\x52\xb6\xc0\xb6\xc5";
// EUC-JP as the WHATWG standard has it: 髙 is in index jis0208 (the NEC-selected IBM
// extensions, 0xFC 0xE2); EUC-JP-MS's three-byte 0x8F 0xF4 0xFB is not (see below).
const std::string kEucJp =
    "\xad\xa1\xfc\xe2\xa1\xc1\xa1\xc1\xfc\xe2\xb6\xb6\xa3\xb1\xa3\xb2\xa3\xb3"
    "\x8e\xb6\x8e\xc0\x8e\xb6\x8e\xc5";
// Shift_JIS and EUC-JP have one code for 〜 and ～; the WHATWG index (Microsoft's table) reads
// it as U+FF5E.
const std::string kDecoded = "①髙～～髙橋１２３ｶﾀｶﾅ";

TEST(CharsetLabels, ShiftJisLabelsAllMeanCp932) {
  for (const char* l : {"Shift_JIS", "shift-jis", "SJIS", "x-sjis", "MS_Kanji", "Windows-31J",
                        "cp932", " shift_jis "})
    EXPECT_EQ(charset_for_label(l), "windows-31j") << l;
  EXPECT_EQ(charset_for_label("EUC-JP"), "euc-jp");
  EXPECT_EQ(charset_for_label("x-euc-jp"), "euc-jp");
  EXPECT_EQ(charset_for_label("ISO-2022-JP"), "iso-2022-jp");
  EXPECT_EQ(charset_for_label("latin1"), "windows-1252");
  EXPECT_EQ(charset_for_label("\"utf8\""), "utf-8");
  EXPECT_EQ(charset_for_label("klingon"), std::nullopt);
}

TEST(CharsetParam, FromContentType) {
  EXPECT_EQ(charset_param("text/html; charset=Shift_JIS"), "Shift_JIS");
  EXPECT_EQ(charset_param("text/html;charset=\"euc-jp\"; foo=bar"), "euc-jp");
  EXPECT_EQ(charset_param("text/html; Charset = utf-8"), "utf-8");
  EXPECT_EQ(charset_param("text/html"), "");
}

TEST(CharsetDecode, Cp932KeepsCircledDigitsIbmKanjiAndTilde) {
  bool replaced = false;
  EXPECT_EQ(decode_as(kCp932, "windows-31j", replaced), kDecoded);
  EXPECT_FALSE(replaced);
}

TEST(CharsetDecode, EucJpKeepsCircledDigitsIbmKanjiAndTilde) {
  bool replaced = false;
  EXPECT_EQ(decode_as(kEucJp, "euc-jp", replaced), kDecoded);
  EXPECT_FALSE(replaced);
}

TEST(CharsetDecode, Iso2022Jp) {
  // printf '高橋です' | iconv -t ISO-2022-JP
  const std::string bytes = "\x1b$B9b66$G$9\x1b(B";
  bool replaced = false;
  EXPECT_EQ(decode_as(bytes, "iso-2022-jp", replaced), "高橋です");
  EXPECT_FALSE(replaced);
}

TEST(CharsetDecode, InvalidBytesBecomeReplacementNotDropped) {
  bool replaced = false;
  // 0x82 0x20: a lead byte followed by ASCII — the space must survive.
  EXPECT_EQ(decode_as("a\x82 b", "windows-31j", replaced), "a\xEF\xBF\xBD b");
  EXPECT_TRUE(replaced);
  replaced = false;
  EXPECT_EQ(decode_as("a\xff\xfe" "b", "utf-8", replaced), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  EXPECT_TRUE(replaced);
  replaced = false;
  // E3 81 is the start of あ cut short: one U+FFFD for the maximal subpart
  EXPECT_EQ(decode_as("x\xE3\x81y", "utf-8", replaced), "x\xEF\xBF\xBDy");
  EXPECT_TRUE(replaced);
}

TEST(CharsetDecode, CutTailIsDroppedNotReplaced) {
  bool replaced = false;
  EXPECT_EQ(decode_as("\x87\x40\x87", "windows-31j", replaced, true), "①");
  EXPECT_FALSE(replaced);
  EXPECT_EQ(decode_as("あ\xE3\x81", "utf-8", replaced, true), "あ");
  EXPECT_FALSE(replaced);
  EXPECT_EQ(decode_as("\x87\x40\x87", "windows-31j", replaced, false), "①\xEF\xBF\xBD");
  EXPECT_TRUE(replaced);
}

TEST(CharsetDecide, HttpHeaderWins) {
  std::string html = "<meta charset=\"euc-jp\"><p>" + kCp932;
  auto d = decode_to_utf8(html, "Shift_JIS", true);
  EXPECT_EQ(d.charset, "windows-31j");
  EXPECT_EQ(d.source, "http");
  EXPECT_EQ(d.utf8, "<meta charset=\"euc-jp\"><p>" + kDecoded);
  EXPECT_FALSE(d.replaced);
}

TEST(CharsetDecide, BomBeatsMeta) {
  std::string html = "\xEF\xBB\xBF<meta charset=shift_jis><p>髙橋";
  auto d = decode_to_utf8(html, "", true);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.utf8, "<meta charset=shift_jis><p>髙橋");  // BOM removed
}

TEST(CharsetDecide, UnknownHttpLabelFallsThroughToMeta) {
  std::string html = "<html><head><meta charset=\"Shift_JIS\"></head><p>" + kCp932;
  auto d = decode_to_utf8(html, "x-klingon", true);
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.charset, "windows-31j");
}

TEST(CharsetDecide, MetaHttpEquivContentType) {
  std::string html =
      "<!DOCTYPE html><!-- <meta charset=utf-8> in a comment does not count -->"
      "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=EUC-JP\">"
      "</HEAD><BODY>" + kEucJp;
  auto d = decode_to_utf8(html, "", true);
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.charset, "euc-jp");
  EXPECT_NE(d.utf8.find(kDecoded), std::string::npos);
}

TEST(CharsetDecide, MetaContentWithoutHttpEquivIsIgnored) {
  EXPECT_EQ(prescan_meta_charset("<meta content=\"text/html; charset=euc-jp\">"), std::nullopt);
  EXPECT_EQ(prescan_meta_charset("<meta name=x content='text/html;charset=sjis' "
                                 "http-equiv=content-type>"),
            "sjis");
  EXPECT_EQ(prescan_meta_charset("<meta charset='utf-16'>"), "utf-8");
  EXPECT_EQ(prescan_meta_charset("<meta charset=\"shift_jis"), std::nullopt);  // unterminated
}

TEST(CharsetDecide, MetaAfter1024BytesIsNotSeen) {
  std::string html = "<html><head>" + std::string(1100, ' ') + "<meta charset=euc-jp>";
  EXPECT_EQ(prescan_meta_charset(html), std::nullopt);
}

TEST(CharsetDecide, PageLabelledUtf8ButReallyShiftJisGetsReplacements) {
  std::string html = "<meta charset=\"utf-8\"><p>" + kCp932 + "</p>";
  auto d = decode_to_utf8(html, "", true);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "meta");
  EXPECT_TRUE(d.replaced);
  EXPECT_NE(d.utf8.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(d.utf8.find("<p>"), std::string::npos);  // the ASCII around it survives
}

TEST(CharsetDecide, UnlabelledUtf8IsDetected) {
  auto d = decode_to_utf8("<p>地域医療連携ネットワーク</p>", "", true);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "detector");
  EXPECT_FALSE(d.replaced);
}

TEST(CharsetDecide, AsciiDefaultsToUtf8) {
  auto d = decode_to_utf8("<p>hello</p>", "", true);
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "default");
}

// A short page with no declaration, plain ASCII markup and a few kana (ICU's detector named
// UTF-16BE for such a page): EUC-JP, as a browser reads it.
TEST(CharsetDecide, ShortUndeclaredEucJpPageIsEucJp) {
  const std::string page =
      "<html><head><title>\xa4\xaa\xc3\xce\xa4\xe9\xa4\xbb</title></head><body><p>"
      "\xa4\xb4\xb0\xc6\xc6\xe2\xa4\xc7\xa4\xb9\xa1\xa3</p></body></html>";
  auto d = decode_to_utf8(page, "", true);
  EXPECT_EQ(d.source, "detector");
  EXPECT_EQ(d.charset, "euc-jp");
  EXPECT_NE(d.utf8.find("<title>お知らせ</title>"), std::string::npos) << d.utf8;
  EXPECT_NE(d.utf8.find("ご案内です。"), std::string::npos);
  EXPECT_FALSE(d.replaced);
  // Kana alone, without markup: still EUC-JP.
  EXPECT_EQ(decode_to_utf8("\xa4\xa2\xa4\xa4\xa4\xa6", "", false).charset, "euc-jp");
}

// UTF-16 is never guessed without a byte-order mark, whatever the bytes look like.
TEST(CharsetDecide, NoUtf16WithoutByteOrderMark) {
  for (const std::string& bytes : {std::string("0\x54\x68HQ\x85", 6),
                                   std::string("\x00<\x00p\x00>\x30\x42", 8)}) {
    auto d = decode_to_utf8(bytes, "", true);
    EXPECT_NE(d.charset, "utf-16be");
    EXPECT_NE(d.charset, "utf-16le");
  }
  EXPECT_EQ(decode_to_utf8("\xFE\xFF\x30\x42", "", false).charset, "utf-16be");
  EXPECT_EQ(decode_to_utf8("\xFE\xFF\x30\x42", "", false).utf8, "あ");
}

TEST(CharsetDecide, UndeclaredIso2022JpIsDetected) {
  auto d = decode_to_utf8("\x1B$B9b66\x1B(B", "", false);
  EXPECT_EQ(d.charset, "iso-2022-jp");
  EXPECT_EQ(d.utf8, "高橋");
}

TEST(CharsetLabels, TheStandardsJapaneseLabels) {
  for (const char* l : {"csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
                        "windows-31j", "x-sjis"})
    EXPECT_EQ(charset_for_label(l), "windows-31j") << l;
  for (const char* l : {"cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"})
    EXPECT_EQ(charset_for_label(l), "euc-jp") << l;
  for (const char* l : {"csiso2022jp", "iso-2022-jp"})
    EXPECT_EQ(charset_for_label(l), "iso-2022-jp") << l;
  EXPECT_EQ(charset_for_label("shift_jis2004"), std::nullopt);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Files made with: iconv -f UTF-8 -t CP932 (or EUC-JP-MS) unlabelled.utf8.txt
TEST(CharsetDecide, UnlabelledShiftJisAndEucJpAreDetected) {
  const std::string text = read_file(SENREI_TEST_DATA "/extract/charset/unlabelled.utf8.txt");
  ASSERT_FALSE(text.empty());
  auto sjis = decode_to_utf8(read_file(SENREI_TEST_DATA "/extract/charset/unlabelled.cp932.txt"),
                             "", false);
  EXPECT_EQ(sjis.source, "detector");
  EXPECT_EQ(sjis.charset, "windows-31j");
  EXPECT_EQ(sjis.utf8, text);
  auto euc = decode_to_utf8(read_file(SENREI_TEST_DATA "/extract/charset/unlabelled.eucjp.txt"),
                            "", false);
  EXPECT_EQ(euc.source, "detector");
  EXPECT_EQ(euc.charset, "euc-jp");
  EXPECT_EQ(euc.utf8, text);
}

}  // namespace
}  // namespace senrei
