#include <gtest/gtest.h>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;

TEST(ParseYear, Western) {
  EXPECT_EQ(ja::parse_year("2016年"), 2016);
  EXPECT_EQ(ja::parse_year("２０１６年"), 2016);
  EXPECT_EQ(ja::parse_year("二〇一六年"), 2016);
  EXPECT_EQ(ja::parse_year("2016"), 2016);
  EXPECT_EQ(ja::parse_year("2016/11"), 2016);
}

TEST(ParseYear, Eras) {
  EXPECT_EQ(ja::parse_year("平成28年"), 2016);
  EXPECT_EQ(ja::parse_year("平成元年"), 1989);
  EXPECT_EQ(ja::parse_year("令和元年"), 2019);
  EXPECT_EQ(ja::parse_year("昭和63年"), 1988);
  EXPECT_EQ(ja::parse_year("令和2年度"), 2020);
  EXPECT_EQ(ja::parse_year("明治元年"), 1868);
  EXPECT_EQ(ja::parse_year("明治45年"), 1912);
  EXPECT_EQ(ja::parse_year("大正元年"), 1912);
  EXPECT_EQ(ja::parse_year("大正15年"), 1926);
  EXPECT_EQ(ja::parse_year("平成二十八年"), 2016);
  EXPECT_EQ(ja::parse_year("㍻28年"), 2016);
  EXPECT_EQ(ja::parse_year("平成１６年稼働"), 2004);
}

TEST(ParseYear, Abbreviations) {
  EXPECT_EQ(ja::parse_year("H28"), 2016);
  EXPECT_EQ(ja::parse_year("R2"), 2020);
  EXPECT_EQ(ja::parse_year("S63"), 1988);
  EXPECT_EQ(ja::parse_year("Ｈ２８年"), 2016);
  EXPECT_EQ(ja::parse_year("第5版 H29.5"), 2017);
}

TEST(ParseYear, InText) {
  EXPECT_EQ(ja::parse_year("あじさいネット（平成16年稼働）"), 2004);
  EXPECT_EQ(ja::parse_year("平成16年稼働"), 2004);
}

TEST(ParseYear, NotAYear) {
  EXPECT_EQ(ja::parse_year(""), std::nullopt);
  EXPECT_EQ(ja::parse_year("2,000万円"), std::nullopt);
  EXPECT_EQ(ja::parse_year("HS026"), std::nullopt);
  EXPECT_EQ(ja::parse_year("12016"), std::nullopt);
  EXPECT_EQ(ja::parse_year("平成0年"), std::nullopt);
  EXPECT_EQ(ja::parse_year("3000万"), std::nullopt);
  EXPECT_EQ(ja::parse_year("61,134人"), std::nullopt);
}

TEST(ParseDate, Forms) {
  EXPECT_EQ(ja::parse_date("平成29年2月時点"), "2017-02");
  EXPECT_EQ(ja::parse_date("2019年3月31日現在"), "2019-03-31");
  EXPECT_EQ(ja::parse_date("令和元年5月"), "2019-05");
  EXPECT_EQ(ja::parse_date("H31.3"), "2019-03");
  EXPECT_EQ(ja::parse_date("R1.5.7"), "2019-05-07");
  EXPECT_EQ(ja::parse_date("2018年"), "2018");
  EXPECT_EQ(ja::parse_date("2016年11月末"), "2016-11");
  EXPECT_EQ(ja::parse_date("２０１６年１１月"), "2016-11");
  EXPECT_EQ(ja::parse_date("2019/3/31"), "2019-03-31");
  EXPECT_EQ(ja::parse_date("2019-03-31"), "2019-03-31");
  EXPECT_EQ(ja::parse_date("※平成29年2月時点"), "2017-02");
  EXPECT_EQ(ja::parse_date("平成二十九年二月"), "2017-02");
}

TEST(ParseDate, FiscalYear) {
  // 年度 n runs April n to March n+1: its end is March of the next calendar year.
  EXPECT_EQ(ja::parse_date("平成28年度末"), "2017-03");
  EXPECT_EQ(ja::parse_date("2016年度末"), "2017-03");
  EXPECT_EQ(ja::parse_date("平成28年度"), "2016");
}

TEST(ParseDate, InvalidPartsAreNotRead) {
  EXPECT_EQ(ja::parse_date("2019年13月"), "2019");
  EXPECT_EQ(ja::parse_date("2019年2月30日"), "2019-02");
  EXPECT_EQ(ja::parse_date("2020年2月29日"), "2020-02-29");
  EXPECT_EQ(ja::parse_date("なし"), std::nullopt);
}

TEST(EraYear, Format) {
  EXPECT_EQ(ja::format_era_year(2016), "平成28年");
  EXPECT_EQ(ja::format_era_year(2019), "令和元年");
  EXPECT_EQ(ja::format_era_year(2020), "令和2年");
  EXPECT_EQ(ja::format_era_year(1988), "昭和63年");
  EXPECT_EQ(ja::format_era_year(1867), "");
}

// Every era boundary: the new era's 元年 and the old era's last year are the same year.
TEST(EraYear, BoundaryRoundTrips) {
  struct Boundary {
    int year;
    const char* first;
    const char* last_of_previous;
  };
  const Boundary boundaries[] = {
      {1868, "明治元年", nullptr},
      {1912, "大正元年", "明治45年"},
      {1926, "昭和元年", "大正15年"},
      {1989, "平成元年", "昭和64年"},
      {2019, "令和元年", "平成31年"},
  };
  for (const auto& b : boundaries) {
    EXPECT_EQ(ja::format_era_year(b.year), b.first);
    EXPECT_EQ(ja::parse_year(b.first), b.year) << b.first;
    EXPECT_EQ(ja::parse_year(ja::format_era_year(b.year)), b.year);
    if (b.year > 1868) {
      EXPECT_EQ(ja::parse_year(ja::format_era_year(b.year - 1)), b.year - 1);
    }
    EXPECT_EQ(ja::parse_year(ja::format_era_year(b.year + 1)), b.year + 1);
    if (b.last_of_previous != nullptr) {
      EXPECT_EQ(ja::parse_year(b.last_of_previous), b.year);
    }
  }
  EXPECT_EQ(ja::format_era_year(1867), "");
  for (int y = 1868; y <= 2100; ++y) EXPECT_EQ(ja::parse_year(ja::format_era_year(y)), y) << y;
}
