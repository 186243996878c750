// report/builder.hpp — shared by the table builders (internal to core/src/report).
#pragma once

#include <string>

#include "compare/comparison.hpp"
#include "report/format.hpp"
#include "report/labels.hpp"
#include "report/report.hpp"

namespace senrei::report::detail {

class Builder {
 public:
  Builder(const compare::Comparison& c, Lang lang) : c(c), lang(lang) {}

  const compare::Comparison& c;
  const Lang lang;

  std::string t(const char* ja, const char* en) const { return tr(lang, ja, en); }
  std::string t(const std::string& ja, const std::string& en) const { return lang == Lang::ja ? ja : en; }
  std::string dash() const { return "—"; }

  Cell text(std::string s) const { return Cell{std::move(s), std::nullopt, Num::none, {}, {}}; }
  Cell num(double v, Num f, bool approximate = false) const {
    return Cell{format_number(v, f, lang, approximate), f == Num::man_yen ? v / 1e4 : v, f, {}, {}};
  }
  Cell num(std::optional<double> v, Num f) const { return v ? num(*v, f) : text(dash()); }

  const compare::Precedent& precedent(size_t i) const { return c.precedents[i]; }
  // The precedent's name, linked to its page.
  Cell precedent_cell(size_t i) const {
    const auto& p = c.precedents[i];
    return Cell{p.name, std::nullopt, Num::none, {Source{p.name, p.record.url, ""}}, {}};
  }
  Source source(size_t i, const compare::SourcedValue& v) const {
    return Source{c.precedents[i].name, v.url.empty() ? c.precedents[i].record.url : v.url, v.sentence};
  }
  // Precedents' names joined by 、 (or ", "), each with the source of its figure; "—" for none.
  Cell precedent_list(const std::vector<std::pair<size_t, compare::SourcedValue>>& figures) const {
    Cell cell = text("");
    for (const auto& [i, v] : figures) {
      cell.text += (cell.text.empty() ? "" : t("、", ", ")) + c.precedents[i].name;
      cell.sources.push_back(source(i, v));
    }
    if (cell.text.empty()) cell.text = dash();
    return cell;
  }
  // A precedent's figure as the page states it: 約2,000万円, 非公開, 3,800万円（期間の記載なし）.
  std::string figure_value(const compare::SourcedValue& v, Num f) const;
  std::string figure_text(const compare::SourcedValue& v, Num f) const;
  // The same as a cell with its number (when stated) and its source.
  Cell figure(size_t precedent, const compare::SourcedValue& v, Num f) const {
    Cell cell{figure_text(v, f), v.value, v.value ? f : Num::none, {source(precedent, v)}, {}};
    return cell;
  }
};

void add_feasibility_tables(const Builder& b, Report& report);
void add_benchmark_tables(const Builder& b, Report& report);
// summary_tables.cpp: page 1, the projection, the running costs.
Table summary_table(const Builder& b);
Table projection_table(const Builder& b);
Table running_costs_table(const Builder& b);
// The national survey figures, each with its source and year (never in a precedent median).
Table national_table(const Builder& b);
// Appendix: how the numbers are computed, the plan file and the options used.
Table method_table(const Builder& b);
// "比較できる先例が2件のため中央値は示さない" (or "no comparable figure").
std::string withheld_text(const Builder& b, size_t used);
// The plan's figures behind a check, in words (the checks table's column; feasibility_tables.cpp).
std::string check_figures(const Builder& b, const compare::Check& c);
// The confidence and its reasons in one line: 低（比較できる先例が2件（3件未満））.
std::string confidence_text(const Builder& b);

}  // namespace senrei::report::detail
