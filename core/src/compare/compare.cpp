// compare(): the whole comparison, and the budget-structure tables (funding mix, fees,
// operator forms) that need no arithmetic beyond sums.
#include <algorithm>
#include <stdexcept>

#include "compare/comparison.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::compare {
namespace {

std::vector<FundingMix> funding_mix(const Plan& plan, const std::vector<Precedent>& precedents) {
  double build_total = 0, running_total = 0;
  for (const auto& f : plan.budget.funding) (f.use == "build" ? build_total : running_total) += f.amount_yen;
  std::vector<FundingMix> out;
  // Every funding source, in the vocabulary's order.
  for (const auto& term : vocabulary::terms(vocabulary::Concept::funding_source)) {
    const std::string source(term.keyword);
    FundingMix m;
    m.source = source;
    m.time_limited = vocabulary::time_limited_fund(source);
    for (const auto& f : plan.budget.funding) {
      if (f.source != source) continue;
      (f.use == "build" ? m.plan_build : m.plan_running) += f.amount_yen;
      if (!f.name.empty()) m.plan_names.push_back(f.name);
    }
    if (build_total > 0) m.plan_build_share = m.plan_build / build_total;
    if (running_total > 0) m.plan_running_share = m.plan_running / running_total;
    for (size_t i = 0; i < precedents.size(); ++i) {
      for (const auto& f : precedents[i].record.fields) {
        if (f.name == "funding_sources" && std::count(f.items.begin(), f.items.end(), source)) {
          m.precedents.emplace_back(i, sourced(f));
          break;
        }
      }
    }
    if (m.plan_build > 0 || m.plan_running > 0 || !m.precedents.empty()) out.push_back(std::move(m));
  }
  return out;
}

std::vector<FeeRow> fees_of(const Plan& plan, const std::vector<Precedent>& precedents) {
  std::vector<FeeRow> out;
  for (const auto& f : plan.budget.fees)
    out.push_back(FeeRow{std::nullopt, f.payer_type, f.label, f.yen, f.period, f.expected_payers, std::nullopt});
  for (size_t i = 0; i < precedents.size(); ++i) {
    for (const auto& f : precedents[i].record.fields) {
      if (f.name != "fees") continue;
      FeeRow row;
      row.precedent = i;
      row.label = f.text;
      row.payer_type = f.payer_type;  // one fee per payer type (record/fees.hpp)
      if (f.state == ValueState::stated) row.yen = f.number;
      row.state = f.state;
      row.period = f.period;
      row.figure = sourced(f);
      out.push_back(std::move(row));
    }
  }
  return out;
}

std::vector<OperatorFormRow> operator_forms(const Plan& plan, const std::vector<Precedent>& precedents) {
  std::vector<OperatorFormRow> out;
  auto row = [&](const std::string& form) -> OperatorFormRow& {
    for (auto& r : out)
      if (r.form == form) return r;
    out.push_back(OperatorFormRow{form, false, {}});
    return out.back();
  };
  row(plan.plan.operator_form).plan = true;
  for (size_t i = 0; i < precedents.size(); ++i)
    if (const Field* f = precedents[i].field("operator_form"); f && !f->text.empty())
      row(f->text).precedents.emplace_back(i, sourced(*f));
  std::stable_sort(out.begin(), out.end(), [](const OperatorFormRow& a, const OperatorFormRow& b) {
    return a.precedents.size() > b.precedents.size();
  });
  return out;
}

}  // namespace

Comparison compare(const Plan& plan, std::vector<Precedent> precedents, IssueSearch& issues, const Options& options) {
  if (precedents.empty()) throw std::invalid_argument("no precedents to compare with");
  Comparison c;
  c.plan = plan;
  c.options = options;
  c.precedents = std::move(precedents);
  c.all_similarities = rank_similar(plan, c.precedents, issues);
  c.similar.assign(c.all_similarities.begin(),
                   c.all_similarities.begin() + static_cast<long>(std::min(options.top, c.all_similarities.size())));
  // The score's set comes from the plan, never from the display option.
  c.comparison_set.assign(c.all_similarities.begin(),
                          c.all_similarities.begin() +
                              static_cast<long>(std::min<size_t>(static_cast<size_t>(plan.comparison.similar_precedents),
                                                                 c.all_similarities.size())));
  c.all_achievements = achievements_of(c.precedents);
  for (const auto& s : c.similar) c.achievements.push_back(c.all_achievements[s.precedent]);
  c.targets = targets_of(plan);
  c.projection = project(plan);
  c.checks = check_failure_patterns(plan, c.precedents);
  c.checks.push_back(projection_check(c.projection));
  c.benchmarks = benchmarks_of(plan, c.precedents, options);
  c.funding = funding_mix(plan, c.precedents);
  c.fees = fees_of(plan, c.precedents);
  c.operator_forms = operator_forms(plan, c.precedents);
  c.score = score_of(c);
  c.score.confidence = confidence_of(c);
  return c;
}

}  // namespace senrei::compare
