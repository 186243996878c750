// Long work shows itself when stderr is not a terminal (issue 15 item 6): one plain line per
// interval (SENREI_HEARTBEAT_SECONDS here, 10 s by default), no terminal redraws in the log.
#include <gtest/gtest.h>

#include <regex>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

TEST(Heartbeat, OneLineAnIntervalWhenStderrIsNotATerminal) {
  const auto root = fs::temp_directory_path() / ("senrei-heartbeat-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "docs");
  for (int i = 0; i < 400; ++i)
    std::ofstream(root / "docs" / ("p" + std::to_string(i) + ".html"))
        << "<html><head><meta charset=utf-8><title>議事録 第" << i << "回</title></head><body><p>第" << i
        << "回の協議会では会費と運用費を話し合いました。</p></body></html>";
  auto slow = senrei({"--data", (root / "a").string(), "crawl", "files", "--mirror", (root / "docs").string()},
                     "SENREI_HEARTBEAT_SECONDS=0.05");
  ASSERT_EQ(slow.status, 0) << slow.err;
  const std::regex line("senrei: files: ([0-9]+) pages done, ([0-9]+) queued, 0 errors, [0-9]+ s so far");
  int beats = 0;
  long last_done = -1;
  std::istringstream err(slow.err);
  for (std::string l; std::getline(err, l);) {
    std::smatch m;
    if (!std::regex_match(l, m, line)) continue;
    ++beats;
    const long done = std::stol(m[1]);
    EXPECT_GE(done, last_done);  // the count only grows
    last_done = done;
  }
  EXPECT_GE(beats, 1) << slow.err;
  EXPECT_EQ(slow.err.find('\r'), std::string::npos) << "no terminal redraws in a log";
  EXPECT_EQ(slow.err.find("\033["), std::string::npos);
  // An interval longer than the crawl: no line at all.
  auto quick = senrei({"--data", (root / "b").string(), "crawl", "files", "--mirror", (root / "docs").string()},
                      "SENREI_HEARTBEAT_SECONDS=3600");
  ASSERT_EQ(quick.status, 0) << quick.err;
  EXPECT_EQ(quick.err.find("pages done"), std::string::npos) << quick.err;
  fs::remove_all(root);
}
