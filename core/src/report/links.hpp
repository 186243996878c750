// report/links.hpp — how a cell's sources become links, shared by the Markdown and HTML writers.
#pragma once

#include <string>
#include <vector>

#include "report/report.hpp"

namespace senrei::report::detail {

// The web sources of a cell (http/https only), once each by URL and sentence.
std::vector<Source> web_sources(const Cell& cell);
// Where the cell's text ends with its sources' labels joined by 、 or ", " (a list of precedent
// names, after an optional lead-in): the byte offset where that list starts, so each name can
// be its own link; npos when it does not.
size_t source_list_start(const Cell& cell, const std::vector<Source>& sources);
// A column is numeric (right-aligned) when each of its cells is a number or a dash.
std::vector<bool> numeric_columns(const Table& table);
// The unique URLs of a row's sources, in order (the CSV and XLSX source column).
std::vector<std::string> row_urls(const std::vector<Cell>& row);

}  // namespace senrei::report::detail
