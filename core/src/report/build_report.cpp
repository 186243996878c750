// build_report(): the report's title, facts and notes; the tables come from
// feasibility_tables.cpp and benchmark_tables.cpp.
#include "report/builder.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::report {
namespace detail {

std::string Builder::figure_text(const compare::SourcedValue& v, Num f) const {
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
      {b.t("計画ファイル", "Plan file"), plan.file},
      {b.t("地域", "Region"), plan.region.name + (plan.region.prefecture.empty() ? "" : b.t("（", " (") + plan.region.prefecture + b.t("）", ")"))},
      {b.t("人口", "Population"), format_number(plan.region.population, Num::count, lang) + b.t("人", "")},
      {b.t("対象範囲", "Scope"), label("scope", plan.region.scope, lang)},
      {b.t("運営主体の組織形態", "Operator form"), label("form", plan.plan.operator_form, lang)},
      {b.t("稼働開始", "Start"), std::to_string(plan.plan.start_year)},
      {b.t("比較した先例", "Precedents compared"),
       std::to_string(c.precedents.size()) + b.t("件（索引の事例の全体概要）", " (case overviews in the index)")},
      {b.t("実現可能性スコア", "Feasibility score"), format_number(c.score.total, Num::score, lang) + " / 100"},
      {b.t("比較できない数値", "Incomparable figures"),
       c.options.include_incomparable ? b.t("中央値・範囲に含めた（--include-incomparable）", "included in medians (--include-incomparable)")
                                      : b.t("中央値・範囲から除外（理由を表示）", "kept out of medians (reasons shown)")},
  };
  detail::add_feasibility_tables(b, r);
  detail::add_benchmark_tables(b, r);
  r.notes = {
      b.t("先例の数値はすべて出典ページ（URL）から読み取ったもの。HTML版では読み取った文も示す。",
          "Every precedent figure was read from the page whose URL is given; the HTML report also shows the sentence."),
      b.t("全国の数値（日医総研・会計検査院）は調査・報告書の数値で、先例の中央値には含めない。",
          "National figures (JMARI surveys, Board of Audit reports) are cited as published and never mixed into precedent medians."),
      b.t("計算方法は docs/plan.md「compare の計算方法」を参照。", "How every number is computed: docs/plan.md, \"How compare scores\"."),
  };
  return r;
}

}  // namespace senrei::report
