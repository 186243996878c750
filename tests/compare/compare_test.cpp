// compare() on precedents built in the test: every expected number is computed by hand in the
// comments from the figures given here.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "compare/comparison.hpp"
#include "compare/stats.hpp"

using namespace senrei;
using namespace senrei::compare;

namespace {

Field number(std::string name, double v, std::string unit, bool approximate = false, std::string period = "") {
  Field f;
  f.name = std::move(name);
  f.number = v;
  f.unit = std::move(unit);
  f.approximate = approximate;
  f.period = std::move(period);
  f.raw = "raw " + f.name;
  f.provenance = {"http://example.jp/" + f.name, "sentence of " + f.name};
  return f;
}
Field text(std::string name, std::string v) {
  Field f;
  f.name = std::move(name);
  f.text = std::move(v);
  return f;
}
Field flag(std::string name, bool v) {
  Field f;
  f.name = std::move(name);
  f.flag = v;
  return f;
}
Field state(std::string name, ValueState s) {
  Field f;
  f.name = std::move(name);
  f.state = s;
  f.unit = "yen";
  return f;
}
Field items(std::string name, std::vector<std::string> v) {
  Field f;
  f.name = std::move(name);
  f.items = std::move(v);
  return f;
}

Precedent precedent(const std::string& slug, std::vector<Field> fields) {
  Precedent p;
  p.record.id = "test:http://example.jp/" + slug + "/";
  p.record.url = "http://example.jp/" + slug + "/";
  p.record.kind = RecordKind::case_overview;
  p.record.title = slug;
  p.name = slug + "ネット";
  fields.push_back(text("network_name", p.name));
  p.record.fields = std::move(fields);
  return p;
}

// Words are split on spaces; records_with returns the overview of every precedent listed.
class FakeIssues : public IssueSearch {
 public:
  std::map<std::string, std::vector<Record>> pages;
  std::vector<std::string> words(const std::string& phrase) override {
    std::vector<std::string> out;
    std::istringstream in(phrase);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
  }
  std::vector<Record> records_with(const std::string& word) override { return pages[word]; }
};

Plan base_plan() {
  Plan p;
  p.file = "test.toml";
  p.region.name = "テスト県";
  p.region.population = 1000000;
  p.region.scope = "prefecture";
  p.plan.operator_form = "npo";
  p.plan.start_year = 2027;
  p.plan.target_institutions = 200;
  p.plan.target_patients = 20000;
  p.plan.acceptance_test_planned = true;
  p.plan.usage_monitoring = true;
  p.plan.renewal_year = 2032;
  p.budget.build_cost_yen = 100000000;
  p.budget.build_cost_includes_data_output = false;
  p.budget.running_cost_yen = 10000000;
  p.budget.running_cost_period = "year";
  p.budget.renewal_reserve_yen_per_year = 2000000;
  p.budget.funding = {{"prefectural_budget", "県費", "build", 100000000, "once", {}, {}},
                      {"member_fees", "会費", "running", 12000000, "year", {}, {}}};
  p.budget.fees = {{"clinic", "診療所", 10000, "year", 100}};
  return p;
}

const Benchmark& metric(const std::vector<Benchmark>& all, const std::string& name) {
  for (const auto& b : all)
    if (b.metric == name) return b;
  throw std::runtime_error("no metric " + name);
}

}  // namespace

TEST(Stats, MedianAndPercentile) {
  EXPECT_FALSE(median({}).has_value());
  EXPECT_EQ(*median({3, 1, 2}), 2);
  EXPECT_EQ(*median({4, 1, 3, 2}), 2.5);
  // 200 among 100, 200, 300: one below, one tie counted half → 1.5 / 3.
  EXPECT_DOUBLE_EQ(*percentile_of(200, {100, 200, 300}), 50);
  EXPECT_EQ(*percentile_of(50, {100, 200}), 0);
  EXPECT_EQ(*percentile_of(500, {100, 200}), 100);
}

TEST(Benchmarks, IncomparableFiguresAreListedButKeptOutOfTheMedian) {
  Plan plan = base_plan();  // 100,000,000 yen, data output excluded, 1,000,000 people
  std::vector<Precedent> ps = {
      precedent("a", {number("build_cost_yen", 200000000, "yen"), flag("build_cost_includes_data_output", false),
                      number("population", 1000000, "person")}),
      precedent("b", {number("build_cost_yen", 300000000, "yen"), flag("build_cost_includes_data_output", true),
                      number("population", 1000000, "person")}),
      precedent("c", {number("build_cost_yen", 400000000, "yen", true), flag("build_cost_includes_data_output", false),
                      number("population", 1000000, "person")}),
      precedent("d", {state("build_cost_yen", ValueState::unknown), number("population", 1000000, "person")}),
      precedent("e", {number("build_cost_yen", 500000000, "yen"), number("population", 1000000, "person")}),
      precedent("f", {number("build_cost_yen", 600000000, "yen"), flag("build_cost_includes_data_output", false)}),
  };
  auto all = benchmarks_of(plan, ps, Options{});
  const Benchmark& per_capita = metric(all, "build_cost_per_capita");
  // f has no population: no per-capita row at all.  a–e are listed.
  ASSERT_EQ(per_capita.figures.size(), 5u);
  EXPECT_EQ(per_capita.figures[1].incomparable, std::vector<std::string>{"data_output_included"});
  EXPECT_EQ(per_capita.figures[2].incomparable, std::vector<std::string>{"approximate"});
  EXPECT_EQ(per_capita.figures[3].incomparable, std::vector<std::string>{"total_unknown"});
  EXPECT_FALSE(per_capita.figures[3].value.has_value());
  EXPECT_EQ(per_capita.figures[4].incomparable, std::vector<std::string>{"data_output_unstated"});
  // Only a (200 yen per person) is comparable: one figure is fewer than the 3 a median needs,
  // so no median, range or percentile is given (withheld), and the figure stays listed.
  EXPECT_EQ(per_capita.used, 1u);
  EXPECT_TRUE(per_capita.withheld);
  EXPECT_EQ(per_capita.incomparable, 3u);  // b, c, e (d has no figure)
  EXPECT_EQ(*per_capita.plan, 100);
  EXPECT_FALSE(per_capita.median.has_value());
  EXPECT_FALSE(per_capita.min.has_value());
  EXPECT_FALSE(per_capita.percentile.has_value());
  EXPECT_TRUE(per_capita.figures[0].used);
  EXPECT_EQ(per_capita.figures[0].numerator.url, "http://example.jp/build_cost_yen");

  // Asked for: a, b, c, e = 200, 300, 400, 500 → median 350, range 200–500.
  Options with;
  with.include_incomparable = true;
  const auto with_all = benchmarks_of(plan, ps, with);  // named: metric() returns a reference into it
  const Benchmark& mixed = metric(with_all, "build_cost_per_capita");
  EXPECT_EQ(mixed.used, 4u);
  EXPECT_EQ(*mixed.median, 350);
  EXPECT_EQ(*mixed.min, 200);
  EXPECT_EQ(*mixed.max, 500);
  // The total build cost has f too: 200, 300, 400, 500, 600 million → median 400 million.
  EXPECT_EQ(*metric(with_all, "build_cost").median, 400000000);
}

TEST(Benchmarks, RunningCostsNeedAStatedPeriod) {
  Plan plan = base_plan();  // 10,000,000 yen a year, 200 institutions, 20,000 patients
  std::vector<Precedent> ps = {
      precedent("m", {number("running_cost_yen", 1000000, "yen", false, "month"), number("institutions_total", 100, "institution")}),
      precedent("y", {number("running_cost_yen", 6000000, "yen", false, "year"), number("institutions_total", 200, "institution")}),
      precedent("u", {number("running_cost_yen", 9000000, "yen", false, "unknown"), number("institutions_total", 300, "institution")}),
      precedent("x", {state("running_cost_yen", ValueState::undisclosed), number("institutions_total", 50, "institution")}),
      precedent("z", {number("running_cost_yen", 6000000, "yen", false, "year"), number("institutions_total", 120, "institution")}),
  };
  const auto all = benchmarks_of(plan, ps, Options{});
  const Benchmark& b = metric(all, "running_cost_per_institution");
  // m: 1,000,000 × 12 / 100 = 120,000 a year; y: 6,000,000 / 200 = 30,000; z: 6,000,000 / 120 =
  // 50,000; u left out.
  ASSERT_EQ(b.figures.size(), 5u);
  EXPECT_TRUE(b.figures[0].converted_from_month);
  EXPECT_EQ(*b.figures[0].value, 120000);
  EXPECT_EQ(*b.figures[1].value, 30000);
  EXPECT_EQ(b.figures[2].incomparable, std::vector<std::string>{"period_unknown"});
  EXPECT_EQ(b.figures[3].incomparable, std::vector<std::string>{"undisclosed"});
  EXPECT_EQ(*b.median, 50000);  // of 30,000, 50,000, 120,000
  // The plan: 10,000,000 / 200 = 50,000: above 30,000, tied with 50,000 (half), below 120,000 →
  // 1.5 / 3 = 50%.
  EXPECT_EQ(*b.plan, 50000);
  EXPECT_EQ(*b.percentile, 50);
}

TEST(FailurePatterns, EachPatternIsFlagged) {
  Plan good = base_plan();
  auto checks = check_failure_patterns(good, {});
  ASSERT_EQ(checks.size(), 8u);
  for (const auto& c : checks) EXPECT_EQ(c.result, CheckResult::pass) << c.id;

  Plan bad = base_plan();
  bad.plan.target_institutions.reset();
  bad.plan.target_patients.reset();
  bad.plan.acceptance_test_planned.reset();  // not stated: warn
  bad.plan.usage_monitoring = false;
  bad.budget.renewal_reserve_yen_per_year.reset();
  bad.budget.fees.clear();
  // Running: 8,000,000 from the care fund + 2,000,000 own funds = 10,000,000 for a 10,000,000 cost
  // and no reserve: balanced; 80% on a time-limited fund.
  bad.budget.funding = {{"prefectural_budget", "県費", "build", 50000000, "once", {}, {}},
                        {"comprehensive_care_fund", "基金", "running", 8000000, "year", {}, {}},
                        {"own_funds", "自己資金", "running", 2000000, "year", {}, {}}};
  std::vector<Precedent> ps = {precedent("r", {items("funding_sources", {"regional_revitalization_fund"})}),
                               precedent("f", {items("running_payers", {"participants"})})};
  std::map<std::string, CheckResult> got;
  std::map<std::string, Check> by_id;
  for (const auto& c : check_failure_patterns(bad, ps)) {
    got[c.id] = c.result;
    by_id[c.id] = c;
  }
  EXPECT_EQ(got["participant_targets"], CheckResult::fail);
  EXPECT_EQ(got["renewal_funding"], CheckResult::fail);
  EXPECT_EQ(got["time_limited_running_funds"], CheckResult::fail);
  EXPECT_DOUBLE_EQ(by_id["time_limited_running_funds"].values["time_limited_share"], 0.8);
  ASSERT_EQ(by_id["time_limited_running_funds"].evidence.size(), 2u);  // the national figure and precedent r
  EXPECT_EQ(*by_id["time_limited_running_funds"].evidence[1].precedent, 0u);
  EXPECT_EQ(got["fee_model"], CheckResult::fail);
  ASSERT_EQ(by_id["fee_model"].evidence.size(), 1u);  // precedent f charges its participants
  EXPECT_EQ(*by_id["fee_model"].evidence[0].precedent, 1u);
  EXPECT_EQ(got["acceptance_test"], CheckResult::warn);
  EXPECT_EQ(got["usage_monitoring"], CheckResult::fail);
  EXPECT_EQ(got["running_funding_balance"], CheckResult::pass);  // 10,000,000 ≥ 10,000,000 + 0
  EXPECT_EQ(got["build_funding_balance"], CheckResult::fail);    // 50,000,000 < 100,000,000
  EXPECT_EQ(by_id["build_funding_balance"].values["balance_yen"], -50000000);
}

TEST(Similarity, PartsAndIssueWeights) {
  Plan plan = base_plan();  // 1,000,000 people, prefecture, npo
  plan.plan.issues = {"救急 共有"};
  // Three precedents; 共有 is on every one's pages, 救急 only on near's.
  std::vector<Precedent> ps = {
      precedent("far", {number("population", 10000000, "person"), text("area_scope", "secondary_area"),
                        text("operator_form", "hospital")}),
      precedent("half", {number("population", 1000000, "person"), text("area_scope", "prefecture"),
                         text("operator_form", "general_association")}),
      precedent("near", {number("population", 1000000, "person"), text("area_scope", "prefecture"),
                         text("operator_form", "npo")}),
  };
  FakeIssues issues;
  for (const auto& p : ps) issues.pages["共有"].push_back(p.record);
  issues.pages["救急"].push_back(ps[2].record);
  auto ranked = rank_similar(plan, ps, issues);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].precedent, 2u);
  EXPECT_EQ(ranked[1].precedent, 1u);
  EXPECT_EQ(ranked[2].precedent, 0u);
  // idf over 3 precedents: 共有 (df 3) ln(1 + 0.5/3.5); 救急 (df 1) ln(1 + 2.5/1.5).
  const double idf_all = std::log(1 + 0.5 / 3.5), idf_one = std::log(1 + 2.5 / 1.5);
  const double half_cover = idf_all / (idf_all + idf_one);
  // Weights: population 2, scope 1, form 1, issues 2 (no aging rate in the plan: left out) = 6.
  // near: (2·1 + 1 + 1 + 2·1) / 6 = 1.
  EXPECT_DOUBLE_EQ(ranked[0].similarity, 1.0);
  // half: population 1, scope 1, form 0.5 (both incorporated), issues half_cover.
  EXPECT_NEAR(ranked[1].similarity, (2 + 1 + 0.5 + 2 * half_cover) / 6, 1e-12);
  // far: population ten times → 0, scope 0, form 0, issues half_cover.
  EXPECT_NEAR(ranked[2].similarity, (2 * half_cover) / 6, 1e-12);
  EXPECT_EQ(ranked[2].issues[0].found, (std::vector<bool>{false, true}));
  EXPECT_FALSE(ranked[2].parts[1].score.has_value());  // aging rate: the precedent has no figure
}

TEST(Score, PartsAreWeightedAndRescaledWithoutData) {
  Plan plan = base_plan();
  plan.weights.similarity = 10;
  plan.weights.achievements = 30;
  plan.weights.risk_checks = 60;
  plan.weights.budget = 100;  // no benchmark has comparable figures below: left out
  plan.projection.renewal_cost_share = 0.5;  // so the projection check can pass
  std::vector<Precedent> ps = {
      // 300 institutions and 30,000 patients for 1,000,000 people: 30 and 3,000 per 100,000.
      precedent("a", {number("population", 1000000, "person"), number("institutions_total", 300, "institution"),
                      number("patients", 30000, "person")}),
      // 10 and 1,000 per 100,000.
      precedent("b", {number("population", 1000000, "person"), number("institutions_total", 100, "institution"),
                      number("patients", 10000, "person")}),
      // 25 and 2,500 per 100,000.
      precedent("c", {number("population", 1000000, "person"), number("institutions_total", 250, "institution"),
                      number("patients", 25000, "person")}),
  };
  FakeIssues issues;
  Comparison c = senrei::compare::compare(plan, ps, issues, Options{});
  // Plan targets: 200 institutions → 20 per 100,000 (a and c reached it, b not); 20,000 patients
  // → 2,000 per 100,000 (a, c reached): achievements = mean(2/3, 2/3) → 66.7, on 6 figures.
  ASSERT_EQ(c.score.parts.size(), 4u);
  EXPECT_NEAR(*c.score.parts[1].score, 200.0 / 3, 1e-9);
  EXPECT_EQ(c.score.parts[1].figures, 6u);
  // Checks: the 8 failure patterns pass; the projection: build 100,000,000 funded, running
  // 10,000,000 a year against 12,000,000 of fees, renewals of 50,000,000 in 2032 and 2037 paid
  // from the balance — 2032: 6 × 2,000,000 − 50,000,000 < 0 → fail.  (8 + 0) / 9 → 88.9.
  EXPECT_EQ(c.checks.back().id, "projection_balance");
  EXPECT_EQ(c.checks.back().result, CheckResult::fail);
  EXPECT_EQ(c.checks.back().values.at("first_negative_year"), 2032);
  EXPECT_NEAR(*c.score.parts[2].score, 800.0 / 9, 1e-9);
  EXPECT_FALSE(c.score.parts[3].score.has_value());
  EXPECT_EQ(c.score.parts[3].left_out, "no_figures");
  // Similarity: population 1 for each; scope and form unstated by the precedents are left out,
  // not counted 0 → 1 each → 100, from 3 precedents.
  EXPECT_DOUBLE_EQ(*c.score.parts[0].score, 100);
  EXPECT_EQ(c.score.parts[0].figures, 3u);
  // Weights 10, 30, 60 (budget left out) → 0.1·100 + 0.3·66.67 + 0.6·88.89.
  EXPECT_DOUBLE_EQ(c.score.parts[2].share, 0.6);
  EXPECT_NEAR(c.score.total, 10 + 20 + 0.6 * 800.0 / 9, 1e-9);
  // One comparison part (budget) left out: medium confidence.
  EXPECT_EQ(c.score.confidence.level, "medium");
  ASSERT_EQ(c.score.confidence.reasons.size(), 1u);
  EXPECT_EQ(c.score.confidence.reasons[0].detail, "budget");
}

TEST(Precedents, StepPagesBelongToTheLongestMatchingNetwork) {
  std::vector<Precedent> ps = {precedent("x", {}), precedent("x2", {})};  // xネット, x2ネット
  ps[1].name = "xネット2";
  Record step;
  step.id = "test:step";
  step.title = "xネット2（Step1 計画）";
  EXPECT_EQ(*owner_of(step, ps), 1u);
  step.title = "xネット（Step1 計画）";
  EXPECT_EQ(*owner_of(step, ps), 0u);
  step.title = "よそのネット";
  EXPECT_FALSE(owner_of(step, ps).has_value());
}
