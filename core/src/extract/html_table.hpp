// extract/html_table.hpp — a data <table> as rows of cells, and the labels its rows state.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

#include "senrei/page.hpp"

namespace senrei::html_table {

// Rows in markup order (spans not expanded).  rowspan 0 or past the row group's end is clipped
// to the group; colspan is 1..1000, as the HTML standard clamps them.
Table read_table(const GumboNode* table);

// Label rows of a table (DOMAIN.md §2): a row's leading label cells (<th>, or a short plain
// cell with no digits) and its value cells.  Two label cells: context = the outer, label = the
// inner (費用負担 | 構築費用 | 約2,000万円); a rowspan'd outer label and a full-width group row
// (<th colspan=2>費用負担</th>) give the context of the rows below.  A value cell made only of
// 「ラベル：値」 lines gives one label per line, under the row's label.  Otherwise the context
// is `heading`.  `sentence` reads 「構築費用：約2,000万円 ※…」.
void table_labels(const Table& table, const std::string& heading, std::vector<LabelValue>& out);

}  // namespace senrei::html_table
