// cli/present.hpp — how records and field values read for a person, and CSV cells.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/format.hpp"
#include "senrei/record.hpp"

namespace senrei::cli {

// "約2,000万円", "非公開", "61,134人", "2004年", "含む", "regional_revitalization_fund, member_fees".
std::string display_value(const Field& field);
// "1,605千円/年" style suffixes: "/年", "/月", "（期間の記載なし）".
std::string period_label(const Field& field);
// Every field of a record, one a line, with unit, as-of date and the sentence (and URL, when not
// the record's) it was read from: what `show` and `sources --check` print.  `indent` prefixes
// each line; `color` sets field names in bold.
void print_fields(std::ostream& out, const Record& record, const std::string& indent, bool color);
// What a page flag means, for a person ("(a PDF without a text layer: scanned?)"); "" for a
// flag that explains itself.  `show` and `sources --check` print it beside the flag.
std::string flag_explanation(std::string_view flag);
// A one-line summary of a record's key fields for search results.
std::string key_fields_line(const Record& record);

// A snippet with marks (index/snippet.hpp) → plain text and [start, end) byte spans.
std::pair<std::string, std::vector<std::pair<size_t, size_t>>> split_marks(std::string_view marked);

// CSV cells are escaped in one place, shared with the compare report writers.
using report::csv_cell;

}  // namespace senrei::cli
