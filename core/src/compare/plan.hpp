// compare/plan.hpp — the region's own plan, read from a TOML plan file (docs/plan.md).
//
// A Plan is what `senrei compare` scores against the precedents: the region's profile, the
// network it plans, and its budget.  read_plan() is strict so that a typo never passes
// silently: an unknown key, a wrong type, a negative amount or a missing section is a PlanError
// whose message is one line, `FILE:LINE: key 'budget.running_cost_yen': expected …`.  Japanese
// is accepted wherever a keyword is (一般社団法人 for general_association, 地域医療介護総合確保基金
// for comprehensive_care_fund), through the normalizers of senrei/ja.hpp, and money may be
// written as a number of yen or as Japanese text ("4億8,000万円").
//
// Optional values stay empty when the file does not give them: a plan without participant
// targets is a plan the feasibility check must flag, not one to fill with defaults.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace senrei::compare {

class PlanError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Region {
  std::string name;                          // as shown in tables
  std::string prefecture;
  double population = 0;                     // persons, > 0
  std::optional<double> aging_rate;          // fraction 0..1
  std::string scope;                         // prefecture, secondary_area, municipal, multi_area
  std::vector<std::string> secondary_areas;
  std::optional<double> hospitals;
  std::optional<double> clinics;
};

struct NetworkPlan {
  std::string network_name;
  std::string operator_name;
  std::string operator_form;                 // DOMAIN.md §3 keyword
  std::string promoter_type;                 // prefecture, medical_association, core_hospital
  int start_year = 0;
  std::vector<std::string> issues;           // Japanese phrases, searched in the index
  std::vector<std::string> services;
  std::vector<std::string> standards;
  std::string consent_method;                // bulk, per_facility, list (or empty)
  std::optional<double> target_institutions;
  std::optional<double> target_hospitals;
  std::optional<double> target_clinics;
  std::optional<double> target_patients;
  std::optional<int> target_year;
  std::optional<bool> usage_monitoring;
  std::optional<bool> acceptance_test_planned;
  std::optional<int> renewal_year;
};

struct Funding {
  std::string source;  // funding keyword (DOMAIN.md §3)
  std::string name;    // as the plan names it
  std::string use;     // "build" or "running"
  double amount_yen = 0;
  std::string period;  // "once" or "year"
  // Running funding: the first and last year it pays (inclusive); empty = from the start, no end.
  std::optional<int> from_year, until_year;
};

struct Fee {
  std::string payer_type;  // hospital, clinic, dental, pharmacy, home_nursing, care, lab, other
  std::string label;
  double yen = 0;
  std::string period;      // "year" or "month"
  std::optional<double> expected_payers;
};

struct Budget {
  double build_cost_yen = 0;
  bool build_cost_includes_data_output = false;
  double running_cost_yen = 0;
  std::string running_cost_period;  // "year" or "month"
  std::optional<double> renewal_reserve_yen_per_year;
  std::vector<Funding> funding;
  std::vector<Fee> fees;

  double running_cost_per_year() const { return running_cost_period == "month" ? running_cost_yen * 12 : running_cost_yen; }
};

// Relative weights; read_plan() leaves the defaults below when the file has no [weights].
struct Weights {
  // The feasibility score's parts.
  double similarity = 20;
  double achievements = 20;
  double risk_checks = 40;
  double budget = 20;
  // The parts of a precedent's similarity to the region.
  double population = 2;
  double aging_rate = 1;
  double scope = 1;
  double operator_form = 1;
  double issues = 2;
};

// [comparison]: what the statistics and the score rest on.
struct ComparisonSettings {
  // Medians, ranges, percentiles and score parts need at least this many comparable figures
  // (the plan may raise it, never lower it below 3).
  int min_figures = 3;
  // The score's similarity part is the mean of the this-many most similar precedents (the
  // display option --top only chooses the rows shown).
  int similar_precedents = 5;
};

// [projection]: the 10-year 収支 projection (Step1-8 事業計画・収支計画).
struct ProjectionSettings {
  std::optional<int> start_year;          // default: plan.start_year
  int years = 10;
  int renewal_interval_years = 5;         // a renewal every N years after the start
  std::optional<double> renewal_cost_yen;    // the plan's renewal cost, or
  std::optional<double> renewal_cost_share;  // a share of the build cost (0..2)
};

struct Plan {
  std::string file;  // as given on the command line
  std::vector<std::string> notes;  // how the file was read, when not as plain UTF-8 (compare/plan_text.hpp)
  Region region;
  NetworkPlan plan;
  Budget budget;
  Weights weights;
  ComparisonSettings comparison;
  ProjectionSettings projection;
};

// Reads and checks a plan file.  Throws PlanError: one line with file and line, or for the usual
// mistakes of compare/plan_text.hpp one such line for each (up to 20).
Plan read_plan(const std::filesystem::path& file);

// The institution kind a word names (病院 / 中核病院 → hospital, 診療所 → clinic, 薬局 → pharmacy,
// or the keyword itself), with the breakdown keys of ja::parse_count; nullopt otherwise.
std::optional<std::string> institution_kind(const std::string& text);

}  // namespace senrei::compare
