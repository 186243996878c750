#include <gtest/gtest.h>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;
using senrei::ValueState;
using Breakdown = std::vector<std::pair<std::string, double>>;

namespace {
ja::Count count(const char* text) {
  auto c = ja::parse_count(text);
  EXPECT_TRUE(c.has_value()) << text;
  return c.value_or(ja::Count{});
}
}  // namespace

TEST(ParseCount, TotalWithDisclosingViewingBreakdown) {
  const auto c = count("323（開示32/閲覧293）");
  EXPECT_EQ(c.value, 323.0);
  EXPECT_EQ(c.breakdown, (Breakdown{{"disclosing", 32}, {"viewing", 293}}));
  EXPECT_FALSE(c.approximate);
  EXPECT_EQ(c.as_of, "");
  EXPECT_EQ(c.state, ValueState::stated);
}

TEST(ParseCount, BreakdownOnlyIsSummed) {
  const auto c = count("病院32、診療所150");
  EXPECT_EQ(c.value, 182.0);
  EXPECT_EQ(c.breakdown, (Breakdown{{"hospital", 32}, {"clinic", 150}}));
}

TEST(ParseCount, AllInstitutionKinds) {
  const auto c = count("病院10、診療所20、歯科診療所3、薬局4、訪問看護ステーション5、介護事業所6、検査センター1、その他2");
  EXPECT_EQ(c.value, 51.0);
  EXPECT_EQ(c.breakdown, (Breakdown{{"hospital", 10}, {"clinic", 20}, {"dental", 3},
                                    {"pharmacy", 4}, {"home_nursing", 5}, {"care", 6},
                                    {"lab", 1}, {"other", 2}}));
}

TEST(ParseCount, LabelAfterNumber) {
  const auto c = count("32病院、150診療所");
  EXPECT_EQ(c.value, 182.0);
  EXPECT_EQ(c.breakdown, (Breakdown{{"hospital", 32}, {"clinic", 150}}));
}

TEST(ParseCount, ExplicitTotal) {
  const auto c = count("病院32、診療所150、合計190");
  EXPECT_EQ(c.value, 190.0);
  EXPECT_EQ(c.breakdown, (Breakdown{{"hospital", 32}, {"clinic", 150}}));
}

TEST(ParseCount, Persons) {
  const auto a = count("約13,500人");
  EXPECT_EQ(a.value, 13500.0);
  EXPECT_TRUE(a.approximate);
  EXPECT_TRUE(a.breakdown.empty());
  const auto b = count("37,511名");
  EXPECT_EQ(b.value, 37511.0);
  EXPECT_FALSE(b.approximate);
  EXPECT_EQ(count("約29,264人").value, 29264.0);
  EXPECT_EQ(count("１２，１６６人").value, 12166.0);
}

TEST(ParseCount, PlusIsSummedIntoPartsNotOther) {
  // Unlabelled parts are parts, not その他 (a regression: both read as "other").
  const auto c = count("139施設＋65施設");
  EXPECT_EQ(c.value, 204.0);
  EXPECT_TRUE(c.breakdown.empty());
  EXPECT_EQ(c.parts, (std::vector<double>{139, 65}));
  const auto d = count("病院12＋診療所40＋3");
  EXPECT_EQ(d.value, 55.0);
  EXPECT_EQ(d.breakdown, (Breakdown{{"hospital", 12}, {"clinic", 40}}));
  EXPECT_EQ(d.parts, (std::vector<double>{12, 40, 3}));
}

TEST(ParseCount, AsOfFromSameText) {
  const auto c = count("61,134人（平成30年3月時点）");
  EXPECT_EQ(c.value, 61134.0);
  EXPECT_EQ(c.as_of, "2018-03");
  const auto d = count("2019年3月31日現在 429施設");
  EXPECT_EQ(d.value, 429.0);
  EXPECT_EQ(d.as_of, "2019-03-31");
  // A marked date wins over an earlier unmarked one.
  EXPECT_EQ(count("平成16年から 8,899人（平成29年2月時点）").as_of, "2017-02");
}

TEST(ParseCount, States) {
  EXPECT_EQ(count("非公開").state, ValueState::undisclosed);
  EXPECT_EQ(count("非公開").value, std::nullopt);
  EXPECT_EQ(count("不明").state, ValueState::unknown);
  EXPECT_EQ(count("なし").state, ValueState::not_applicable);
  EXPECT_EQ(ja::parse_count(""), std::nullopt);
  EXPECT_EQ(ja::parse_count("参加機関の利用料"), std::nullopt);
}

TEST(ParseCount, CodesAndRatesAreNotCounts) {
  EXPECT_EQ(ja::parse_count("SS-MIX2"), std::nullopt);
  EXPECT_EQ(count("高齢化率28.5%、12,000人").value, 12000.0);
}

TEST(ParsePopulation, ManUnit) {
  const auto p = ja::parse_population("約143万人");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, 1430000.0);
  EXPECT_TRUE(p->approximate);
  const auto q = ja::parse_population("62,727人");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->value, 62727.0);
  EXPECT_FALSE(q->approximate);
  const auto r = ja::parse_population("約72万人（平成27年国勢調査）");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->value, 720000.0);
  EXPECT_EQ(r->as_of, "2015");
}
