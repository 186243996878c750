// compare/comparison.hpp — the region's plan scored against the precedents (DOMAIN.md §1,
// Step1 item 2 feasibility and item 8 budget benchmarks).
//
// compare() computes everything a council table shows, as numbers and keywords; the report
// writers (core/src/report) only format it, in Japanese or English.  Every precedent figure is
// a SourcedValue that keeps the page's URL and sentence.  How each number is computed is in
// docs/plan.md ("How compare scores"); the contract in short:
//   - similarity of a precedent: weighted mean of parts in 0..1 (population, aging rate, scope,
//     operator form, issues searched in the index); a part the precedent has no figure for
//     counts 0 and is shown as unknown;
//   - benchmarks: median, min, max and the plan's percentile over the precedents' comparable
//     figures only, unless Options::include_incomparable; incomparable figures stay listed with
//     their reasons;
//   - the feasibility score: parts 0..100 weighted by Plan::weights, renormalised over the parts
//     that have a score.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compare/plan.hpp"
#include "compare/precedent.hpp"

namespace senrei::compare {

struct Options {
  size_t top = 5;                     // similar precedents shown
  bool include_incomparable = false;  // let incomparable figures into medians
};

// A precedent's figure: the value and where it was read.
struct SourcedValue {
  std::string field;
  std::optional<double> value;  // stated number in base units
  ValueState state = ValueState::stated;
  bool approximate = false;
  std::string period;  // running costs: year, month, unknown
  std::string text;    // keyword or text value
  std::vector<std::string> items;
  std::string raw;     // as written on the page
  std::string as_of;
  std::string url;
  std::string sentence;
};
SourcedValue sourced(const Field& field);

// What finds the plan's issues in the precedents' pages (the index, or a fake in tests).
class IssueSearch {
 public:
  virtual ~IssueSearch() = default;
  // The content words of an issue phrase (folded; particles dropped).
  virtual std::vector<std::string> words(const std::string& phrase) = 0;
  // The records (case overviews and their step pages) whose text holds the word.
  virtual std::vector<Record> records_with(const std::string& word) = 0;
};

// ---- feasibility (Step1 item 2) ----

struct IssueMatch {
  std::string issue;
  std::vector<std::string> words;
  std::vector<double> weights;  // idf of each word over the precedents
  std::vector<bool> found;      // in this precedent's pages
  double coverage = 0;          // weighted share of the words found, 0..1
  std::vector<std::string> urls;  // pages where words were found
};

struct SimilarityPart {
  std::string name;             // population, aging_rate, scope, operator_form, issues
  std::optional<double> score;  // 0..1; nullopt when the precedent has no figure
  double weight = 0;            // as in the plan
  std::optional<SourcedValue> figure;  // the precedent's field behind it
};

struct Similar {
  size_t precedent = 0;  // index into Comparison::precedents
  double similarity = 0;  // 0..1
  std::vector<SimilarityPart> parts;
  std::vector<IssueMatch> issues;
};

struct Achievement {
  size_t precedent = 0;
  std::optional<int> start_year;
  std::string as_of;
  std::optional<int> years_running;  // as_of year − start year
  std::optional<SourcedValue> population, institutions, patients;
  std::optional<double> institutions_per_100k, patients_per_100k;
};

struct PlanTargets {
  std::optional<double> institutions_per_100k, patients_per_100k;
  std::optional<int> years_to_target;
};

enum class CheckResult { pass, warn, fail };
std::string_view to_string(CheckResult r);

struct Evidence {
  std::string national;              // id of a national figure (compare/national.hpp), or ""
  std::optional<size_t> precedent;   // or a precedent's figure
  std::optional<SourcedValue> figure;
};

// One failure pattern of DOMAIN.md §5 checked against the plan.
struct Check {
  std::string id;  // participant_targets, renewal_funding, time_limited_running_funds, fee_model,
                   // acceptance_test, usage_monitoring, running_funding_balance, build_funding_balance
  CheckResult result = CheckResult::pass;
  std::map<std::string, double> values;  // the plan's figures behind the result (named)
  std::vector<Evidence> evidence;
};

struct ScorePart {
  std::string name;              // similarity, achievements, risk_checks, budget
  std::optional<double> score;   // 0..100; nullopt when there is nothing to score it on
  double weight = 0;             // as in the plan
  double share = 0;              // weight / sum of the weights of parts with a score
};

struct Score {
  double total = 0;  // 0..100
  std::vector<ScorePart> parts;
};

// ---- benchmarks (Step1 item 8) ----

struct BenchmarkFigure {
  size_t precedent = 0;
  std::optional<double> value;  // nullopt: no figure (非公開, 不明)
  SourcedValue numerator;
  std::optional<SourcedValue> denominator;
  std::vector<std::string> incomparable;  // reasons (docs/plan.md): approximate, range,
      // sum_of_parts, data_output_included, data_output_excluded, data_output_unstated,
      // period_unknown, undisclosed, total_unknown, not_applicable
  bool converted_from_month = false;
  bool used = false;  // in median / range / percentile
};

struct Benchmark {
  std::string metric;  // build_cost, running_cost_per_year, build_cost_per_capita,
                       // build_cost_per_institution, running_cost_per_institution, running_cost_per_patient
  std::string unit;    // yen, yen_per_year, yen_per_person, yen_per_institution,
                       // yen_per_institution_year, yen_per_patient_year
  std::optional<double> plan;
  double plan_numerator = 0;
  std::optional<double> plan_denominator;
  std::optional<double> median, min, max, percentile;  // percentile 0..100
  std::vector<BenchmarkFigure> figures;
  size_t used = 0;
  size_t incomparable = 0;  // figures with a value left out (or, with include_incomparable, let in)
};

struct FundingMix {
  std::string source;  // funding keyword
  double plan_build = 0, plan_running = 0;  // yen (build once, running per year)
  double plan_build_share = 0, plan_running_share = 0;  // of the plan's build / running funding
  bool time_limited = false;
  std::vector<std::string> plan_names;
  std::vector<std::pair<size_t, SourcedValue>> precedents;  // precedents naming this source
};

struct FeeRow {
  std::optional<size_t> precedent;  // nullopt: the plan's fee
  std::string payer_type;
  std::string label;
  std::optional<double> yen;
  std::string period;
  std::optional<double> expected_payers;
  std::optional<SourcedValue> figure;
};

struct OperatorFormRow {
  std::string form;
  bool plan = false;
  std::vector<std::pair<size_t, SourcedValue>> precedents;
};

struct Comparison {
  Plan plan;
  Options options;
  std::vector<Precedent> precedents;
  std::vector<Similar> similar;            // the top N, most similar first
  std::vector<Similar> all_similarities;   // every precedent, most similar first
  std::vector<Achievement> achievements;   // of the top N, in their order
  std::vector<Achievement> all_achievements;  // every precedent (the score uses these)
  PlanTargets targets;
  std::vector<Check> checks;
  Score score;
  std::vector<Benchmark> benchmarks;
  std::vector<FundingMix> funding;
  std::vector<FeeRow> fees;
  std::vector<OperatorFormRow> operator_forms;
};

// Throws std::invalid_argument when there are no precedents (the CLI says how to get some).
Comparison compare(const Plan& plan, std::vector<Precedent> precedents, IssueSearch& issues, const Options& options);

// ---- parts, exposed for tests ----
std::vector<Similar> rank_similar(const Plan& plan, const std::vector<Precedent>& precedents, IssueSearch& issues);
std::vector<Achievement> achievements_of(const std::vector<Precedent>& precedents);
PlanTargets targets_of(const Plan& plan);
std::vector<Check> check_failure_patterns(const Plan& plan, const std::vector<Precedent>& precedents);
std::vector<Benchmark> benchmarks_of(const Plan& plan, const std::vector<Precedent>& precedents, const Options& options);
Score score_of(const Comparison& c);

bool is_time_limited_fund(std::string_view source);

}  // namespace senrei::compare
