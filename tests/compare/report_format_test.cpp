// Numbers for people and escaping for each format (report/format.hpp).
#include <gtest/gtest.h>

#include "report/format.hpp"

using namespace senrei::report;

TEST(ReportFormat, Numbers) {
  EXPECT_EQ(grouped(1234567.8), "1,234,568");
  EXPECT_EQ(grouped(1234567.8, 1), "1,234,567.8");
  EXPECT_EQ(grouped(-950), "-950");
  EXPECT_EQ(grouped(999.96, 1), "1,000.0");
  EXPECT_EQ(format_number(480000000, Num::yen, Lang::ja), "4億8,000万円");
  EXPECT_EQ(format_number(480000000, Num::yen, Lang::en), "¥480,000,000");
  EXPECT_EQ(format_number(505.263, Num::yen_unit, Lang::ja), "505円");
  EXPECT_EQ(format_number(42.788, Num::yen_unit, Lang::ja), "42.8円");
  EXPECT_EQ(format_number(3157.89, Num::rate, Lang::en), "3,157.9");
  EXPECT_EQ(format_number(66.6667, Num::percent, Lang::ja), "66.7%");
  EXPECT_EQ(format_number(1430000, Num::count, Lang::ja, true), "約1,430,000");
  EXPECT_EQ(format_number(1430000, Num::count, Lang::en, true), "~1,430,000");
}

TEST(ReportFormat, CsvCellsNeverBecomeFormulas) {
  EXPECT_EQ(csv_cell("あじさいネット"), "あじさいネット");
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_cell("+1"), "\"'+1\"");
  EXPECT_EQ(csv_cell("-1"), "\"'-1\"");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("line\nbreak"), "\"line\nbreak\"");
}

TEST(ReportFormat, HtmlAndMarkdownEscapePageText) {
  EXPECT_EQ(html_escape("<script>alert('x')</script>&\""), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
  EXPECT_EQ(markdown_escape("<b>a|b</b> [x](javascript:y) *z*"),
            "&lt;b&gt;a\\|b&lt;/b&gt; \\[x\\](javascript:y) \\*z\\*");
  EXPECT_EQ(markdown_escape("two\nlines"), "two lines");
}

TEST(ReportFormat, OnlyWebUrlsAreLinks) {
  EXPECT_TRUE(is_web_url("http://renkei-support.mhlw.go.jp/ajisai/"));
  EXPECT_TRUE(is_web_url("HTTPS://example.jp/"));
  EXPECT_FALSE(is_web_url("javascript:alert(1)"));
  EXPECT_FALSE(is_web_url("file:///etc/passwd"));
  EXPECT_FALSE(is_web_url("http://x/\"onmouseover=\"alert(1)"));
  EXPECT_FALSE(is_web_url(""));
}
