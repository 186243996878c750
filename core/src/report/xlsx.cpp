// XLSX through libxlsxwriter: a summary sheet, then one worksheet per table; numeric cells are
// numbers with number formats (yen, counts, rates, percent), text is stored as text (never a
// formula), and a last column lists the sources of the row.
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
  auto format = [&](const char* num_format, bool bold = false) {
    lxw_format* f = workbook_add_format(wb);
    if (num_format) format_set_num_format(f, num_format);
    if (bold) format_set_bold(f);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
  };
  lxw_format* header = format(nullptr, true);
  format_set_bg_color(header, 0xE8F0F7);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* text = format(nullptr);
  lxw_format* yen = format(ja ? "#,##0\"円\"" : "\"¥\"#,##0");
  lxw_format* yen_unit = format(ja ? "#,##0.0\"円\"" : "\"¥\"#,##0.0");
  lxw_format* count = format("#,##0");
  lxw_format* rate = format("#,##0.0");
  lxw_format* ratio = format("0.00");
  lxw_format* percent = format("0.0\"%\"");
  lxw_format* score = format("0.0");
  lxw_format* year = format("0");
  auto number_format = [&](Num n) {
    switch (n) {
      case Num::yen: return yen;
      case Num::yen_unit: return yen_unit;
      case Num::count: return count;
      case Num::rate: return rate;
      case Num::ratio: return ratio;
      case Num::percent: return percent;
      case Num::score: return score;
      case Num::year: return year;
      case Num::none: break;
    }
    return count;
  };

  std::set<std::string> used;
  lxw_worksheet* summary = workbook_add_worksheet(wb, sheet_name(ja ? "概要" : "Summary", used).c_str());
  worksheet_set_column(summary, 0, 0, 28, nullptr);
  worksheet_set_column(summary, 1, 1, 90, nullptr);
  worksheet_write_string(summary, 0, 0, excel_text(r.title).c_str(), title);
  lxw_row_t row = 2;
  for (const auto& [k, v] : r.facts) {
    worksheet_write_string(summary, row, 0, excel_text(k).c_str(), header);
    worksheet_write_string(summary, row++, 1, excel_text(v).c_str(), text);
  }
  ++row;
  for (const auto& n : r.notes) worksheet_write_string(summary, row++, 0, excel_text(n).c_str(), nullptr);

  for (const auto& t : r.tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t.title, used).c_str());
    if (!ws) throw std::runtime_error("cannot add a worksheet for " + t.title);
    worksheet_write_string(ws, 0, 0, excel_text(t.title).c_str(), title);
    if (!t.note.empty()) worksheet_write_string(ws, 1, 0, excel_text(t.note).c_str(), nullptr);
    const lxw_row_t head = 3;
    lxw_col_t cols = static_cast<lxw_col_t>(t.columns.size());
    for (lxw_col_t c = 0; c < cols; ++c) worksheet_write_string(ws, head, c, excel_text(t.columns[c]).c_str(), header);
    worksheet_write_string(ws, head, cols, ja ? "出典" : "Sources", header);
    worksheet_set_column(ws, 0, 0, 30, nullptr);
    if (cols > 1) worksheet_set_column(ws, 1, cols - 1, 16, nullptr);
    worksheet_set_column(ws, cols, cols, 48, nullptr);
    lxw_row_t r_i = head + 1;
    for (const auto& cells : t.rows) {
      for (lxw_col_t c = 0; c < cells.size() && c < cols; ++c) {
        const Cell& cell = cells[c];
        if (cell.number) worksheet_write_number(ws, r_i, c, *cell.number, number_format(cell.format));
        else worksheet_write_string(ws, r_i, c, excel_text(cell.text).c_str(), text);
      }
      std::string urls;
      for (const auto& u : detail::row_urls(cells)) urls += (urls.empty() ? "" : "\n") + u;
      if (!urls.empty()) worksheet_write_string(ws, r_i, cols, excel_text(urls).c_str(), text);
      ++r_i;
    }
    worksheet_freeze_panes(ws, head + 1, 1);
  }
  book.close(file.string());
}

#else

void write_xlsx(const Report&, const std::filesystem::path&) {
  throw std::runtime_error("this senrei was built without libxlsxwriter: install libxlsxwriter-dev (scripts/setup) and rebuild");
}

#endif

}  // namespace senrei::report
