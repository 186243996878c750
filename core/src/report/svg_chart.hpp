// report/svg_chart.hpp — a horizontal bar chart as inline SVG: the plan among the precedents.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace senrei::report::detail {

struct Bar {
  std::string label;
  double value = 0;
  std::string display;  // the value as printed beside the bar
  enum class Kind { plan, comparable, incomparable } kind = Kind::comparable;
};

// Bars sorted by value, the plan's highlighted, incomparable ones pale and marked ※, a dashed
// line at the median.  Every text is escaped.  "" when there are no bars.
std::string svg_bar_chart(const std::string& title, std::vector<Bar> bars, std::optional<double> median,
                          const std::string& median_label, const std::string& legend);

}  // namespace senrei::report::detail
