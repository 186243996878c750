// The PDF table finder (extract/pdf_table.hpp) on words placed anywhere.  Input: records of 7
// bytes — x (2), y (2), width (1), height (1), text (1: picks a word, wide or ASCII, or a figure)
// — for one page; a "\n--\n" starts a second page.  Properties: every row of a table has one
// cell a column; the page's lines hold each table row once; header rows are leading rows;
// joining the pages keeps every row that is not a repeated header.
#include <string>
#include <vector>

#include "extract/pdf_table.hpp"
#include "fuzz_support.hpp"

namespace {

std::vector<senrei::pdf_table::Word> words_of(std::string_view in) {
  static const char* const kTexts[] = {"施設名", "住所", "みなと県青葉市1-2-3", "1", "22", "○", "×", "内科",
                                       "Town", "Clinic", "https://example.jp/", "０８５２-２４", "\xCC\xB2", "",
                                       "ネットワーク構築事業", "千円"};
  std::vector<senrei::pdf_table::Word> out;
  for (size_t i = 0; i + 7 <= in.size(); i += 7) {
    auto u = [&](size_t k) { return static_cast<unsigned char>(in[i + k]); };
    const double x = (u(0) << 8 | u(1)) / 16.0, y = (u(2) << 8 | u(3)) / 16.0;
    const double w = u(4) / 2.0, h = 1 + u(5) / 16.0;
    out.push_back({x, y, x + w, y + h, kTexts[u(6) % 16], (u(6) & 0x80) != 0});
  }
  return out;
}

void check_page(const senrei::pdf_table::PageLayout& page, std::string_view in) {
  size_t table_lines = 0, rows = 0;
  for (const auto& l : page.lines) table_lines += l.table_row;
  for (const auto& t : page.tables) {
    rows += t.table.rows.size();
    if (t.table.rows.empty()) senrei_fuzz::property_failed("a table without rows", in);
    const size_t width = t.table.rows.front().size();
    if (width < 3) senrei_fuzz::property_failed("a table of fewer than three columns", in);
    for (size_t r = 0; r < t.table.rows.size(); ++r) {
      if (t.table.rows[r].size() != width) senrei_fuzz::property_failed("a row with another number of cells", in);
      const bool header = static_cast<int>(r) < t.header_rows;
      for (const auto& c : t.table.rows[r])
        if (c.header != header) senrei_fuzz::property_failed("a header cell outside the leading header rows", in);
    }
    if (t.first_line + t.table.rows.size() > page.lines.size())
      senrei_fuzz::property_failed("a table's rows past the page's lines", in);
  }
  if (table_lines != rows) senrei_fuzz::property_failed("table rows and the page's table lines differ", in);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  auto [first, second] = senrei_fuzz::split2(in);
  std::vector<pdf_table::PageLayout> pages;
  pages.push_back(pdf_table::lay_out(words_of(first)));
  check_page(pages.back(), in);
  if (!second.empty()) {
    pages.push_back(pdf_table::lay_out(words_of(second)));
    check_page(pages.back(), in);
  }
  size_t before = 0, headers = 0;
  for (const auto& p : pages)
    for (const auto& t : p.tables) {
      before += t.table.rows.size();
      headers += static_cast<size_t>(t.header_rows);
    }
  size_t after = 0;
  for (const auto& t : pdf_table::join_tables(pages)) after += t.table.rows.size();
  if (after > before || after + headers < before) senrei_fuzz::property_failed("joining lost or made rows", in);
  return 0;
}
