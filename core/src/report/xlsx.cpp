// XLSX through libxlsxwriter, as Excel users expect: a 概要 sheet with the summary (numbers as
// numbers), then one worksheet per table (appendix tables last); numeric cells are numbers with
// number formats (万円 columns hold 万円, percentages are fractions with a % format), text is
// stored as text (never a formula), a cell naming one page and every source column is a
// hyperlink, 不適合/注意/適合 cells are filled like the HTML, and every sheet prints A4 landscape,
// fit to the page width, with its header row repeated.
#include <map>
#include <set>
#include <stdexcept>

#include "report/format.hpp"
#include "report/links.hpp"

#ifdef SENREI_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

namespace senrei::report {

#ifdef SENREI_HAVE_XLSXWRITER
namespace {

// Excel's limit is 31 characters (not bytes) and no []:*?/\.
std::string sheet_name(const std::string& title, std::set<std::string>& used) {
  std::string clean;
  size_t chars = 0;
  for (size_t i = 0; i < title.size() && chars < 28;) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    std::string ch = title.substr(i, len);
    if (ch.size() == 1 && std::string("[]:*?/\\'").find(ch[0]) != std::string::npos) ch = " ";
    clean += ch;
    i += len;
    ++chars;
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  std::string name = clean;
  for (int n = 2; used.count(name); ++n) name = clean + " " + std::to_string(n);
  used.insert(name);
  return name;
}

std::string excel_text(const std::string& s) { return s.size() > 32000 ? s.substr(0, 32000) : s; }

class Workbook {
 public:
  explicit Workbook(const std::string& path) : wb_(workbook_new(path.c_str())) {
    if (!wb_) throw std::runtime_error("cannot write " + path);
  }
  ~Workbook() {
    if (wb_) workbook_close(wb_);
  }
  void close(const std::string& path) {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR) throw std::runtime_error("writing " + path + " failed: " + lxw_strerror(err));
  }
  lxw_workbook* get() { return wb_; }

 private:
  lxw_workbook* wb_;
};

}  // namespace

void write_xlsx(const Report& r, const std::filesystem::path& file) {
  Workbook book(file.string());
  lxw_workbook* wb = book.get();
  const bool ja = r.lang == Lang::ja;
  // Formats by number format and fill (pass/warn/fail as in the HTML), made once each.
  std::map<std::pair<std::string, std::string>, lxw_format*> formats;
  auto format = [&](const char* num_format, const std::string& mark = "") {
    auto key = std::make_pair(std::string(num_format ? num_format : ""), mark);
    if (auto it = formats.find(key); it != formats.end()) return it->second;
    lxw_format* f = workbook_add_format(wb);
    if (num_format) format_set_num_format(f, num_format);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (mark == "pass") format_set_bg_color(f, 0xE3F4E3);
    if (mark == "warn") format_set_bg_color(f, 0xFFF4D6);
    if (mark == "fail") {
      format_set_bg_color(f, 0xFBE0E0);
      format_set_bold(f);
    }
    if (mark == "plan") {
      format_set_bg_color(f, 0xEEF5FB);
      format_set_bold(f);
    }
    if (mark == "link") {
      format_set_font_color(f, 0x1D5A8A);
      format_set_underline(f, LXW_UNDERLINE_SINGLE);
    }
    return formats[key] = f;
  };
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_bg_color(header, 0xE8F0F7);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  auto number_format = [&](Num n) -> const char* {
    switch (n) {
      case Num::yen: return ja ? "#,##0\"円\"" : "\"¥\"#,##0";
      case Num::man_yen: return "#,##0";
      case Num::yen_unit: return ja ? "#,##0.0\"円\"" : "\"¥\"#,##0.0";
      case Num::count: return "#,##0";
      case Num::rate: return "#,##0.0";
      case Num::ratio: return "0.00";
      case Num::percent: return "0.0%";
      case Num::score: return "0.0";
      case Num::year: return "0";
      case Num::none: break;
    }
    return "#,##0";
  };
  // Percentages are stored as fractions (66.7% is 0.667) with a % format.
  auto stored = [](const Cell& c) { return c.format == Num::percent ? *c.number / 100 : *c.number; };
  auto print_setup = [](lxw_worksheet* ws, lxw_row_t head) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, head, head);
  };
  // A cell: a number with its format, a hyperlink when it names one web page, else text.
  auto write_cell = [&](lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell) {
    if (cell.number) {
      worksheet_write_number(ws, row, col, stored(cell), format(number_format(cell.format), cell.mark));
      return;
    }
    auto sources = detail::web_sources(cell);
    if (sources.size() == 1 && sources[0].url.size() < 2000 &&
        worksheet_write_url_opt(ws, row, col, sources[0].url.c_str(), format(nullptr, "link"), excel_text(cell.text).c_str(),
                                nullptr) == LXW_NO_ERROR)
      return;
    worksheet_write_string(ws, row, col, excel_text(cell.text).c_str(), format(nullptr, cell.mark));
  };
  auto write_table = [&](lxw_worksheet* ws, const Table& t, lxw_row_t first_row) {
    worksheet_write_string(ws, first_row, 0, excel_text(t.title).c_str(), title);
    if (!t.note.empty()) worksheet_write_string(ws, first_row + 1, 0, excel_text(t.note).c_str(), nullptr);
    const lxw_row_t head = first_row + 3;
    lxw_col_t cols = static_cast<lxw_col_t>(t.columns.size());
    for (lxw_col_t c = 0; c < cols; ++c) worksheet_write_string(ws, head, c, excel_text(t.columns[c]).c_str(), header);
    worksheet_write_string(ws, head, cols, ja ? "出典" : "Sources", header);
    lxw_row_t r_i = head + 1;
    for (const auto& cells : t.rows) {
      for (lxw_col_t c = 0; c < cells.size() && c < cols; ++c) write_cell(ws, r_i, c, cells[c]);
      // Every source page of the row, one hyperlink a column.
      lxw_col_t c = cols;
      for (const auto& u : detail::row_urls(cells)) {
        if (u.size() >= 2000 || worksheet_write_url(ws, r_i, c, u.c_str(), format(nullptr, "link")) != LXW_NO_ERROR)
          worksheet_write_string(ws, r_i, c, excel_text(u).c_str(), nullptr);
        ++c;
      }
      ++r_i;
    }
    return head;
  };

  std::set<std::string> used;
  // 概要: the summary with its numbers as numbers, then the facts and notes.
  lxw_worksheet* summary = workbook_add_worksheet(wb, sheet_name(ja ? "概要" : "Summary", used).c_str());
  worksheet_set_column(summary, 0, 0, 28, nullptr);
  worksheet_set_column(summary, 1, 1, 100, nullptr);
  lxw_row_t row = 0;
  const Table* summary_table = nullptr;
  for (const auto& t : r.tables)
    if (t.id == "summary") summary_table = &t;
  worksheet_write_string(summary, row, 0, excel_text(r.title).c_str(), title);
  row = 2;
  lxw_row_t head = row;
  if (summary_table) {
    head = row + 3;
    write_table(summary, *summary_table, row);
    row += 4 + static_cast<lxw_row_t>(summary_table->rows.size()) + 1;
  }
  for (const auto& [k, v] : r.facts) {
    worksheet_write_string(summary, row, 0, excel_text(k).c_str(), header);
    worksheet_write_string(summary, row++, 1, excel_text(v).c_str(), format(nullptr));
  }
  ++row;
  for (const auto& n : r.notes) worksheet_write_string(summary, row++, 0, excel_text(n).c_str(), nullptr);
  print_setup(summary, head);

  for (const auto& t : r.tables) {
    if (&t == summary_table) continue;
    std::string name = (t.appendix ? (ja ? "付録 " : "App ") : "") + t.title;
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(name, used).c_str());
    if (!ws) throw std::runtime_error("cannot add a worksheet for " + t.title);
    lxw_col_t cols = static_cast<lxw_col_t>(t.columns.size());
    worksheet_set_column(ws, 0, 0, 30, nullptr);
    if (cols > 1) worksheet_set_column(ws, 1, cols - 1, 16, nullptr);
    worksheet_set_column(ws, cols, cols + 8, 40, nullptr);
    lxw_row_t h = write_table(ws, t, 0);
    worksheet_freeze_panes(ws, h + 1, 1);
    print_setup(ws, h);
  }
  book.close(file.string());
}

#else

void write_xlsx(const Report&, const std::filesystem::path&) {
  throw std::runtime_error("this senrei was built without libxlsxwriter: install libxlsxwriter-dev (scripts/setup) and rebuild");
}

#endif

}  // namespace senrei::report
