// index/schema.hpp — the one table of what a senrei Xapian document holds.
//
// Writer, query parser, searcher and facets all read their prefixes and slots from here; a
// change to anything below changes what an existing index means, so bump kIndexSchemaVersion
// (an index with another schema version is refused with a "re-ingest" message).
//
// Terms
//   (none)  MeCab words of title (wdf ×kTitleWdf) and text, folded (NFKC + case fold), positional
//           (a symbol between two words skips a position); a user-dictionary word's parts too,
//           without positions (tokenizer.hpp)
//   XN      n-grams of the same folded text (ngrams.hpp): CJK pairs with positions (a run of a
//           string is the phrase of its pairs), single letters and other words without; the
//           fallback then checks each candidate's text (word_bounds.hpp)
//   Q       record id                 (boolean; hashed when long, see bounded_term())
//   U       record url                (boolean; hashed when long)
//   XS      source (plugin name)      (boolean)  filter  source:
//   XK      kind keyword              (boolean)  filter  kind:
//   XP      prefecture, folded        (boolean)  filter  pref:   field "prefecture" text
//   XF      operator_form keyword     (boolean)  filter  form:   field "operator_form" text
//   XU      funding source keyword    (boolean)  filter  fund:   each item of "funding_sources"
//   XR      product keyword           (boolean)  filter  product: each item of "products"
// Values: numeric slots hold Xapian::sortable_serialise(double); string slots hold the folded
// keyword (funding, products: the sorted keywords joined by '\n', split again when counting facets).
// Document data: the Record as JSON (record/record_json.hpp).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <xapian.h>

#include "senrei/record.hpp"

namespace senrei::index {

inline constexpr int kIndexSchemaVersion = 5;  // 2: document data as header + JSON + raw text;
                                               // 3: a symbol between words leaves a position empty;
                                               //    products (product: filter)
                                               // 4: n-grams without positions, by index/ngrams.hpp
                                               // 5: CJK pairs (bigrams) with positions again

inline constexpr std::string_view kPrefixNgram = "XN";
inline constexpr std::string_view kPrefixId = "Q";
inline constexpr std::string_view kPrefixUrl = "U";
inline constexpr std::string_view kPrefixSource = "XS";
inline constexpr std::string_view kPrefixKind = "XK";
inline constexpr std::string_view kPrefixPrefecture = "XP";
inline constexpr std::string_view kPrefixOperatorForm = "XF";
inline constexpr std::string_view kPrefixFunding = "XU";
inline constexpr std::string_view kPrefixProduct = "XR";

// Title words count this many times the text's: a title hit ranks first.
inline constexpr Xapian::termcount kTitleWdf = 5;
// Positions between title and text, so a phrase never spans the two.
inline constexpr Xapian::termpos kTitleTextGap = 100;

// Metadata keys.
inline constexpr std::string_view kMetaSchema = "senrei.schema";
inline constexpr std::string_view kMetaDictionary = "senrei.mecab_dictionary";      // for people
inline constexpr std::string_view kMetaDictionaryKey = "senrei.mecab_dictionary_key";  // compared

enum Slot : Xapian::valueno {
  // numeric (sortable_serialise)
  kSlotStartYear = 0,
  kSlotBuildCost = 1,
  kSlotRunningCost = 2,
  kSlotPopulation = 3,
  kSlotPatients = 4,
  kSlotInstitutions = 5,
  // strings (facets)
  kSlotKind = 10,
  kSlotSource = 11,
  kSlotPrefecture = 12,
  kSlotOperatorForm = 13,
  kSlotFunding = 14,
  kSlotId = 15,  // the full record id (the Q term may be hashed)
  kSlotProduct = 16,
};

// A numeric field: its Record field name, its query filter name and its slot.
struct NumericField {
  std::string_view field;   // Record field name (DOMAIN.md §3)
  std::string_view filter;  // query filter name: year:, build:, ...
  Xapian::valueno slot;
  bool money;               // accepts 万/億/千円 amounts
};
inline constexpr std::array<NumericField, 6> kNumericFields{{
    {"start_year", "year", kSlotStartYear, false},
    {"build_cost_yen", "build", kSlotBuildCost, true},
    {"running_cost_yen", "run", kSlotRunningCost, true},
    {"population", "pop", kSlotPopulation, false},
    {"patients", "patients", kSlotPatients, false},
    {"institutions_total", "inst", kSlotInstitutions, false},
}};

// A facet / boolean filter: its name in queries and results, prefix and string slot.
struct KeywordFilter {
  std::string_view filter;  // kind, source, pref, form, fund, product
  std::string_view prefix;
  Xapian::valueno slot;
  std::string_view list_field = {};  // the Record list field whose items it holds (fund, product)
};
inline constexpr std::array<KeywordFilter, 6> kKeywordFilters{{
    {"kind", kPrefixKind, kSlotKind},
    {"source", kPrefixSource, kSlotSource},
    {"pref", kPrefixPrefecture, kSlotPrefecture},
    {"form", kPrefixOperatorForm, kSlotOperatorForm},
    {"fund", kPrefixFunding, kSlotFunding, "funding_sources"},
    {"product", kPrefixProduct, kSlotProduct, "products"},
}};

// Separator of the keywords in a list slot (kSlotFunding, kSlotProduct).
inline constexpr char kListSeparator = '\n';

// prefix + value, kept under Xapian's 245-byte term limit: a value that would pass 240 bytes is
// cut at a UTF-8 boundary and followed by '#' and a stable 64-bit FNV-1a hash of the whole value.
std::string bounded_term(std::string_view prefix, std::string_view value);

// A document's data: the Record, so `show` and `export` need nothing else.  Layout: the
// decimal byte length of the JSON, '\n', the Record as JSON without its text, then the text as
// raw UTF-8.  Keeping the text (most of a record's bytes) out of the JSON spares every search
// hit a JSON lexer pass over it: half of a 10-hit search's CPU before.
std::string encode_document_data(const Record& record);
// Throws std::runtime_error for data this schema did not write.
Record decode_document_data(std::string_view data);

}  // namespace senrei::index
