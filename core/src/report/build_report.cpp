// build_report(): the report's title, facts and notes; the tables come from
// feasibility_tables.cpp and benchmark_tables.cpp.
#include <algorithm>
#include <iterator>

#include "report/builder.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::report {
namespace detail {

std::string Builder::figure_text(const compare::SourcedValue& v, Num f) const {
  std::string s = figure_value(v, f);
  // A figure its own page casts doubt on says so beside it (「要確認：内訳と合計が合わない」); the
  // figure itself is as the page states it.
  std::string doubts;
  for (const auto& flag : v.flags)
    if (flag != "derived") doubts += (doubts.empty() ? "" : t("・", ", ")) + label("flag", flag, lang);
  if (!doubts.empty()) s += t("（要確認：", " (check: ") + doubts + t("）", ")");
  return s;
}

std::string Builder::figure_value(const compare::SourcedValue& v, Num f) const {
  if (v.state != ValueState::stated)
    return std::string(vocabulary::label(vocabulary::Concept::value_state, to_string(v.state), lang == Lang::ja));
  if (v.value) {
    std::string s = format_number(*v.value, f, lang, v.approximate);
    if (v.field == "running_cost_yen" || v.field == "fees") {
      if (v.period == "year") s += t("/年", "/year");
      else if (v.period == "month") s += t("/月", "/month");
      else s += t("（期間の記載なし）", " (period not stated)");
    }
    return s;
  }
  if (!v.items.empty()) {
    std::string s;
    const char* group = v.field == "funding_sources" ? "fund" : v.field.find("payers") != std::string::npos ? "payer" : "";
    for (const auto& i : v.items) s += (s.empty() ? "" : t("、", ", ")) + label(group, i, lang);
    return s;
  }
  if (v.field == "operator_form") return label("form", v.text, lang);
  if (v.field == "area_scope") return label("scope", v.text, lang);
  return v.text.empty() ? v.raw : v.text;
}

}  // namespace detail

Report build_report(const compare::Comparison& c, Lang lang) {
  detail::Builder b(c, lang);
  const auto& plan = c.plan;
  Report r;
  r.lang = lang;
  std::string network = plan.plan.network_name.empty() ? plan.region.name : plan.plan.network_name;
  r.title = b.t("先行事例比較表 — ", "Comparison with precedents — ") + network + b.t("（", " (") + plan.region.name +
            b.t("）", ")");
  r.facts = {
      {b.t("地域", "Region"), plan.region.name + (plan.region.prefecture.empty() ? "" : b.t("（", " (") + plan.region.prefecture + b.t("）", ")"))},
      {b.t("人口", "Population"), format_number(plan.region.population, Num::count, lang) + b.t("人", "")},
      {b.t("対象範囲", "Scope"), label("scope", plan.region.scope, lang)},
      {b.t("運営主体の組織形態", "Operator form"), label("form", plan.plan.operator_form, lang)},
      {b.t("稼働開始", "Start"), std::to_string(plan.plan.start_year)},
      {b.t("比較した先例", "Precedents compared"),
       std::to_string(c.precedents.size()) + b.t("件（事例の全体概要。同じネットワークは1件として数える）", " (case overviews, each network once)")},
      {b.t("比較できない数値", "Incomparable figures"),
       c.options.include_incomparable ? b.t("中央値・範囲に含めた（理由を表示）", "included in medians (reasons shown)")
                                      : b.t("中央値・範囲から除外（理由を表示）", "kept out of medians (reasons shown)")},
  };
  r.tables.push_back(detail::summary_table(b));
  r.tables.push_back(detail::projection_table(b));
  r.tables.push_back(detail::running_costs_table(b));
  detail::add_feasibility_tables(b, r);
  detail::add_benchmark_tables(b, r);
  r.tables.push_back(detail::national_table(b));
  r.tables.push_back(detail::method_table(b));
  // Page order: the summary, what the council decides on, the evidence, then the appendix.
  const char* order[] = {"summary", "score", "checks", "projection", "running_costs", "benchmarks", "benchmarks_per_unit",
                         "similar", "achievements", "funding", "fees", "operator_forms", "benchmark_figures", "national"};
  auto rank = [&](const Table& t) {
    if (t.appendix) return 100;
    for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
      if (t.id == order[i]) return i;
    return 50;
  };
  std::stable_sort(r.tables.begin(), r.tables.end(), [&](const Table& x, const Table& y) { return rank(x) < rank(y); });
  r.notes = {
      b.t("先例の数値はすべて出典ページ（URL）から読み取ったもの。HTML版では読み取った文も示す。",
          "Every precedent figure was read from the page whose URL is given; the HTML report also shows the sentence."),
      b.t("全国の数値（日医総研・会計検査院）は調査・報告書の数値で、先例の中央値には含めない。",
          "National figures (JMARI surveys, Board of Audit reports) are cited as published and never mixed into precedent medians."),
      b.t("計算方法は付録「計算方法」に示す。", "How every number is computed: see the appendix, \"Method\"."),
  };
  return r;
}

}  // namespace senrei::report
