// extract/csv.cpp — RFC 4180 rows into a Table (extract/csv.hpp).
#include "extract/csv.hpp"

#include "extract/html_dom.hpp"
#include "extract/html_table.hpp"

namespace senrei {

std::vector<std::vector<std::string>> parse_csv(std::string_view s, bool& truncated) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;        // inside a quoted field
  bool field_started = false; // the row has a field in progress (for a last line without \n)
  auto end_field = [&] {
    if (row.size() < kMaxCsvColumns) {
      row.push_back(std::move(field));
    } else {
      truncated = true;
    }
    field.clear();
  };
  auto end_row = [&] {
    end_field();
    rows.push_back(std::move(row));
    row.clear();
    field_started = false;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (rows.size() >= kMaxCsvRows) {
      truncated = true;
      return rows;
    }
    const char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      end_field();
      field_started = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      end_row();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (field_started || !field.empty() || !row.empty()) end_row();
  return rows;
}

void extract_csv(std::string_view utf8, ParsedPage& page) {
  bool truncated = false;
  auto rows = parse_csv(utf8, truncated);
  if (truncated) html_dom::add_flag(page, "truncated");
  Table table;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<TableCell> cells;
    std::string text;
    bool blank = true;
    for (size_t c = 0; c < rows[r].size(); ++c) {
      TableCell cell;
      cell.text = rows[r][c];
      cell.header = r == 0;
      blank = blank && cell.text.empty();
      if (c > 0) text += " | ";
      text += cell.text;
      cells.push_back(std::move(cell));
    }
    for (char& ch : text)
      if (ch == '\n' || ch == '\r') ch = ' ';
    if (blank) continue;
    page.blocks.push_back({Block::Role::table_row, 0, std::move(text)});
    table.rows.push_back(std::move(cells));
  }
  html_table::table_labels(table, "", page.labels);
  page.tables.push_back(std::move(table));
}

}  // namespace senrei
