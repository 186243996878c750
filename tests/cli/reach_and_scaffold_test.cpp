// A site that cannot be reached is one line per source naming the cause and what to check, not
// one line per URL (issue 15 item 7); the plugin scaffold refuses a name a source already has
// (item 9).
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

namespace {
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST(Reach, RefusedConnectionIsOneLineWithItsCause) {
  const auto data = fs::temp_directory_path() / ("senrei-reach-" + std::to_string(::getpid()));
  fs::remove_all(data);
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  auto r = senrei({"--data", data.string(), "crawl", "renkei-navi", "--base-url", "http://127.0.0.1:1/",
                   "--allow-private", "--delay", "0"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_EQ(count(r.err, "renkei-navi: cannot reach renkei-support.mhlw.go.jp (connection refused): check that the "
                         "site is up"), 1u)
      << r.err;
  EXPECT_EQ(count(r.out + r.err, "robots.txt unreachable"), 0u) << r.out << r.err;
  EXPECT_EQ(count(r.out + r.err, "everything disallowed"), 0u) << r.out << r.err;
  fs::remove_all(data);
}

TEST(Scaffold, RefusesTheNameOfAnExistingSource) {
  const auto dir = fs::temp_directory_path() / ("senrei-scaffold-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto r = senrei({"plugin", "new", "renkei-navi", dir.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("'renkei-navi' is already the name of a source"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir));
  auto ok = senrei({"plugin", "new", "pref-sakura", dir.string()});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_TRUE(fs::exists(dir / "sample"));
  fs::remove_all(dir);
}
