#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/format.hpp"

namespace senrei::report::detail {
namespace {

// At most `max` characters (code points), the rest as …: a label must fit left of the bars.
std::string shorten(const std::string& s, size_t max) {
  size_t chars = 0, i = 0;
  while (i < s.size()) {
    if (chars == max) return s.substr(0, i) + "…";
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    ++chars;
  }
  return s;
}

}  // namespace

std::string svg_bar_chart(const std::string& title, std::vector<Bar> bars, std::optional<double> median,
                          const std::string& median_label, const std::string& legend) {
  if (bars.empty()) return "";
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.value < b.value; });
  const double label_w = 190, bar_x = 200, bar_w = 380, row_h = 22, top = 34;
  double max = 0;
  for (const auto& b : bars) max = std::max(max, b.value);
  if (median) max = std::max(max, *median);
  if (max <= 0) max = 1;
  const double height = top + row_h * static_cast<double>(bars.size()) + 34;
  char buf[512];
  std::string s;
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 700 %.0f\" width=\"700\" height=\"%.0f\" role=\"img\">",
                height, height);
  s += buf;
  s += "<title>" + html_escape(title) + "</title>";
  s += "<text x=\"0\" y=\"16\" class=\"chart-title\">" + html_escape(title) + "</text>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    double y = top + row_h * static_cast<double>(i);
    double w = std::max(1.0, bar_w * b.value / max);
    const char* cls = b.kind == Bar::Kind::plan ? "bar-plan" : b.kind == Bar::Kind::comparable ? "bar" : "bar-pale";
    std::snprintf(buf, sizeof buf, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" class=\"chart-label\">", label_w, y + 14);
    s += buf + html_escape(shorten(b.label, 16)) + (b.kind == Bar::Kind::incomparable ? " ※" : "") + "</text>";
    std::snprintf(buf, sizeof buf, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" class=\"%s\"/>", bar_x, y + 3, w,
                  row_h - 6, cls);
    s += buf;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" class=\"chart-value\">", bar_x + w + 6, y + 14);
    s += buf + html_escape(b.display) + "</text>";
  }
  double bottom = top + row_h * static_cast<double>(bars.size());
  if (median) {
    double x = bar_x + bar_w * *median / max;
    std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" class=\"median\"/>", x, top - 4, x, bottom + 4);
    s += buf;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" class=\"chart-note\">", x, bottom + 16);
    s += buf + html_escape(median_label) + "</text>";
  }
  std::snprintf(buf, sizeof buf, "<text x=\"0\" y=\"%.0f\" class=\"chart-note\">", bottom + 30);
  s += buf + html_escape(legend) + "</text></svg>";
  return s;
}

std::string svg_year_chart(const std::string& title, const std::vector<YearValue>& values, const std::string& note) {
  if (values.empty()) return "";
  const double left = 10, width = 680, top = 34, plot_h = 180;
  double hi = 0, lo = 0;
  for (const auto& v : values) {
    hi = std::max(hi, v.value);
    lo = std::min(lo, v.value);
  }
  if (hi - lo <= 0) hi = 1;
  const double scale = plot_h / (hi - lo);
  const double zero = top + hi * scale;
  const double step = width / static_cast<double>(values.size());
  const double height = top + plot_h + 52;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 700 %.0f\" width=\"700\" height=\"%.0f\" role=\"img\">",
                height, height);
  std::string s = buf;
  s += "<title>" + html_escape(title) + "</title>";
  s += "<text x=\"0\" y=\"16\" class=\"chart-title\">" + html_escape(title) + "</text>";
  for (size_t i = 0; i < values.size(); ++i) {
    const auto& v = values[i];
    double x = left + step * static_cast<double>(i) + step * 0.15, w = step * 0.7;
    double h = std::max(1.0, std::abs(v.value) * scale);
    double y = v.value >= 0 ? zero - h : zero;
    std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/>", x, y, w, h,
                  v.value < 0 ? "bar-gap" : "bar");
    s += buf;
    double ty = v.value >= 0 ? y - 3 : y + h + 11;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"chart-value\">", x + w / 2, ty);
    s += buf + html_escape(v.display) + "</text>";
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" class=\"chart-label\">%d</text>", x + w / 2,
                  top + plot_h + 24, v.year);
    s += buf;
  }
  std::snprintf(buf, sizeof buf, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" class=\"zero\"/>", left, zero, left + width, zero);
  s += buf;
  std::snprintf(buf, sizeof buf, "<text x=\"0\" y=\"%.0f\" class=\"chart-note\">", top + plot_h + 44);
  s += buf + html_escape(note) + "</text></svg>";
  return s;
}

}  // namespace senrei::report::detail
