// extract/pdf_table.hpp — a PDF page's words (text boxes with positions) → lines of text in
// reading order and the tables on the page, as rows of cells.
//
// Poppler gives words and where they stand, not tables.  A table is found from the words alone
// (no ruling lines are needed):
//  - a line's words are cut into segments where the gap is wider than 0.6 of the line height (a
//    space between words is narrower, the padding between two cells wider);
//  - columns are the x ranges that the segments of lines with three or more segments cover
//    (their union; a gap that no such line crosses separates two columns);
//  - a row is anchored at a line that has text in at least max(3, 40 %) of the columns (the
//    one-line cells of a row: a number, a postal code, ○/×);
//  - the lines of a multi-line cell belong to the row whose anchor is their middle (Excel and
//    Word centre a cell vertically), found per column by dynamic programming; a line that fits
//    no row that way joins the row above it (top-aligned cells), one above the first row makes a
//    header row of its own (a group heading such as 基本情報);
//  - a cell's lines are joined as the page would read them: a line that fills the cell (no room
//    for two more characters: one, and one the Japanese line-breaking rule may have moved) was
//    wrapped and is joined to the next (nothing between Japanese characters, a space between
//    Latin words); a shorter one the writer ended (a line break in the cell);
//  - leading rows in which no cell holds a digit are header rows (TableCell::header).
// Text above, below or beside the table keeps its reading order; the table stands at its place
// as one line per row, cells joined by " | " (as HTML table rows; row_text), so a wrapped name
// reads whole.
// join_tables() puts the tables of consecutive pages with the same columns together and drops
// a header repeated at the top of each page.  Plain value types, no poppler: testable alone.
#pragma once

#include <string>
#include <vector>

#include "senrei/page.hpp"

namespace senrei::pdf_table {

// A word as poppler's text box gives it: page coordinates, y growing downwards.
struct Word {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;  // UTF-8
  bool space_after = false;
};

struct PageTable {
  Table table;
  int header_rows = 0;    // leading rows that are the header (their cells have header = true)
  size_t first_line = 0;  // PageLayout::lines index of the table's first row
};

struct TextLine {
  std::string text;
  bool table_row = false;  // a table's row as "a | b | c"
};

struct PageLayout {
  // Lines in reading order; a table's rows are among them, one line a row.
  std::vector<TextLine> lines;
  std::vector<PageTable> tables;
};

// Bounded: at most kMaxWords words of a page are laid out (the rest are dropped).
inline constexpr size_t kMaxWords = 20000;

PageLayout lay_out(std::vector<Word> words);

// Tables of consecutive pages with the same number of columns become one; on the later pages
// the header rows equal to the first table's are dropped, from the table and from that page's
// lines.  A table whose header differs starts a new table.
std::vector<PageTable> join_tables(std::vector<PageLayout>& pages);

// "a | b | c" with the line breaks the writer put in a cell as spaces: the row as page text
// (a wrapped cell is already one line).
std::string row_text(const std::vector<TableCell>& row);

}  // namespace senrei::pdf_table
