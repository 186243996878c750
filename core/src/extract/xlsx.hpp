// extract/xlsx.hpp — an Office Open XML workbook (.xlsx) as tables, one a worksheet.
//
// The ZIP container is read with libzip and the XML parts with expat (both Debian packages):
// xl/workbook.xml (sheet names and order, the 1904 date system), its relationships (which part
// is which sheet), xl/sharedStrings.xml (rich text runs joined; phonetic furigana runs <rPh>
// left out), xl/styles.xml (each cell style's number format) and each worksheet's cells and
// <mergeCell> ranges.  A cell reads as Excel shows it: a number in its number format
// (#,##0,"千円" of 1605000 → 1,605千円; 0.0% ; dates as 2024-04-01), text as written, TRUE/FALSE,
// errors such as #N/A; a formula's cached value.  A merged range's value stands in every cell it
// spans.  Rows and columns with nothing in them at the edges are dropped, and empty rows; the
// first row with two different values is the header (TableCell::header), as in a CSV; rows above
// it with one value (a title merged across the sheet) are paragraphs before the table.  Each sheet gives the page a heading block
// (its name), one table_row block per row ("a | b | c", as HTML tables), the table (caption = the
// sheet name) and the labels its rows state (html_table::table_labels).
//
// Hostile input is expected: a part larger than kMaxXlsxPartBytes unpacked, more than
// kMaxXlsxCells cells with a value in all, or a sheet's grid past 2 × kMaxXlsxCells cells (far
// corners of a sparse sheet) is not read past the limit (flag "truncated"); what is not a
// workbook throws ExtractError "broken_xlsx"; an encrypted workbook (an OLE file, not a ZIP)
// "encrypted_xlsx".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/page.hpp"

namespace senrei {

inline constexpr size_t kMaxXlsxPartBytes = 64 << 20;
inline constexpr size_t kMaxXlsxCells = 500000;  // cells with a value, over all sheets

struct Sheet {
  std::string name;
  std::vector<std::vector<std::string>> rows;  // a grid: every row as wide as the widest
};

// The workbook's worksheets in the workbook's order; `truncated` is set when a limit was hit.
std::vector<Sheet> read_xlsx(std::string_view bytes, bool& truncated);

void extract_xlsx(std::string_view bytes, ParsedPage& page);

// A number as Excel shows it under a format code (exposed for tests): "General", "#,##0",
// "0.0%", "#,##0,\"千円\"", "yyyy/m/d" (dates as ISO 8601) …; `builtin` is the numFmtId when
// the workbook names a built-in format without its code.
std::string format_number(double value, int builtin, std::string_view code, bool date1904);

}  // namespace senrei
