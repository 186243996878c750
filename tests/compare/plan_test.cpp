// The plan file: the bundled example reads as written; every kind of mistake is one line naming
// the file, the line and the key, and a typo never passes (issue 5, acceptance 4).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "compare/plan.hpp"
#include "senrei/vocabulary.hpp"

namespace fs = std::filesystem;
using senrei::compare::Plan;
using senrei::compare::PlanError;
using senrei::compare::read_plan;

namespace {

const std::string kExample = std::string(SENREI_SOURCE_DIR) + "/corpus/sample/plan-example.toml";

// A complete small plan; tests replace lines in it.
const std::string kMinimal = R"([region]
name = "テスト県全域"
population = 500000
scope = "全県"

[plan]
operator_form = "特定非営利活動法人"
start_year = "令和9年"

[budget]
build_cost_yen = "2億5,000万円"
build_cost_includes_data_output = true
running_cost_yen = 12000000
running_cost_period = "年額"
)";

class PlanFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("senrei-plan-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& text) {
    auto p = dir_ / "plan.toml";
    std::ofstream(p) << text;
    return p.string();
  }
  // The PlanError message for a plan, or "" when it reads.
  std::string error_for(const std::string& text) {
    try {
      read_plan(write(text));
    } catch (const PlanError& e) {
      return e.what();
    }
    return "";
  }
  static std::string replace(std::string text, const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return text.replace(pos, from.size(), to);
  }

  fs::path dir_;
};

}  // namespace

TEST_F(PlanFile, ExampleReadsAsWritten) {
  Plan p = read_plan(kExample);
  EXPECT_EQ(p.region.name, "みなと県全域");
  EXPECT_EQ(p.region.population, 950000);
  EXPECT_DOUBLE_EQ(*p.region.aging_rate, 0.31);
  EXPECT_EQ(p.region.scope, "prefecture");
  EXPECT_EQ(p.region.secondary_areas.size(), 2u);
  EXPECT_EQ(p.plan.operator_form, "general_association");  // written 一般社団法人
  EXPECT_EQ(p.plan.promoter_type, "prefecture");
  EXPECT_EQ(p.plan.start_year, 2027);
  EXPECT_EQ(p.plan.issues.size(), 4u);
  EXPECT_EQ(p.plan.consent_method, "bulk");
  EXPECT_EQ(*p.plan.target_institutions, 300);
  EXPECT_EQ(*p.plan.target_patients, 30000);
  EXPECT_EQ(*p.plan.acceptance_test_planned, false);
  EXPECT_EQ(*p.plan.renewal_year, 2032);
  EXPECT_EQ(p.budget.build_cost_yen, 480000000);
  EXPECT_FALSE(p.budget.build_cost_includes_data_output);
  EXPECT_EQ(p.budget.running_cost_per_year(), 18000000);
  ASSERT_EQ(p.budget.funding.size(), 6u);
  EXPECT_EQ(p.budget.funding[0].source, "comprehensive_care_fund");
  EXPECT_EQ(p.budget.funding[0].amount_yen, 360000000);
  EXPECT_EQ(p.budget.funding[0].use, "build");
  // The example's own comment: running funding totals 23,000,000 yen a year.
  double running = 0;
  for (const auto& f : p.budget.funding)
    if (f.use == "running") running += f.amount_yen;
  EXPECT_EQ(running, 23000000);
  // The time-limited fund's end year, and the comparison and projection keys.
  EXPECT_EQ(p.budget.funding[3].source, "comprehensive_care_fund");
  EXPECT_EQ(*p.budget.funding[3].until_year, 2029);
  EXPECT_FALSE(p.budget.funding[3].from_year.has_value());
  EXPECT_EQ(p.comparison.min_figures, 3);
  EXPECT_EQ(p.comparison.similar_precedents, 5);
  EXPECT_EQ(p.projection.years, 10);
  EXPECT_EQ(p.projection.renewal_interval_years, 5);
  EXPECT_EQ(*p.projection.renewal_cost_share, 0.5);
  EXPECT_FALSE(p.projection.renewal_cost_yen.has_value());
  ASSERT_EQ(p.budget.fees.size(), 2u);
  EXPECT_EQ(p.budget.fees[1].payer_type, "clinic");
  EXPECT_EQ(*p.budget.fees[1].expected_payers, 260);
  // No [weights]: the defaults.
  EXPECT_EQ(p.weights.risk_checks, 40);
  EXPECT_EQ(p.weights.issues, 2);
}

TEST_F(PlanFile, JapaneseValuesAndMoneyTextAreRead) {
  Plan p = read_plan(write(kMinimal + R"(
[[budget.funding]]
source = "地域医療介護総合確保基金"
use = "構築"
amount_yen = "2億円"

[[budget.fees]]
payer_type = "薬局"
yen = "月額5,000円"
)"));
  EXPECT_EQ(p.region.scope, "prefecture");
  EXPECT_EQ(p.plan.operator_form, "npo");
  EXPECT_EQ(p.plan.start_year, 2027);
  EXPECT_EQ(p.budget.build_cost_yen, 250000000);
  EXPECT_EQ(p.budget.running_cost_period, "year");
  EXPECT_EQ(p.budget.funding[0].source, "comprehensive_care_fund");
  EXPECT_EQ(p.budget.funding[0].amount_yen, 200000000);
  EXPECT_EQ(p.budget.funding[0].period, "once");
  EXPECT_EQ(p.budget.fees[0].payer_type, "pharmacy");
  EXPECT_EQ(p.budget.fees[0].yen, 5000);
  EXPECT_EQ(p.budget.fees[0].period, "month");
  EXPECT_FALSE(p.plan.target_institutions.has_value());  // absent stays absent
}

TEST_F(PlanFile, WeightsAreSettable) {
  Plan p = read_plan(write(kMinimal + "\n[weights.score]\nrisk_checks = 70\nbudget = 0\n[weights.similarity]\nissues = 5\n"));
  EXPECT_EQ(p.weights.risk_checks, 70);
  EXPECT_EQ(p.weights.budget, 0);
  EXPECT_EQ(p.weights.similarity, 20);  // untouched
  EXPECT_EQ(p.weights.issues, 5);
}

TEST_F(PlanFile, MisspeltKeyNamesLineAndSuggests) {
  std::string text = replace(kMinimal, "running_cost_yen = 12000000", "runing_cost_yen = 12000000");
  std::string err = error_for(text);
  EXPECT_EQ(err, write(text) + ":13: key 'budget.runing_cost_yen': unknown key: did you mean 'running_cost_yen'? (docs/plan.md)");
}

TEST_F(PlanFile, UnknownSectionIsAnError) {
  std::string err = error_for(kMinimal + "\n[extras]\nx = 1\n");
  EXPECT_NE(err.find(":16: key 'extras': unknown key"), std::string::npos) << err;
}

TEST_F(PlanFile, NegativeCostIsRefused) {
  std::string err = error_for(replace(kMinimal, "running_cost_yen = 12000000", "running_cost_yen = -5"));
  EXPECT_NE(err.find("plan.toml:13: key 'budget.running_cost_yen': expected an amount of yen ≥ 0, not -5"), std::string::npos) << err;
  err = error_for(kMinimal + "\n[[budget.funding]]\nsource = \"県費\"\nuse = \"build\"\namount_yen = -100\n");
  EXPECT_NE(err.find(":19: key 'budget.funding[1].amount_yen': expected an amount of yen ≥ 0"), std::string::npos) << err;
}

TEST_F(PlanFile, WrongTypeSaysWhatWasExpected) {
  std::string err = error_for(replace(kMinimal, "build_cost_includes_data_output = true", "build_cost_includes_data_output = \"yes\""));
  EXPECT_NE(err.find(":12: key 'budget.build_cost_includes_data_output': expected true or false, not a string"), std::string::npos)
      << err;
  err = error_for(replace(kMinimal, "population = 500000", "population = \"many\""));
  EXPECT_NE(err.find(":3: key 'region.population': expected a whole number"), std::string::npos) << err;
  err = error_for(replace(kMinimal, "operator_form = \"特定非営利活動法人\"", "operator_form = \"株式会社\""));
  EXPECT_NE(err.find(":7: key 'plan.operator_form': expected an operator form"), std::string::npos) << err;
}

TEST_F(PlanFile, MissingSectionAndKeyAreNamed) {
  std::string text = kMinimal.substr(0, kMinimal.find("[budget]"));
  std::string err = error_for(text);
  EXPECT_NE(err.find("plan.toml:1: key 'budget': missing section: expected a [budget] table"), std::string::npos) << err;
  err = error_for(replace(kMinimal, "population = 500000\n", ""));
  EXPECT_NE(err.find("plan.toml:1: key 'region.population': missing: expected the population"), std::string::npos) << err;
  err = error_for(replace(kMinimal, "running_cost_period = \"年額\"\n", ""));
  EXPECT_NE(err.find(":13: key 'budget.running_cost_period': missing"), std::string::npos) << err;
}

TEST_F(PlanFile, InvalidTomlGivesItsLine) {
  std::string err = error_for(replace(kMinimal, "population = 500000", "population = = 5"));
  EXPECT_TRUE(std::regex_search(err, std::regex("plan\\.toml:3: .*not valid TOML"))) << err;
}

TEST_F(PlanFile, RatesAndYearsAreChecked) {
  std::string err = error_for(replace(kMinimal, "scope = \"全県\"", "scope = \"全県\"\naging_rate = 31"));
  EXPECT_NE(err.find("key 'region.aging_rate': expected a fraction between 0 and 1 (31% is 0.31)"), std::string::npos) << err;
  Plan p = read_plan(write(replace(kMinimal, "scope = \"全県\"", "scope = \"全県\"\naging_rate = \"31.5%\"")));
  EXPECT_DOUBLE_EQ(*p.region.aging_rate, 0.315);
  err = error_for(replace(kMinimal, "start_year = \"令和9年\"", "start_year = 20270"));
  EXPECT_NE(err.find("key 'plan.start_year': expected a year between 1900 and 2200"), std::string::npos) << err;
}

TEST_F(PlanFile, MissingFileSaysSo) {
  try {
    read_plan(dir_ / "nope.toml");
    FAIL();
  } catch (const PlanError& e) {
    EXPECT_NE(std::string(e.what()).find("nope.toml: no such plan file"), std::string::npos);
  }
}

// docs/plan.md's example with every key reads, so the documentation cannot drift from the parser.
TEST_F(PlanFile, DocumentedExampleReads) {
  std::ifstream in(std::string(SENREI_SOURCE_DIR) + "/docs/plan.md");
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto start = doc.find("```toml\n");
  ASSERT_NE(start, std::string::npos);
  start += 8;
  std::string toml = doc.substr(start, doc.find("```", start) - start);
  Plan p = read_plan(write(toml));
  EXPECT_EQ(p.plan.operator_form, "general_association");
  EXPECT_EQ(p.budget.build_cost_yen, 480000000);
  EXPECT_EQ(p.budget.funding[3].source, "prefectural_budget");
  EXPECT_EQ(p.budget.fees[0].payer_type, "hospital");
  EXPECT_EQ(p.budget.fees[1].yen, 10000);
  EXPECT_EQ(p.budget.fees[1].period, "year");
  EXPECT_EQ(p.plan.consent_method, "bulk");
  EXPECT_EQ(p.weights.issues, 2);
}

TEST_F(PlanFile, ComparisonAndProjectionKeysAreChecked) {
  Plan p = read_plan(write(kMinimal + "\n[comparison]\nmin_figures = 5\nsimilar_precedents = 8\n[projection]\nyears = 12\n"
                                      "renewal_interval_years = 6\nrenewal_cost_yen = \"1億円\"\n"));
  EXPECT_EQ(p.comparison.min_figures, 5);
  EXPECT_EQ(p.comparison.similar_precedents, 8);
  EXPECT_EQ(p.projection.years, 12);
  EXPECT_EQ(p.projection.renewal_interval_years, 6);
  EXPECT_EQ(*p.projection.renewal_cost_yen, 100000000);
  // The minimum can be raised, never lowered below 3.
  std::string err = error_for(kMinimal + "\n[comparison]\nmin_figures = 2\n");
  EXPECT_NE(err.find(":17: key 'comparison.min_figures': expected a whole number between 3 and 1000, not 2"), std::string::npos) << err;
  err = error_for(kMinimal + "\n[projection]\nrenewal_cost_yen = 1\nrenewal_cost_share = 0.5\n");
  EXPECT_NE(err.find("key 'projection.renewal_cost_share': expected renewal_cost_yen or renewal_cost_share, not both"),
            std::string::npos) << err;
  // A fund's end year: only on running funding, not before its first year.
  err = error_for(kMinimal + "\n[[budget.funding]]\nsource = \"県費\"\nuse = \"build\"\namount_yen = 1\nuntil_year = 2030\n");
  EXPECT_NE(err.find("key 'budget.funding[1].until_year': expected only on running funding"), std::string::npos) << err;
  err = error_for(kMinimal + "\n[[budget.funding]]\nsource = \"地域医療介護総合確保基金\"\nuse = \"running\"\namount_yen = 1\nfrom_year = 2031\n"
                             "until_year = 2030\n");
  EXPECT_NE(err.find("key 'budget.funding[1].until_year': expected a year not before from_year 2031"), std::string::npos) << err;
}

// The keywords a plan accepts are the vocabulary's (senrei/vocabulary.hpp), and its messages list
// them from there: a keyword added to the table is accepted and named without a copy to update.
TEST_F(PlanFile, KeywordsAndTheirListsComeFromTheVocabulary) {
  namespace vocabulary = senrei::vocabulary;
  std::string err = error_for(replace(kMinimal, "operator_form = \"特定非営利活動法人\"", "operator_form = \"株式会社\""));
  for (const auto& t : vocabulary::terms(vocabulary::Concept::operator_form))
    EXPECT_NE(err.find(std::string(t.keyword)), std::string::npos) << t.keyword << " missing from: " << err;
  // A period by its keyword or its Japanese label, as the table spells them.
  for (const auto& [written, period] : std::vector<std::pair<std::string, std::string>>{
           {"year", "year"}, {"月額", "month"}, {"month", "month"}}) {
    Plan plan = read_plan(write(replace(kMinimal, "running_cost_period = \"年額\"", "running_cost_period = \"" + written + "\"")));
    EXPECT_EQ(plan.budget.running_cost_period, period) << written;
  }
  err = error_for(replace(kMinimal, "running_cost_period = \"年額\"", "running_cost_period = \"一度\""));
  EXPECT_NE(err.find("budget.running_cost_period"), std::string::npos) << err;  // once is no running period
}

TEST(Vocabulary, FundAndFormClassesNameKeywordsOfTheirTables) {
  namespace vocabulary = senrei::vocabulary;
  std::vector<std::string> limited, incorporated, unincorporated;
  for (const auto& t : vocabulary::terms(vocabulary::Concept::funding_source))
    if (vocabulary::time_limited_fund(t.keyword)) limited.emplace_back(t.keyword);
  EXPECT_EQ(limited, (std::vector<std::string>{"regional_revitalization_fund", "comprehensive_care_fund", "national_subsidy"}));
  EXPECT_FALSE(vocabulary::time_limited_fund("member_fees"));
  for (const auto& t : vocabulary::terms(vocabulary::Concept::operator_form)) {
    if (vocabulary::incorporated_form(t.keyword)) incorporated.emplace_back(t.keyword);
    if (vocabulary::unincorporated_form(t.keyword)) unincorporated.emplace_back(t.keyword);
  }
  EXPECT_EQ(incorporated, (std::vector<std::string>{"npo", "public_interest_association", "general_association"}));
  EXPECT_EQ(unincorporated, (std::vector<std::string>{"voluntary_association", "council"}));
}
