// report/svg_chart.hpp — inline SVG charts: the plan among the precedents (bars), and a
// value per year (the projection's cumulative balance).
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

struct YearValue {
  int year = 0;
  double value = 0;      // may be negative
  std::string display;   // printed above (or below) the column
};

// One column a year from a zero line, negative columns red (bar-gap), a note below.  Every
// text is escaped.  "" when there are no values.
std::string svg_year_chart(const std::string& title, const std::vector<YearValue>& values, const std::string& note);

}  // namespace senrei::report::detail
