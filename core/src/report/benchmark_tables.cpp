// The benchmark tables (Step1 item 8): the plan's costs among the precedents', the figures
// behind them, funding mix, fees, operator forms.
#include "report/builder.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::report::detail {
namespace {


Num denominator_format(const compare::SourcedValue& v) { return v.field == "aging_rate" ? Num::percent : Num::count; }

bool total_metric(const std::string& metric) { return metric == "build_cost" || metric == "running_cost_per_year"; }

// totals: build cost and running cost per year, in 万円; else the per-unit figures, in 円.
Table benchmarks_table(const Builder& b, bool totals) {
  const std::string min_n = std::to_string(b.c.score.min_figures);
  Table t{totals ? "benchmarks" : "benchmarks_per_unit",
          totals ? b.t("先行事例比較表（Step1-8 予算規模、万円）", "Benchmarks against the precedents (Step1 item 8, 10,000 yen)")
                 : b.t("先行事例比較表（1人・1施設あたり、円）", "Benchmarks per person and institution (yen)"),
          b.t("中央値・最小・最大・パーセンタイルは比較できる先例の数値が" + min_n + "件以上あるときだけ、その数値だけから求める。"
              "パーセンタイルは計画より小さい先例の割合（同じ値は半分と数える）。比較できない数値（データ出力対応費の扱いが計画と違う・記載なし、"
              "期間の記載がない運用費用、概数、総額不明）は除外し、その数を示す。運用費用の月額は12倍して年額にする。",
              "Median, min, max and the plan's percentile are given only with at least " + min_n +
                  " comparable precedent figures, and use those only. The percentile is the share of precedents below the "
                  "plan (ties count half). Incomparable figures (data-output work on another basis than the plan's or not "
                  "stated, running costs with no period, approximate values, totals unknown) are left out and counted. "
                  "Monthly running costs are multiplied by 12."),
          {b.t("指標", "Metric"), b.t("計画", "Plan"), b.t("中央値", "Median"), b.t("最小", "Min"), b.t("最大", "Max"),
           b.t("パーセンタイル", "Percentile"), b.t("比較した事例数", "Precedents compared"),
           b.t("比較できない数値", "Incomparable figures"), b.t("比較した事例", "Precedents used")},
          {}};
  for (size_t i = 1; i <= 4; ++i) t.columns[i] += totals ? b.t("（万円）", " (10,000 yen)") : b.t("（円）", " (yen)");
  for (const auto& bm : b.c.benchmarks) {
    if (total_metric(bm.metric) != totals) continue;
    Num f = totals ? Num::man_yen : Num::count;
    if (!totals && bm.plan && *bm.plan < 100) f = Num::rate;
    std::vector<std::pair<size_t, compare::SourcedValue>> compared;
    for (const auto& fig : bm.figures)
      if (fig.used) compared.emplace_back(fig.precedent, fig.numerator);
    Cell used = b.precedent_list(compared);
    Cell median = bm.median ? b.num(*bm.median, f) : b.text(withheld_text(b, bm.used));
    if (!bm.median) {
      // Below the minimum the values are listed instead of a statistic.
      std::string values;
      for (const auto& fig : bm.figures)
        if (fig.used && fig.value) values += (values.empty() ? "" : b.t("、", ", ")) + format_number(*fig.value, f, b.lang);
      if (!values.empty()) median.text += b.t("。値: ", ". Values: ") + values;
    }
    t.rows.push_back({b.text(label("metric", bm.metric, b.lang)), b.num(bm.plan, f), median, b.num(bm.min, f),
                      b.num(bm.max, f), b.num(bm.percentile, Num::percent), b.num(static_cast<double>(bm.used), Num::count),
                      b.num(static_cast<double>(bm.incomparable), Num::count), used});
  }
  return t;
}

Table figures_table(const Builder& b) {
  Table t{"benchmark_figures", b.t("比較に使った先例の数値", "The precedent figures behind the benchmarks"),
          b.t("先例のページに書かれた数値と、比較に使ったかどうか（使わなかった理由）。",
              "Each precedent figure as its page states it, and whether it was compared (or why not)."),
          {b.t("指標", "Metric"), b.t("事例", "Precedent"), b.t("値", "Value"), b.t("単位", "Unit"), b.t("費用（記載どおり）", "Cost as stated"),
           b.t("分母", "Divided by"), b.t("比較", "Compared")},
          {}};
  for (const auto& bm : b.c.benchmarks) {
    for (const auto& fig : bm.figures) {
      const bool total = total_metric(bm.metric);
      Cell value = fig.value ? b.num(*fig.value, total ? Num::man_yen : Num::rate) : b.text(b.dash());
      Cell numerator = b.figure(fig.precedent, fig.numerator, Num::yen);
      numerator.number.reset();  // the value column holds the number; this one is the page's wording
      numerator.format = Num::none;
      if (!fig.numerator.raw.empty()) numerator.text += b.t("（「", " (\"") + fig.numerator.raw + b.t("」）", "\")");
      Cell denominator = fig.denominator ? b.figure(fig.precedent, *fig.denominator, denominator_format(*fig.denominator)) : b.text(b.dash());
      std::string reasons;
      for (const auto& r : fig.incomparable) reasons += (reasons.empty() ? "" : b.t("、", "; ")) + label("reason", r, b.lang);
      if (fig.converted_from_month) reasons += (reasons.empty() ? "" : b.t("、", "; ")) + b.t("月額×12", "monthly × 12");
      std::string verdict;
      if (!fig.value) verdict = b.t("× 数値なし: ", "× no figure: ") + reasons;
      else if (fig.used && fig.incomparable.empty()) verdict = b.t("○ 比較に使用", "○ compared") + (reasons.empty() ? "" : " (" + reasons + ")");
      else if (fig.used) verdict = b.t("△ 比較できないが含めた: ", "△ incomparable, included: ") + reasons;
      else verdict = b.t("× 除外: ", "× left out: ") + reasons;
      t.rows.push_back({b.text(label("metric", bm.metric, b.lang)), b.precedent_cell(fig.precedent), value,
                        b.text(total ? b.t("万円", "10,000 yen") : b.t("円", "yen")), numerator, denominator,
                        b.text(verdict)});
    }
  }
  return t;
}

// The time-limited funds by name (senrei/vocabulary.hpp decides which), 「A・B・C」 / "A, B, C".
static std::string time_limited_funds(const Builder& b) {
  std::string out;
  for (const auto& t : vocabulary::terms(vocabulary::Concept::funding_source)) {
    if (!vocabulary::time_limited_fund(t.keyword)) continue;
    out += (out.empty() ? "" : b.t("・", ", ")) + label("fund", t.keyword, b.lang);
  }
  return out;
}

Table funding_table(const Builder& b) {
  Table t{"funding", b.t("財源の構成", "Funding mix"),
          b.t("計画の財源（構築は総額、運用は年額）と、その財源を使った先例。期限付き: ",
              "The plan's funding (build: total; running: per year) and the precedents naming each source. Time-limited: ") +
              time_limited_funds(b) + b.t("。", "."),
          {b.t("財源", "Source"), b.t("期限付き", "Time-limited"), b.t("計画: 構築（万円）", "Plan: build (10,000 yen)"),
           b.t("構築に占める割合", "Share of build"), b.t("計画: 運用（万円/年）", "Plan: running (10,000 yen/year)"), b.t("運用に占める割合", "Share of running"),
           b.t("計画での名称", "Named in the plan"), b.t("この財源を使った先例", "Precedents using it")},
          {}};
  for (const auto& m : b.c.funding) {
    std::string names;
    for (const auto& n : m.plan_names) names += (names.empty() ? "" : b.t("、", ", ")) + n;
    Cell used = b.precedent_list(m.precedents);
    t.rows.push_back({b.text(label("fund", m.source, b.lang)), b.text(m.time_limited ? b.t("はい", "yes") : b.t("いいえ", "no")),
                      b.num(m.plan_build, Num::man_yen), b.num(100 * m.plan_build_share, Num::percent), b.num(m.plan_running, Num::man_yen),
                      b.num(100 * m.plan_running_share, Num::percent), b.text(names.empty() ? b.dash() : names), used});
  }
  return t;
}

Table fees_table(const Builder& b) {
  Table t{"fees", b.t("会費・利用料", "Fees"),
          b.t("計画の会費（参加機関の種類ごと）と、先例のページに書かれた会費・利用料。",
              "The plan's fees by type of participant, and the fees precedents' pages state."),
          {b.t("主体", "Who"), b.t("支払う機関", "Payer"), b.t("金額（円）", "Amount (yen)"), b.t("期間", "Period"),
           b.t("見込み機関数", "Expected payers"), b.t("記載", "As written")},
          {}};
  for (const auto& f : b.c.fees) {
    Cell who = f.precedent ? b.precedent_cell(*f.precedent) : b.text(b.t("計画", "Plan"));
    Cell amount = f.yen ? b.num(*f.yen, Num::count) : b.text(b.dash());
    if (f.precedent && f.figure) amount.sources.push_back(b.source(*f.precedent, *f.figure));
    if (f.precedent && f.figure && !f.yen) amount.text = b.figure_text(*f.figure, Num::yen);
    // The plan's fee with no expected payers: its income is unknown, not 0.
    Cell payers = b.num(f.expected_payers, Num::count);
    if (!f.precedent && !f.expected_payers) {
      payers = b.text(b.t("記載なし（会費収入は計算できない）", "not stated (fee income unknown)"));
      payers.mark = "warn";
    }
    t.rows.push_back({who, b.text(f.payer_type.empty() ? b.dash() : label("payer", f.payer_type, b.lang)), amount,
                      b.text(f.period.empty() ? b.dash() : label("period", f.period, b.lang)), payers,
                      b.text(f.figure ? (f.figure->sentence.empty() ? f.figure->raw : f.figure->sentence) : f.label)});
  }
  if (t.rows.empty())
    t.note += b.t(" 計画にも先例にも会費の記載がない。", " Neither the plan nor the precedents state fees.");
  return t;
}

Table forms_table(const Builder& b) {
  Table t{"operator_forms", b.t("運営主体の組織形態", "Operator forms"),
          b.t("計画の組織形態と、同じ形態の先例。", "The plan's operator form and the precedents of each form."),
          {b.t("組織形態", "Form"), b.t("計画", "Plan"), b.t("先例数", "Precedents"), b.t("先例", "Which")},
          {}};
  for (const auto& row : b.c.operator_forms) {
    t.rows.push_back({b.text(label("form", row.form, b.lang)), b.text(row.plan ? "◎" : ""),
                      b.num(static_cast<double>(row.precedents.size()), Num::count), b.precedent_list(row.precedents)});
  }
  return t;
}

}  // namespace

void add_benchmark_tables(const Builder& b, Report& r) {
  r.tables.push_back(benchmarks_table(b, true));
  r.tables.push_back(benchmarks_table(b, false));
  r.tables.push_back(figures_table(b));
  r.tables.push_back(funding_table(b));
  r.tables.push_back(fees_table(b));
  r.tables.push_back(forms_table(b));
}

}  // namespace senrei::report::detail
