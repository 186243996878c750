// The tables a council member reads first: the page-1 summary, the 10-year 収支 projection,
// and the running costs beside the precedents'.  Amounts are in 万円 columns (one unit a column).
#include "report/builder.hpp"

namespace senrei::report::detail {
namespace {

const compare::Benchmark* benchmark(const Builder& b, const char* metric) {
  for (const auto& bm : b.c.benchmarks)
    if (bm.metric == metric) return &bm;
  return nullptr;
}

std::string man(const Builder& b, double yen) {
  return format_number(yen, Num::man_yen, b.lang) + b.t("万円", "0k yen");
}

// Where a plan's cost sits: the median and percentile, or why there is none (with the values).
std::string position(const Builder& b, const compare::Benchmark& bm) {
  std::string s = b.t("計画 ", "plan ") + (bm.plan ? man(b, *bm.plan) : b.dash());
  if (bm.median) {
    s += b.t("、比較できる先例", ", median of ") + std::to_string(bm.used) + b.t("件の中央値 ", " comparable precedents ") +
         man(b, *bm.median) + b.t("（範囲 ", " (range ") + man(b, *bm.min) + b.t("〜", "–") + man(b, *bm.max) + b.t("）", ")");
    if (bm.percentile)
      s += b.t("、計画は下から ", ", the plan at percentile ") + format_number(*bm.percentile, Num::percent, b.lang) +
           b.t("の位置", "");
    return s;
  }
  s += b.t("。", ". ") + withheld_text(b, bm.used);
  std::string values;
  for (const auto& f : bm.figures)
    if (f.used && f.value) values += (values.empty() ? "" : b.t("、", ", ")) + b.c.precedents[f.precedent].name + " " + man(b, *f.value);
  if (!values.empty()) s += b.t("（", " (") + values + b.t("）", ")");
  return s;
}

std::string check_line(const Builder& b, const compare::Check& c) {
  auto has = [&](const char* k) { return c.values.count(k) > 0; };
  auto v = [&](const char* k) { return c.values.at(k); };
  if (c.id == "projection_balance") {
    if (has("first_negative_year"))
      return std::to_string(static_cast<int>(v("first_negative_year"))) + b.t("年に累計収支が ", ": cumulative balance ") +
             man(b, v("first_negative_cumulative_yen")) + b.t(" となり資金が不足する", ", the funds run out");
    if (!has("renewal_cost_yen")) return b.t("更改費用が計画にないため、更改を0円として計算した", "no renewal cost in the plan: renewals counted as 0");
    if (has("first_gap_year"))
      return std::to_string(static_cast<int>(v("first_gap_year"))) + b.t("年から単年度の赤字がある（累計はマイナスにならない）",
                                                                        ": a yearly gap begins (the cumulative balance stays above 0)");
  }
  if (c.id == "fee_model" && has("fees_without_expected_payers"))
    return b.t("見込み機関数のない会費が", "") + std::to_string(static_cast<int>(v("fees_without_expected_payers"))) +
           b.t("種類あり、会費収入を見込めない（不完全）", " fee(s) without expected payers: fee income incomplete");
  return check_figures(b, c);
}

}  // namespace

std::string withheld_text(const Builder& b, size_t used) {
  const size_t min_n = b.c.score.min_figures;
  if (used == 0) return b.t("比較できる先例の数値がないため中央値は示さない", "no comparable precedent figure: no median shown");
  return b.t("比較できる先例が", "only ") + std::to_string(used) +
         b.t("件のため中央値は示さない（" + std::to_string(min_n) + "件以上で示す）",
             " comparable precedent(s): no median shown (needs " + std::to_string(min_n) + ")");
}

std::string confidence_text(const Builder& b) {
  const auto& conf = b.c.score.confidence;
  std::string reasons;
  for (const auto& r : conf.reasons) {
    std::string s;
    if (r.id == "few_precedents")
      s = b.t("比較できる先例が", "only ") + std::to_string(r.count) + b.t("件（", " precedent(s) (fewer than ") +
          std::to_string(b.c.score.min_figures) + b.t("件未満）", ")");
    else if (r.id == "part_left_out")
      s = label("score_part", r.detail, b.lang) + b.t("は数値が足りず除外", ": left out, too few figures");
    else if (r.id == "benchmark_withheld")
      s = label("metric", r.detail, b.lang) + b.t("は", ": ") + std::to_string(r.count) + b.t("件のみ", " figure(s) only");
    reasons += (reasons.empty() ? "" : b.t("、", "; ")) + s;
  }
  std::string level = label("confidence", conf.level, b.lang);
  if (reasons.empty()) reasons = b.t("どの項目も比較できる先例が十分ある", "every part rests on enough precedents");
  return level + b.t("（", " (") + reasons + b.t("）", ")");
}

Table summary_table(const Builder& b) {
  const auto& c = b.c;
  Table t{"summary", b.t("要約", "Summary"), "", {b.t("項目", "Item"), b.t("内容", "Finding")}, {}};
  Cell score = b.num(c.score.total, Num::score);
  score.text += " / 100";
  t.rows.push_back({b.text(b.t("実現可能性スコア", "Feasibility score")), score});
  Cell conf = b.text(confidence_text(b));
  if (c.score.confidence.level == "low") conf.mark = "warn";
  t.rows.push_back({b.text(b.t("スコアの信頼度", "Confidence")), conf});
  Cell n = b.num(static_cast<double>(c.score.precedents_compared), Num::count);
  n.text += b.t("件（同じネットワークは1件として数える）", " (each network once)");
  t.rows.push_back({b.text(b.t("比較した先例", "Precedents compared")), n});
  for (const auto& ch : c.checks) {
    if (ch.result == compare::CheckResult::pass) continue;
    Cell line = b.text(label("result", compare::to_string(ch.result), b.lang) + b.t("：", ": ") + check_line(b, ch));
    line.mark = compare::to_string(ch.result);
    t.rows.push_back({b.text(label("check", ch.id, b.lang)), line});
  }
  if (const auto* bm = benchmark(b, "build_cost")) t.rows.push_back({b.text(label("metric", bm->metric, b.lang)), b.text(position(b, *bm))});
  if (const auto* bm = benchmark(b, "running_cost_per_year"))
    t.rows.push_back({b.text(label("metric", bm->metric, b.lang)), b.text(position(b, *bm))});
  const auto& p = c.projection;
  Cell proj = b.text("");
  if (p.first_negative_year) {
    proj.text = std::to_string(*p.first_negative_year) + b.t("年に初めてマイナス（累計 ", ": first below zero (cumulative ") +
                man(b, p.first_negative_cumulative) + b.t("）", ")");
    proj.mark = "fail";
  } else if (!p.rows.empty()) {
    proj.text = b.t("マイナスにならない（", "stays above zero (") + std::to_string(p.rows.back().year) + b.t("年の累計 ", " cumulative ") +
                man(b, p.rows.back().cumulative) + b.t("）", ")");
  }
  t.rows.push_back({b.text(std::to_string(p.years) + b.t("年間の累計収支", "-year cumulative balance")), proj});
  return t;
}

Table projection_table(const Builder& b) {
  const auto& p = b.c.projection;
  std::string renewal = label("renewal_basis", p.renewal_basis, b.lang);
  if (p.renewal_basis == "share_of_build") renewal += " " + format_number(100 * p.renewal_share, Num::percent, b.lang);
  Table t{"projection", std::to_string(p.years) + b.t("年間の収支見通し（万円）", "-year funding projection (10,000 yen)"),
          b.t("計画の予算を年ごとに並べた。構築費用と構築財源は初年度、運用費用は稼働開始年から毎年、更改は稼働開始から",
              "The plan's budget year by year: build cost and build funding in the first year, the running cost every "
              "year from the start of operation, a renewal every ") +
              std::to_string(p.renewal_interval_years) +
              b.t("年ごと（更改費用: " + renewal + "）。運用財源は計画の期間だけ入る（期限付き基金は終了年まで）。更改は累計収支（積立を含む）から支払う。",
                  " years (renewal cost: " + renewal + "). Running funding comes in the years the plan gives (time-limited "
                  "funds until their end year). Renewals are paid from the cumulative balance, which holds the reserve."),
          {b.t("年", "Year"), b.t("構築", "Build"), b.t("運用", "Running"), b.t("更改", "Renewal")},
          {}};
  for (const auto& s : p.sources) t.columns.push_back(b.t("財源: ", "Funding: ") + label("fund", s, b.lang));
  for (const char* col : {"収入計", "支出計", "単年度収支", "累計収支"}) t.columns.push_back(col);
  if (b.lang == Lang::en) {
    size_t k = t.columns.size() - 4;
    t.columns[k] = "Income";
    t.columns[k + 1] = "Cost";
    t.columns[k + 2] = "Surplus / gap";
    t.columns[k + 3] = "Cumulative";
  }
  for (const auto& y : p.rows) {
    std::vector<Cell> row{b.num(y.year, Num::year), b.num(y.build, Num::man_yen), b.num(y.running, Num::man_yen),
                          b.num(y.renewal, Num::man_yen)};
    for (const auto& s : p.sources) row.push_back(b.num(y.funding.count(s) ? y.funding.at(s) : 0, Num::man_yen));
    row.push_back(b.num(y.income, Num::man_yen));
    row.push_back(b.num(y.cost, Num::man_yen));
    Cell bal = b.num(y.balance, Num::man_yen);
    if (y.balance < 0) bal.mark = "warn";
    row.push_back(bal);
    Cell cum = b.num(y.cumulative, Num::man_yen);
    if (y.cumulative < 0) cum.mark = "fail";
    row.push_back(cum);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table running_costs_table(const Builder& b) {
  Table t{"running_costs", b.t("運用費用の比較（年額）", "Running cost per year beside the precedents'"),
          b.t("計画と先例の運用費用（年額）と参加機関1施設あたりの額。先例の月額は12倍した。期間の記載がない額は比較できないものとして示す。",
              "The plan's and the precedents' running cost per year and per participating institution. Monthly "
              "figures are multiplied by 12; a figure with no period is shown as incomparable."),
          {b.t("主体", "Who"), b.t("運用費用（万円/年）", "Running cost (10,000 yen/year)"), b.t("参加機関数", "Institutions"),
           b.t("1施設あたり（円/年）", "Per institution (yen/year)"), b.t("比較", "Compared")},
          {}};
  const auto& plan = b.c.plan;
  std::vector<Cell> plan_row{b.text(b.t("計画", "Plan")), b.num(plan.budget.running_cost_per_year(), Num::man_yen),
                             b.num(plan.plan.target_institutions, Num::count),
                             plan.plan.target_institutions && *plan.plan.target_institutions > 0
                                 ? b.num(plan.budget.running_cost_per_year() / *plan.plan.target_institutions, Num::count)
                                 : b.text(b.dash()),
                             b.text("")};
  for (auto& cell : plan_row) cell.mark = "plan";
  t.rows.push_back(std::move(plan_row));
  const compare::Benchmark* total = benchmark(b, "running_cost_per_year");
  const compare::Benchmark* per = benchmark(b, "running_cost_per_institution");
  if (!total) return t;
  for (const auto& f : total->figures) {
    std::vector<Cell> row{b.precedent_cell(f.precedent), f.value ? b.num(*f.value, Num::man_yen) : b.text(b.figure_text(f.numerator, Num::yen))};
    if (f.value) row[1].sources.push_back(b.source(f.precedent, f.numerator));
    Cell inst = b.text(b.dash()), per_inst = b.text(b.dash());
    if (per) {
      for (const auto& g : per->figures) {
        if (g.precedent != f.precedent || !g.denominator) continue;
        inst = b.figure(g.precedent, *g.denominator, Num::count);
        if (g.value) per_inst = b.num(*g.value, Num::count);
      }
    }
    row.push_back(inst);
    row.push_back(per_inst);
    std::string reasons;
    for (const auto& r : f.incomparable) reasons += (reasons.empty() ? "" : b.t("、", "; ")) + label("reason", r, b.lang);
    row.push_back(b.text(f.used ? b.t("○", "yes") : b.t("× ", "no: ") + reasons));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table national_table(const Builder& b) {
  Table t{"national", b.t("全国調査の参考値", "National reference figures"),
          b.t("全国の調査・監査の数値。先例の中央値には含めず、出典と年を示して参考として並べる。",
              "National survey and audit figures, shown for reference with their source and year; never part of a "
              "precedent median."),
          {b.t("出典", "Source"), b.t("調査年", "Year"), b.t("内容", "Finding"), b.t("値（万円）", "Value (10,000 yen)"),
           b.t("計画（万円）", "Plan (10,000 yen)")},
          {}};
  const auto& plan = b.c.plan;
  for (const auto& f : b.c.options.national) {
    Cell source = b.text(b.lang == Lang::ja ? f.source_ja : f.source_en);
    if (is_web_url(f.url)) source.sources.push_back(Source{source.text, f.url, ""});
    Cell value = b.text(b.dash()), plan_value = b.text(b.dash());
    if (f.value && (f.metric == "build_cost" || f.metric == "running_cost_per_year")) {
      value = b.num(*f.value, Num::man_yen, f.approximate);
      plan_value = b.num(f.metric == "build_cost" ? plan.budget.build_cost_yen : plan.budget.running_cost_per_year(), Num::man_yen);
    }
    t.rows.push_back({source, b.num(f.year, Num::year), b.text(b.lang == Lang::ja ? f.text_ja : f.text_en), value, plan_value});
  }
  if (t.rows.empty()) t.note += b.t(" 全国調査の参考値のファイルが読み込まれていない。", " No national reference file was read.");
  return t;
}

Table method_table(const Builder& b) {
  const auto& c = b.c;
  Table t{"method", b.t("計算方法", "Method"), "", {b.t("項目", "Item"), b.t("内容", "How")}, {}};
  t.appendix = true;
  auto row = [&](const char* ja, const char* en, std::string ja_text, std::string en_text) {
    t.rows.push_back({b.text(b.t(ja, en)), b.text(b.lang == Lang::ja ? std::move(ja_text) : std::move(en_text))});
  };
  const std::string n = std::to_string(c.score.min_figures);
  row("計画ファイル", "Plan file", c.plan.file, c.plan.file);
  row("先例の単位", "Precedents", "ネットワーク単位。同じネットワーク名・都道府県の全体概要ページは1件にまとめ、数値は主となるページから、欠けている項目だけ他のページから（それぞれの出典つきで）補う。",
      "One per network: overview pages naming the same network in the same prefecture are merged; the figures come "
      "from the main page, and only fields it lacks from the others (each with its own source).");
  row("統計の最小件数", "Minimum figures", "中央値・範囲・パーセンタイルとスコアの各項目は、比較できる数値が" + n + "件以上のときだけ示す。",
      "Medians, ranges, percentiles and score parts are given only with at least " + n + " comparable figures.");
  row("比較の対象", "Comparison set",
      "スコアの類似度は類似度の高い上位" + std::to_string(c.plan.comparison.similar_precedents) + "件の平均（計画で設定）。表に示す件数はこれと無関係。",
      "The score's similarity is the mean of the " + std::to_string(c.plan.comparison.similar_precedents) +
          " most similar precedents (set in the plan); how many rows are shown does not change it.");
  row("類似度", "Similarity",
      "人口: 1 − |ln(計画/先例)| / ln10。高齢化率: 1 − 差/0.10。対象範囲: 同じなら1。組織形態: 同じなら1、ともに法人またはともに任意団体・協議会なら0.5。"
      "課題: 課題の語が先例のページにある割合（どの事例にも出る語ほど軽く数える）。両方に記載のある要素だけを重みで平均する。",
      "Population: 1 − |ln(plan/precedent)| / ln 10. Aging rate: 1 − difference/0.10. Scope: 1 when the same. "
      "Operator form: 1 when the same, 0.5 when both incorporated or both unincorporated. Issues: the share of an "
      "issue's words found in the precedent's pages (words on every page count least). Only the parts both state "
      "are averaged, by weight.");
  row("スコア", "Score",
      "類似度・実績との比較・失敗パターン・予算の各0〜100点を計画の重みで加重平均。予算: 先例の範囲内なら満点、最大の2倍・最小の半分で0点（対数）。",
      "Similarity, achievements, failure-pattern checks and budget, each 0–100, weighted by the plan. Budget: full "
      "inside the precedents' range, 0 at twice the maximum or half the minimum (log scale).");
  row("信頼度", "Confidence",
      "低: 比較できる先例が" + n + "件未満、または2項目以上が数値不足で除外。中: 1項目が除外、または中央値を示せない指標がある。高: それ以外。",
      "Low: fewer than " + n + " precedents, or two or more parts left out. Medium: one part left out, or a "
      "benchmark without a median. High: otherwise.");
  row("比較できない数値", "Incomparable figures",
      c.options.include_incomparable ? "この報告では中央値・範囲に含めた（理由は表に示す）。" : "中央値・範囲から除き、理由を表に示す。",
      c.options.include_incomparable ? "Included in medians in this report (reasons shown)." : "Kept out of medians; reasons shown.");
  return t;
}

}  // namespace senrei::report::detail
