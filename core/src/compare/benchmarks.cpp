// benchmarks_of(): the plan's budget among the precedents' (Step1 item 8).
//
// A precedent figure is comparable with the plan only when it is stated the same way: a build
// cost on the same data-output basis as the plan's (※データ出力対応費を含む／含まない), a running
// cost with a stated period (a monthly one is multiplied by 12), a value stated exactly (not 約,
// not a range, not a sum of parts with no total on the page).  Anything else keeps its row with
// reasons, and stays out of median, range and percentile unless include_incomparable.  With
// fewer comparable figures than the plan's comparison.min_figures (default 3), no median, range
// or percentile is given at all (withheld): the figures stay listed.
// Denominators (population, institutions, patients) may be approximate: per-capita figures are
// rounded anyway, and the mark is shown beside the figure.
#include <algorithm>

#include "compare/comparison.hpp"
#include "compare/stats.hpp"

namespace senrei::compare {
namespace {

std::string state_reason(ValueState s) {
  switch (s) {
    case ValueState::undisclosed: return "undisclosed";
    case ValueState::unknown: return "total_unknown";
    case ValueState::not_applicable: return "not_applicable";
    case ValueState::stated: break;
  }
  return "";
}

struct Numerator {
  SourcedValue figure;
  std::optional<double> value;  // per the metric's period (running: per year)
  std::vector<std::string> reasons;
  bool converted_from_month = false;
};

// A cost field as stated: its value, or the reason there is none; approximate and ranged
// values marked.  nullopt when the page does not give the field at all.
std::optional<Numerator> stated_cost(const Precedent& p, std::string_view field) {
  const Field* f = p.field(field);
  if (!f) return std::nullopt;
  Numerator n;
  n.figure = sourced(*f);
  if (f->state != ValueState::stated || !f->number) {
    n.reasons.push_back(f->state == ValueState::stated ? "total_unknown" : state_reason(f->state));
    return n;
  }
  n.value = f->number;
  if (f->approximate) n.reasons.push_back("approximate");
  if (f->number_high) n.reasons.push_back("range");
  return n;
}

std::optional<Numerator> build_cost(const Plan& plan, const Precedent& p) {
  auto n = stated_cost(p, "build_cost_yen");
  if (!n || !n->value) return n;
  if (p.field("build_cost_parts")) n->reasons.push_back("sum_of_parts");
  const Field* dout = p.field("build_cost_includes_data_output");
  if (!dout || !dout->flag)
    n->reasons.push_back("data_output_unstated");
  else if (*dout->flag != plan.budget.build_cost_includes_data_output)
    n->reasons.push_back(*dout->flag ? "data_output_included" : "data_output_excluded");
  return n;
}

std::optional<Numerator> running_cost(const Precedent& p) {
  auto n = stated_cost(p, "running_cost_yen");
  if (!n || !n->value) return n;
  const std::string& period = p.field("running_cost_yen")->period;
  if (period == "month") {
    *n->value *= 12;
    n->converted_from_month = true;
  } else if (period != "year") {
    n->reasons.insert(n->reasons.begin(), "period_unknown");
  }
  return n;
}

}  // namespace

std::vector<Benchmark> benchmarks_of(const Plan& plan, const std::vector<Precedent>& precedents, const Options& options) {
  const Budget& b = plan.budget;
  const NetworkPlan& np = plan.plan;
  struct Metric {
    const char* name;
    const char* unit;
    bool build;                    // numerator: build cost, else running cost per year
    const char* denominator;       // precedent field, or nullptr
    std::optional<double> plan_denominator;
  };
  const Metric metrics[] = {
      {"build_cost", "yen", true, nullptr, std::nullopt},
      {"running_cost_per_year", "yen_per_year", false, nullptr, std::nullopt},
      {"build_cost_per_capita", "yen_per_person", true, "population", plan.region.population},
      {"build_cost_per_institution", "yen_per_institution", true, "institutions_total", np.target_institutions},
      {"running_cost_per_institution", "yen_per_institution_year", false, "institutions_total", np.target_institutions},
      {"running_cost_per_patient", "yen_per_patient_year", false, "patients", np.target_patients},
  };

  std::vector<Benchmark> out;
  for (const Metric& m : metrics) {
    Benchmark bm;
    bm.metric = m.name;
    bm.unit = m.unit;
    bm.plan_numerator = m.build ? b.build_cost_yen : b.running_cost_per_year();
    if (!m.denominator) {
      bm.plan = bm.plan_numerator;
    } else if (m.plan_denominator && *m.plan_denominator > 0) {
      bm.plan_denominator = m.plan_denominator;
      bm.plan = bm.plan_numerator / *m.plan_denominator;
    }
    std::vector<double> used;
    for (size_t i = 0; i < precedents.size(); ++i) {
      const Precedent& p = precedents[i];
      auto num = m.build ? build_cost(plan, p) : running_cost(p);
      if (!num) continue;
      BenchmarkFigure fig;
      fig.precedent = i;
      fig.numerator = num->figure;
      fig.incomparable = num->reasons;
      fig.converted_from_month = num->converted_from_month;
      if (m.denominator) {
        const Field* d = p.field(m.denominator);
        auto dv = p.number(m.denominator);
        if (!d || !dv || *dv <= 0) continue;  // no denominator: no per-unit figure at all
        fig.denominator = sourced(*d);
        if (num->value) fig.value = *num->value / *dv;
      } else {
        fig.value = num->value;
      }
      if (fig.value) {
        if (!fig.incomparable.empty()) ++bm.incomparable;
        fig.used = fig.incomparable.empty() || options.include_incomparable;
        if (fig.used) used.push_back(*fig.value);
      }
      bm.figures.push_back(std::move(fig));
    }
    bm.used = used.size();
    bm.withheld = !used.empty() && used.size() < static_cast<size_t>(plan.comparison.min_figures);
    if (used.size() >= static_cast<size_t>(plan.comparison.min_figures)) {
      bm.median = median(used);
      bm.min = *std::min_element(used.begin(), used.end());
      bm.max = *std::max_element(used.begin(), used.end());
      if (bm.plan) bm.percentile = percentile_of(*bm.plan, used);
    }
    out.push_back(std::move(bm));
  }
  return out;
}

}  // namespace senrei::compare
