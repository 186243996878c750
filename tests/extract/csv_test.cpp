// CSV files as tables: RFC 4180 parsing, and the charsets real exports use (UTF-8 with and
// without BOM, CP932, UTF-16LE with BOM).  The files are written here, fresh.
#include <gtest/gtest.h>

#include "extract/csv.hpp"
#include "extract/extract.hpp"

namespace senrei {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(Csv, Rfc4180QuotesCommasLineBreaks) {
  bool cut = false;
  EXPECT_EQ(parse_csv("a,b,c\r\n1,\"2,5\",\"say \"\"hi\"\"\"\r\n", cut),
            (Rows{{"a", "b", "c"}, {"1", "2,5", "say \"hi\""}}));
  EXPECT_EQ(parse_csv("name,addr\n\"松江\n赤十字\",\"島根県\"\nx,", cut),
            (Rows{{"name", "addr"}, {"松江\n赤十字", "島根県"}, {"x", ""}}));
  EXPECT_EQ(parse_csv("a,,\n", cut), (Rows{{"a", "", ""}}));
  EXPECT_EQ(parse_csv("", cut), Rows{});
  EXPECT_FALSE(cut);
}

ParsedPage csv_page(const std::string& bytes) {
  static std::string keep;
  keep = bytes;
  RawDocument d;
  d.url = "file:///data/list.csv";
  d.content_type = "text/csv";
  d.body = keep;
  return extract_document(d);
}

void expect_facility_table(const ParsedPage& p) {
  ASSERT_EQ(p.tables.size(), 1u);
  const Table& t = p.tables[0];
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0].text, "施設名");
  EXPECT_TRUE(t.rows[0][0].header);
  EXPECT_EQ(t.rows[1][0].text, "髙橋医院");
  EXPECT_EQ(t.rows[1][2].text, "1,605千円");
  EXPECT_FALSE(t.rows[1][0].header);
  EXPECT_EQ(t.rows[2][1].text, "松江市①");
  ASSERT_EQ(p.blocks.size(), 3u);
  EXPECT_EQ(p.blocks[1].role, Block::Role::table_row);
  EXPECT_EQ(p.blocks[1].text, "髙橋医院 | 出雲市 | 1,605千円");
  EXPECT_EQ(p.content_type, "text/csv");
  EXPECT_FALSE(p.has_flag("charset_replaced"));
}

const std::string kUtf8 = "施設名,所在地,費用\r\n髙橋医院,出雲市,\"1,605千円\"\r\nみなと病院,松江市①,-\r\n";

TEST(Csv, Utf8WithAndWithoutBom) {
  expect_facility_table(csv_page(kUtf8));
  ParsedPage bom = csv_page("\xEF\xBB\xBF" + kUtf8);
  expect_facility_table(bom);
  EXPECT_EQ(bom.charset_source, "bom");
}

TEST(Csv, Cp932WithoutDeclaration) {
  // printf '%s' "$kUtf8" | iconv -t CP932 (髙 as the IBM code 0xFB 0xFC, as Excel writes it)
  const std::string cp932 =
      "\x8e\x7b\x90\xdd\x96\xbc,\x8f\x8a\x8d\xdd\x92\x6e,\x94\xef\x97\x70\r\n"
      "\xfb\xfc\x8b\xb4\x88\xe3\x89\x40,\x8f\x6f\x89\x5f\x8e\x73,\"1,605\x90\xe7\x89\x7e\"\r\n"
      "\x82\xdd\x82\xc8\x82\xc6\x95\x61\x89\x40,\x8f\xbc\x8d\x5d\x8e\x73\x87\x40,-\r\n";
  ParsedPage p = csv_page(cp932);
  EXPECT_EQ(p.charset, "windows-31j");
  expect_facility_table(p);
}

TEST(Csv, Utf16LittleEndianWithBom) {
  // What Excel's "Unicode text" and many government exports are.
  std::string utf16 = "\xFF\xFE";
  std::u16string text = u"施設名,所在地,費用\r\n髙橋医院,出雲市,\"1,605千円\"\r\nみなと病院,松江市①,-\r\n";
  for (char16_t c : text) {
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
  }
  ParsedPage p = csv_page(utf16);
  EXPECT_EQ(p.charset, "utf-16le");
  expect_facility_table(p);
}

}  // namespace
}  // namespace senrei
