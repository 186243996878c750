// senrei/ja.hpp — reading Japanese text and figures (DOMAIN.md §4).
//
// Pure functions, thread-safe, no global state beyond ICU's.  Every parser takes text as
// written on a page (full-width or half-width, kanji or Arabic numerals) and returns nullopt
// when the text holds no value of that kind; a stated non-value (非公開, 不明, 総額不明) is
// returned as a state, never as zero.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {

// Unicode NFKC (full-width ASCII → half-width, half-width katakana → full-width, ～ stays
// distinct from 〜 only as NFKC says).  Invalid UTF-8 is replaced with U+FFFD.
std::string nfkc(std::string_view utf8);
// NFKC plus case folding and whitespace collapsing: the form text is indexed and matched in.
std::string fold(std::string_view utf8);
// Text from outside (a file's value, a library's or a plugin's error text, a query echoed back)
// fit for a one-line message on a terminal: C0 controls and DEL (line breaks, tabs, escapes)
// become spaces; C1 controls and bidi controls (reorder_control_at) become U+FFFD, visible.
std::string one_line(std::string_view text);
// The length in bytes of a code point at text[i] that acts on a terminal or reorders the text
// around it when shown, and carries no text itself: a C1 control (U+0080–U+009F: CSI, OSC …)
// or a Unicode bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069: U+202E can
// reverse a line of a report).  0 for anything else, C0 included (callers treat those).
std::size_t reorder_control_at(std::string_view text, std::size_t i);

// A Japanese number: "1,200", "１，２００", "三千", "2億1,281万", "3億5千万", "1.2億".
std::optional<double> parse_number(std::string_view text);
// A number and nothing else, as typed in a query: "2010", "1億", "5億円", "950,007千円",
// "3億5千万", "１２３"; nullopt when anything else is in the text ("1億x").
std::optional<double> parse_whole_number(std::string_view text);
// A year and nothing else: "2010", "平成22", "H22" (or "h22"), "令和2年度".
std::optional<int> parse_whole_year(std::string_view text);

struct Money {
  ValueState state = ValueState::stated;
  std::optional<double> yen;       // low end, or the value
  std::optional<double> yen_high;  // high end of a range
  bool approximate = false;        // 約, 程度, およそ, 概ね
  std::string period;              // "year", "month" or "unknown" (not stated)
  std::vector<double> parts;       // amounts joined by ＋/+/、 when no total is stated
  std::string raw;                 // the matched text
  bool summed = false;             // yen is the sum of parts (no total stated on the page)
};
// Money as written: "950,007千円", "約2,000万円", "2億1,281万円", "3億5千万円", "1.2億円",
// "約2,500~約3,500万円", "1,605千円(年間)", "50,000千円/年", "月額10万円", "非公開", "総額不明".
// 「うち」 parts are left out of the total.  nullopt when no amount and no state is found.
// Several amounts with no total ("29,925千円＋40,105千円") give parts, yen = their sum and
// summed = true; with 総額不明 / 全体額不明 the state is unknown, yen empty and parts kept.
// period is "unknown" unless the text states one.
std::optional<Money> parse_money(std::string_view text);
// The inverse for display: 212810000 → "2億1,281万円", 20000000 → "2,000万円", 12345 →
// "12,345円".  parse_money(format_money(x))->yen == round(x) for 0 <= x < 1e18.
std::string format_money(double yen);

// A year from 西暦 or 和暦: "2016年", "平成28年", "平成元年", "H28", "R2", "令和2年度".
std::optional<int> parse_year(std::string_view text);
// A date or month: "平成29年2月時点" → "2017-02", "2019年3月31日現在" → "2019-03-31", "2018年" → "2018".
// 年度 n is April n – March n+1: "平成28年度" → "2016", "平成28年度末" → "2017-03".
std::optional<std::string> parse_date(std::string_view text);
// 和暦 of a 西暦 year, in the newest era it falls in: 2016 → "平成28年", 2019 → "令和元年",
// 1989 → "平成元年".  "" before 明治 (1868).  parse_year() reads it back up to 2117 (令和99: an
// era year past 99 is not read as one).
std::string format_era_year(int year);

struct Count {
  ValueState state = ValueState::stated;
  std::optional<double> value;  // the total (or the sum of the breakdown when no total is given)
  bool approximate = false;
  std::vector<std::pair<std::string, double>> breakdown;  // {"hospital", 32}, {"disclosing", 32}
  std::vector<double> parts;    // numbers joined by ＋ ("139施設＋65施設"), whose sum is value
  bool summed = false;          // value is the sum of parts or breakdown: no total is stated
  std::string as_of;
  std::string raw;
};
// Counts: "323（開示32/閲覧293）", "病院32、診療所150", "約13,500人", "37,511名", "139施設＋65施設".
// Breakdown keys are senrei/vocabulary.hpp's institution kinds: hospital, clinic, dental,
// pharmacy, home_nursing, care, lab, disclosing, viewing, other.  A stated total is the value;
// the sum of the parts only when none is stated (summed).  「うち」 under a part is a subset of
// that part (「開示40〔うち35は閲覧も〕、閲覧300」 → disclosing 40, viewing 300) and says the
// groups overlap: their sum is then no total and value is empty.
std::optional<Count> parse_count(std::string_view text);

// Population ("約143万人", "62,727人") and aging rate ("28.5%", "高齢化率 31.2％" → 0.312).
std::optional<Count> parse_population(std::string_view text);
std::optional<double> parse_rate(std::string_view text);

// Keyword normalizers; nullopt (or empty) when nothing is recognised.
// operator_form: npo, general_association, public_interest_association, voluntary_association,
// council, prefecture, municipality, medical_association, hospital, university.
std::optional<std::string> parse_operator_form(std::string_view text);
// funding sources in order of appearance, each once: regional_revitalization_fund,
// comprehensive_care_fund, national_subsidy, prefectural_budget, municipal_budget, member_fees,
// own_funds, medical_fee (the wordings of senrei/vocabulary.hpp).  A mention the clause after
// it negates is not one: 「国の補助金に頼らず」, 「基金は使っていない」, 「国庫補助ではなく」,
// 「参加費は無料」.
std::vector<std::string> parse_funding_sources(std::string_view text);
// area_scope: prefecture, secondary_area, municipal, multi_area.
std::optional<std::string> parse_area_scope(std::string_view text);
// The prefecture named in text ("長崎県全域" → "長崎県"), or nullopt.
std::optional<std::string> parse_prefecture(std::string_view text);
// Payers named in a 負担者 cell, as operator-like kinds (prefecture, municipality, operator,
// participants, hospital, medical_association, national, disclosing_institutions).
std::vector<std::string> parse_payers(std::string_view text);
// data output cost stated as included (true), excluded (false), or not stated (nullopt).
std::optional<bool> parse_data_output_included(std::string_view text);
// Consent method: bulk, per_facility, list.
std::optional<std::string> parse_consent_method(std::string_view text);

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
