// Issue 13: a comparison the council can defend — every network once, statistics only from
// enough figures, --top only chooses rows, a missing figure is not a difference, fees without
// payers are incomplete, the 10-year projection, the national figures read from share/.
// Every expected number is worked out in the comments from the figures given here.
#include <gtest/gtest.h>

#include <sstream>

#include "compare/comparison.hpp"
#include "compare/national.hpp"
#include "report/report.hpp"

using namespace senrei;
using namespace senrei::compare;

namespace {

Field number(std::string name, double v, std::string url = "") {
  Field f;
  f.name = std::move(name);
  f.number = v;
  f.raw = "raw " + f.name;
  f.provenance = {std::move(url), "sentence of " + f.name};
  return f;
}
Field text(std::string name, std::string v) {
  Field f;
  f.name = std::move(name);
  f.text = std::move(v);
  return f;
}

Precedent network(const std::string& slug, const std::string& name, std::vector<Field> fields) {
  Precedent p;
  p.record.id = "test:http://example.jp/" + slug + "/";
  p.record.url = "http://example.jp/" + slug + "/";
  p.record.kind = RecordKind::case_overview;
  p.record.title = name;
  p.name = name;
  fields.push_back(text("network_name", name));
  p.record.fields = std::move(fields);
  return p;
}

class NoIssues : public IssueSearch {
 public:
  std::vector<std::string> words(const std::string&) override { return {}; }
  std::vector<Record> records_with(const std::string&) override { return {}; }
};

Plan plan() {
  Plan p;
  p.file = "test.toml";
  p.region.name = "テスト圏域";
  p.region.population = 200000;
  p.region.aging_rate = 0.30;
  p.region.scope = "secondary_area";
  p.plan.operator_form = "npo";
  p.plan.start_year = 2027;
  p.plan.target_institutions = 100;
  p.plan.target_patients = 10000;
  p.plan.acceptance_test_planned = true;
  p.plan.usage_monitoring = true;
  p.plan.renewal_year = 2032;
  p.budget.build_cost_yen = 300000000;
  p.budget.running_cost_yen = 20000000;
  p.budget.running_cost_period = "year";
  p.budget.renewal_reserve_yen_per_year = 5000000;
  p.budget.funding = {{"comprehensive_care_fund", "確保基金", "build", 300000000, "once", {}, {}},
                      {"member_fees", "会費", "running", 25000000, "year", {}, {}}};
  p.budget.fees = {{"hospital", "病院", 100000, "year", 20}};
  p.projection.renewal_cost_share = 0.5;
  return p;
}

// n precedents with build and running costs on the plan's basis (data output excluded).
std::vector<Precedent> costed(size_t n) {
  std::vector<Precedent> out;
  for (size_t i = 0; i < n; ++i) {
    Field dout;
    dout.name = "build_cost_includes_data_output";
    dout.flag = false;
    Field running = number("running_cost_yen", 10000000.0 * static_cast<double>(i + 1), "http://example.jp/r");
    running.period = "year";
    out.push_back(network("n" + std::to_string(i), "ネット" + std::to_string(i),
                          {number("build_cost_yen", 100000000.0 * static_cast<double>(i + 1), "http://example.jp/b"), dout,
                           running, number("population", 200000), number("institutions_total", 80),
                           number("patients", 8000)}));
  }
  return out;
}

std::string markdown(const Comparison& c) {
  std::ostringstream out;
  report::write_markdown(report::build_report(c, report::Lang::ja), out);
  return out.str();
}

}  // namespace

TEST(HonestStatistics, OneAndTwoPrecedentsGiveNoMedianAndALowConfidence) {
  for (size_t n : {1u, 2u}) {
    NoIssues issues;
    Comparison c = compare::compare(plan(), costed(n), issues, Options{});
    for (const auto& bm : c.benchmarks) {
      EXPECT_FALSE(bm.median.has_value()) << bm.metric << " n=" << n;
      EXPECT_FALSE(bm.percentile.has_value()) << bm.metric;
      EXPECT_FALSE(bm.min.has_value()) << bm.metric;
      EXPECT_EQ(bm.used, n) << bm.metric;
      EXPECT_TRUE(bm.withheld) << bm.metric;
    }
    EXPECT_EQ(c.score.confidence.level, "low");
    EXPECT_EQ(c.score.confidence.reasons[0].id, "few_precedents");
    EXPECT_EQ(c.score.confidence.reasons[0].count, n);
    // Similarity, achievements and budget rest on fewer than 3 figures: left out, said so.
    EXPECT_EQ(c.score.parts[0].left_out, "few_figures");
    EXPECT_EQ(c.score.parts[1].left_out, "few_figures");
    EXPECT_FALSE(c.score.parts[3].score.has_value());
    std::string md = markdown(c);
    EXPECT_NE(md.find("比較できる先例が" + std::to_string(n) + "件のため中央値は示さない"), std::string::npos);
    EXPECT_NE(md.find("スコアの信頼度 | 低（比較できる先例が" + std::to_string(n) + "件（3件未満）"), std::string::npos) << md;
  }
  // Three: the median is given (100, 200, 300 million → 200 million) and the confidence rises.
  NoIssues issues;
  Comparison c = compare::compare(plan(), costed(3), issues, Options{});
  for (const auto& bm : c.benchmarks) {
    if (bm.metric == "build_cost") {
      EXPECT_EQ(*bm.median, 200000000);
    }
  }
  EXPECT_NE(c.score.confidence.level, "low");
}

TEST(HonestStatistics, PlanCanRaiseTheMinimum) {
  Plan p = plan();
  p.comparison.min_figures = 4;
  NoIssues issues;
  Comparison c = compare::compare(p, costed(3), issues, Options{});
  for (const auto& bm : c.benchmarks) EXPECT_FALSE(bm.median.has_value()) << bm.metric;
  EXPECT_EQ(c.score.confidence.level, "low");
}

TEST(ComparisonSet, TopOnlyChoosesTheRowsShown) {
  std::vector<Precedent> ps = costed(6);
  ps[2].record.fields.push_back(text("area_scope", "prefecture"));  // less similar
  ps[4].record.fields.push_back(text("operator_form", "hospital"));
  NoIssues issues;
  Options one, twenty;
  one.top = 1;
  twenty.top = 20;
  Comparison a = compare::compare(plan(), ps, issues, one), b = compare::compare(plan(), ps, issues, twenty);
  EXPECT_EQ(a.similar.size(), 1u);
  EXPECT_EQ(b.similar.size(), 6u);
  EXPECT_EQ(a.comparison_set.size(), 5u);  // the plan's default similar_precedents
  EXPECT_DOUBLE_EQ(a.score.total, b.score.total);
  EXPECT_DOUBLE_EQ(*a.score.parts[0].score, *b.score.parts[0].score);
  // The plan's key changes the set (and so may change the score).
  Plan p = plan();
  p.comparison.similar_precedents = 6;
  Comparison all = compare::compare(p, ps, issues, one);
  EXPECT_EQ(all.comparison_set.size(), 6u);
}

TEST(Similarity, AMissingFigureIsNotADifference) {
  // Same population, both secondary areas; one precedent states no aging rate.
  Precedent without = network("w", "ネットW", {number("population", 200000), text("area_scope", "secondary_area"),
                                              text("operator_form", "npo")});
  Precedent with = without;
  with.record.fields.push_back(number("aging_rate", 0.25));  // 5 points off: 1 − 0.05/0.10 = 0.5
  NoIssues issues;
  Plan p = plan();
  auto ranked = rank_similar(p, {without, with}, issues);
  const Similar& w = ranked[0].precedent == 0 ? ranked[0] : ranked[1];
  // Parts the plan states (issues: none, so 4): population, aging rate, scope, form.
  EXPECT_EQ(w.plan_parts, 4u);
  EXPECT_EQ(w.compared_parts, 3u);
  // Without the aging part the others are all 1: similarity 1, not (2+0+1+1)/5 = 0.8.
  EXPECT_DOUBLE_EQ(w.similarity, 1.0);
  // The same as a plan with the aging part removed.
  Plan no_aging = p;
  no_aging.region.aging_rate.reset();
  auto ranked2 = rank_similar(no_aging, {without}, issues);
  EXPECT_DOUBLE_EQ(ranked2[0].similarity, w.similarity);
  // With an aging rate stated: (2·1 + 1·0.5 + 1 + 1) / 5 = 0.9.
  const Similar& h = ranked[0].precedent == 1 ? ranked[0] : ranked[1];
  EXPECT_EQ(h.compared_parts, 4u);
  EXPECT_DOUBLE_EQ(h.similarity, 0.9);
  std::string md = markdown(compare::compare(p, {without, with}, issues, Options{}));
  EXPECT_NE(md.find("4要素のうち3要素で比較"), std::string::npos);
}

TEST(Networks, ANetworkWithTwoOverviewPagesAppearsOnce) {
  // Two overview pages of the same network (another source, other case); one with a
  // different prefecture is another network.
  Precedent a = network("a", "あじさいネット", {text("prefecture", "長崎県"), number("build_cost_yen", 400000000, "http://a/"),
                                              number("population", 1300000, "http://a/")});
  Precedent b = network("b", "あじさい ネット", {text("prefecture", "長崎県"), number("build_cost_yen", 999, "http://b/"),
                                               number("patients", 150000, "")});
  Precedent other = network("c", "あじさいネット", {text("prefecture", "佐賀県"), number("population", 800000, "http://c/")});
  auto merged = merge_networks({b, a, other});
  ASSERT_EQ(merged.size(), 2u);
  // The names differ only by a space: one identity.  a and b state as many fields (4 each): the
  // tie goes to the lowest id, a.
  const Precedent& m = merged[0];
  EXPECT_EQ(m.record.id, a.record.id);
  EXPECT_EQ(*m.number("build_cost_yen"), 400000000);  // the kept overview's figure, not b's
  EXPECT_EQ(m.field("build_cost_yen")->provenance.url, "http://a/");
  // b only fills what a lacks, with its own provenance (its page when the field has none).
  EXPECT_EQ(*m.number("patients"), 150000);
  EXPECT_EQ(m.field("patients")->provenance.url, b.record.url);
  EXPECT_EQ(m.merged_urls, std::vector<std::string>{b.record.url});
  EXPECT_EQ(merged[1].record.id, other.record.id);
  // A step page of b's URL belongs to the merged network.
  Record step;
  step.url = b.record.url;
  EXPECT_EQ(*owner_of(step, merged), 0u);
  // Counted once in the comparison.
  NoIssues issues;
  Comparison c = compare::compare(plan(), merged, issues, Options{});
  EXPECT_EQ(c.score.precedents_compared, 2u);
  size_t build_rows = 0;
  for (const auto& bm : c.benchmarks)
    if (bm.metric == "build_cost") build_rows = bm.figures.size();
  EXPECT_EQ(build_rows, 1u);
}

TEST(Fees, WithoutExpectedPayersAreIncompleteNotZero) {
  Plan p = plan();
  p.budget.fees = {{"hospital", "病院", 100000, "year", 20}, {"clinic", "診療所", 10000, "year", std::nullopt}};
  auto checks = check_failure_patterns(p, {});
  const Check& fee = checks[3];
  ASSERT_EQ(fee.id, "fee_model");
  EXPECT_EQ(fee.result, CheckResult::warn);
  EXPECT_EQ(fee.values.at("fees_without_expected_payers"), 1);
  EXPECT_EQ(fee.values.count("fees_yen_per_year"), 0u);  // no "見込み 0円/年"
  NoIssues issues;
  std::string md = markdown(compare::compare(p, costed(3), issues, Options{}));
  EXPECT_NE(md.find("見込み機関数の記載がなく、会費収入は計算できない（不完全）"), std::string::npos);
  EXPECT_EQ(md.find("見込み 0円"), std::string::npos);
  // With every fee's payers: 20 × 100,000 = 2,000,000 a year.
  EXPECT_EQ(check_failure_patterns(plan(), {})[3].values.at("fees_yen_per_year"), 2000000);
}

TEST(Projection, AFundEndingAfterYearThreeShowsTheGapFromYearFour) {
  Plan p = plan();
  // Running: 20,000,000 a year; the care fund pays 15,000,000 until 2029 (years 1–3), fees
  // 8,000,000 every year.  Build: 300,000,000 funded once.  No renewal within 5 years (2032 is
  // year 6: cost 150,000,000).
  p.budget.funding = {{"comprehensive_care_fund", "確保基金（構築）", "build", 300000000, "once", {}, {}},
                      {"comprehensive_care_fund", "確保基金（運用）", "running", 15000000, "year", {}, 2029},
                      {"member_fees", "会費", "running", 8000000, "year", {}, {}}};
  Projection pr = project(p);
  ASSERT_EQ(pr.rows.size(), 10u);
  EXPECT_EQ(pr.rows[0].year, 2027);
  // Years 1–3: 23,000,000 − 20,000,000 = +3,000,000 each → cumulative 9,000,000 in 2029.
  EXPECT_EQ(pr.rows[0].balance, 3000000);
  EXPECT_EQ(pr.rows[2].cumulative, 9000000);
  // Year 4 (2030): the fund has ended: 8,000,000 − 20,000,000 = −12,000,000 → cumulative −3,000,000.
  EXPECT_EQ(pr.rows[3].funding.at("comprehensive_care_fund"), 0);
  EXPECT_EQ(pr.rows[3].balance, -12000000);
  EXPECT_EQ(pr.rows[3].cumulative, -3000000);
  EXPECT_EQ(*pr.first_gap_year, 2030);
  EXPECT_EQ(*pr.first_negative_year, 2030);
  EXPECT_EQ(pr.first_negative_cumulative, -3000000);
  // The renewal in 2032 at half the build cost.
  EXPECT_EQ(pr.rows[5].renewal, 150000000);
  EXPECT_EQ(pr.rows[4].renewal, 0);
  // The check fails naming the year and the amount; every format shows the gap.
  NoIssues issues;
  Comparison c = compare::compare(p, costed(3), issues, Options{});
  const Check& ch = c.checks.back();
  EXPECT_EQ(ch.id, "projection_balance");
  EXPECT_EQ(ch.result, CheckResult::fail);
  EXPECT_EQ(ch.values.at("first_negative_year"), 2030);
  EXPECT_EQ(ch.values.at("first_negative_cumulative_yen"), -3000000);
  auto rep = report::build_report(c, report::Lang::ja);
  std::ostringstream md, csv, html, json;
  report::write_markdown(rep, md);
  report::write_csv(rep, csv);
  report::write_html(rep, c, html);
  report::write_json(c, json);
  EXPECT_NE(md.str().find("2030年に累計収支が -300万円 となり資金が不足する"), std::string::npos) << md.str().substr(0, 3000);
  EXPECT_NE(md.str().find("| 2030 | 0 | 2,000 | 0 | 0 | 800 | 800 | 2,000 | -1,200 | -300 |"), std::string::npos);
  EXPECT_NE(csv.str().find("2030,0,2000,0,0,800,800,2000,-1200,-300,"), std::string::npos);
  EXPECT_NE(html.str().find("<td class=\"num fail\">-300</td>"), std::string::npos);
  EXPECT_NE(json.str().find("\"first_negative_year\": 2030"), std::string::npos);
  EXPECT_NE(json.str().find("\"cumulative_yen\": -3000000.0"), std::string::npos);
}

TEST(National, FiguresAreReadFromTheSharedDataFile) {
  auto figures = read_national(std::string(SENREI_TEST_DATA) + "/../../share/reference/national.toml");
  const NationalFigure* running = national_figure(figures, "jmari_2022_running");
  ASSERT_NE(running, nullptr);
  EXPECT_EQ(running->metric, "running_cost_per_year");
  EXPECT_EQ(*running->value, 13400000);
  EXPECT_EQ(running->year, 2022);
  EXPECT_NE(running->source_ja.find("No.475"), std::string::npos);
  const NationalFigure* boa = national_figure(figures, "boa_2019_deficient");
  ASSERT_NE(boa, nullptr);
  EXPECT_NE(boa->text_ja.find("9システム"), std::string::npos);
  // Reference rows in the report, with their source; never in a precedent median.
  Options o;
  o.national = figures;
  NoIssues issues;
  Comparison c = compare::compare(plan(), costed(3), issues, o);
  for (const auto& bm : c.benchmarks) {
    if (bm.metric == "running_cost_per_year") {
      EXPECT_EQ(*bm.median, 20000000);  // 10, 20, 30 million
    }
  }
  std::string md = markdown(c);
  EXPECT_NE(md.find("| 日医総研 ワーキングペーパー No.475（2022年度版、2023年9月） | 2022 | 年間の運用予算の平均 約1,340万円 | 約1,340 | 2,000 |"),
            std::string::npos);
}

TEST(National, ABrokenFileIsOneLineWithItsPlace) {
  std::string dir = ::testing::TempDir();
  std::string file = dir + "/national-bad.toml";
  FILE* f = std::fopen(file.c_str(), "w");
  std::fputs("[[figure]]\nid = \"x\"\nsource = \"s\"\nsource_en = \"s\"\ntext = \"t\"\ntext_en = \"t\"\nyear = \"2022\"\n", f);
  std::fclose(f);
  try {
    read_national(file);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find(file + ":1: key 'year'"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos);
  }
}

// Issue 12 item 6: a figure its page casts doubt on (a consistency flag) is shown with the doubt,
// unchanged, in the report and its JSON; a precedent's fees come with their payer type.
TEST(HonestStatistics, AFlaggedFigureIsShownWithItsDoubtAndAFeeWithItsPayer) {
  auto precedents = costed(3);
  Field inst = number("institutions_total", 420, "http://example.jp/i");
  inst.flags = {"parts_mismatch"};
  for (auto& f : precedents[0].record.fields)
    if (f.name == "institutions_total") f = inst;
  Field fee = number("fees", 30000, "http://example.jp/f");
  fee.period = "year";
  fee.payer_type = "clinic";
  precedents[1].record.fields.push_back(fee);
  NoIssues issues;
  Comparison c = compare::compare(plan(), precedents, issues, Options{});
  const std::string md = markdown(c);
  EXPECT_NE(md.find("420（要確認：内訳と合計が合わない）"), std::string::npos) << md;
  const compare::FeeRow* row = nullptr;
  for (const auto& r : c.fees)
    if (r.precedent) row = &r;
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->payer_type, "clinic");
  EXPECT_EQ(row->yen, 30000);
  EXPECT_EQ(compare::sourced(inst).flags, std::vector<std::string>{"parts_mismatch"});
}
