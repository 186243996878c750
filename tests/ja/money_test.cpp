#include <gtest/gtest.h>

#include <cmath>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;
using senrei::ValueState;

namespace {
ja::Money money(const char* text) {
  auto m = ja::parse_money(text);
  EXPECT_TRUE(m.has_value()) << text;
  return m.value_or(ja::Money{});
}
}  // namespace

TEST(ParseMoney, ThousandYen) {
  const auto m = money("950,007千円");
  EXPECT_EQ(m.state, ValueState::stated);
  EXPECT_EQ(m.yen, 950007000.0);
  EXPECT_FALSE(m.approximate);
  EXPECT_FALSE(m.summed);
  EXPECT_EQ(m.period, "unknown");
  EXPECT_EQ(m.raw, "950,007千円");
  EXPECT_EQ(money("434,000千円").yen, 434000000.0);
  EXPECT_EQ(money("29,925千円").yen, 29925000.0);
}

TEST(ParseMoney, Approximate) {
  const auto m = money("約2,000万円");
  EXPECT_EQ(m.yen, 20000000.0);
  EXPECT_TRUE(m.approximate);
  EXPECT_EQ(m.raw, "約2,000万円");
  EXPECT_TRUE(money("3,000万円程度").approximate);
  EXPECT_TRUE(money("およそ1億円").approximate);
}

TEST(ParseMoney, OkuAndMan) {
  EXPECT_EQ(money("2億1,281万円").yen, 212810000.0);
  EXPECT_EQ(money("3億5千万円").yen, 350000000.0);
  EXPECT_EQ(money("1.2億円").yen, 120000000.0);
  EXPECT_EQ(money("１，２００万円").yen, 12000000.0);
  EXPECT_EQ(money("三千万円").yen, 30000000.0);
  EXPECT_EQ(money("一億円").yen, 100000000.0);
}

TEST(ParseMoney, PlainYen) {
  EXPECT_EQ(money("20,000円").yen, 20000.0);
  EXPECT_EQ(money("¥50,000").yen, 50000.0);
  EXPECT_EQ(money("0円").yen, 0.0);
}

TEST(ParseMoney, RangeUnitBindsBothEnds) {
  for (const char* text : {"約2,500~約3,500万円", "2,500～3,500万円", "2,500〜3,500万円",
                           "2,500万円～3,500万円"}) {
    const auto m = money(text);
    EXPECT_EQ(m.yen, 25000000.0) << text;
    EXPECT_EQ(m.yen_high, 35000000.0) << text;
    EXPECT_FALSE(m.summed) << text;
  }
  EXPECT_TRUE(money("約2,500~約3,500万円").approximate);
  EXPECT_FALSE(money("2,500～3,500万円").approximate);
  // The low end's own unit is kept: 5千万 to 1億.
  const auto m = money("5千万~1億円");
  EXPECT_EQ(m.yen, 50000000.0);
  EXPECT_EQ(m.yen_high, 100000000.0);
}

TEST(ParseMoney, UchiPartIsNotAdded) {
  const auto m = money("総額1億円（うち県補助5,000万円）");
  EXPECT_EQ(m.yen, 100000000.0);
  EXPECT_FALSE(m.summed);
  EXPECT_TRUE(m.parts.empty());
  EXPECT_EQ(money("総額1億円、うち国庫補助5,000万円、県費2,500万円").yen, 100000000.0);
  // After the bracket closes, amounts count again.
  const auto two = money("A 1億円（うち県5,000万円）＋B 2,000万円");
  EXPECT_EQ(two.yen, 120000000.0);
  EXPECT_TRUE(two.summed);
}

TEST(ParseMoney, SumOfParts) {
  const auto m = money("29,925千円＋40,105千円");
  ASSERT_EQ(m.parts.size(), 2u);
  EXPECT_EQ(m.parts[0], 29925000.0);
  EXPECT_EQ(m.parts[1], 40105000.0);
  EXPECT_EQ(m.yen, 70030000.0);
  EXPECT_TRUE(m.summed);
  EXPECT_EQ(m.state, ValueState::stated);
}

TEST(ParseMoney, TotalUnknownKeepsParts) {
  const auto m = money("総額不明（約4,000万円、約5,000万円、約3,500万円）");
  EXPECT_EQ(m.state, ValueState::unknown);
  EXPECT_EQ(m.yen, std::nullopt);
  ASSERT_EQ(m.parts.size(), 3u);
  EXPECT_EQ(m.parts[0], 40000000.0);
  EXPECT_EQ(m.parts[1], 50000000.0);
  EXPECT_EQ(m.parts[2], 35000000.0);
  EXPECT_TRUE(m.approximate);
}

TEST(ParseMoney, States) {
  EXPECT_EQ(money("非公開").state, ValueState::undisclosed);
  EXPECT_EQ(money("非公開").yen, std::nullopt);
  EXPECT_EQ(money("不明").state, ValueState::unknown);
  EXPECT_EQ(money("総額不明").state, ValueState::unknown);
  EXPECT_EQ(money("全体額不明").state, ValueState::unknown);
  EXPECT_EQ(money("各開示施設負担、全体額不明").state, ValueState::unknown);
  EXPECT_EQ(money("各開示施設負担、全体額不明").yen, std::nullopt);
  EXPECT_EQ(money("該当なし").state, ValueState::not_applicable);
}

TEST(ParseMoney, Periods) {
  EXPECT_EQ(money("50,000千円/年").period, "year");
  EXPECT_EQ(money("1,605千円（年間）").period, "year");
  EXPECT_EQ(money("1,605千円(年間)").period, "year");
  EXPECT_EQ(money("年額20,000円").period, "year");
  EXPECT_EQ(money("年間 2,258千円").period, "year");
  EXPECT_EQ(money("月額10万円").period, "month");
  EXPECT_EQ(money("10,000円／月").period, "month");
  EXPECT_EQ(money("3,800万円").period, "unknown");
  EXPECT_EQ(money("235,090千円").period, "unknown");
  // A duration is not a period.
  EXPECT_EQ(money("5年間で1億円").period, "unknown");
  EXPECT_EQ(money("月額10万円").yen, 100000.0);
  EXPECT_EQ(money("1,605千円(年間)").yen, 1605000.0);
}

TEST(ParseMoney, TextAroundAmount) {
  const auto m = money("構築費用：約4,000万円（※データ出力対応費を含む）");
  EXPECT_EQ(m.yen, 40000000.0);
  EXPECT_TRUE(m.approximate);
  EXPECT_EQ(m.raw, "約4,000万円");
  EXPECT_EQ(money("平成28年度 予算 1,000万円").yen, 10000000.0);
  EXPECT_EQ(money("一般社団法人の負担 300万円").yen, 3000000.0);
}

TEST(ParseMoney, NothingFound) {
  EXPECT_EQ(ja::parse_money(""), std::nullopt);
  EXPECT_EQ(ja::parse_money("参加機関の利用料"), std::nullopt);
  EXPECT_EQ(ja::parse_money("2016年"), std::nullopt);
  EXPECT_EQ(ja::parse_money("数千万円"), std::nullopt);
}

TEST(FormatMoney, Examples) {
  EXPECT_EQ(ja::format_money(212810000), "2億1,281万円");
  EXPECT_EQ(ja::format_money(20000000), "2,000万円");
  EXPECT_EQ(ja::format_money(350000000), "3億5,000万円");
  EXPECT_EQ(ja::format_money(12345), "12,345円");
  EXPECT_EQ(ja::format_money(100000000), "1億円");
  EXPECT_EQ(ja::format_money(0), "0円");
  EXPECT_EQ(ja::format_money(9999), "9,999円");
  EXPECT_EQ(ja::format_money(10000), "1万円");
  EXPECT_EQ(ja::format_money(1234567890123), "1兆2,345億6,789万123円");
  EXPECT_EQ(ja::format_money(-20000000), "-2,000万円");
  EXPECT_EQ(ja::format_money(NAN), "");
}

TEST(FormatMoney, RoundTripsThroughParseMoney) {
  std::vector<double> values = {0, 1, 9999, 10000, 10001, 99999999, 100000000, 100000001,
                                212810000, 350000000, 1200000000, 1234567890123,
                                999999999999, 1000000000000, 20000, 434000000, 950007000};
  // And a spread of magnitudes with mixed digits.
  double v = 7;
  for (int i = 0; i < 200; ++i) {
    values.push_back(std::floor(v));
    v = v * 1.37 + 13;
    if (v > 9e15) v = 3;
  }
  for (double value : values) {
    const std::string text = ja::format_money(value);
    const auto m = ja::parse_money(text);
    ASSERT_TRUE(m.has_value()) << text;
    EXPECT_EQ(m->yen, value) << text;
    EXPECT_FALSE(m->summed) << text;
  }
}
