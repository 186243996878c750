// Plan files as people write them (issue 15 item 3): commas in numbers, unquoted Japanese
// amounts and words, full-width keys and ＝, all reported at once with file:line and the fix;
// a Shift_JIS, EUC-JP or BOM file read and said.  Plans written here, not the bundled example.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "compare/plan.hpp"
#include "compare/plan_text.hpp"

namespace fs = std::filesystem;
using namespace senrei::compare;

namespace {

// A small valid plan of an invented region, in UTF-8.
const std::string kPlan = "# さくら県の計画\n"
                          "[region]\n"
                          "name = \"さくら県北部\"\n"
                          "population = 320000\n"
                          "scope = \"二次医療圏\"\n"
                          "\n"
                          "[plan]\n"
                          "operator_form = \"一般社団法人\"\n"
                          "start_year = 2028\n"
                          "\n"
                          "[budget]\n"
                          "build_cost_yen = \"1億9,000万円\"\n"
                          "build_cost_includes_data_output = false\n"
                          "running_cost_yen = 9600000\n"
                          "running_cost_period = \"年額\"\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

class PlanAsWritten : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("senrei-plantext-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& bytes) {
    auto p = (dir_ / "さくら.toml").string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string error_for(const std::string& bytes) {
    try {
      read_plan(write(bytes));
    } catch (const PlanError& e) {
      return e.what();
    }
    return "";
  }
  fs::path dir_;
};

}  // namespace

TEST_F(PlanAsWritten, TheValidPlanReads) {
  auto plan = read_plan(write(kPlan));
  EXPECT_EQ(plan.region.population, 320000);
  EXPECT_TRUE(plan.notes.empty());
}

TEST_F(PlanAsWritten, CommaInANumberNamesLineKeyAndFix) {
  const std::string file = (dir_ / "さくら.toml").string();
  EXPECT_EQ(error_for(replaced(kPlan, "population = 320000", "population = 320,000")),
            file + ":4: key 'population': numbers cannot contain commas: write 320000 or \"320,000\"");
  // The quoted form the message offers reads.
  EXPECT_EQ(read_plan(write(replaced(kPlan, "population = 320000", "population = \"320,000\""))).region.population,
            320000);
}

TEST_F(PlanAsWritten, UnquotedJapaneseAmountAndWordsAskForQuotes) {
  const std::string file = (dir_ / "さくら.toml").string();
  EXPECT_EQ(error_for(replaced(kPlan, "build_cost_yen = \"1億9,000万円\"", "build_cost_yen = 1億9000万円  # 見積")),
            file + ":12: key 'build_cost_yen': the value 1億9000万円 must be in quotes: build_cost_yen = \"1億9000万円\"");
  EXPECT_EQ(error_for(replaced(kPlan, "population = 320000", "population = ３２００００")),
            file + ":4: key 'population': the value ３２００００ must be in quotes: population = \"３２００００\"");
  EXPECT_EQ(error_for(replaced(kPlan, "operator_form = \"一般社団法人\"", "operator_form = npo")),
            file + ":8: key 'operator_form': the text npo must be in quotes: operator_form = \"npo\"");
}

TEST_F(PlanAsWritten, FullWidthKeysAndEqualsSign) {
  const std::string file = (dir_ / "さくら.toml").string();
  EXPECT_EQ(error_for(replaced(kPlan, "population = 320000", "ｐｏｐｕｌａｔｉｏｎ = 320000")),
            file + ":4: key 'ｐｏｐｕｌａｔｉｏｎ' has full-width letters, digits or spaces: write it in half-width, population");
  EXPECT_EQ(error_for(replaced(kPlan, "start_year = 2028", "start　year = 2028")),
            file + ":9: key 'start　year' has full-width letters, digits or spaces: write it in half-width, start_year");
  EXPECT_EQ(error_for(replaced(kPlan, "start_year = 2028", "start_year ＝ 2028")),
            file + ":9: key 'start_year': the full-width ＝ is not read: write a half-width =");
}

TEST_F(PlanAsWritten, EveryMistakeAtOnceUpToTwenty) {
  std::string text = replaced(kPlan, "population = 320000", "population = 320,000");
  text = replaced(text, "build_cost_yen = \"1億9,000万円\"", "build_cost_yen = 1億9000万円");
  text = replaced(text, "running_cost_yen = 9600000", "running_cost_yen = 9,600,000");
  const std::string err = error_for(text);
  EXPECT_NE(err.find(":4: key 'population'"), std::string::npos) << err;
  EXPECT_NE(err.find(":12: key 'build_cost_yen'"), std::string::npos) << err;
  EXPECT_NE(err.find(":14: key 'running_cost_yen': numbers cannot contain commas: write 9600000"), std::string::npos)
      << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 2) << err;
  // 25 mistakes: the first 20, then how many more.
  std::string many = "[weights]\n";
  for (int i = 0; i < 25; ++i) many += "w" + std::to_string(i) + " = 1,000\n";
  auto problems = find_plan_mistakes(many, "p.toml");
  ASSERT_EQ(problems.size(), 21u);
  EXPECT_EQ(problems[0], "p.toml:2: key 'w0': numbers cannot contain commas: write 1000 or \"1,000\"");
  EXPECT_EQ(problems[19].substr(0, 10), "p.toml:21:");
  EXPECT_EQ(problems[20], "p.toml: 5 more problems like these (only the first 20 are listed)");
}

TEST_F(PlanAsWritten, StringsArraysCommentsAndMultilineTextAreLeftAlone) {
  const std::string text = "a = \"1,000\"\nb = [1, 2]  # 1,000\nc = { x = 1 }\nd = \"\"\"\ne = 1,000\n\"\"\"\n"
                           "f = 2027-04-01\ng = true\nh = 1.5e6\n# i = 1,000\n";
  EXPECT_TRUE(find_plan_mistakes(text, "p.toml").empty());
}

TEST_F(PlanAsWritten, ShiftJisEucJpAndBomAreReadAndSaid) {
  // さくら県の計画 as written by hand in CP932 (Shift_JIS) bytes: 県 = 0x8CA7, 人口 = 0x906C 0x8CFB.
  const std::string utf8 = kPlan;
  auto convert = [&](const char* charset) {
    const auto in = dir_ / "in.toml";
    std::ofstream(in, std::ios::binary) << utf8;
    const auto out = dir_ / "out.toml";
    std::string cmd = std::string("iconv -f UTF-8 -t ") + charset + " " + in.string() + " > " + out.string();
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    std::ifstream f(out, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  const std::string sjis = convert("CP932");
  ASSERT_NE(sjis, utf8);
  auto plan = read_plan(write(sjis));
  EXPECT_EQ(plan.region.name, "さくら県北部");
  EXPECT_EQ(plan.region.population, 320000);
  ASSERT_EQ(plan.notes.size(), 1u);
  EXPECT_NE(plan.notes[0].find("Shift_JIS"), std::string::npos) << plan.notes[0];
  EXPECT_NE(plan.notes[0].find("さくら.toml"), std::string::npos) << plan.notes[0];

  auto euc = read_plan(write(convert("EUC-JP")));
  EXPECT_EQ(euc.region.name, "さくら県北部");
  ASSERT_EQ(euc.notes.size(), 1u);
  EXPECT_NE(euc.notes[0].find("EUC-JP"), std::string::npos);

  auto bom = read_plan(write("\xEF\xBB\xBF" + utf8));
  EXPECT_EQ(bom.region.name, "さくら県北部");
  ASSERT_EQ(bom.notes.size(), 1u);
  EXPECT_NE(bom.notes[0].find("BOM"), std::string::npos);
}
