// `senrei check-url` through the binary: the verdict, the reason a person reads, and the exit
// status scripts use (0 allowed, 3 refused, 2 usage).
#include <gtest/gtest.h>
#include <unistd.h>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

namespace {

class CheckUrl : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    robots_ = (fs::temp_directory_path() / ("senrei-check-url-" + std::to_string(::getpid()) + ".txt")).string();
    std::ofstream(robots_) << "# the Navi, as a test writes it\n"  // 1
                              "User-agent: *\n"                    // 2
                              "Disallow: /faq/draft\n"             // 3
                              "Allow: /faq/\n"                     // 4
                              "\n"                                 // 5
                              "User-agent: otherbot\n"             // 6
                              "Disallow: /\n";                     // 7
  }
  static void TearDownTestSuite() { fs::remove(robots_); }
  static std::string robots_;
};
std::string CheckUrl::robots_;

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_F(CheckUrl, AllowedByARobotsLine) {
  auto r = senrei({"check-url", kNavi + "faq/q1", "--robots", robots_});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(first_line(r.out), "allowed  " + kNavi + "faq/q1");
  EXPECT_NE(r.out.find("allowed by robots.txt line 4 'Allow: /faq/'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("in scope of renkei-navi"), std::string::npos) << r.out;
}

TEST_F(CheckUrl, RefusedByTheLongestMatchingDisallow) {
  auto r = senrei({"check-url", kNavi + "faq/draft-2", "--robots", robots_});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_EQ(first_line(r.out), "refused  " + kNavi + "faq/draft-2");
  EXPECT_NE(r.out.find("refused by robots.txt line 3 'Disallow: /faq/draft'"), std::string::npos) << r.out;
}

TEST_F(CheckUrl, AgentSelectsItsGroup) {
  auto r = senrei({"check-url", kNavi + "ajisai/", "--robots", robots_, "--agent", "OtherBot"});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("line 7 'Disallow: /'"), std::string::npos) << r.out;
  EXPECT_EQ(senrei({"check-url", kNavi + "ajisai/", "--robots", robots_}).status, 0);
}

TEST_F(CheckUrl, WithoutRobotsFileSaysSo) {
  auto r = senrei({"check-url", "HTTP://Renkei-Support.MHLW.go.jp:80/a/../faq/#top"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(first_line(r.out), "allowed  " + kNavi + "faq/");  // canonical form
  EXPECT_NE(r.out.find("robots.txt not checked"), std::string::npos) << r.out;
}

// An internationalized host name is canonical in punycode (what DNS, scope and robots.txt
// see) and shown in Unicode beside it.
TEST_F(CheckUrl, InternationalizedHostIsPunycode) {
  auto r = senrei({"check-url", "http://みなと県.jp/会議/"});
  EXPECT_EQ(r.status, 3) << r.err;  // no source claims it
  EXPECT_EQ(first_line(r.out), "refused  http://xn--o9jd6d4621b.jp/%E4%BC%9A%E8%AD%B0/") << r.out;
  EXPECT_NE(r.out.find("host みなと県.jp is sent as xn--o9jd6d4621b.jp"), std::string::npos) << r.out;
  // Full-width letters and the ideographic full stop map as browsers map them (UTS #46).
  auto w = senrei({"check-url", "http://ｗｗｗ．ｍｈｌｗ．ｇｏ．ｊｐ/"});
  EXPECT_EQ(first_line(w.out).substr(9), "http://www.mhlw.go.jp/") << w.out;
}

TEST_F(CheckUrl, OutsideEverySourcesScope) {
  auto r = senrei({"check-url", "http://www.example.com/"});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("outside the scope of every source"), std::string::npos) << r.out;
  auto one = senrei({"check-url", "http://www.example.com/", "--source", "renkei-navi"});
  EXPECT_EQ(one.status, 3);
  EXPECT_NE(one.out.find("outside the scope of source renkei-navi"), std::string::npos) << one.out;
}

TEST_F(CheckUrl, PrivateAddressRefusedUnlessAllowed) {
  auto r = senrei({"check-url", "http://10.1.2.3/faq/"});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("private address"), std::string::npos) << r.out;
  // Allowed as an address, it is still outside every source's scope.
  auto allowed = senrei({"check-url", "http://10.1.2.3/faq/", "--allow-private"});
  EXPECT_EQ(allowed.status, 3);
  EXPECT_NE(allowed.out.find("outside the scope"), std::string::npos) << allowed.out;
}

TEST_F(CheckUrl, OnlyHttpAndHttps) {
  auto r = senrei({"check-url", "ftp://renkei-support.mhlw.go.jp/faq/"});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("scheme ftp is not http(s)"), std::string::npos) << r.out;
}

TEST_F(CheckUrl, UsageErrorsAreOneLineWithStatus2) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check-url"},
           {"check-url", kNavi, kNavi},
           {"check-url", kNavi, "--robots", "/nonexistent/robots.txt"},
           {"check-url", kNavi, "--source", "no-such-source"}}) {
    auto r = senrei(args);
    EXPECT_EQ(r.status, 2) << args.size();
    EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  }
  EXPECT_NE(senrei({"check-url", kNavi, "--robots", "/nonexistent/robots.txt"}).err.find("/nonexistent/robots.txt"),
            std::string::npos);
}
