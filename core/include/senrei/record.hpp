// senrei/record.hpp — a Record, the unit of search, and its typed Fields.
//
// A Record is what a source plugin makes of a fetched page: one case overview, one FAQ entry,
// one guideline PDF.  Its id is stable across crawls (source + canonical URL + part), so an
// update replaces the old document.  Every Field carries its Provenance: the URL and the
// sentence it was read from, so any figure in a council table can be traced back.
//
// Values follow DOMAIN.md §3: field names are English snake_case; numbers are in base units
// (yen, persons, institutions, years, a fraction for rates); a value the page states as
// 非公開 / 不明 / 総額不明 is a state, never zero.  Plain value types, no threading concerns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

enum class RecordKind {
  case_overview, case_step, step_guide, point, faq, glossary, statistics,
  guideline, standard, notice, other
};

// The keyword used in the index, JSON and `kind:` filters ("case_overview", ...).
std::string_view to_string(RecordKind kind);
// Parses a keyword back; nullopt when it names no kind.
std::optional<RecordKind> parse_record_kind(std::string_view keyword);

// Where a value was read: the page and the sentence (or table row) holding it.
struct Provenance {
  std::string url;
  std::string sentence;
};

// How a page states a value.  Only `stated` carries a number or text.
enum class ValueState {
  stated,
  undisclosed,    // 非公開
  unknown,        // 不明, or a cost with no total on the page (総額不明)
  not_applicable  // なし, 該当なし
};
std::string_view to_string(ValueState state);
std::optional<ValueState> parse_value_state(std::string_view keyword);

struct Field {
  std::string name;                   // snake_case, e.g. "build_cost_yen"
  std::optional<double> number;       // numeric value in base units, when numeric
  std::optional<double> number_high;  // upper end of a range (約2,500~約3,500万円)
  std::string text;                   // text or enum keyword value ("npo", an ISO date, a name)
  std::vector<std::string> items;     // list values (funding_sources, standards, payers)
  std::optional<bool> flag;           // boolean values (build_cost_includes_data_output)
  ValueState state = ValueState::stated;
  std::string unit;                   // "yen", "person", "institution", "year", "fraction", ...
  std::string period;                 // costs: "year", "month" or "unknown"
  std::string payer_type;             // fees: who pays, a vocabulary::Concept::institution_kind keyword
                                      // ("hospital", "clinic", …); "" when the page names no kind
  bool approximate = false;           // 約, 程度, およそ
  std::string as_of;                  // ISO date or YYYY-MM, when the page gives one
  std::string raw;                    // the value as written on the page
  Provenance provenance;
  // List fields: where each item was read, when items come from several sentences (a fund named
  // in a cell, another in the summary): item_provenance[i] is items[i]'s; empty when all come
  // from `provenance`.
  std::vector<Provenance> item_provenance;
  // Consistency flags, never a changed value: "derived" (a sum of parts, no total stated),
  // "parts_mismatch" (stated parts disagree with the stated total), "conflicting_values" (the
  // page states two different values), "implausible_per_capita", "as_of_before_start",
  // "running_above_build".  The record lists each flag once (Record::flags).
  std::vector<std::string> flags;
};

struct Record {
  std::string id;        // "<source>:<canonical url>[#part]"; see make_record_id()
  std::string source;    // plugin name
  RecordKind kind = RecordKind::other;
  std::string title;
  std::string url;       // the real site's URL, also when read from a mirror
  std::string as_of;     // ISO date (or YYYY-MM / YYYY) the content is current to
  std::string text;      // main text for display and the index (UTF-8, original form)
  std::string part;      // part of a page ("q3" for one FAQ entry), empty for a whole page
  std::vector<Field> fields;
  std::vector<std::string> flags;  // "charset_replaced", "no_text_layer", "garbled_text", "truncated", ...

  // The first field of that name, or nullptr.
  const Field* field(std::string_view name) const;
};

std::string make_record_id(std::string_view source, std::string_view url, std::string_view part = {});

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
