// cli/present.hpp — how records and field values read for a person, and CSV cells.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/format.hpp"
#include "senrei/record.hpp"
#include "senrei/vocabulary.hpp"

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

// Codes in human output (i18n/i18n.hpp): in Japanese, the label of senrei/vocabulary.hpp's table
// (the one compare's reports use: general_association → 一般社団法人); in English the code itself,
// as JSON, filters and `export` write it.
std::string code_label(vocabulary::Concept concept_, std::string_view keyword);
// A field's name: its Japanese label (operator_form → 組織形態) in Japanese, else the name.
std::string field_label(std::string_view name);
// A field's value for a person: display_value, with keyword and list values as code_label gives
// them (財源 = 地域医療再生基金・会費 in Japanese).  `export` keeps display_value.
std::string human_value(const Field& field);
// A page or field flag (no_text_layer, parts_mismatch, …) in the chosen language.
std::string flag_label(std::string_view flag);
// A crawl-state page state (done, failed, gone, …) in the chosen language.
std::string page_state_label(std::string_view state);
// A search facet's name (kind, source, pref, form, fund) and one of its values.
std::string facet_label(std::string_view facet);
std::string facet_value_label(std::string_view facet, std::string_view value);
// `text` followed by spaces up to `width` terminal columns (a CJK character takes two).
std::string pad_display(std::string_view text, std::size_t width);

// A snippet with marks (index/snippet.hpp) → plain text and [start, end) byte spans.
std::pair<std::string, std::vector<std::pair<size_t, size_t>>> split_marks(std::string_view marked);

// CSV cells are escaped in one place, shared with the compare report writers.
using report::csv_cell;

}  // namespace senrei::cli
