// garbled_text: text that is mostly U+FFFD, private use, controls or compatibility ideographs.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "extract/extract.hpp"
#include "extract/garbled_text.hpp"

namespace senrei {
namespace {

TEST(GarbledText, CountsWhatIsNotText) {
  GarbledCount n = count_garbled("ab \xEF\xBF\xBD\xEE\x80\x80\x01 \xEF\xA4\x80");  // FFFD E000 01 F900
  EXPECT_EQ(n.characters, 6u);
  EXPECT_EQ(n.garbled, 4u);
  EXPECT_TRUE(garbled_text("ab \xEF\xBF\xBD\xEE\x80\x80\x01 \xEF\xA4\x80"));
}

TEST(GarbledText, RealJapaneseIsNot) {
  EXPECT_FALSE(garbled_text("地域医療連携ネットワーク　参加施設数：323"));
  // 﨑 (U+FA11) is a unified ideograph in the compatibility block: a name, not garbage.
  EXPECT_FALSE(garbled_text("﨑﨑﨑﨑﨑"));
  // A few replacement characters in a long text are charset_replaced's business, not this.
  EXPECT_FALSE(garbled_text("会議録 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD 第3回の議事"));
  // Too few to say: three private-use characters alone.
  EXPECT_FALSE(garbled_text("\xEE\x80\x80\xEE\x80\x81\xEE\x80\x82"));
  EXPECT_FALSE(garbled_text(""));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A PDF whose Identity-H font has no ToUnicode map (scripts/make-test-pdfs): flagged, and none
// of its codes reach the text, the labels or the title.
TEST(GarbledText, PdfWithoutToUnicodeMapIsFlaggedAndItsTextKeptOut) {
  const std::string body = read_file(SENREI_TEST_DATA "/extract/pdf/no-tounicode.pdf");
  ASSERT_FALSE(body.empty());
  RawDocument d;
  d.url = "https://www.example.lg.jp/minutes.pdf";
  d.content_type = "application/pdf";
  d.body = body;
  ParsedPage p = extract_document(d);
  EXPECT_TRUE(p.has_flag("garbled_text"));
  EXPECT_FALSE(p.has_flag("no_text_layer"));  // there was text, only not usable
  ASSERT_EQ(p.pdf_pages.size(), 1u);
  EXPECT_EQ(p.pdf_pages[0], "");
  EXPECT_EQ(p.main_text(), "");
  EXPECT_TRUE(p.labels.empty());
  EXPECT_EQ(p.title, "Minutes without a ToUnicode map");
}

TEST(GarbledText, HtmlOfPrivateUseCharactersIsFlagged) {
  std::string html = "<html><head><title>お知らせ</title></head><body><p>";
  for (int i = 0; i < 40; ++i) html += "\xEE\x80\x81";  // U+E001
  html += "</p><a href=\"/next.html\">次へ</a></body></html>";
  RawDocument d;
  d.url = "https://www.example.lg.jp/a.html";
  d.content_type = "text/html; charset=utf-8";
  d.body = html;
  ParsedPage p = extract_document(d);
  EXPECT_TRUE(p.has_flag("garbled_text"));
  EXPECT_EQ(p.main_text(), "");
  EXPECT_EQ(p.title, "お知らせ");
  EXPECT_EQ(p.links.size(), 1u);
}

}  // namespace
}  // namespace senrei
