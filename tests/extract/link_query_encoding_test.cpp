// Links whose query holds non-ASCII on a legacy-charset page: a browser encodes the query in
// the page's encoding (WHATWG URL), so the server (often a Shift_JIS CGI on a government site)
// gets the bytes it expects.  Pages written for this test; bytes from Python's cp932 codec,
// checked against the WHATWG encoder where they differ (髙: 0xFB 0xFC, not NEC's 0xEE 0xE0).
#include <gtest/gtest.h>

#include "extract/charset.hpp"
#include "extract/extract.hpp"

namespace senrei {
namespace {

std::vector<std::string> links_of(const std::string& body, const std::string& content_type) {
  RawDocument d;
  d.url = "https://www.pref.example.lg.jp/iryo/index.html";
  d.content_type = content_type;
  d.body = body;
  std::vector<std::string> out;
  for (const auto& l : extract_document(d).links) out.push_back(l.url);
  return out;
}

TEST(LinkQueryEncoding, ShiftJisPageSendsItsQueryInShiftJis) {
  // <a href="search.php?q=病院&amp;p=1#top">病院を探す</a>, <a href="list.cgi?name=髙橋">,
  // <a href="/地図/?k=ｶﾅ"> — the path stays UTF-8 (browsers encode paths in UTF-8).
  const std::string page =
      "<html><head><meta charset=\"Shift_JIS\"><title>t</title></head><body>"
      "<a href=\"search.php?q=\x95\x61\x89\x40&amp;p=1#top\">\x95\x61\x89\x40</a>"
      "<a href=\"list.cgi?name=\xFB\xFC\x8B\xB4\">x</a>"
      "<a href=\"/\x92\x6E\x90\x7D/?k=\xB6\xC5\">y</a>"
      "</body></html>";
  auto links = links_of(page, "text/html");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0], "https://www.pref.example.lg.jp/iryo/search.php?q=%95a%89@&p=1");
  EXPECT_EQ(links[1], "https://www.pref.example.lg.jp/iryo/list.cgi?name=%FB%FC%8B%B4");
  EXPECT_EQ(links[2], "https://www.pref.example.lg.jp/%E5%9C%B0%E5%9B%B3/?k=%B6%C5");
}

TEST(LinkQueryEncoding, EucJpPageAndACharacterItLacks) {
  // € is not in EUC-JP: "&#8364;", percent-encoded, as the URL standard says.
  EXPECT_EQ(query_in_page_encoding("s.cgi?q=病院€", "euc-jp"), "s.cgi?q=%C9%C2%B1%A1%26%238364%3B");
  EXPECT_EQ(query_in_page_encoding("s.cgi?q=病院#節", "euc-jp"), "s.cgi?q=%C9%C2%B1%A1#節");
  const std::string euc_page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-JP\">"
      "</head><body><a href=\"s.cgi?q=\xC9\xC2\xB1\xA1\">x</a></body></html>";
  auto links = links_of(euc_page, "text/html");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0], "https://www.pref.example.lg.jp/iryo/s.cgi?q=%C9%C2%B1%A1");
}

TEST(LinkQueryEncoding, Utf8PageAndOtherPartsUnchanged) {
  const std::string page = "<html><head><meta charset=utf-8></head><body>"
                           "<a href=\"search?q=病院\">x</a></body></html>";
  auto links = links_of(page, "text/html");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0], "https://www.pref.example.lg.jp/iryo/search?q=%E7%97%85%E9%99%A2");
  EXPECT_EQ(query_in_page_encoding("a/病院.html", "windows-31j"), "a/病院.html");  // no query
  EXPECT_EQ(query_in_page_encoding("a?q=x", "windows-31j"), "a?q=x");
  EXPECT_EQ(query_in_page_encoding("a?q=病院", "koi8-r"), "a?q=病院");
}

TEST(LinkQueryEncoding, Iso2022JpPageSendsEscapesAndJisPairs) {
  // 病 is JIS 0x4942 ("IB"), 院 0x3121 ("1!"): ESC $ B IB 1! ESC ( B, with ESC percent-encoded.
  EXPECT_EQ(query_in_page_encoding("s.cgi?q=病院&p=1", "iso-2022-jp"), "s.cgi?q=%1B$BIB1!%1B(B&p=1");
  // A character ISO-2022-JP lacks (€) after kanji: back to ASCII first, then "&#8364;".
  EXPECT_EQ(query_in_page_encoding("s?q=院€", "iso-2022-jp"), "s?q=%1B$B1!%1B(B%26%238364%3B");
  // On a page: <meta charset=ISO-2022-JP>, <a href="s.cgi?q=病院">.
  const std::string page =
      "<html><head><meta charset=\"ISO-2022-JP\"></head><body>"
      "<a href=\"s.cgi?q=\x1B$BIB1!\x1B(B\">x</a></body></html>";
  auto links = links_of(page, "text/html");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0], "https://www.pref.example.lg.jp/iryo/s.cgi?q=%1B$BIB1!%1B(B");
}

}  // namespace
}  // namespace senrei
