// PDF tables from the words' positions (extract/pdf_table.hpp).  Judged on real MHLW PDFs that
// nobody on this project wrote (tests/data/third_party/mhlw-table-pdfs/, README there) against
// their hand-checked CSV, and on pages of words written here, fresh.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>

#include "extract/extract.hpp"
#include "extract/pdf_table.hpp"

namespace senrei {
namespace {

ParsedPage read_file(const std::string& name, const std::string& type) {
  static std::map<std::string, std::string> bodies;  // RawDocument::body must outlive the call
  auto& body = bodies[name];
  std::ifstream in(SENREI_TEST_DATA "/third_party/mhlw-table-pdfs/" + name, std::ios::binary);
  body.assign(std::istreambuf_iterator<char>(in), {});
  EXPECT_FALSE(body.empty()) << name;
  RawDocument d;
  d.url = "https://www.mhlw.go.jp/content/" + name;
  d.content_type = type;
  d.body = body;
  return extract_document(d);
}

// Without white space: the CSV writes a cell's line breaks, the PDF wraps where the cell ends.
std::string squeezed(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

struct Score {
  size_t cells = 0, in_rows = 0, in_text = 0;
};

// The CSV's 施設名 (column 0) and 住所 (column 2) against the PDF's table, whose column 0 is
// 番号: a cell counts when the table has a row with that 施設名 in column 1 and that 住所 in
// column 3, and, separately, when the cell stands whole on one line of the page text.  One
// miss is the transcription's (miyagi.csv's scrambled 「会 泉公益財団法人宮城厚生協病院」, see the
// README there), so the whole set can reach 197 of 198, not 198.
Score score(const std::string& stem) {
  ParsedPage pdf = read_file(stem + ".pdf", "application/pdf");
  ParsedPage csv = read_file(stem + ".csv", "text/csv");
  EXPECT_EQ(pdf.tables.size(), 1u) << stem << ": the pages' tables are one table";
  EXPECT_EQ(csv.tables.size(), 1u);
  Score s;
  if (pdf.tables.size() != 1 || csv.tables.size() != 1) return s;
  const Table& table = pdf.tables[0];
  std::vector<std::string> lines;
  for (const auto& p : pdf.pdf_pages) {
    size_t start = 0;
    while (start <= p.size()) {
      size_t end = p.find('\n', start);
      if (end == std::string::npos) end = p.size();
      lines.push_back(squeezed(p.substr(start, end - start)));
      start = end + 1;
    }
  }
  auto on_a_line = [&](const std::string& cell) {
    for (const auto& l : lines)
      if (l.find(cell) != std::string::npos) return true;
    return false;
  };
  for (const auto& row : csv.tables[0].rows) {
    // The transcription repeats each page's two header rows (基本情報…, 施設名…): not data.
    if (row.size() < 3 || row[0].text == "施設名" || (row[1].text.empty() && row[2].text.empty())) continue;
    const std::string name = squeezed(row[0].text), address = squeezed(row[2].text);
    s.cells += 2;
    s.in_text += on_a_line(name) + on_a_line(address);
    size_t best = 0;
    for (const auto& r : table.rows) {
      if (r.size() != 11 || squeezed(r[1].text) != name) continue;
      best = std::max<size_t>(best, 1 + (squeezed(r[3].text) == address));
    }
    if (best == 0) {
      for (const auto& r : table.rows)
        if (r.size() == 11 && squeezed(r[3].text) == address) best = 1;
      if (best == 1) std::printf("  %s: 施設名 not whole in the row of %s\n", stem.c_str(), row[2].text.c_str());
      if (best == 0) ADD_FAILURE() << stem << ": neither cell found in a row: " << row[0].text << " / " << row[2].text;
    } else if (best == 1) {
      std::printf("  %s: 住所 not in the row of %s\n", stem.c_str(), row[0].text.c_str());
    }
    s.in_rows += best;
  }
  return s;
}

TEST(PdfTable, MhlwListsAgainstTheirHandCheckedCsv) {
  Score all;
  for (const char* stem : {"miyagi", "shimane"}) {
    Score s = score(stem);
    std::printf("%s: %zu of %zu 施設名/住所 cells whole in their table row, %zu on one text line\n", stem,
                s.in_rows, s.cells, s.in_text);
    all.cells += s.cells;
    all.in_rows += s.in_rows;
    all.in_text += s.in_text;
  }
  ASSERT_GT(all.cells, 0u);
  const double rows = static_cast<double>(all.in_rows) / static_cast<double>(all.cells);
  const double text = static_cast<double>(all.in_text) / static_cast<double>(all.cells);
  std::printf("PDF tables: %.4f of the cells whole in their row, %.4f whole on a text line "
              "(pdftotext -layout: 0.84)\n", rows, text);
  EXPECT_GE(rows, 0.99);
  EXPECT_GE(text, 0.99);
}

TEST(PdfTable, MhlwHeaderOnceColumnsAndRowsInOrder) {
  ParsedPage p = read_file("shimane.pdf", "application/pdf");
  ASSERT_EQ(p.tables.size(), 1u);
  const Table& t = p.tables[0];
  ASSERT_GE(t.rows.size(), 2u);
  size_t headers = 0, named = 0;
  for (const auto& r : t.rows) {
    ASSERT_EQ(r.size(), 11u);
    if (r[1].text == "施設名") ++headers;
  }
  EXPECT_EQ(headers, 1u) << "the header repeated on each of the 10 pages is kept once";
  // Rows in page order: 番号 counts up from 1 with no gap.
  int expect = 1;
  for (const auto& r : t.rows) {
    if (r[0].header) continue;
    ++named;
    EXPECT_EQ(r[0].text, std::to_string(expect)) << r[1].text;
    ++expect;
  }
  EXPECT_GE(named, 78u);
  // The page text keeps a name wrapped in its cell whole: 「ほしの内科・胃腸科クリ」「ニック」.
  std::string text = p.main_text();
  EXPECT_NE(text.find("| ほしの内科・胃腸科クリニック |"), std::string::npos);
  size_t header_lines = 0;
  for (size_t at = text.find("| 施設名 |"); at != std::string::npos; at = text.find("| 施設名 |", at + 1))
    ++header_lines;
  EXPECT_EQ(header_lines, 1u);
}

// Pages of words written here: a ruled-table layout as Excel prints it.
using pdf_table::Word;

void put(std::vector<Word>& w, double x, double y, const std::string& text, double width = 0) {
  const double h = 10;
  // A wide character is h wide, an ASCII one half of that.
  if (width == 0)
    for (size_t i = 0; i < text.size();) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      width += c < 0x80 ? h / 2 : h;
      i += len;
    }
  w.push_back({x, y, x + width, y + h, text, false});
}

TEST(PdfTable, CentredMultiLineCellsJoinTheirRow) {
  std::vector<Word> w;
  put(w, 40, 20, "医療機関の一覧（みなと県）");
  put(w, 40, 60, "No");
  put(w, 80, 60, "名称");
  put(w, 200, 60, "所在地");
  put(w, 360, 60, "診療科（主なもの）");
  // Row 1: one line each.
  put(w, 40, 90, "1");
  put(w, 80, 90, "あおば内科");
  put(w, 200, 90, "みなと県青葉市1-2-3");
  put(w, 360, 90, "内科");
  // Row 2: the name wraps (fills the 100-wide cell), the departments are three lines the writer
  // broke, centred on the row.
  put(w, 40, 130, "2");
  put(w, 80, 124, "みなと県立中央病院附属");
  put(w, 80, 136, "こども医療センター");
  put(w, 200, 130, "みなと県港区4-5");
  put(w, 360, 118, "小児科");
  put(w, 360, 130, "外科");
  put(w, 360, 142, "内科");
  // Row 3.
  put(w, 40, 170, "3");
  put(w, 80, 170, "Minato Clinic");
  put(w, 200, 170, "みなと県港区6");
  put(w, 360, 170, "皮膚科");
  put(w, 40, 220, "※ 2020年5月1日現在の届出による。この一覧は毎週更新する予定である。");
  pdf_table::PageLayout page = pdf_table::lay_out(w);
  ASSERT_EQ(page.tables.size(), 1u);
  const Table& t = page.tables[0].table;
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(page.tables[0].header_rows, 1);
  EXPECT_TRUE(t.rows[0][1].header);
  EXPECT_FALSE(t.rows[1][1].header);
  EXPECT_EQ(t.rows[0][2].text, "所在地");
  EXPECT_EQ(t.rows[0][3].text, "診療科（主なもの）");
  EXPECT_EQ(t.rows[2][0].text, "2");
  EXPECT_EQ(t.rows[2][1].text, "みなと県立中央病院附属こども医療センター");
  EXPECT_EQ(t.rows[2][3].text, "小児科\n外科\n内科");
  EXPECT_EQ(t.rows[3][1].text, "Minato Clinic");
  EXPECT_EQ(t.rows[3][3].text, "皮膚科");
  ASSERT_EQ(page.lines.size(), 6u);
  EXPECT_EQ(page.lines[0].text, "医療機関の一覧（みなと県）");
  EXPECT_FALSE(page.lines[0].table_row);
  EXPECT_EQ(page.lines[3].text, "2 | みなと県立中央病院附属こども医療センター | みなと県港区4-5 | 小児科 外科 内科");
  EXPECT_TRUE(page.lines[3].table_row);
  EXPECT_EQ(page.lines[5].text.substr(0, 3), "※");
  EXPECT_FALSE(page.lines[5].table_row);
}

TEST(PdfTable, TopAlignedCellsAndRepeatedHeaderAcrossPages) {
  auto page_of = [](int first) {
    std::vector<Word> w;
    put(w, 40, 60, "事業名（継続の事業は二行目に記す）");
    put(w, 240, 60, "実施主体");
    put(w, 300, 60, "予算額（千円）");
    for (int k = 0; k < 3; ++k) {
      const double y = 90 + 40 * k;
      put(w, 40, y, "ネットワーク構築事業" + std::to_string(first + k));
      put(w, 240, y, "みなと県");
      put(w, 320, y, std::to_string(1000 * (first + k)));
      // A second line under the name only, top-aligned as the rest of the row.
      put(w, 40, y + 12, "（継続）");
    }
    return pdf_table::lay_out(w);
  };
  std::vector<pdf_table::PageLayout> pages{page_of(1), page_of(4)};
  ASSERT_EQ(pages[0].tables.size(), 1u);
  EXPECT_EQ(pages[0].tables[0].table.rows[1][0].text, "ネットワーク構築事業1\n（継続）");
  std::vector<pdf_table::PageTable> joined = pdf_table::join_tables(pages);
  ASSERT_EQ(joined.size(), 1u);
  const Table& t = joined[0].table;
  ASSERT_EQ(t.rows.size(), 7u);
  EXPECT_EQ(t.rows[0][2].text, "予算額（千円）");
  EXPECT_EQ(t.rows[4][0].text, "ネットワーク構築事業4\n（継続）");
  EXPECT_EQ(t.rows[6][2].text, "6000");
  // The second page's text lost its header line and kept its rows.
  ASSERT_EQ(pages[1].lines.size(), 3u);
  EXPECT_EQ(pages[1].lines[0].text, "ネットワーク構築事業4 （継続） | みなと県 | 4000");
}

TEST(PdfTable, ProseAndTwoColumnPagesAreNoTables) {
  std::vector<Word> w;
  for (int k = 0; k < 10; ++k) {
    put(w, 40, 40 + 14 * k, "地域医療連携ネットワークの運用に関する指針の本文である。");
    put(w, 340, 40 + 14 * k, "右の段にも本文が続く。");
  }
  pdf_table::PageLayout page = pdf_table::lay_out(w);
  EXPECT_TRUE(page.tables.empty());
  ASSERT_EQ(page.lines.size(), 10u);
  EXPECT_EQ(page.lines[0].text, "地域医療連携ネットワークの運用に関する指針の本文である。 右の段にも本文が続く。");
}

}  // namespace
}  // namespace senrei
