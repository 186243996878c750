// senrei/fields.hpp — from a labelled value on a page to typed Fields (DOMAIN.md §3).
//
// Sources differ in markup, not in vocabulary: a 構築費用 row means the same on every site.
// So the mapping from Japanese labels to field names, and from value text to typed values,
// lives here once, for the built-in plugins and for declarative (TOML) sources alike.
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/page.hpp"
#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

// The field a Japanese label names ("構築費用" → "build_cost_yen", "運営主体の運用費用" →
// "running_cost_yen", "参加機関数" → "institutions_total"), or nullopt.  `context` is the
// outer label or heading (費用負担, 規模), used for ambiguous labels such as 負担者.
std::optional<std::string> field_for_label(std::string_view label, std::string_view context = {});

// Reads one field's value from text and returns the fields it yields, each with provenance:
// a count with a breakdown gives institutions_total plus institutions_hospital …; a cost gives
// build_cost_yen plus build_cost_includes_data_output when the text says so.  Returns nothing
// when the text holds no value for that field.  Unknown field names are kept as text fields.
std::vector<Field> read_fields(std::string_view field, std::string_view value, const Provenance& provenance);

// Reads every labelled value of a page (ParsedPage::labels, including 「ラベル：値」 text inside
// a value cell) with field_for_label + read_fields.  The first value of a field wins, except
// that list fields (funding_sources, ...) are merged.
std::vector<Field> read_labelled_fields(const ParsedPage& page);

// Adds or merges `more` into `fields` by the rule above.
void merge_fields(std::vector<Field>& fields, std::vector<Field> more);

// The field names a label may be mapped to (DOMAIN.md §3: network_name, build_cost_yen, ...),
// each read by read_fields() as the table there says; the fields a reading adds on its own
// (area_scope, prefecture, institutions_hospital, ...) are not in it.  A declarative source's
// label map is checked against this list.
const std::vector<std::string>& known_field_names();

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
