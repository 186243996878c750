// Feasibility (Step1 item 2): what the precedents achieved, the failure patterns of DOMAIN.md §5
// checked against the plan, and the 0–100 score whose every part is shown.
#include <algorithm>
#include <cmath>

#include "compare/comparison.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::compare {
namespace {

std::optional<SourcedValue> stated(const Precedent& p, std::string_view name) {
  const Field* f = p.field(name);
  if (!f) return std::nullopt;
  return sourced(*f);
}

double sum_funding(const Plan& plan, std::string_view use, bool time_limited_only = false) {
  double s = 0;
  for (const auto& f : plan.budget.funding)
    if (f.use == use && (!time_limited_only || vocabulary::time_limited_fund(f.source))) s += f.amount_yen;
  return s;
}

Evidence national(std::string id) { return Evidence{std::move(id), std::nullopt, std::nullopt}; }

}  // namespace

std::string_view to_string(CheckResult r) {
  switch (r) {
    case CheckResult::pass: return "pass";
    case CheckResult::warn: return "warn";
    case CheckResult::fail: return "fail";
  }
  return "";
}

std::vector<Achievement> achievements_of(const std::vector<Precedent>& precedents) {
  std::vector<Achievement> out;
  for (size_t i = 0; i < precedents.size(); ++i) {
    const Precedent& p = precedents[i];
    Achievement a;
    a.precedent = i;
    a.start_year = p.start_year();
    a.as_of = p.as_of();
    if (a.start_year && a.as_of.size() >= 4) a.years_running = std::stoi(a.as_of.substr(0, 4)) - *a.start_year;
    a.population = stated(p, "population");
    a.institutions = stated(p, "institutions_total");
    a.patients = stated(p, "patients");
    auto pop = p.number("population");
    if (pop && *pop > 0) {
      if (auto inst = p.number("institutions_total")) a.institutions_per_100k = *inst / *pop * 1e5;
      if (auto pat = p.number("patients")) a.patients_per_100k = *pat / *pop * 1e5;
    }
    out.push_back(std::move(a));
  }
  return out;
}

PlanTargets targets_of(const Plan& plan) {
  PlanTargets t;
  const double pop = plan.region.population;
  if (plan.plan.target_institutions) t.institutions_per_100k = *plan.plan.target_institutions / pop * 1e5;
  if (plan.plan.target_patients) t.patients_per_100k = *plan.plan.target_patients / pop * 1e5;
  if (plan.plan.target_year) t.years_to_target = *plan.plan.target_year - plan.plan.start_year;
  return t;
}

std::vector<Check> check_failure_patterns(const Plan& plan, const std::vector<Precedent>& precedents) {
  const NetworkPlan& np = plan.plan;
  const Budget& b = plan.budget;
  std::vector<Check> out;

  {  // 会計検査院: no participant targets, no participants.
    Check c{"participant_targets", CheckResult::pass, {}, {national("boa_2019_targets")}};
    int set = (np.target_institutions && *np.target_institutions > 0) + (np.target_patients && *np.target_patients > 0);
    c.result = set == 2 ? CheckResult::pass : set == 1 ? CheckResult::warn : CheckResult::fail;
    if (np.target_institutions) c.values["target_institutions"] = *np.target_institutions;
    if (np.target_patients) c.values["target_patients"] = *np.target_patients;
    if (np.target_year) c.values["target_year"] = *np.target_year;
    out.push_back(std::move(c));
  }
  {  // 日医総研 2022: no decided funding for the next renewal.
    Check c{"renewal_funding", CheckResult::pass, {}, {national("jmari_2022_renewal")}};
    double reserve = b.renewal_reserve_yen_per_year.value_or(0);
    if (reserve <= 0) {
      c.result = CheckResult::fail;
    } else {
      c.values["renewal_reserve_yen_per_year"] = reserve;
      if (np.renewal_year) {
        double years = *np.renewal_year - np.start_year;
        c.values["renewal_year"] = *np.renewal_year;
        c.values["reserve_by_renewal_yen"] = reserve * years;
        if (b.build_cost_yen > 0) c.values["reserve_share_of_build_cost"] = reserve * years / b.build_cost_yen;
      } else {
        c.result = CheckResult::warn;  // a reserve with no renewal date planned
      }
    }
    out.push_back(std::move(c));
  }
  {  // Running costs resting on a time-limited fund end with the fund.
    Check c{"time_limited_running_funds", CheckResult::pass, {}, {national("jmari_2018_survival")}};
    double running = sum_funding(plan, "running"), limited = sum_funding(plan, "running", true);
    double share = running > 0 ? limited / running : 0;
    c.values["running_funding_yen_per_year"] = running;
    c.values["time_limited_yen_per_year"] = limited;
    c.values["time_limited_share"] = share;
    c.result = share > 0.5 ? CheckResult::fail : share > 0 ? CheckResult::warn : CheckResult::pass;
    for (size_t i = 0; i < precedents.size(); ++i) {
      for (const auto& f : precedents[i].record.fields) {
        if (f.name != "funding_sources") continue;
        if (std::any_of(f.items.begin(), f.items.end(), [](const std::string& s) { return vocabulary::time_limited_fund(s); }))
          c.evidence.push_back(Evidence{"", i, sourced(f)});
      }
    }
    out.push_back(std::move(c));
  }
  {  // A fee model: the participants carry part of the running cost.
    Check c{"fee_model", CheckResult::pass, {}, {}};
    // Fee income is known only when every fee states how many are expected to pay it.
    double fees_per_year = 0, without_payers = 0;
    for (const auto& f : b.fees) {
      if (!f.expected_payers) ++without_payers;
      else fees_per_year += f.yen * (f.period == "month" ? 12 : 1) * *f.expected_payers;
    }
    double member_funding = 0;
    for (const auto& f : b.funding)
      if (f.source == "member_fees" && f.use == "running") member_funding += f.amount_yen;
    c.values["fee_types"] = static_cast<double>(b.fees.size());
    if (without_payers > 0) c.values["fees_without_expected_payers"] = without_payers;
    else c.values["fees_yen_per_year"] = fees_per_year;
    c.values["member_fee_funding_yen_per_year"] = member_funding;
    c.result = !b.fees.empty() || member_funding > 0 ? CheckResult::pass : CheckResult::fail;
    if (c.result == CheckResult::pass && without_payers > 0) c.result = CheckResult::warn;  // income incomplete
    for (size_t i = 0; i < precedents.size(); ++i) {
      const Precedent& p = precedents[i];
      const Field* evidence = nullptr;
      for (const auto& f : p.record.fields) {
        if ((f.name == "fees" && f.state == ValueState::stated) ||
            (f.name == "funding_sources" && std::count(f.items.begin(), f.items.end(), "member_fees")) ||
            (f.name == "running_payers" && std::count(f.items.begin(), f.items.end(), "participants"))) {
          evidence = &f;
          break;
        }
      }
      if (evidence) c.evidence.push_back(Evidence{"", i, sourced(*evidence)});
    }
    out.push_back(std::move(c));
  }
  {  // 会計検査院: weak acceptance tests, systems unusable for a year.
    Check c{"acceptance_test", CheckResult::pass, {}, {national("boa_2019_acceptance")}};
    c.result = !np.acceptance_test_planned ? CheckResult::warn : *np.acceptance_test_planned ? CheckResult::pass : CheckResult::fail;
    if (np.acceptance_test_planned) c.values["acceptance_test_planned"] = *np.acceptance_test_planned;
    out.push_back(std::move(c));
  }
  {  // 会計検査院: use not monitored.
    Check c{"usage_monitoring", CheckResult::pass, {}, {national("boa_2019_targets")}};
    c.result = !np.usage_monitoring ? CheckResult::warn : *np.usage_monitoring ? CheckResult::pass : CheckResult::fail;
    if (np.usage_monitoring) c.values["usage_monitoring"] = *np.usage_monitoring;
    out.push_back(std::move(c));
  }
  {  // Running funding covers the running cost and the renewal reserve.
    Check c{"running_funding_balance", CheckResult::pass, {}, {national("jmari_2017_costs")}};
    double funding = sum_funding(plan, "running");
    double cost = b.running_cost_per_year(), reserve = b.renewal_reserve_yen_per_year.value_or(0);
    c.values["running_funding_yen_per_year"] = funding;
    c.values["running_cost_yen_per_year"] = cost;
    c.values["renewal_reserve_yen_per_year"] = reserve;
    c.values["balance_yen_per_year"] = funding - cost - reserve;
    c.result = funding >= cost + reserve ? CheckResult::pass : funding >= cost ? CheckResult::warn : CheckResult::fail;
    out.push_back(std::move(c));
  }
  {  // Build funding covers the build cost.
    Check c{"build_funding_balance", CheckResult::pass, {}, {national("jmari_2019_averages"), national("boa_2019_deficient")}};
    double funding = sum_funding(plan, "build");
    c.values["build_funding_yen"] = funding;
    c.values["build_cost_yen"] = b.build_cost_yen;
    c.values["balance_yen"] = funding - b.build_cost_yen;
    c.result = funding >= b.build_cost_yen ? CheckResult::pass : CheckResult::fail;
    out.push_back(std::move(c));
  }
  return out;
}

Check projection_check(const Projection& p) {
  Check c{"projection_balance", CheckResult::pass, {}, {national("jmari_2022_renewal")}};
  c.values["years"] = p.years;
  c.values["start_year"] = p.start_year;
  if (!p.rows.empty()) {
    c.values["last_year"] = p.rows.back().year;
    c.values["final_cumulative_yen"] = p.rows.back().cumulative;
  }
  if (p.renewal_cost) c.values["renewal_cost_yen"] = *p.renewal_cost;
  if (p.first_gap_year) c.values["first_gap_year"] = *p.first_gap_year;
  if (p.first_negative_year) {
    c.values["first_negative_year"] = *p.first_negative_year;
    c.values["first_negative_cumulative_yen"] = p.first_negative_cumulative;
    c.result = CheckResult::fail;
  } else if (!p.renewal_cost || p.first_gap_year) {
    c.result = CheckResult::warn;
  }
  return c;
}

// Parts (each 0..100), each resting on at least plan.comparison.min_figures figures (checks
// excepted: they are the plan's own) or left out with the reason:
//   similarity    the mean similarity of the plan's comparison set (comparison.similar_precedents
//                 most similar precedents; precedents sharing no part with the plan are skipped)
//   achievements  for institutions and patients per 100,000 people: the share of precedents
//                 (all with the figures) that reached the plan's target rate; the mean of both
//   risk_checks   pass 1, warn ½, fail 0, averaged over the checks
//   budget        for each per-unit benchmark with a range (≥ min_figures comparable figures): 1
//                 inside the precedents' range, falling to 0 at twice the maximum or half the
//                 minimum (log scale); averaged
Score score_of(const Comparison& c) {
  const Weights& w = c.plan.weights;
  const size_t min_n = static_cast<size_t>(c.plan.comparison.min_figures);
  Score s;
  s.precedents_compared = c.precedents.size();
  s.min_figures = min_n;
  auto mean100 = [](const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return 100 * sum / static_cast<double>(values.size());
  };
  auto add = [&](std::string name, const std::vector<double>& values, double weight, size_t figures, std::string why) {
    ScorePart p{std::move(name), std::nullopt, weight, 0, figures, std::move(why)};
    if (p.left_out.empty() && values.empty()) p.left_out = "no_figures";
    if (p.left_out.empty()) p.score = mean100(values);
    s.parts.push_back(std::move(p));
  };

  std::vector<double> similarities;
  for (const auto& x : c.comparison_set)
    if (x.compared_parts > 0) similarities.push_back(x.similarity);
  add("similarity", similarities, w.similarity, similarities.size(),
      similarities.empty() ? "no_figures" : similarities.size() < min_n ? "few_figures" : "");

  std::vector<double> shares;
  size_t achievement_figures = 0, few = 0;
  auto reached = [&](std::optional<double> target, std::optional<double> Achievement::*member) {
    if (!target) return;
    double n = 0, hit = 0;
    for (const auto& a : c.all_achievements) {
      if (!(a.*member)) continue;
      ++n;
      hit += *(a.*member) >= *target;
    }
    achievement_figures += static_cast<size_t>(n);
    if (n >= static_cast<double>(min_n)) shares.push_back(hit / n);
    else if (n > 0) ++few;
  };
  reached(c.targets.institutions_per_100k, &Achievement::institutions_per_100k);
  reached(c.targets.patients_per_100k, &Achievement::patients_per_100k);
  std::string why;
  if (!c.targets.institutions_per_100k && !c.targets.patients_per_100k) why = "no_targets";
  else if (shares.empty()) why = few ? "few_figures" : "no_figures";
  add("achievements", shares, w.achievements, achievement_figures, why);

  std::vector<double> results;
  for (const auto& ch : c.checks) results.push_back(ch.result == CheckResult::pass ? 1 : ch.result == CheckResult::warn ? 0.5 : 0);
  add("risk_checks", results, w.risk_checks, results.size(), "");

  std::vector<double> fits;
  size_t budget_figures = 0, withheld = 0;
  for (const auto& bm : c.benchmarks) {
    if (bm.metric == "build_cost" || bm.metric == "running_cost_per_year") continue;  // totals depend on size
    if (bm.withheld && bm.plan) ++withheld;
    if (!bm.plan || !bm.min || !bm.max || *bm.plan <= 0 || *bm.min <= 0) continue;
    budget_figures += bm.used;
    double v = *bm.plan, factor = 1;
    if (v > *bm.max) factor = v / *bm.max;
    if (v < *bm.min) factor = *bm.min / v;
    fits.push_back(std::max(0.0, 1 - std::log2(factor)));
  }
  add("budget", fits, w.budget, budget_figures, fits.empty() ? (withheld ? "few_figures" : "no_figures") : "");

  double weights = 0;
  for (const auto& p : s.parts)
    if (p.score) weights += p.weight;
  for (auto& p : s.parts) {
    if (!p.score || weights <= 0) continue;
    p.share = p.weight / weights;
    s.total += p.share * *p.score;
  }
  return s;
}

// low: fewer precedents than min_figures, or two or more comparison parts left out;
// medium: one comparison part left out, or a benchmark withheld; high otherwise.
Confidence confidence_of(const Comparison& c) {
  Confidence conf;
  const size_t min_n = c.score.min_figures;
  if (c.score.precedents_compared < min_n)
    conf.reasons.push_back({"few_precedents", "", c.score.precedents_compared});
  size_t left_out = 0;
  for (const auto& p : c.score.parts) {
    if (p.name == "risk_checks" || p.score || p.weight <= 0) continue;
    ++left_out;
    conf.reasons.push_back({"part_left_out", p.name, p.figures});
  }
  bool withheld = false;
  for (const auto& bm : c.benchmarks) {
    if (!bm.withheld) continue;
    withheld = true;
    conf.reasons.push_back({"benchmark_withheld", bm.metric, bm.used});
  }
  conf.level = c.score.precedents_compared < min_n || left_out >= 2 ? "low" : left_out || withheld ? "medium" : "high";
  return conf;
}

}  // namespace senrei::compare
