// senrei/case_page.hpp — what any Japanese case overview page states, read alike for every source.
//
// A case overview (one network's page: its name, costs, counts, funding) is written in many
// markups and phrasings, but what it states is the same: the network's name in its heading
// (「あじさいネット（平成16年稼働）」), labelled facts (senrei/fields.hpp), facts in prose (an
// aging rate, a fund named in the summary, the products), and an as-of note
// (「※平成29年2月時点。ただし、登録患者数や参加機関数は平成28年6月末時点」) that dates the
// values it covers.  This header reads those for any source: a C++ plugin or a TOML source calls
// read_case_overview() and keeps only what is peculiar to its site (which URLs are cases).
//
// Rules: a stated total wins over its parts; a value's own date wins over the page's note, and the
// note's exceptions win over its main date; a flag never changes a value.  Pure functions,
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "senrei/page.hpp"
#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

// A page's as-of note: its date, and the fields its exceptions date otherwise.
struct AsOfNote {
  std::string date;                                         // "2017-02"; empty when the page has none
  std::vector<std::pair<std::string, std::string>> except;  // {"patients", "2016-06"}, ...
  std::string sentence;
};
// The first short note (not a table row) that states 時点 / 現在 with a date; its exceptions
// follow ただし / 但し / なお: 「登録患者数や参加機関数は平成28年6月末時点」 → patients and
// institutions_total (and their breakdowns) dated 2016-06.
AsOfNote read_as_of_note(const ParsedPage& page);

// The network's name and start year from the page's first <h1> (「あじさいネット（平成16年稼働）」).
std::vector<Field> read_case_heading(const ParsedPage& page);

// A heading or page title that reads as a network's name, without its site or section suffix:
// 「こだま医療ネット（全体概要）｜事例データベース」 → こだま医療ネット.  A title that names a topic
// (「とねっとの運営のしくみと費用」, 「事例一覧」, 「○○について」: a label word, a sentence, over 40
// characters) is no name: empty.
std::string name_from_title(std::string_view title);

// Facts stated outside label rows, each with its own sentence: an aging rate (「高齢化率は
// 30.2％」), funding sources named anywhere in the main text (negations respected: 「補助金に頼ら
// ず」, 「基金は使っていない」), and the products of senrei/vocabulary.hpp (ID-Link, ...).
std::vector<Field> read_stated_facts(const ParsedPage& page);

// Dates every value that has no date of its own: by the note's exception naming its field, else
// by the note's date.  start_year is never dated.
void date_values(std::vector<Field>& fields, const AsOfNote& note);

// Adds consistency flags to fields (never changing a value) and returns the record's flags, each
// once: parts_mismatch, conflicting_values (set while reading), implausible_per_capita (a count
// per 100,000 people out of range), as_of_before_start (a value dated before the start year),
// running_above_build (a running cost per year larger than the build cost).
std::vector<std::string> check_consistency(std::vector<Field>& fields);

// Whether fields read from a page make it a case overview: a network name and at least two
// labelled case facts (costs, counts, population, start year, operator, area, funding).
// "About this site", list and index pages are not.
bool reads_as_case_overview(const std::vector<Field>& labelled_fields);

struct CaseReading {
  std::vector<Field> fields;        // heading, labels, prose facts; dated and checked
  std::string as_of;                // the page's note date
  std::vector<std::string> flags;   // the record's consistency flags
  bool is_case_overview = false;    // reads_as_case_overview() of the heading and labelled fields
};
// All of the above for one page, in that order (the first value of a field wins).
CaseReading read_case_overview(const ParsedPage& page);

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
