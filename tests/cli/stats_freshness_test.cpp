// `stats` says how fresh each source is (its last crawl: when, finished or not, pages done and
// failed) and names the flagged pages (issue 15 item 6).
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

TEST(StatsFreshness, LastCrawlPerSourceAndFlaggedPagesByUrl) {
  const auto root = fs::temp_directory_path() / ("senrei-statsfresh-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "docs");
  std::ofstream(root / "docs" / "gijiroku.html")
      << "<html><head><meta charset=utf-8><title>第3回協議会</title></head><body><p>会費を決めました。</p></body></html>";
  fs::copy_file(fs::path(SENREI_TEST_DATA) / "extract/pdf/image-only.pdf", root / "docs" / "scan.pdf");
  const std::string data = (root / "data").string();
  const auto before = std::time(nullptr);
  auto crawl = senrei({"--data", data, "crawl", "files", "--mirror", (root / "docs").string()});
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  auto stats = senrei({"--data", data, "stats", "--color", "never"});
  ASSERT_EQ(stats.status, 0) << stats.err;
  EXPECT_TRUE(std::regex_search(stats.out, std::regex("\n  files  20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  finished: "
                                                      "2 pages done, 0 failed\n")))
      << stats.out;
  EXPECT_NE(stats.out.find("scan.pdf — no_text_layer"), std::string::npos) << stats.out;
  auto json = nlohmann::json::parse(senrei({"--data", data, "stats", "--json"}).out);
  ASSERT_EQ(json["last_runs"].size(), 1u);
  EXPECT_EQ(json["last_runs"][0]["source"], "files");
  EXPECT_GE(json["last_runs"][0]["finished"].get<int64_t>(), before);
  EXPECT_EQ(json["last_runs"][0]["done"], 2);
  ASSERT_EQ(json["flagged_pages"].size(), 1u);
  EXPECT_NE(json["flagged_pages"][0]["url"].get<std::string>().find("scan.pdf"), std::string::npos);
  fs::remove_all(root);
}
