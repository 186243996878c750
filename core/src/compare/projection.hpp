// compare/projection.hpp — the plan's 10-year 収支 projection (Step1-8 事業計画・収支計画).
//
// project() lays the plan's budget out year by year from the projection's start year: the
// build cost and the build funding in the first year, the running cost every year, a renewal
// every renewal_interval_years after the start (at the plan's renewal cost, else a share of the
// build cost; no cost at all when the plan states neither, which the check flags), and each
// running funding source in the years it pays (from_year..until_year; time-limited funds end
// when the plan says).  Renewals are paid from the cumulative balance — the renewal reserve is
// part of that balance, not a cost of its own.  Fees count only as the plan's member_fees
// funding (never twice).  Pure arithmetic on the plan; nothing here reads pages.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compare/plan.hpp"

namespace senrei::compare {

struct ProjectionYear {
  int year = 0;
  double build = 0, running = 0, renewal = 0;  // yen spent that year
  std::map<std::string, double> funding;       // source keyword → yen received that year
  double income = 0, cost = 0;
  double balance = 0;     // income − cost (surplus > 0, gap < 0)
  double cumulative = 0;  // the balance summed from the first year
};

struct Projection {
  int start_year = 0;
  int years = 0;
  int renewal_interval_years = 0;
  std::optional<double> renewal_cost;  // yen per renewal; nullopt when the plan states none
  std::string renewal_basis;           // stated, share_of_build, none
  double renewal_share = 0;            // with share_of_build
  std::vector<std::string> sources;    // funding sources, in the order of the plan
  std::vector<ProjectionYear> rows;
  std::optional<int> first_negative_year;  // the first year the cumulative balance is < 0
  double first_negative_cumulative = 0;
  std::optional<int> first_gap_year;       // the first year with a yearly gap
};

Projection project(const Plan& plan);

}  // namespace senrei::compare
