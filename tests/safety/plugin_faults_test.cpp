// Plugin faults through the real binary, with tests/plugins/faulty.cpp: a plugin that throws,
// hangs, returns invalid records or crashes the process fails only its own pages, is named with
// the URL, loses nothing already stored, and can be left out with --skip-source (issue 8).
#include <gtest/gtest.h>

#include <chrono>

#include "safety_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

const std::string kFaultyEnv = "SENREI_PLUGIN_PATH=" + std::string(SENREI_BINARY_DIR) + "/test-plugins/faults";
const std::string kSite = "http://faulty.test/";

std::string id_of(const std::string& path) { return "faulty:" + kSite + path; }

// failures of the only run in a `crawl --json` output, url → {reason, message}.
std::map<std::string, std::pair<std::string, std::string>> failures(const std::string& crawl_json) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  auto j = json::parse(crawl_json);
  for (const auto& f : j["runs"][0]["failures"]) out[f["url"]] = {f["reason"], f["message"]};
  return out;
}

}  // namespace

TEST(PluginFaults, ThrowingAndInvalidRecordsFailOnlyTheirOwnPages) {
  ScratchDir dir("faults");
  const auto mirror = dir / "mirror";
  write_page(mirror, "", "トップ", "正常なページ");
  write_page(mirror, "good/", "正常", "あじさいネットの構築費用");
  const std::map<std::string, std::string> bad = {
      {"throw/", "FAULT:throw"},       {"throw-int/", "FAULT:throw-int"}, {"no-title/", "FAULT:no-title"},
      {"bad-utf8/", "FAULT:bad-utf8"}, {"nan/", "FAULT:nan"},             {"foreign/", "FAULT:foreign"},
      {"dup/", "FAULT:dup"},           {"many/", "FAULT:many"}};
  for (const auto& [path, word] : bad) write_page(mirror, path, path, "本文 " + word);

  auto r = senrei({"--data", (dir / "data").string(), "crawl", "faulty", "--mirror", mirror.string(), "--json"},
                  kFaultyEnv);
  EXPECT_EQ(r.status, 1) << r.err;  // a plugin failed: the run says so
  auto failed = failures(r.out);
  ASSERT_EQ(failed.size(), bad.size()) << r.out;
  const std::map<std::string, std::string> expected_problem = {
      {"throw/", "a deliberate failure in the test plugin"},
      {"throw-int/", "unknown exception"},
      {"no-title/", "has no title"},
      {"bad-utf8/", "not UTF-8"},
      {"nan/", "field 'build_cost_yen' with a number that is not finite"},
      {"foreign/", "claims source 'renkei-navi'"},
      {"dup/", "repeats an id"},
      {"many/", "20000 records from one page (the limit is 10000)"}};
  for (const auto& [path, problem] : expected_problem) {
    auto it = failed.find(kSite + path);
    ASSERT_NE(it, failed.end()) << path;
    EXPECT_EQ(it->second.first, "plugin") << path;
    EXPECT_NE(it->second.second.find("plugin 'faulty'"), std::string::npos) << it->second.second;
    EXPECT_NE(it->second.second.find(kSite + path), std::string::npos) << it->second.second;
    EXPECT_NE(it->second.second.find(problem), std::string::npos) << it->second.second;
  }
  // The good pages are indexed, and nothing of the bad ones.
  auto records = exported_records((dir / "data").string(), kFaultyEnv);
  EXPECT_EQ(keys(records), (std::set<std::string>{id_of(""), id_of("good/")}));
  auto search = senrei({"--data", (dir / "data").string(), "search", "構築費用", "--json"}, kFaultyEnv);
  ASSERT_EQ(search.status, 0) << search.err;
  EXPECT_EQ(json::parse(search.out)["total"], 1);
}

TEST(PluginFaults, HangingPluginIsCutOffAndDisabledForTheRun) {
  ScratchDir dir("hang");
  const auto mirror = dir / "mirror";
  // Mirror pages are read in URL order after the seed: a, b, then the hang, then z.
  write_page(mirror, "", "トップ", "入口");
  write_page(mirror, "a/", "ページA", "運用費用");
  write_page(mirror, "b/", "ページB", "運用費用");
  write_page(mirror, "hang/", "止まる", "FAULT:hang");
  write_page(mirror, "z/", "ページZ", "運用費用");

  const auto start = std::chrono::steady_clock::now();
  // `timeout` only guards the test against a broken implementation; the crawl itself must end.
  auto r = senrei({"--data", (dir / "data").string(), "crawl", "faulty", "--mirror", mirror.string(), "--json",
                   "--plugin-timeout", "1"},
                  kFaultyEnv + " timeout -s KILL 60");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30) << "the crawl waited for the stuck plugin";
  ASSERT_EQ(r.status, 1) << r.err;
  auto failed = failures(r.out);
  ASSERT_TRUE(failed.count(kSite + "hang/")) << r.out;
  EXPECT_EQ(failed[kSite + "hang/"].first, "plugin_timeout");
  EXPECT_NE(failed[kSite + "hang/"].second.find("plugin 'faulty' did not return from extract() on " + kSite + "hang/"),
            std::string::npos)
      << failed[kSite + "hang/"].second;
  ASSERT_TRUE(failed.count(kSite + "z/")) << r.out;
  EXPECT_EQ(failed[kSite + "z/"].first, "plugin_disabled");
  EXPECT_EQ(failed.size(), 2u) << r.out;

  // What was done before the hang is committed and searchable; the workspace is not left locked.
  auto records = exported_records((dir / "data").string(), kFaultyEnv);
  EXPECT_EQ(keys(records), (std::set<std::string>{id_of(""), id_of("a/"), id_of("b/")}));
  // The workspace was left unlocked and whole: the next run starts, and fails the same pages.
  auto again = senrei({"--data", (dir / "data").string(), "crawl", "faulty", "--mirror", mirror.string(), "--json",
                       "--plugin-timeout", "1"},
                      kFaultyEnv + " timeout -s KILL 60");
  ASSERT_EQ(again.status, 1) << again.err;
  auto failed_again = failures(again.out);
  EXPECT_EQ(failed_again.size(), 2u) << again.out;
  EXPECT_EQ(failed_again[kSite + "hang/"].first, "plugin_timeout");
}

TEST(PluginFaults, SegfaultLosesNothingStoredAndTheNextRunNamesThePlugin) {
  ScratchDir dir("segv");
  const auto mirror = dir / "mirror";
  const std::string data = (dir / "data").string();
  write_page(mirror, "", "トップ", "入口");
  write_page(mirror, "a/", "ページA", "参加機関数");
  write_page(mirror, "s/", "ページS", "旧版の本文 診療報酬");
  auto first = senrei({"--data", data, "crawl", "faulty", "--mirror", mirror.string()}, kFaultyEnv);
  ASSERT_EQ(first.status, 0) << first.err;
  const auto before = exported_records(data, kFaultyEnv);
  ASSERT_EQ(keys(before), (std::set<std::string>{id_of(""), id_of("a/"), id_of("s/")}));

  // The page changes into one the plugin crashes on; a new page appears after it.
  write_page(mirror, "s/", "ページS", "新版 FAULT:segv");
  write_page(mirror, "t/", "ページT", "新しいページ");
  auto crash = senrei({"--data", data, "crawl", "faulty", "--mirror", mirror.string()}, kFaultyEnv);
  EXPECT_NE(crash.status, 0);
  EXPECT_NE(crash.status, 2);
  // Nothing already stored is lost: the index opens and holds every record as before.
  EXPECT_EQ(exported_records(data, kFaultyEnv), before);
  auto search = senrei({"--data", data, "search", "診療報酬", "--json"}, kFaultyEnv);
  ASSERT_EQ(search.status, 0) << search.err;
  EXPECT_EQ(json::parse(search.out)["total"], 1);

  // The next run names the plugin and the page, skips that page once, and does the rest.
  auto next = senrei({"--data", data, "crawl", "faulty", "--mirror", mirror.string(), "--json"}, kFaultyEnv);
  EXPECT_EQ(next.status, 1) << next.err;
  EXPECT_NE(next.err.find("the last crawl died inside plugin 'faulty' on " + kSite + "s/ (Segmentation fault)"), std::string::npos)
      << next.err;
  EXPECT_NE(next.err.find("--skip-source faulty"), std::string::npos) << next.err;
  auto failed = failures(next.out);
  ASSERT_EQ(failed.size(), 1u) << next.out;
  EXPECT_EQ(failed.begin()->first, kSite + "s/");
  EXPECT_EQ(failed.begin()->second.first, "crashed");
  auto after = exported_records(data, kFaultyEnv);
  EXPECT_EQ(keys(after), (std::set<std::string>{id_of(""), id_of("a/"), id_of("s/"), id_of("t/")}));
  EXPECT_EQ(after[id_of("s/")], before.at(id_of("s/")));  // the old record of the page stays

  // The marker was read once: the run after that does not repeat the warning.
  auto skipped = senrei({"--data", data, "crawl", "faulty", "--mirror", mirror.string(), "--skip-source", "faulty"},
                        kFaultyEnv);
  EXPECT_EQ(skipped.status, 0) << skipped.err;
  EXPECT_NE(skipped.err.find("nothing to crawl"), std::string::npos) << skipped.err;
  EXPECT_EQ(skipped.err.find("died"), std::string::npos) << skipped.err;
}

TEST(PluginFaults, StackOverflowInAPluginIsNamedLikeAnyCrash) {
  ScratchDir dir("recurse");
  const auto mirror = dir / "mirror";
  const std::string data = (dir / "data").string();
  write_page(mirror, "", "トップ", "入口");
  write_page(mirror, "deep/", "深い", "FAULT:recurse");
  auto crash = senrei({"--data", data, "crawl", "faulty", "--mirror", mirror.string()}, kFaultyEnv);
  EXPECT_NE(crash.status, 0);
  EXPECT_NE(crash.status, 2);
  auto next = senrei({"--data", data, "crawl", "faulty", "--mirror", mirror.string(), "--json"}, kFaultyEnv);
  EXPECT_EQ(next.status, 1) << next.err;
  EXPECT_NE(next.err.find("the last crawl died inside plugin 'faulty' on " + kSite + "deep/ (Segmentation fault)"),
            std::string::npos)
      << next.err;
  auto failed = failures(next.out);
  ASSERT_EQ(failed.size(), 1u) << next.out;
  EXPECT_EQ(failed[kSite + "deep/"].first, "crashed");
  EXPECT_EQ(keys(exported_records(data, kFaultyEnv)), (std::set<std::string>{id_of("")}));
}

TEST(PluginFaults, SkipSourceLeavesOutTheCrashingPluginAndCrawlsTheOthers) {
  ScratchDir dir("skip");
  const auto mirror = dir / "mirror";
  write_page(mirror, "", "トップ", "FAULT:segv");
  write_page(mirror, "doc/", "資料", "電子的診療情報評価料");
  auto r = senrei({"--data", (dir / "data").string(), "crawl", "faulty", "files", "--mirror", mirror.string(),
                   "--skip-source", "faulty", "--json"},
                  kFaultyEnv);
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out);
  ASSERT_EQ(j["runs"].size(), 1u);
  EXPECT_EQ(j["runs"][0]["source"], "files");
  EXPECT_EQ(j["runs"][0]["new"], 2);
}
