// extract/csv.hpp — a CSV file (already decoded to UTF-8) as one table of rows and cells.
//
// RFC 4180 as spreadsheet programs write it: fields separated by commas, a field in double
// quotes may hold commas, line breaks and doubled quotes (""), lines end in CRLF or LF, a
// missing final line break is fine.  Lenient where real files are sloppy: a quote inside an
// unquoted field is kept as a character; text after a closing quote is appended to the field.
// The first row is the header (TableCell::header), as spreadsheet exports have it.  The page
// gets the table (ParsedPage::tables), one table_row block per non-empty row ("a | b | c", as
// HTML tables) and the labels its rows state (html_table::table_labels).  Bounded: at most
// kMaxCsvRows rows and kMaxCsvColumns cells a row are read (more sets the flag "truncated").
#pragma once

#include <cstddef>
#include <string_view>

#include "senrei/page.hpp"

namespace senrei {

inline constexpr size_t kMaxCsvRows = 100000;
inline constexpr size_t kMaxCsvColumns = 1000;

// Rows of cells, as written (no trimming: a cell " 1,605 " keeps its spaces).
std::vector<std::vector<std::string>> parse_csv(std::string_view utf8, bool& truncated);

void extract_csv(std::string_view utf8, ParsedPage& page);

}  // namespace senrei
