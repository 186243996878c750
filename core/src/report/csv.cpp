// CSV for Excel: UTF-8 with BOM, CRLF, the tables one after another (a title line, a header,
// the rows, a blank line), numbers as plain numbers, and a last column with the sources.
#include <cstdio>
#include <ostream>

#include "report/format.hpp"
#include "report/links.hpp"

namespace senrei::report {

void write_csv(const Report& r, std::ostream& out) {
  out << "\xEF\xBB\xBF";
  out << csv_cell(r.title) << "\r\n";
  for (const auto& [k, v] : r.facts) out << csv_cell(k) << "," << csv_cell(v) << "\r\n";
  for (const auto& t : r.tables) {
    out << "\r\n" << csv_cell(t.title) << "\r\n";
    for (const auto& c : t.columns) out << csv_cell(c) << ",";
    out << csv_cell(tr(r.lang, "出典", "Sources")) << "\r\n";
    for (const auto& row : t.rows) {
      for (const auto& cell : row) {
        if (cell.number) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "%.10g", *cell.number);
          out << buf << ",";
        } else {
          out << csv_cell(cell.text) << ",";
        }
      }
      std::string urls;
      for (const auto& u : detail::row_urls(row)) urls += (urls.empty() ? "" : " ") + u;
      out << csv_cell(urls) << "\r\n";
    }
  }
  for (const auto& n : r.notes) out << "\r\n" << csv_cell(n);
  out << "\r\n";
}

}  // namespace senrei::report
