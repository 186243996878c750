// The feasibility tables (Step1 item 2): score, similar precedents and the parts of their
// similarity, issues found, achievements, failure-pattern checks.
#include "compare/national.hpp"
#include "report/builder.hpp"

namespace senrei::report::detail {
namespace {

Table score_table(const Builder& b) {
  Table t{"score", b.t("実現可能性スコア（Step1-2）", "Feasibility score (Step1 item 2)"),
          b.t("各項目は0〜100点。比較できる数値が" + std::to_string(b.c.score.min_figures) +
                  "件に満たない項目は点数を付けずに除き、残りの重みで按分する。信頼度: " + confidence_text(b) + "。",
              "Each part scores 0–100. A part resting on fewer than " + std::to_string(b.c.score.min_figures) +
                  " comparable figures is left out and the other weights are rescaled. Confidence: " + confidence_text(b) + "."),
          {b.t("項目", "Part"), b.t("点数", "Score"), b.t("使った数値", "Figures used"), b.t("重み", "Weight"), b.t("割合", "Share"),
           b.t("寄与", "Contribution")},
          {}};
  double weights = 0;
  for (const auto& p : b.c.score.parts) {
    weights += p.weight;
    Cell score = p.score ? b.num(*p.score, Num::score)
                         : b.text(b.t("除外（", "left out (") + label("left_out", p.left_out, b.lang) + b.t("）", ")"));
    t.rows.push_back({b.text(label("score_part", p.name, b.lang)), score, b.num(static_cast<double>(p.figures), Num::count),
                      b.num(p.weight, Num::count), p.score ? b.num(100 * p.share, Num::percent) : b.text(b.dash()),
                      p.score ? b.num(p.share * *p.score, Num::score) : b.text(b.dash())});
  }
  t.rows.push_back({b.text(b.t("合計", "Total")), b.num(b.c.score.total, Num::score),
                    b.num(static_cast<double>(b.c.score.precedents_compared), Num::count), b.num(weights, Num::count),
                    b.num(100.0, Num::percent), b.num(b.c.score.total, Num::score)});
  return t;
}

std::optional<double> part_score(const compare::Similar& s, const char* name) {
  for (const auto& p : s.parts)
    if (p.name == name) return p.score;
  return std::nullopt;
}

Table similar_table(const Builder& b) {
  Table t{"similar", b.t("類似事例", "Most similar precedents"),
          b.t("類似度は人口・高齢化率・対象範囲・組織形態・課題の各0〜1の加重平均で、計画と先例の両方に記載のある要素だけで求める（記載がないことは違いとして数えない）。"
              "—は先例に記載がない要素。",
              "Similarity is the weighted mean of population, aging rate, scope, operator form and issues, each 0–1, "
              "over the parts both the plan and the precedent state (a missing figure is not a difference). — marks "
              "a part the precedent does not state."),
          {b.t("順位", "Rank"), b.t("事例", "Precedent"), b.t("都道府県", "Prefecture"), b.t("類似度", "Similarity"),
           b.t("比較した要素", "Parts compared"),
           b.t("人口", "Population"), b.t("高齢化率", "Aging rate"), b.t("対象範囲", "Scope"), b.t("組織形態", "Operator form"),
           b.t("課題", "Issues")},
          {}};
  int rank = 0;
  for (const auto& s : b.c.similar) {
    t.rows.push_back({b.num(++rank, Num::count), b.precedent_cell(s.precedent), b.text(b.precedent(s.precedent).text("prefecture")),
                      b.num(s.similarity, Num::ratio),
                      b.text(b.lang == Lang::ja ? std::to_string(s.plan_parts) + "要素のうち" + std::to_string(s.compared_parts) + "要素で比較"
                                                : std::to_string(s.compared_parts) + " of " + std::to_string(s.plan_parts) + " parts"),
                      b.num(part_score(s, "population"), Num::ratio),
                      b.num(part_score(s, "aging_rate"), Num::ratio), b.num(part_score(s, "scope"), Num::ratio),
                      b.num(part_score(s, "operator_form"), Num::ratio), b.num(part_score(s, "issues"), Num::ratio)});
  }
  return t;
}

Table similarity_parts_table(const Builder& b) {
  const auto& plan = b.c.plan;
  Table t{"similarity_parts", b.t("類似度の内訳", "Parts of the similarity"),
          b.t("人口: 1 − |ln(計画/先例)| / ln10。高齢化率: 1 − 差/0.10。対象範囲: 同じなら1。組織形態: 同じなら1、ともに法人またはともに任意団体・協議会なら0.5。"
              "課題: 下の「課題の検索結果」の一致率の平均。",
              "Population: 1 − |ln(plan/precedent)| / ln 10. Aging rate: 1 − difference/0.10. Scope: 1 when the same. "
              "Operator form: 1 when the same, 0.5 when both incorporated or both unincorporated. Issues: the mean "
              "match of the issues table below."),
          {b.t("事例", "Precedent"), b.t("要素", "Part"), b.t("先例の値", "Precedent's figure"), b.t("計画の値", "Plan"),
           b.t("類似", "Similarity"), b.t("重み", "Weight")},
          {}};
  for (const auto& s : b.c.similar) {
    for (const auto& p : s.parts) {
      Cell figure = b.text(b.dash());
      Cell plan_value = b.text(b.dash());
      if (p.name == "population") {
        if (p.figure) figure = b.figure(s.precedent, *p.figure, Num::count);
        plan_value = b.num(plan.region.population, Num::count);
      } else if (p.name == "aging_rate") {
        if (p.figure) {
          figure = b.figure(s.precedent, *p.figure, Num::percent);
          if (p.figure->value) figure = Cell{format_number(*p.figure->value * 100, Num::percent, b.lang), *p.figure->value * 100, Num::percent, figure.sources, {}};
        }
        if (plan.region.aging_rate) plan_value = b.num(*plan.region.aging_rate * 100, Num::percent);
      } else if (p.name == "scope") {
        if (p.figure) figure = b.figure(s.precedent, *p.figure, Num::none);
        plan_value = b.text(label("scope", plan.region.scope, b.lang));
      } else if (p.name == "operator_form") {
        if (p.figure) figure = b.figure(s.precedent, *p.figure, Num::none);
        plan_value = b.text(label("form", plan.plan.operator_form, b.lang));
      } else if (p.name == "issues") {
        size_t matched = 0;
        for (const auto& m : s.issues) matched += m.coverage > 0;
        figure = b.text(std::to_string(matched) + " / " + std::to_string(s.issues.size()) +
                        b.t(" 課題で一致あり", " issues matched"));
        plan_value = b.text(std::to_string(plan.plan.issues.size()) + b.t("件", " issues"));
      }
      t.rows.push_back({b.precedent_cell(s.precedent), b.text(label("similarity_part", p.name, b.lang)), figure, plan_value,
                        b.num(p.score, Num::ratio), b.num(p.weight, Num::count)});
    }
  }
  return t;
}

Table issues_table(const Builder& b) {
  Table t{"issues", b.t("課題の検索結果", "The plan's issues in the precedents' pages"),
          b.t("課題ごとに語に分け、事例の全体概要とステップのページを索引で検索した。一致率は見つかった語の割合で、"
              "どの事例にも出る語ほど軽く数える（idf）。",
              "Each issue is split into words searched in the precedents' overview and step pages; the match is the "
              "share of words found, words found in every precedent counting least (idf)."),
          {b.t("事例", "Precedent"), b.t("課題", "Issue"), b.t("語", "Words"), b.t("見つかった語", "Found"),
           b.t("一致率", "Match"), b.t("ページ", "Pages")},
          {}};
  for (const auto& s : b.c.similar) {
    for (const auto& m : s.issues) {
      std::string words, found;
      for (size_t i = 0; i < m.words.size(); ++i) {
        words += (words.empty() ? "" : " ") + m.words[i];
        if (m.found[i]) found += (found.empty() ? "" : " ") + m.words[i];
      }
      // The pages by their path; the links carry the whole URL.
      Cell pages = b.text("");
      for (const auto& u : m.urls) {
        auto host_end = u.find('/', u.find("//") == std::string::npos ? 0 : u.find("//") + 2);
        std::string path = host_end == std::string::npos ? u : u.substr(host_end);
        pages.text += (pages.text.empty() ? "" : ", ") + path;
        pages.sources.push_back(Source{path, u, ""});
      }
      if (pages.text.empty()) pages.text = b.dash();
      t.rows.push_back({b.precedent_cell(s.precedent), b.text(m.issue), b.text(words), b.text(found.empty() ? b.dash() : found),
                        b.num(m.coverage, Num::ratio), pages});
    }
  }
  return t;
}

Table achievements_table(const Builder& b) {
  const auto& plan = b.c.plan;
  Table t{"achievements", b.t("先行事例の実績", "What the precedents achieved"),
          b.t("稼働年数は数値の時点の年 − 稼働開始年。10万人あたりは対象地域の人口による。1行目は計画の目標。",
              "Years running: the year of the figures minus the start year. Per 100,000: by the population of the "
              "area served. The first row is the plan's targets."),
          {b.t("事例", "Precedent"), b.t("稼働開始", "Start"), b.t("時点", "As of"), b.t("稼働年数", "Years running"),
           b.t("人口", "Population"), b.t("参加機関数", "Institutions"), b.t("機関/10万人", "Institutions per 100k"),
           b.t("登録患者数", "Patients"), b.t("患者/10万人", "Patients per 100k")},
          {}};
  const auto& np = plan.plan;
  t.rows.push_back({b.text(b.t("計画の目標", "Plan's targets") + std::string(b.t("（", " (")) +
                           (np.network_name.empty() ? plan.region.name : np.network_name) + b.t("）", ")")),
                    b.num(np.start_year, Num::year), np.target_year ? b.num(*np.target_year, Num::year) : b.text(b.dash()),
                    b.num(b.c.targets.years_to_target ? std::optional<double>(*b.c.targets.years_to_target) : std::nullopt, Num::count),
                    b.num(plan.region.population, Num::count), b.num(np.target_institutions, Num::count),
                    b.num(b.c.targets.institutions_per_100k, Num::rate), b.num(np.target_patients, Num::count),
                    b.num(b.c.targets.patients_per_100k, Num::rate)});
  for (auto& cell : t.rows.back()) cell.mark = "plan";
  for (const auto& a : b.c.achievements) {
    auto fig = [&](const std::optional<compare::SourcedValue>& v) { return v ? b.figure(a.precedent, *v, Num::count) : b.text(b.dash()); };
    t.rows.push_back({b.precedent_cell(a.precedent), a.start_year ? b.num(*a.start_year, Num::year) : b.text(b.dash()),
                      b.text(a.as_of.empty() ? b.dash() : a.as_of),
                      a.years_running ? b.num(*a.years_running, Num::count) : b.text(b.dash()), fig(a.population),
                      fig(a.institutions), b.num(a.institutions_per_100k, Num::rate), fig(a.patients),
                      b.num(a.patients_per_100k, Num::rate)});
  }
  return t;
}

std::string yen(const Builder& b, double v) {
  return v < 0 ? "−" + format_number(-v, Num::yen, b.lang) : format_number(v, Num::yen, b.lang);
}
std::string year(double v) { return std::to_string(static_cast<long>(v)); }

// The plan's figures behind a check, in words.
std::string plan_figures(const Builder& b, const compare::Check& c) {
  auto has = [&](const char* k) { return c.values.count(k) > 0; };
  auto v = [&](const char* k) { return c.values.at(k); };
  const bool ja = b.lang == Lang::ja;
  std::string s;
  if (c.id == "participant_targets") {
    if (!has("target_institutions") && !has("target_patients")) return b.t("目標なし", "no targets");
    if (has("target_institutions")) s += (ja ? "参加機関 " : "") + grouped(v("target_institutions")) + (ja ? "" : " institutions");
    if (has("target_patients"))
      s += (s.empty() ? "" : b.t("、", ", ")) + (ja ? "登録患者 " + grouped(v("target_patients")) + "人" : grouped(v("target_patients")) + " patients");
    if (has("target_year")) s += ja ? "（" + year(v("target_year")) + "年まで）" : " by " + year(v("target_year"));
    return s;
  }
  if (c.id == "renewal_funding") {
    if (!has("renewal_reserve_yen_per_year")) return b.t("更改の積立なし", "no renewal reserve");
    s = (ja ? "積立 " : "reserve ") + yen(b, v("renewal_reserve_yen_per_year")) + b.t("/年", "/year");
    if (has("renewal_year")) {
      s += (ja ? "、更改 " + year(v("renewal_year")) + "年までに " : ", by the renewal in " + year(v("renewal_year")) + ": ") +
           yen(b, v("reserve_by_renewal_yen"));
      if (has("reserve_share_of_build_cost"))
        s += (ja ? "（構築費用の" : " (") + format_number(100 * v("reserve_share_of_build_cost"), Num::percent, b.lang) +
             b.t("）", " of the build cost)");
    } else {
      s += b.t("、更改年の記載なし", ", no renewal year");
    }
    return s;
  }
  if (c.id == "time_limited_running_funds")
    return (ja ? "運用財源 " : "running funding ") + yen(b, v("running_funding_yen_per_year")) + b.t("/年のうち期限付き基金 ", "/year, of which time-limited funds ") +
           yen(b, v("time_limited_yen_per_year")) + " (" + format_number(100 * v("time_limited_share"), Num::percent, b.lang) + ")";
  if (c.id == "fee_model") {
    if (v("fee_types") == 0 && v("member_fee_funding_yen_per_year") == 0) return b.t("会費・利用料なし", "no fees");
    if (has("fees_without_expected_payers"))
      return (ja ? "会費 " + grouped(v("fee_types")) + "種類のうち" + grouped(v("fees_without_expected_payers")) +
                       "種類に見込み機関数の記載がなく、会費収入は計算できない（不完全）"
                 : grouped(v("fee_types")) + " fee types, " + grouped(v("fees_without_expected_payers")) +
                       " without expected payers: fee income cannot be computed (incomplete)") +
             b.t("。財源の会費 ", "; member-fee funding ") + yen(b, v("member_fee_funding_yen_per_year")) + b.t("/年", "/year");
    return (ja ? "会費 " + grouped(v("fee_types")) + "種類、見込み " : grouped(v("fee_types")) + " fee types, expected ") +
           yen(b, v("fees_yen_per_year")) + b.t("/年、財源の会費 ", "/year; member-fee funding ") +
           yen(b, v("member_fee_funding_yen_per_year")) + b.t("/年", "/year");
  }
  if (c.id == "acceptance_test" || c.id == "usage_monitoring") {
    std::string key = c.id == "acceptance_test" ? "acceptance_test_planned" : "usage_monitoring";
    if (!c.values.count(key)) return b.t("計画ファイルに記載なし", "not stated in the plan");
    return c.values.at(key) ? b.t("計画あり", "planned") : b.t("計画なし", "not planned");
  }
  if (c.id == "running_funding_balance")
    return (ja ? "運用財源 " : "running funding ") + yen(b, v("running_funding_yen_per_year")) + b.t(" − 運用費用 ", " − running cost ") +
           yen(b, v("running_cost_yen_per_year")) + b.t(" − 積立 ", " − reserve ") + yen(b, v("renewal_reserve_yen_per_year")) + " = " +
           (v("balance_yen_per_year") < 0 ? "−" + yen(b, -v("balance_yen_per_year")) : yen(b, v("balance_yen_per_year"))) + b.t("（年額）", " per year");
  if (c.id == "projection_balance") {
    s = (ja ? year(v("start_year")) + "〜" + year(v("last_year")) + "年の累計収支 " : "cumulative balance " + year(v("start_year")) +
                                                                                     "–" + year(v("last_year")) + ": ") +
        yen(b, v("final_cumulative_yen"));
    if (has("first_negative_year"))
      s += ja ? "。" + year(v("first_negative_year")) + "年に累計 " + yen(b, v("first_negative_cumulative_yen")) + " となる"
              : "; " + year(v("first_negative_year")) + ": " + yen(b, v("first_negative_cumulative_yen"));
    if (!has("renewal_cost_yen")) s += b.t("。更改費用の記載なし（0円で計算）", "; no renewal cost stated (counted as 0)");
    return s;
  }
  if (c.id == "build_funding_balance")
    return (ja ? "構築財源 " : "build funding ") + yen(b, v("build_funding_yen")) + b.t(" − 構築費用 ", " − build cost ") +
           yen(b, v("build_cost_yen")) + " = " + (v("balance_yen") < 0 ? "−" + yen(b, -v("balance_yen")) : yen(b, v("balance_yen")));
  return s;
}

Table checks_table(const Builder& b) {
  Table t{"checks", b.t("失敗パターンの確認", "Failure pattern checks"),
          b.t("全国の調査・監査が挙げる失敗パターン（参加目標なし、更改財源なし、期限付き基金に頼る運用、会費なし、受入テストなし、利用状況の未把握）を計画と照合した。"
              "根拠は全国の調査・監査の数値と、該当する先例の記載。",
              "The failure patterns named by the national surveys and audits (no participant targets, no renewal funding, running costs on a "
              "time-limited fund, no fee model, no acceptance test, use not monitored) checked against the plan, "
              "with the national survey or audit figure and the precedents behind each."),
          {b.t("確認項目", "Check"), b.t("結果", "Result"), b.t("計画の数値", "The plan's figures"), b.t("根拠", "Evidence")},
          {}};
  for (const auto& c : b.c.checks) {
    Cell evidence = b.text("");
    for (const auto& e : c.evidence) {
      if (!e.national.empty()) {
        if (const auto* f = compare::national_figure(b.c.options.national, e.national)) {
          evidence.text += (evidence.text.empty() ? "" : b.t("。", ". ")) + (b.lang == Lang::ja ? f->source_ja : f->source_en) +
                           ": " + (b.lang == Lang::ja ? f->text_ja : f->text_en);
          if (is_web_url(f->url)) evidence.sources.push_back(Source{b.lang == Lang::ja ? f->source_ja : f->source_en, f->url, ""});
        }
      }
    }
    std::vector<std::pair<size_t, compare::SourcedValue>> figures;
    for (const auto& e : c.evidence)
      if (e.precedent && e.figure) figures.emplace_back(*e.precedent, *e.figure);
    if (!figures.empty()) {
      Cell names = b.precedent_list(figures);
      std::string intro = c.id == "fee_model" ? b.t("参加機関が費用を負担する先例: ", "Precedents charging participants: ")
                                              : b.t("期限付き基金を使った先例: ", "Precedents using time-limited funds: ");
      evidence.text += (evidence.text.empty() ? "" : b.t("。", ". ")) + intro + names.text;
      evidence.sources.insert(evidence.sources.end(), names.sources.begin(), names.sources.end());
    }
    Cell result = b.text(label("result", compare::to_string(c.result), b.lang));
    result.mark = compare::to_string(c.result);
    t.rows.push_back({b.text(label("check", c.id, b.lang)), result, b.text(plan_figures(b, c)), evidence});
  }
  return t;
}

}  // namespace

std::string check_figures(const Builder& b, const compare::Check& c) { return plan_figures(b, c); }

void add_feasibility_tables(const Builder& b, Report& r) {
  r.tables.push_back(score_table(b));
  r.tables.push_back(similar_table(b));
  r.tables.push_back(similarity_parts_table(b));
  r.tables.back().appendix = true;
  if (!b.c.plan.plan.issues.empty()) {
    r.tables.push_back(issues_table(b));
    r.tables.back().appendix = true;
  }
  r.tables.push_back(achievements_table(b));
  r.tables.push_back(checks_table(b));
}

}  // namespace senrei::report::detail
