// Inputs the fuzzers (tests/fuzz) found, kept as tests of the normal suite, through the binary
// where a user would meet them.  Each names the target that found it.
#include <gtest/gtest.h>

#include "safety_support.hpp"
#include "senrei/ja.hpp"
#include "senrei/url.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

// fuzz_plan: TOML's own error text quotes the bad value with its line break ("saw 'tr\n'"), which
// made the one-line error two lines.
TEST(FuzzRegressions, PlanErrorQuotingALineBreakStaysOneLine) {
  ScratchDir dir("fuzz-plan");
  const fs::path plan = dir / "plan.toml";
  std::ofstream(plan) << "[region]\nname = \"さくら県\"\npopulation = 720000\nscope = \"prefecture\"\n"
                         "[plan]\nusage_monitoring = tr\n";
  auto r = senrei_test::senrei({"--data", (dir / "data").string(), "compare", plan.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find(plan.string() + ":6: "), std::string::npos) << r.err;
  // A line break inside a quoted value is data too.
  std::ofstream(plan) << "[region]\nname = \"さくら\\n県\"\npopulation = -1\nscope = \"prefecture\"\n";
  r = senrei_test::senrei({"--data", (dir / "data").string(), "compare", plan.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
}

// fuzz_site: the same through a declarative source; `senrei sources` lists the refusal on one
// tab-separated line.
TEST(FuzzRegressions, SourceFileErrorQuotingALineBreakStaysOneLine) {
  ScratchDir dir("fuzz-site");
  fs::create_directories(dir / "data" / "sources");
  std::ofstream(dir / "data" / "sources" / "bad.toml") << "name = \"pref-x\"\ntitle = f\n";
  std::ofstream(dir / "data" / "sources" / "worse.toml")
      << "name = \"pref-y\"\ntitle = \"t\"\npublisher = \"p\"\nbase_url = \"https://example.jp/\"\n"
         "seeds = [\"https://example.jp/\"]\ndefault_kind = \"no\\nsuch\"\n";
  auto r = senrei_test::senrei({"--data", (dir / "data").string(), "sources"});
  ASSERT_EQ(r.status, 0) << r.err;
  size_t refusals = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("refused\t", 0) == 0 && line.find("/sources/") != std::string::npos) {
      ++refusals;
      EXPECT_NE(line.find(".toml:"), std::string::npos) << line;
    } else {
      EXPECT_NE(line.find('\t'), std::string::npos) << "a line that is not a listing: " << line;
    }
  }
  EXPECT_EQ(refusals, 2u) << r.out;
}

// fuzz_robots: lines may end with CR alone (RFC 9309 §2.2); the deciding line is counted so.
TEST(FuzzRegressions, RobotsLinesEndingInCarriageReturnAreNumberedSo) {
  ScratchDir dir("fuzz-robots");
  std::ofstream(dir / "robots.txt", std::ios::binary) << "User-agent: *\rDisallow: /a\rAllow: /a/b\r";
  auto r = senrei_test::senrei({"check-url", "http://renkei-support.mhlw.go.jp/a/c", "--robots", (dir / "robots.txt").string()});
  EXPECT_EQ(r.status, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("refused by robots.txt line 2 'Disallow: /a'"), std::string::npos) << r.out;
  r = senrei_test::senrei({"check-url", "http://renkei-support.mhlw.go.jp/a/b", "--robots", (dir / "robots.txt").string()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("line 3"), std::string::npos) << r.out;
}

// fuzz_ja: format_era_year reads back through parse_year for every year it can write in the
// current era's range (令和99 = 2117); 令和100 and later are beyond parse_year's era-year bound.
TEST(FuzzRegressions, EveryEraYearReadsBackUpToReiwa99) {
  for (int year = 1868; year <= 2117; ++year)
    EXPECT_EQ(senrei::ja::parse_year(senrei::ja::format_era_year(year)), year) << senrei::ja::format_era_year(year);
  EXPECT_EQ(senrei::ja::format_era_year(2117), "令和99年");
}

// fuzz_ja: 兆, 億 and 万 sections were summed in double, rounding twice, so a large amount did
// not read back as written (516,723兆1,418億6,250万3,744円 came back 64 yen short).  Every
// amount format_money writes below 1e18 reads back exactly (ja.hpp's contract).
TEST(FuzzRegressions, LargeAmountsReadBackExactly) {
  for (double yen : {516723141862503744.0, 123456789012345680.0, 9007199254740993.0, 999999999999999872.0,
                     212810000.0, 1.0, 0.0}) {
    const std::string text = senrei::ja::format_money(yen);
    auto money = senrei::ja::parse_money(text);
    ASSERT_TRUE(money && money->yen) << text;
    EXPECT_EQ(*money->yen, yen) << text;
  }
  auto written = senrei::ja::parse_money("516,723兆1,418億6,250万3,744円");
  ASSERT_TRUE(written && written->yen);
  EXPECT_EQ(*written->yen, 516723141862503744.0);
}

// fuzz_site: libstdc++'s std::regex read the back-reference \7777777777777777777 into a long
// and overflowed (undefined behaviour, caught by UBSan); URL patterns now refuse
// back-references and lengths past 1,000 bytes, on one line naming the file.
TEST(FuzzRegressions, UrlPatternsRefuseBackReferencesAndGreatLength) {
  ScratchDir dir("fuzz-regex");
  fs::create_directories(dir / "data" / "sources");
  const std::string head = "title = \"t\"\npublisher = \"p\"\nbase_url = \"https://example.jp/\"\n"
                           "seeds = [\"https://example.jp/\"]\n";
  std::ofstream(dir / "data" / "sources" / "backref.toml")
      << "name = \"backref\"\n" << head << "[[kind]]\nurl = '/a/(x)\\7777777777777777777\\.html$'\nkind = \"faq\"\n";
  std::ofstream(dir / "data" / "sources" / "long.toml")
      << "name = \"long\"\n" << head << "[scope]\nallow = ['" << std::string(1200, 'a') << "']\n";
  std::ofstream(dir / "data" / "sources" / "fine.toml")
      << "name = \"fine\"\n" << head << "[[kind]]\nurl = '/faq/[0-9]+\\.html$'\nkind = \"faq\"\n";
  auto r = senrei_test::senrei({"--data", (dir / "data").string(), "sources"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("backref.toml:7:7: '/a/(x)\\7777777777777777777\\.html$' has a back-reference (\\7), which URL "
                       "patterns do not support"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("long.toml:7:10: the pattern is 1200 bytes long; URL patterns may have at most 1000"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nfine\t"), std::string::npos) << r.out;
}

// fuzz_url: a host of %C2%A0 (U+00A0 NO-BREAK SPACE) came out of IDNA as a space,
// "h:// /", which does not read back (canonical forms were not fixed points).  A name whose
// ASCII form holds a character no host may hold is refused; a real internationalized name still reads.
TEST(FuzzRegressions, AHostThatIdnaMapsToASpaceIsRefused) {
  EXPECT_FALSE(senrei::canonicalize_url("h://%C2%A0"));
  EXPECT_FALSE(senrei::canonicalize_url("http://%C2\n%A0/"));
  EXPECT_FALSE(senrei::canonicalize_url("http://a\xC2\xA0b.jp/"));
  EXPECT_FALSE(senrei::canonicalize_url("http://a\xEF\xBC\x8F" "b.jp/"));  // U+FF0F FULLWIDTH SOLIDUS
  auto idn = senrei::canonicalize_url("http://\xE6\x97\xA5\xE6\x9C\xAC.jp/");  // 日本.jp
  ASSERT_TRUE(idn);
  EXPECT_EQ(*idn, "http://xn--wgv71a.jp/");
}
