// project(): the plan's yearly 収支 (see projection.hpp for what counts in which year).
#include "compare/projection.hpp"

#include <algorithm>

namespace senrei::compare {

Projection project(const Plan& plan) {
  const ProjectionSettings& s = plan.projection;
  const Budget& b = plan.budget;
  Projection p;
  p.start_year = s.start_year.value_or(plan.plan.start_year);
  p.years = s.years;
  p.renewal_interval_years = s.renewal_interval_years;
  if (s.renewal_cost_yen) {
    p.renewal_cost = s.renewal_cost_yen;
    p.renewal_basis = "stated";
  } else if (s.renewal_cost_share) {
    p.renewal_cost = *s.renewal_cost_share * b.build_cost_yen;
    p.renewal_share = *s.renewal_cost_share;
    p.renewal_basis = "share_of_build";
  } else {
    p.renewal_basis = "none";
  }
  for (const auto& f : b.funding)
    if (std::find(p.sources.begin(), p.sources.end(), f.source) == p.sources.end()) p.sources.push_back(f.source);

  double cumulative = 0;
  for (int i = 0; i < p.years; ++i) {
    ProjectionYear y;
    y.year = p.start_year + i;
    if (i == 0) y.build = b.build_cost_yen;
    // Running starts with operation (plan.start_year), which may be after the projection's start.
    if (y.year >= plan.plan.start_year) y.running = b.running_cost_per_year();
    const int since = y.year - plan.plan.start_year;
    if (since > 0 && since % p.renewal_interval_years == 0 && p.renewal_cost) y.renewal = *p.renewal_cost;
    for (const auto& f : b.funding) {
      double amount = 0;
      if (f.use == "build") {
        amount = i == 0 ? f.amount_yen : 0;
      } else {
        int from = f.from_year.value_or(plan.plan.start_year);
        bool paying = y.year >= from && (!f.until_year || y.year <= *f.until_year);
        amount = paying ? f.amount_yen : 0;
      }
      y.funding[f.source] += amount;
      y.income += amount;
    }
    y.cost = y.build + y.running + y.renewal;
    y.balance = y.income - y.cost;
    cumulative += y.balance;
    y.cumulative = cumulative;
    if (!p.first_gap_year && y.balance < 0) p.first_gap_year = y.year;
    if (!p.first_negative_year && y.cumulative < 0) {
      p.first_negative_year = y.year;
      p.first_negative_cumulative = y.cumulative;
    }
    p.rows.push_back(std::move(y));
  }
  return p;
}

}  // namespace senrei::compare
