// compare/stats.hpp — the few statistics a council table needs, defined once.
#pragma once

#include <optional>
#include <vector>

namespace senrei::compare {

// The median: the middle value, or the mean of the two middle values.  nullopt when empty.
std::optional<double> median(std::vector<double> values);

// The plan's percentile among `values` (0..100): the share of values below it, ties counted
// half (mid-rank).  A plan cheaper than every precedent is 0, dearer than every one is 100.
// nullopt when empty.
std::optional<double> percentile_of(double plan, const std::vector<double>& values);

}  // namespace senrei::compare
