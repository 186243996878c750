// .xlsx workbooks as tables (extract/xlsx.hpp): the fixture is written by hand, part by part, by
// tests/data/extract/xlsx/make_fixtures.py (which says what each cell checks).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "extract/extract.hpp"
#include "extract/xlsx.hpp"

namespace senrei {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(SENREI_TEST_DATA "/extract/xlsx/" + name, std::ios::binary);
  std::string body(std::istreambuf_iterator<char>(in), {});
  EXPECT_FALSE(body.empty()) << name;
  return body;
}

ParsedPage extract(const std::string& body, const std::string& type) {
  RawDocument d;
  d.url = "file:///data/budget.xlsx";
  d.content_type = type;
  d.body = body;
  return extract_document(d);
}

using Row = std::vector<std::string>;

Row texts(const std::vector<TableCell>& row) {
  Row out;
  for (const auto& c : row) out.push_back(c.text);
  return out;
}

TEST(Xlsx, SheetsMergedCellsAndNumberFormats) {
  const std::string body = fixture("budget.xlsx");
  ParsedPage p = extract(body, kXlsxType);
  EXPECT_EQ(p.content_type, kXlsxType);
  ASSERT_EQ(p.tables.size(), 2u) << "two worksheets; the chart sheet is skipped";
  const Table& plan = p.tables[0];
  EXPECT_EQ(plan.caption, "事業計画");
  ASSERT_EQ(plan.rows.size(), 4u);
  EXPECT_EQ(texts(plan.rows[0]), (Row{"事業名", "事業費", "負担割合", "開始日"}));
  EXPECT_TRUE(plan.rows[0][0].header);
  EXPECT_FALSE(plan.rows[1][0].header);
  EXPECT_EQ(texts(plan.rows[1]), (Row{"ICTを活用した地域医療連携ネットワーク構築", "1,605千円", "66.7%", "2024-04-01"}));
  EXPECT_EQ(texts(plan.rows[2]), (Row{"在宅医療介護連携&研修", "16,050円", "TRUE", "未定"}));
  // A5:A6 merged: the name stands in both rows.
  EXPECT_EQ(texts(plan.rows[3]), (Row{"在宅医療介護連携&研修", "-250千円", "#N/A", ""}));
  // The title merged across A1:D1 is a paragraph before the table, without its furigana.
  EXPECT_EQ(p.title, "みなと県地域医療介護総合確保基金 事業計画");
  const std::string text = p.main_text();
  EXPECT_EQ(text.find("ミナトケン"), std::string::npos);
  EXPECT_NE(text.find("ICTを活用した地域医療連携ネットワーク構築 | 1,605千円 | 66.7% | 2024-04-01"), std::string::npos);
  const Table& overview = p.tables[1];
  EXPECT_EQ(overview.caption, "概要");
  ASSERT_EQ(overview.rows.size(), 2u);
  EXPECT_EQ(texts(overview.rows[1]), (Row{"運用費用", "年額1,340万円"}));
  bool build = false, running = false;
  for (const auto& l : p.labels) {
    build = build || (l.label == "構築費用" && l.value == "約2,000万円");
    running = running || (l.label == "運用費用" && l.value == "年額1,340万円");
  }
  EXPECT_TRUE(build);
  EXPECT_TRUE(running);
  // Sniffed as a workbook when served as octet-stream.
  EXPECT_EQ(extract(body, "application/octet-stream").tables.size(), 2u);
}

TEST(Xlsx, NumberFormatsAsExcelShowsThem) {
  EXPECT_EQ(format_number(1605000, 0, "#,##0,\"千円\"", false), "1,605千円");
  EXPECT_EQ(format_number(1234567.891, 0, "", false), "1234567.891");
  EXPECT_EQ(format_number(1234567.891, 4, "", false), "1,234,567.89");
  EXPECT_EQ(format_number(0.677, 9, "", false), "68%");
  EXPECT_EQ(format_number(0.677, 0, "0.0%", false), "67.7%");
  EXPECT_EQ(format_number(-1500, 0, "#,##0;[Red]\\-#,##0", false), "-1,500");
  EXPECT_EQ(format_number(-1500, 0, "#,##0;\"△\"#,##0", false), "△1,500");
  EXPECT_EQ(format_number(0, 0, "#,##0;-#,##0;\"-\"", false), "-");
  EXPECT_EQ(format_number(3000, 0, "[$¥-411]#,##0", false), "¥3,000");
  EXPECT_EQ(format_number(45383, 14, "", false), "2024-04-01");
  EXPECT_EQ(format_number(45383, 0, "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"", false), "2024-04-01");
  EXPECT_EQ(format_number(45383.5, 22, "", false), "2024-04-01 12:00");
  EXPECT_EQ(format_number(0.75, 20, "", false), "18:00:00");
  EXPECT_EQ(format_number(59, 14, "", false), "1900-02-28");
  EXPECT_EQ(format_number(61, 14, "", false), "1900-03-01");
  EXPECT_EQ(format_number(0, 14, "", true), "1904-01-01");
  EXPECT_EQ(format_number(12.5, 0, "0", false), "13");
}

TEST(Xlsx, NotAWorkbook) {
  try {
    extract("PK\x03\x04 not really a zip xl/workbook.xml", kXlsxType);
    FAIL() << "expected broken_xlsx";
  } catch (const ExtractError& e) {
    EXPECT_EQ(e.kind(), "broken_xlsx");
    EXPECT_NE(std::string(e.what()).find("file:///data/budget.xlsx"), std::string::npos);
  }
  try {
    extract(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), kXlsxType);
    FAIL() << "expected encrypted_xlsx";
  } catch (const ExtractError& e) {
    EXPECT_EQ(e.kind(), "encrypted_xlsx");
  }
}

}  // namespace
}  // namespace senrei
