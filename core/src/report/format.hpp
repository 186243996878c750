// report/format.hpp — numbers for people, and escaping for each output format.
//
// The one place that says how a yen amount or a rate reads, and how a cell is made safe for
// CSV (formula injection), HTML and Markdown.  Pure functions.
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace senrei::report {

// 1234567.8 → "1,234,568" (decimals 0) or "1,234,567.8" (decimals 1).
std::string grouped(double value, int decimals = 0);
// A number as a Num format shows it, without an approximate mark.
std::string format_number(double value, Num format, Lang lang);
// The same with 約 / ~ in front when approximate.
std::string format_number(double value, Num format, Lang lang, bool approximate);
// Picks the label of the report's language.
inline const char* tr(Lang lang, const char* ja, const char* en) { return lang == Lang::ja ? ja : en; }

// A CSV cell: quoted when needed; a cell that a spreadsheet would take for a formula (starting
// with = + - @, tab or CR) is prefixed with ' so it stays text.
std::string csv_cell(std::string_view text);
// &, <, >, " and ' as entities.
std::string html_escape(std::string_view text);
// A Markdown table cell: | and \ escaped, < > & as entities (no raw HTML), newlines as spaces,
// [ ] * _ ` escaped so page text never becomes markup.
std::string markdown_escape(std::string_view text);
// Only http and https URLs become links (a javascript: URL from a page stays text).
bool is_web_url(std::string_view url);

}  // namespace senrei::report
