#include <gtest/gtest.h>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;

TEST(ParseNumber, ArabicWithCommas) {
  EXPECT_EQ(ja::parse_number("1,200"), 1200.0);
  EXPECT_EQ(ja::parse_number("１，２００"), 1200.0);
  EXPECT_EQ(ja::parse_number("950,007"), 950007.0);
  EXPECT_EQ(ja::parse_number("1,234,567"), 1234567.0);
}

TEST(ParseNumber, CommaOnlyGroupsThreeDigits) {
  // "1,23" is not grouping: the number ends before the comma.
  EXPECT_EQ(ja::parse_number("1,23"), 1.0);
}

TEST(ParseNumber, Kanji) {
  EXPECT_EQ(ja::parse_number("三千"), 3000.0);
  EXPECT_EQ(ja::parse_number("二千五百"), 2500.0);
  EXPECT_EQ(ja::parse_number("一万二千"), 12000.0);
  EXPECT_EQ(ja::parse_number("〇"), 0.0);
  EXPECT_EQ(ja::parse_number("十"), 10.0);
  EXPECT_EQ(ja::parse_number("百二十三"), 123.0);
  EXPECT_EQ(ja::parse_number("二〇一六"), 2016.0);
  EXPECT_EQ(ja::parse_number("千"), 1000.0);
}

TEST(ParseNumber, MixedUnits) {
  EXPECT_EQ(ja::parse_number("2億1,281万"), 212810000.0);
  EXPECT_EQ(ja::parse_number("3億5千万"), 350000000.0);
  EXPECT_EQ(ja::parse_number("1.2億"), 120000000.0);
  EXPECT_EQ(ja::parse_number("143万"), 1430000.0);
  EXPECT_EQ(ja::parse_number("1兆2,345億6,789万123"), 1234567890123.0);
  EXPECT_EQ(ja::parse_number("2,000 万"), 20000000.0);
}

TEST(ParseNumber, Decimal) {
  EXPECT_EQ(ja::parse_number("１２．５"), 12.5);
  EXPECT_EQ(ja::parse_number("0.31"), 0.31);
  EXPECT_EQ(ja::parse_number("7.2年"), 7.2);
}

TEST(ParseNumber, FirstNumberInText) {
  EXPECT_EQ(ja::parse_number("参加機関数：429施設"), 429.0);
  EXPECT_EQ(ja::parse_number("約2,000万円"), 20000000.0);
}

TEST(ParseNumber, KanjiInNamesYieldsToArabic) {
  EXPECT_EQ(ja::parse_number("千葉県 429施設"), 429.0);
  EXPECT_EQ(ja::parse_number("三重県 1,200人"), 1200.0);
  EXPECT_EQ(ja::parse_number("参加機関数：429施設"), 429.0);
}

TEST(ParseNumber, NoNumber) {
  EXPECT_EQ(ja::parse_number(""), std::nullopt);
  EXPECT_EQ(ja::parse_number("非公開"), std::nullopt);
  EXPECT_EQ(ja::parse_number("万"), std::nullopt);
  EXPECT_EQ(ja::parse_number("数千万"), std::nullopt);
}

TEST(ParseRate, Percent) {
  EXPECT_DOUBLE_EQ(*ja::parse_rate("28.5%"), 0.285);
  EXPECT_DOUBLE_EQ(*ja::parse_rate("31.2％"), 0.312);
  EXPECT_DOUBLE_EQ(*ja::parse_rate("高齢化率 31.2％（2015年）"), 0.312);
  EXPECT_DOUBLE_EQ(*ja::parse_rate("67.7パーセント"), 0.677);
}

TEST(ParseRate, Fraction) {
  EXPECT_DOUBLE_EQ(*ja::parse_rate("0.31"), 0.31);
}

TEST(ParseRate, Wari) {
  // 割 is read (3割 = 0.3, 3割5分 = 0.35); that 約 made it approximate is not kept.
  EXPECT_DOUBLE_EQ(*ja::parse_rate("高齢化率は約3割"), 0.3);
  EXPECT_DOUBLE_EQ(*ja::parse_rate("3割5分"), 0.35);
}

TEST(ParseRate, BareNumberAboveOneIsNotGuessed) {
  EXPECT_EQ(ja::parse_rate("28.5"), std::nullopt);
  EXPECT_EQ(ja::parse_rate("2015年"), std::nullopt);
  EXPECT_EQ(ja::parse_rate("不明"), std::nullopt);
}
