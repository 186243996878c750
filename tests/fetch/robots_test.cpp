// RFC 9309 robots.txt: a table of cases, each worked out by hand from the RFC's text.
#include <gtest/gtest.h>

#include <iterator>
#include <string>

#include "fetch/robots.hpp"
#include "fetch/url_check.hpp"

namespace senrei {
namespace {

struct RobotsCase {
  const char* name;
  const char* robots;
  const char* path;
  const char* agent;
  bool allowed;
  int line;  // deciding line; 0 when no rule decided
};

// A file close to what a ministry site serves, used by many cases below.
constexpr const char* kSite =
    "# robots.txt for renkei-support\n"           // 1
    "User-agent: *\n"                             // 2
    "Disallow: /admin/\n"                         // 3
    "Allow: /faq/\n"                              // 4
    "Disallow: /faq/draft\n"                      // 5
    "Disallow: /*.pdf$\n"                         // 6
    "Allow: /docs/*.pdf$\n"                       // 7
    "Disallow: /search?\n"                        // 8
    "\n"                                          // 9
    "User-agent: Senrei\n"                        // 10
    "User-agent: otherbot\n"                      // 11
    "Disallow: /private/\n"                       // 12
    "Allow: /private/public\n"                    // 13
    "Crawl-delay: 2.5\n"                          // 14
    "Sitemap: https://example.jp/sitemap.xml\n";  // 15

const RobotsCase kCases[] = {
    // Group selection (§2.2.1).
    {"star group applies to unknown agent", kSite, "/admin/x", "somebot", false, 3},
    {"star group allows unlisted path", kSite, "/index.html", "somebot", true, 0},
    {"specific group replaces star group", kSite, "/admin/x", "senrei", true, 0},
    {"specific group's own rule", kSite, "/private/a", "senrei", false, 12},
    {"token match is case-insensitive", kSite, "/private/a", "SENREI", false, 12},
    {"full user-agent string reduced to token", kSite, "/private/a",
     "senrei/0.1.0 (+https://example.jp/senrei)", false, 12},
    {"second agent line of the same group", kSite, "/private/a", "OtherBot", false, 12},
    {"token prefix is not a match", "User-agent: senreibot\nDisallow: /\n", "/a", "senrei", true, 0},
    {"agent line value with version", "User-agent: Senrei/2.0\nDisallow: /\n", "/a", "senrei", false, 2},
    {"no star group and no match: allowed", "User-agent: a\nDisallow: /\n", "/x", "senrei", true, 0},
    {"groups for the same agent combine", "User-agent: senrei\nDisallow: /a\n\nUser-agent: b\nDisallow: /\n"
     "\nUser-agent: senrei\nDisallow: /c\n", "/c/1", "senrei", false, 8},
    {"star groups combine", "User-agent: *\nDisallow: /a\nUser-agent: *\nDisallow: /b\n", "/b", "x", false, 4},
    {"sitemap does not end a group", "User-agent: *\nSitemap: /s.xml\nUser-agent: senrei\nDisallow: /z\n",
     "/z", "senrei", false, 4},
    {"user-agent after rules starts a new group", "User-agent: senrei\nDisallow: /a\nUser-agent: *\n"
     "Disallow: /b\n", "/b", "senrei", true, 0},
    {"rules before any user-agent are ignored", "Disallow: /\nUser-agent: *\nDisallow: /x\n", "/a", "s", true, 0},
    // Longest match, allow wins a tie (§2.2.2).
    {"longer allow beats shorter disallow", kSite, "/private/public/page", "senrei", true, 13},
    {"longer disallow beats shorter allow", kSite, "/faq/draft-1", "somebot", false, 5},
    {"allow inside allowed directory", kSite, "/faq/q1", "somebot", true, 4},
    {"equal length: allow wins", "User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", "x", true, 3},
    {"equal length, allow first: allow wins", "User-agent: *\nAllow: /page\nDisallow: /page\n", "/page", "x",
     true, 2},
    {"disallow root", "User-agent: *\nDisallow: /\n", "/anything", "x", false, 2},
    {"empty disallow allows all", "User-agent: *\nDisallow:\n", "/anything", "x", true, 0},
    {"prefix matching", "User-agent: *\nDisallow: /fish\n", "/fish.html", "x", false, 2},
    {"prefix is case-sensitive", "User-agent: *\nDisallow: /fish\n", "/Fish.asp", "x", true, 0},
    {"trailing slash matters", "User-agent: *\nDisallow: /fish/\n", "/fish", "x", true, 0},
    {"query is part of the path", kSite, "/search?q=1", "somebot", false, 8},
    {"path without the query mark is not", kSite, "/search", "somebot", true, 0},
    // Special characters (§2.2.3).
    {"$ anchors the end", kSite, "/a/b.pdf", "somebot", false, 6},
    {"$ anchor does not match longer path", kSite, "/a/b.pdf?x=1", "somebot", true, 0},
    {"longer wildcard allow wins", kSite, "/docs/x.pdf", "somebot", true, 7},
    {"* matches empty", "User-agent: *\nDisallow: /a*b\n", "/ab", "x", false, 2},
    {"* matches across slashes", "User-agent: *\nDisallow: /a*/z\n", "/a/b/c/z", "x", false, 2},
    {"several stars", "User-agent: *\nDisallow: /*x*y*z$\n", "/axbyczz", "x", false, 2},
    {"several stars, order matters", "User-agent: *\nDisallow: /*z*y*x$\n", "/axbycz", "x", true, 0},
    {"$ alone in the middle is literal", "User-agent: *\nDisallow: /a$b\n", "/a$b/c", "x", false, 2},
    {"star-only rule", "User-agent: *\nDisallow: *\n", "/q", "x", false, 2},
    {"robots.txt always allowed", "User-agent: *\nDisallow: /\n", "/robots.txt", "x", true, 0},
    // Percent-encoding normalised on both sides.
    {"encoded unreserved in path", "User-agent: *\nDisallow: /~user\n", "/%7Euser/a", "x", false, 2},
    {"encoded unreserved in rule", "User-agent: *\nDisallow: /%7euser\n", "/~user/a", "x", false, 2},
    {"UTF-8 rule against encoded path", "User-agent: *\nDisallow: /事例/\n", "/%E4%BA%8B%E4%BE%8B/1", "x",
     false, 2},
    {"encoded rule against UTF-8 path", "User-agent: *\nDisallow: /%e4%ba%8b%e4%be%8b/\n", "/事例/1", "x",
     false, 2},
    {"encoded slash stays distinct", "User-agent: *\nDisallow: /a/b\n", "/a%2Fb", "x", true, 0},
    // Syntax: comments, BOM, line endings, case of keys, spacing.
    {"comment after a rule", "User-agent: *\nDisallow: /a # not /b\n", "/b", "x", true, 0},
    {"comment-only lines keep numbering", "# one\n# two\nUser-agent: *\nDisallow: /a\n", "/a", "x", false, 4},
    {"BOM before the first line", "\xEF\xBB\xBFUser-agent: *\nDisallow: /a\n", "/a", "x", false, 2},
    {"CRLF line endings", "User-agent: *\r\nDisallow: /a\r\nAllow: /a/b\r\n", "/a/b", "x", true, 3},
    {"CR-only line endings", "User-agent: *\rDisallow: /a\r", "/a", "x", false, 2},
    {"keys are case-insensitive", "USER-AGENT: *\ndisallow: /a\n", "/a", "x", false, 2},
    {"whitespace around colon", "User-agent :  *  \n  Disallow  :   /a  \n", "/a", "x", false, 2},
    {"no newline at end", "User-agent: *\nDisallow: /a", "/a", "x", false, 2},
    {"line without colon ignored", "User-agent: *\nDisallow /a\nDisallow: /b\n", "/a", "x", true, 0},
    {"unknown keys ignored", "User-agent: *\nNoindex: /a\nDisallow: /b\n", "/a", "x", true, 0},
    {"misspelled disallow accepted", "User-agent: *\nDissallow: /a\n", "/a", "x", false, 2},
    {"empty file allows all", "", "/a", "x", true, 0},
    {"garbage allows all", "\x01\x02<html>not robots</html>", "/a", "x", true, 0},
};

TEST(RobotsRules, Rfc9309Table) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    auto rules = RobotsRules::parse(c.robots);
    auto v = rules.check(c.path, c.agent);
    EXPECT_EQ(v.allowed, c.allowed);
    EXPECT_EQ(v.line, c.line);
  }
}

TEST(RobotsRules, TableHasAtLeastFortyCases) { EXPECT_GE(std::size(kCases), 40u); }

// The same table through check_url(), the function `senrei check-url` prints: the verdict, and
// the deciding line named in its reason.
TEST(RobotsRules, Rfc9309TableThroughCheckUrl) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    auto rules = RobotsRules::parse(c.robots);
    auto check = check_url(std::string("http://example.jp") + c.path, &rules, c.agent, {});
    EXPECT_EQ(check.allowed, c.allowed) << check.reason;
    EXPECT_EQ(check.kind, c.allowed ? "" : "robots");
    if (c.line > 0) {
      EXPECT_NE(check.reason.find("robots.txt line " + std::to_string(c.line) + " '"), std::string::npos)
          << check.reason;
    }
  }
}

TEST(RobotsRules, VerdictNamesTheRule) {
  auto rules = RobotsRules::parse(kSite);
  auto v = rules.check("/faq/q1", "somebot");
  EXPECT_EQ(v.rule, "Allow: /faq/");
  EXPECT_EQ(v.line, 4);
  EXPECT_EQ(rules.check("/a.pdf", "x").rule, "Disallow: /*.pdf$");
}

TEST(RobotsRules, CrawlDelayOfTheApplyingGroup) {
  auto rules = RobotsRules::parse(kSite);
  EXPECT_EQ(rules.crawl_delay("senrei"), 2.5);
  EXPECT_EQ(rules.crawl_delay("somebot"), std::nullopt);
  auto bad = RobotsRules::parse("User-agent: *\nCrawl-delay: soon\n");
  EXPECT_EQ(bad.crawl_delay("x"), std::nullopt);
  auto neg = RobotsRules::parse("User-agent: *\nCrawl-delay: -3\n");
  EXPECT_EQ(neg.crawl_delay("x"), std::nullopt);
  auto star = RobotsRules::parse("User-agent: *\nCrawl-delay: 30\n");
  EXPECT_EQ(star.crawl_delay("senrei"), 30.0);
}

TEST(RobotsRules, ParsesAtLeast500KiBAndIgnoresTheRest) {
  std::string text = "User-agent: *\n";
  // Filler comment lines up to ~505 KiB, then a rule inside the limit, then one beyond it.
  std::string filler(99, '#');
  filler += '\n';
  while (text.size() < 505 * 1024) text += filler;
  text += "Disallow: /inside\n";
  while (text.size() < kRobotsMaxBytes + 1024) text += filler;
  text += "Disallow: /beyond\n";
  auto rules = RobotsRules::parse(text);
  EXPECT_FALSE(rules.check("/inside", "x").allowed);
  EXPECT_TRUE(rules.check("/beyond", "x").allowed);
}

TEST(RobotsRules, RuleCutAtTheLimitIsDropped) {
  std::string text = "User-agent: *\n";
  while (text.size() < kRobotsMaxBytes) text += "#\n";
  text.resize(kRobotsMaxBytes - 13);
  text += '\n';
  text += "Disallow: /abc\n";  // the limit falls inside "/abc": "/a" must not become a rule
  auto rules = RobotsRules::parse(text);
  EXPECT_TRUE(rules.check("/a", "x").allowed);
}

TEST(RobotsRules, HostileWildcardsStayFast) {
  // Thousands of stars against a long path: linear-ish matching, no exponential backtracking.
  std::string pattern = "/";
  for (int i = 0; i < 2000; ++i) pattern += "a*";
  pattern += "b$";
  std::string text = "User-agent: *\n";
  for (int i = 0; i < 50; ++i) text += "Disallow: " + pattern + "\n";
  auto rules = RobotsRules::parse(text);
  EXPECT_TRUE(rules.check("/" + std::string(4000, 'a'), "x").allowed);
}

TEST(RobotsRules, StatusMapping) {
  EXPECT_FALSE(RobotsRules::from_fetch(200, "User-agent: *\nDisallow: /\n").check("/a", "x").allowed);
  EXPECT_TRUE(RobotsRules::from_fetch(404, "").check("/a", "x").allowed);
  EXPECT_TRUE(RobotsRules::from_fetch(401, "").check("/a", "x").allowed);
  EXPECT_TRUE(RobotsRules::from_fetch(310, "").check("/a", "x").allowed);  // too many redirects
  auto down = RobotsRules::from_fetch(503, "");
  EXPECT_FALSE(down.check("/a", "x").allowed);
  EXPECT_EQ(down.check("/a", "x").rule, "robots.txt answered HTTP 503; everything disallowed until it is fetched");
  EXPECT_FALSE(RobotsRules::from_fetch(0, "").check("/robots.txt", "x").allowed);
  EXPECT_FALSE(RobotsRules::from_fetch(429, "").check("/a", "x").allowed);
  EXPECT_TRUE(RobotsRules::is_temporary_failure(500));
  EXPECT_FALSE(RobotsRules::is_temporary_failure(404));
}

TEST(RobotsRules, ProductToken) {
  EXPECT_EQ(robots_product_token("senrei/0.1.0 (+https://x)"), "senrei");
  EXPECT_EQ(robots_product_token("  Googlebot-News "), "googlebot-news");
  EXPECT_EQ(robots_product_token("*"), "*");
  EXPECT_EQ(robots_product_token("/x"), "");
}

}  // namespace
}  // namespace senrei
