#include <gtest/gtest.h>

#include <string>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;

TEST(Nfkc, FullWidthAsciiBecomesHalfWidth) {
  EXPECT_EQ(ja::nfkc("ＩＤ－Ｌｉｎｋ　１２３"), "ID-Link 123");
  EXPECT_EQ(ja::nfkc("１，２００"), "1,200");
}

TEST(Nfkc, HalfWidthKatakanaBecomesFullWidth) {
  EXPECT_EQ(ja::nfkc("ｱｼﾞｻｲﾈｯﾄ"), "アジサイネット");
}

TEST(Nfkc, FullWidthTildeFoldsButWaveDashStays) {
  EXPECT_EQ(ja::nfkc("～"), "~");
  EXPECT_EQ(ja::nfkc("〜"), "〜");
}

TEST(Nfkc, SquareEraAndCircledDigits) {
  EXPECT_EQ(ja::nfkc("㍻"), "平成");
  EXPECT_EQ(ja::nfkc("①"), "1");
}

TEST(Nfkc, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(ja::nfkc(std::string("a\xff" "b")), "a\xEF\xBF\xBD" "b");
  // A truncated three-byte sequence at the end.
  EXPECT_EQ(ja::nfkc(std::string("x\xE3\x81")), "x\xEF\xBF\xBD\xEF\xBF\xBD");
  // A surrogate encoded in UTF-8 (CESU) is invalid: three replacement characters.
  EXPECT_EQ(ja::nfkc(std::string("\xED\xA0\x80")), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  // An overlong '/'.
  EXPECT_EQ(ja::nfkc(std::string("\xC0\xAF")), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Nfkc, EmptyAndEmbeddedNul) {
  EXPECT_EQ(ja::nfkc(""), "");
  EXPECT_EQ(ja::nfkc(std::string("a\0b", 3)), std::string("a\0b", 3));
}

TEST(Nfkc, LongInputIsNormalisedWhole) {
  std::string in;
  for (int i = 0; i < 400000; ++i) in += "１";
  const std::string out = ja::nfkc(in);
  EXPECT_EQ(out.size(), 400000u);
  EXPECT_EQ(out.find_first_not_of('1'), std::string::npos);
}

TEST(Fold, LowerCasesAndCollapsesWhitespace) {
  EXPECT_EQ(ja::fold("  ＩＤ－Ｌｉｎｋ　\t\n HumanBridge  "), "id-link humanbridge");
  EXPECT_EQ(ja::fold("SS-MIX2"), "ss-mix2");
  EXPECT_EQ(ja::fold("あじさい　ネット"), "あじさい ネット");
}

TEST(Fold, OnlySpaces) {
  EXPECT_EQ(ja::fold(" \t　\n"), "");
  EXPECT_EQ(ja::fold(""), "");
}

TEST(Fold, Idempotent) {
  for (const char* s : {"ＡＢＣ　ｄｅｆ", "ｶﾞｲﾄﾞﾗｲﾝ 第6.0版", "Ⅻ ㌔ ﬁ", "ΣΑΣ"}) {
    const std::string once = ja::fold(s);
    EXPECT_EQ(ja::fold(once), once) << s;
  }
}

TEST(Fold, InvalidUtf8DoesNotCrash) {
  EXPECT_EQ(ja::fold(std::string("A\x80 B")), "a\xEF\xBF\xBD b");
}

TEST(OneLine, ControlCharactersBecomeSpacesAndTextStays) {
  EXPECT_EQ(ja::one_line("key 'a\nb'\r\tc\x1b[31m\x7f"), "key 'a b'  c [31m ");
  EXPECT_EQ(ja::one_line("会費：年額 1,000円"), "会費：年額 1,000円");  // UTF-8 bytes are not controls
  EXPECT_EQ(ja::one_line(""), "");
}
