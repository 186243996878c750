// Issue 12: labels are read by what they say (senrei/fields.hpp), not by a list of phrasings.
// Every label and page here is written by hand for this test, in wordings found on Japanese
// public pages (自治体・医師会の事業概要, 補助事業の報告書), not taken from the fidelity generator:
// a cost word with a build or running word, 負担者 after a cost word, 人口 anywhere in a label,
// a stated operator form over one guessed from a name, 【ラベル】値 lines and 「ラベルは値である。」
// sentences.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "extract/extract.hpp"
#include "senrei/case_page.hpp"
#include "senrei/fields.hpp"

namespace senrei {
namespace {

using Cases = std::vector<std::pair<const char*, const char*>>;

void expect_fields(const Cases& cases, std::string_view context = {}) {
  for (const auto& [label, field] : cases) {
    auto got = field_for_label(label, context);
    ASSERT_TRUE(got) << label << " → nothing, expected " << field;
    EXPECT_EQ(*got, field) << label;
  }
}

ParsedPage page_of(const std::string& body) {
  RawDocument d;
  d.url = "https://renkei.example.jp/case/1/";
  d.content_type = "text/html";
  d.charset = "utf-8";
  d.body = body;
  return extract_document(d);
}

const Field* find(const CaseReading& r, std::string_view name) {
  for (const auto& f : r.fields)
    if (f.name == name) return &f;
  return nullptr;
}

TEST(LabelPhrasings, CostsByTheirBuildOrRunningWord) {
  expect_fields({{"システム導入経費", "build_cost_yen"},
                 {"初期整備費（H25〜H26）", "build_cost_yen"},
                 {"ネットワーク構築事業費", "build_cost_yen"},
                 {"開発費用", "build_cost_yen"},
                 {"初期投資", "build_cost_yen"},
                 {"年間運営費", "running_cost_yen"},
                 {"システム保守料", "running_cost_yen"},
                 {"ランニング費用", "running_cost_yen"},
                 {"維持運用経費（年額）", "running_cost_yen"},
                 {"サーバ維持管理コスト", "running_cost_yen"},
                 // The word nearest the cost word decides: 運営主体 is not a running cost.
                 {"運営主体の構築費用", "build_cost_yen"},
                 {"構築費用の内訳", "build_cost_parts"}});
  // A cost word alone names no field: an outer label (費用, 事業費) groups the rows below it.
  for (const char* label : {"費用", "事業費", "費用負担", "総費用"}) EXPECT_FALSE(field_for_label(label)) << label;
}

TEST(LabelPhrasings, PayersFollowTheCostTheyBear) {
  expect_fields({{"ネットワーク導入時の負担", "build_payers"},
                 {"初期経費負担者", "build_payers"},
                 {"保守料の負担者", "running_payers"},
                 {"維持管理費用の負担", "running_payers"},
                 {"年間運営費負担者", "running_payers"}});
  // 負担者 alone: the outer label says which cost; none says build (the old default).
  EXPECT_EQ(field_for_label("負担者", "運営・保守費用"), "running_payers");
  EXPECT_EQ(field_for_label("負担者", "導入費用"), "build_payers");
  // 負担金 is what a member pays: a fee, not a payer.
  EXPECT_EQ(field_for_label("会員負担金"), "fees");
}

TEST(LabelPhrasings, PopulationAgingPatientsInstitutions) {
  expect_fields({{"対象区域の人口", "population"},
                 {"二次医療圏人口（国勢調査）", "population"},
                 {"住民数", "population"},
                 {"65歳以上人口の比率", "aging_rate"},
                 {"老年人口の割合", "aging_rate"},
                 {"高齢化率（H27）", "aging_rate"},
                 {"ID登録者数", "patients"},
                 {"同意取得者数", "patients"},
                 {"登録患者数（累計）", "patients"},
                 {"参加医療機関・介護事業所数", "institutions_total"},
                 {"連携医療機関数", "institutions_total"},
                 {"加入医療機関", "institutions_total"},
                 {"参加事業者数", "institutions_total"}});
  // 同意 without a count is how consent is taken, not how many gave it.
  EXPECT_EQ(field_for_label("同意の取得方法"), "consent_method");
}

TEST(LabelPhrasings, NamesOperatorsAreasFormsProducts) {
  expect_fields({{"ネットワーク運営主体", "operator_name"},
                 {"運営主体名", "operator_name"},
                 {"事業の実施主体", "operator_name"},
                 {"運営主体の法人格", "operator_form"},
                 {"法人の形態", "operator_form"},
                 {"愛称", "network_name"},
                 {"地域医療連携システムの名称", "network_name"},
                 {"対象となる地域", "area_name"},
                 {"カバーエリア", "area_name"},
                 {"対象二次医療圏", "area_name"},
                 {"運用開始日", "start_year"},
                 {"稼動開始", "start_year"},
                 {"活用した交付金", "funding_sources"},
                 {"運営資金", "funding_sources"},
                 {"導入システム名", "products"},
                 {"情報共有基盤", "products"},
                 {"導入業者", "vendors"}});
}

TEST(LabelPhrasings, AStatedFormWinsOverOneGuessedFromTheName) {
  const ParsedPage p = page_of(
      "<html><body><h1>しおかぜ医療ネット（平成27年稼働）</h1><table>"
      "<tr><th>事業実施主体</th><td>しおかぜ地域医療連携推進協議会</td></tr>"
      "<tr><th>法人の種類</th><td>一般社団法人</td></tr>"
      "<tr><th>圏域内人口</th><td>約21万人</td></tr></table></body></html>");
  const CaseReading r = read_case_overview(p);
  const Field* form = find(r, "operator_form");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->text, "general_association");
  EXPECT_EQ(form->provenance.sentence.find("協議会"), std::string::npos) << form->provenance.sentence;
  const Field* op = find(r, "operator_name");
  ASSERT_TRUE(op);
  EXPECT_EQ(op->text, "しおかぜ地域医療連携推進協議会");
  // With no form row, the guess stays and says it is one.
  const CaseReading guessed = read_case_overview(page_of(
      "<html><body><h1>しおかぜ医療ネット</h1><table><tr><th>運営主体</th><td>しおかぜ地域医療連携推進協議会</td></tr>"
      "<tr><th>人口</th><td>21万人</td></tr></table></body></html>"));
  ASSERT_TRUE(find(guessed, "operator_form"));
  EXPECT_EQ(find(guessed, "operator_form")->text, "council");
  const auto& flags = find(guessed, "operator_form")->flags;
  EXPECT_NE(std::find(flags.begin(), flags.end(), "derived"), flags.end());
}

TEST(LabelPhrasings, PopulationOfTheAreaIsNoAreaName) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>みさきネット</h1><dl><dt>対象地域</dt><dd>南浜市・北浜町</dd>"
      "<dt>対象地域の人口</dt><dd>128,450人</dd><dt>維持管理費の負担者</dt><dd>市医師会・参加病院</dd>"
      "</dl></body></html>"));
  ASSERT_TRUE(find(r, "area_name"));
  EXPECT_EQ(find(r, "area_name")->text, "南浜市・北浜町");
  ASSERT_TRUE(find(r, "population"));
  EXPECT_EQ(*find(r, "population")->number, 128450);
  ASSERT_TRUE(find(r, "running_payers"));
  EXPECT_FALSE(find(r, "build_payers"));
}

TEST(LabelPhrasings, BracketedLabelsAndSentences) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>やまなみ連携ネット</h1>"
      "<p>【事業主体】やまなみ地域医療ネットワーク協議会</p>"
      "<p>【初期整備費】約１億２，３００万円</p>"
      "<p>本ネットワークの年間運営費は、約８００万円となっている。登録者数は4,215人である。"
      "参加医療機関数は62施設です。</p>"
      "<p>やまなみ連携ネットは平成23年に稼働した。</p>"
      "</body></html>"));
  EXPECT_TRUE(r.is_case_overview);
  ASSERT_TRUE(find(r, "operator_name"));
  EXPECT_EQ(find(r, "operator_name")->text, "やまなみ地域医療ネットワーク協議会");
  ASSERT_TRUE(find(r, "build_cost_yen"));
  EXPECT_EQ(*find(r, "build_cost_yen")->number, 123000000);
  ASSERT_TRUE(find(r, "running_cost_yen"));
  EXPECT_EQ(*find(r, "running_cost_yen")->number, 8000000);
  EXPECT_TRUE(find(r, "running_cost_yen")->approximate);
  EXPECT_EQ(find(r, "running_cost_yen")->provenance.sentence, "本ネットワークの年間運営費は、約８００万円となっている。");
  ASSERT_TRUE(find(r, "patients"));
  EXPECT_EQ(*find(r, "patients")->number, 4215);
  ASSERT_TRUE(find(r, "institutions_total"));
  EXPECT_EQ(*find(r, "institutions_total")->number, 62);
  // A sentence about the network itself names no label: no field from it.
  EXPECT_FALSE(find(r, "start_year"));
}

TEST(LabelPhrasings, RunningCostAndItsPayerInOneCell) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>はるかぜネット</h1><table>"
      "<tr><td>年間保守料</td><td>4,560千円／負担者：南浜市・参加診療所</td></tr>"
      "<tr><td>人口</td><td>45,000人</td></tr></table></body></html>"));
  ASSERT_TRUE(find(r, "running_cost_yen"));
  EXPECT_EQ(*find(r, "running_cost_yen")->number, 4560000);
  ASSERT_TRUE(find(r, "running_payers"));
  EXPECT_EQ(find(r, "running_payers")->items, (std::vector<std::string>{"municipality", "participants"}));
}

TEST(LabelPhrasings, ProductsNamedInTheirRow) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>こなみネット</h1><table><tr><th>採用システム</th><td>Prime Arch（SBS情報システム）、"
      "在宅はバイタルリンク</td></tr><tr><th>人口</th><td>3万人</td></tr>"
      "<tr><th>運営主体</th><td>こなみ医師会</td></tr></table></body></html>"));
  ASSERT_TRUE(find(r, "products"));
  EXPECT_EQ(find(r, "products")->items, (std::vector<std::string>{"prime_arch", "vital_link"}));
}

TEST(LabelPhrasings, AgingRateNamedInThePopulationNoteOrAsALabelLine) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>ななほしネット</h1><table><tr><th>管内人口</th><td>約12万人（老年人口の割合34.1％）</td></tr>"
      "<tr><th>運営主体</th><td>ななほし医師会</td></tr></table></body></html>"));
  ASSERT_TRUE(find(r, "aging_rate"));
  EXPECT_NEAR(*find(r, "aging_rate")->number, 0.341, 1e-9);
  // A label with a figure that is no amount (65歳) is still a label.
  const CaseReading line = read_case_overview(page_of(
      "<html><body><h1>ななほしネット</h1><p>65歳以上の人口割合：28.7％</p><p>運営主体：ななほし医師会</p>"
      "<p>人口：12万人</p></body></html>"));
  ASSERT_TRUE(find(line, "aging_rate"));
  EXPECT_NEAR(*find(line, "aging_rate")->number, 0.287, 1e-9);
}

TEST(LabelPhrasings, AStateBeforeThePayerNoteAndFeeLinesInACell) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>みずほネット</h1><table>"
      "<tr><th>システム維持費</th><td>非公開／負担者：北浜町・協議会</td></tr>"
      "<tr><th>会員負担金</th><td>病院：年額24,000円</td></tr>"
      "<tr><th>運営主体</th><td>北浜町（南県）</td></tr></table></body></html>"));
  ASSERT_TRUE(find(r, "running_cost_yen"));
  EXPECT_EQ(find(r, "running_cost_yen")->state, ValueState::undisclosed);
  ASSERT_TRUE(find(r, "running_payers"));
  EXPECT_EQ(find(r, "running_payers")->items, (std::vector<std::string>{"municipality", "operator"}));
  ASSERT_TRUE(find(r, "fees"));
  EXPECT_EQ(*find(r, "fees")->number, 24000);
  EXPECT_EQ(find(r, "fees")->period, "year");
  // The operator's form is read from its name, not from the bracketed place after it.
  ASSERT_TRUE(find(r, "operator_form"));
  EXPECT_EQ(find(r, "operator_form")->text, "municipality");
}

// Fees of several payers in one cell, each with its own period, are never added up into one fee
// (年額56,000円 + 月額1,000円 is nobody's fee): each payer's fee is its own (record/fees.hpp).
TEST(LabelPhrasings, FeesOfSeveralPayersAreNeverSummed) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>みずほネット</h1><table>"
      "<tr><th>参加費</th><td>病院 56,000円（年間）、歯科診療所：月額1,000円</td></tr>"
      "<tr><th>運営主体</th><td>みずほ医師会</td></tr></table></body></html>"));
  std::vector<std::tuple<std::string, double, std::string>> fees;
  for (const auto& f : r.fields)
    if (f.name == "fees") fees.emplace_back(f.payer_type, f.number.value_or(-1), f.period);
  EXPECT_EQ(fees, (std::vector<std::tuple<std::string, double, std::string>>{{"hospital", 56000, "year"},
                                                                              {"dental", 1000, "month"}}));
}

TEST(LabelPhrasings, AnAgeInAPlainCellLabelAndPayersThatAreBudgets) {
  const CaseReading r = read_case_overview(page_of(
      "<html><body><h1>あさなぎネット</h1><table>"
      "<tr><td>75歳以上人口の比率</td><td>18.4％</td></tr>"
      "<tr><td>導入費用の負担者</td><td>市町村・北県</td></tr>"
      "<tr><td>人口</td><td>9万人</td></tr></table></body></html>"));
  ASSERT_TRUE(find(r, "aging_rate"));
  EXPECT_NEAR(*find(r, "aging_rate")->number, 0.184, 1e-9);
  ASSERT_TRUE(find(r, "build_payers"));
  EXPECT_EQ(find(r, "build_payers")->items, (std::vector<std::string>{"municipality", "prefecture"}));
  ASSERT_TRUE(find(r, "funding_sources"));
  const auto& funds = find(r, "funding_sources")->items;
  EXPECT_NE(std::find(funds.begin(), funds.end(), "prefectural_budget"), funds.end());
  EXPECT_NE(std::find(funds.begin(), funds.end(), "municipal_budget"), funds.end());
}

}  // namespace
}  // namespace senrei
