// senrei/vocabulary.hpp — the domain's words, one table per concept (DOMAIN.md §3).
//
// Every keyword senrei writes into a record (operator forms, funding sources, payers,
// institution kinds, value states, periods, area scopes, consent methods, record kinds,
// products) is listed here once with its Japanese and English labels and the Japanese wordings
// a page or a query uses for it.  Extraction (senrei/ja.hpp), the query parser's filters, the
// report labels and the CLI read these tables; none keeps a copy.  A field table gives each
// field name its type, unit and labels.
//
// Wordings are matched against NFKC text (full-width ASCII already half-width).  A wording may
// be anchored: a leading '^' matches only at the start of the text, a trailing '$' only at its
// end ("^国$" is the whole text 国).  Within a table, terms and their wordings are in matching
// order: the most specific wording first (歯科 before 診療所).  Static data, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace vocabulary {

enum class Concept {
  operator_form,     // operator_form field: npo, general_association, ...
  area_scope,        // area_scope field: prefecture, secondary_area, municipal, multi_area
  funding_source,    // funding_sources items: regional_revitalization_fund, member_fees, ...
  payer,             // build_payers / running_payers items, fee payers: prefecture, hospital, clinic, ...
  institution_kind,  // breakdown keys of institution counts: hospital, clinic, disclosing, viewing, ...
  value_state,       // stated, undisclosed (非公開), unknown (不明, 未定), not_applicable (該当なし)
  period,            // year, month, once, unknown
  consent_method,    // bulk, per_facility, list
  record_kind,       // case_overview, faq, ... (the same keywords as senrei/record.hpp's RecordKind)
  product,           // products items: id_link, humanbridge, karteco, ...
  flag               // record and field flags (docs/json.md): parts_mismatch, garbled_text, ...
};

struct Term {
  std::string_view keyword;                // as written in JSON, the index and filters
  std::string_view ja;                     // Japanese label for display
  std::string_view en;                     // English label for display
  std::vector<std::string_view> wordings;  // Japanese (or product) wordings, NFKC, most specific first
  std::string_view funds_as = {};          // payer terms: the funding source a payer of that kind means
};

// The table of one concept, in matching order.
const std::vector<Term>& terms(Concept concept_);
// The term with that keyword, or nullptr.
const Term* find(Concept concept_, std::string_view keyword);
// The label of a keyword in Japanese or English; the keyword itself when it is unknown.
std::string_view label(Concept concept_, std::string_view keyword, bool japanese);

// Where `wording` (with its ^/$ anchors) occurs in `text`: a byte offset, or npos.
std::size_t find_wording(std::string_view text, std::string_view wording);
// The first term (in table order) one of whose wordings occurs in `text`, or nullptr.
const Term* first_match(Concept concept_, std::string_view text);
// Every term one of whose wordings occurs in `text`, each once, in order of first occurrence.
std::vector<const Term*> all_matches(Concept concept_, std::string_view text);

// The value-state keyword of text that states no value ("非公開" → undisclosed, "未定" →
// unknown, a bare "なし" → not_applicable); "stated" when the text names no state.  With
// `whole`, only a text that is nothing but the wording counts (a text cell 「負担者：非公開」,
// not 「県（内訳は非公開）」); otherwise a wording anywhere does (「総額不明（内訳のみ）」).
std::string_view value_state_of(std::string_view nfkc_text, bool whole = false);

// Funding sources granted for a period (the regional revitalization fund ran 2009–2013, the
// comprehensive care fund is allotted year by year, subsidies end): running costs resting on
// them end too.  Read by compare's funding table, its checks and the report's wording.
bool time_limited_fund(std::string_view funding_keyword);
// Operator forms that are a legal person of their own (npo, general_association,
// public_interest_association), and forms that are not (voluntary_association, council).
bool incorporated_form(std::string_view form_keyword);
bool unincorporated_form(std::string_view form_keyword);

// One field of a record (DOMAIN.md §3).
struct FieldSpec {
  std::string_view name;      // "build_cost_yen"
  std::string_view type;      // "number", "text", "keyword", "list", "flag"
  std::string_view unit;      // "yen", "person", "institution", "year", "fraction", or ""
  std::string_view ja;        // 構築費用
  std::string_view en;        // Build cost
  bool labelled = false;      // a page label may name it (a TOML source's label map may use it)
  Concept values = Concept::record_kind;  // keyword and list fields: the concept of their values
  bool has_values = false;                // whether `values` applies
};
const std::vector<FieldSpec>& fields();
// The field of that name; breakdown fields (institutions_<kind>) are found through their kind.
const FieldSpec* field(std::string_view name);

// The 47 prefectures by their full names (北海道, 青森県, ..., 沖縄県), in JIS order.
const std::vector<std::string_view>& prefectures();

}  // namespace vocabulary
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
