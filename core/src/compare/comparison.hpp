// compare/comparison.hpp — the region's plan scored against the precedents (DOMAIN.md §1,
// Step1 item 2 feasibility and item 8 budget benchmarks).
//
// compare() computes everything a council table shows, as numbers and keywords; the report
// writers (core/src/report) only format it, in Japanese or English.  Every precedent figure is
// a SourcedValue that keeps the page's URL and sentence.  How each number is computed is in
// docs/plan.md ("How compare scores"); the contract in short:
//   - similarity of a precedent: weighted mean of parts in 0..1 (population, aging rate, scope,
//     operator form, issues searched in the index) over the parts both the plan and the
//     precedent state — a missing figure is not a difference; the coverage is kept;
//   - benchmarks: median, min, max and the plan's percentile over the precedents' comparable
//     figures only (unless Options::include_incomparable), and only when there are at least
//     Plan::comparison.min_figures of them; below that the figures are listed and no statistic is
//     given; incomparable figures stay listed with their reasons;
//   - the feasibility score: parts 0..100 weighted by Plan::weights, renormalised over the parts
//     that have a score; a part resting on fewer than min_figures figures is left out, with the
//     reason; the score carries how many figures each part used and a confidence (low, medium,
//     high) with its reasons.  The comparison set is fixed by the plan, never by Options::top;
//   - the projection: the plan's yearly 収支 over Plan::projection.years (projection.hpp).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compare/national.hpp"
#include "compare/plan.hpp"
#include "compare/precedent.hpp"
#include "compare/projection.hpp"

namespace senrei::compare {

struct Options {
  size_t top = 5;                     // similar precedents shown (display only: never the score)
  bool include_incomparable = false;  // let incomparable figures into medians
  std::vector<NationalFigure> national;  // reference rows (share/reference/national.toml)
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
  std::vector<std::string> flags;  // the field's consistency flags (docs/json.md): shown, never acted on
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
  double similarity = 0;  // 0..1, over the compared parts only (0 when none)
  size_t plan_parts = 0;      // parts the plan states (with a weight > 0)
  size_t compared_parts = 0;  // of those, parts the precedent states too
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
  size_t figures = 0;            // how many figures (precedents, checks, benchmark values) it used
  // Why the part has no score: "no_figures" (nothing to compare), "few_figures" (fewer than
  // min_figures), "no_targets" (the plan states none); "" when scored.
  std::string left_out;
};

// How much the score rests on, in plain words (docs/plan.md).
struct ConfidenceReason {
  std::string id;      // few_precedents, part_left_out, benchmark_withheld
  std::string detail;  // the part or metric
  size_t count = 0;    // the figures there were
};
struct Confidence {
  std::string level = "high";  // low, medium, high
  std::vector<ConfidenceReason> reasons;
};

struct Score {
  double total = 0;  // 0..100
  std::vector<ScorePart> parts;
  size_t precedents_compared = 0;  // the networks compared (each once)
  size_t min_figures = 3;
  Confidence confidence;
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
  size_t used = 0;          // comparable figures (≥ min_figures for a median to be given)
  bool withheld = false;    // 1 ≤ used < min_figures: the figures are listed, no statistic given
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
  std::optional<double> expected_payers;  // the plan's: nullopt = not stated (income incomplete)
  std::optional<SourcedValue> figure;
  ValueState state = ValueState::stated;
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
  std::vector<Similar> similar;            // the top N shown (Options::top), most similar first
  std::vector<Similar> comparison_set;     // plan.comparison.similar_precedents: what the score uses
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
  Projection projection;
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
Confidence confidence_of(const Comparison& c);
// "projection_balance": fails when the cumulative balance goes below 0 (naming the first year
// and amount), warns when no renewal cost is stated or a year has a gap; passes otherwise.
Check projection_check(const Projection& p);

}  // namespace senrei::compare
