#include "compare/stats.hpp"

#include <algorithm>

namespace senrei::compare {

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::optional<double> percentile_of(double plan, const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double below = 0;
  for (double v : values) below += v < plan ? 1 : (v == plan ? 0.5 : 0);
  return 100.0 * below / static_cast<double>(values.size());
}

}  // namespace senrei::compare
