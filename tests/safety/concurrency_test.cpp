// Concurrent use of one workspace through the real binary: searches in several processes while
// a crawl writes, and a second crawl refused while the first holds the workspace (issue 8).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "process_support.hpp"
#include "safety_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

std::string generate_mirror(const ScratchDir& dir, int pages) {
  const std::string cmd = "python3 " + std::string(SENREI_SOURCE_DIR) + "/bench/gen_corpus.py --out " +
                          (dir / "gen").string() + " --pages " + std::to_string(pages) + " --seed 5 >/dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return (dir / "gen" / "renkei-support.mhlw.go.jp").string();
}

// The pid named in the workspace's lock file ("pid N: what"), or 0.
pid_t lock_holder(const fs::path& data) {
  std::string line = slurp(data / "lock");
  if (line.rfind("pid ", 0) != 0) return 0;
  return static_cast<pid_t>(std::atol(line.c_str() + 4));
}

}  // namespace

TEST(Concurrency, SearchesInSeveralProcessesWhileACrawlWrites) {
  ScratchDir dir("concurrent-search");
  const std::string mirror = generate_mirror(dir, 200);
  const std::string data = (dir / "data").string();
  const pid_t crawl = spawn_senrei({"--data", data, "crawl", "renkei-navi", "--mirror", mirror, "--commit-pages", "10"},
                                   (dir / "crawl.log").string());

  std::atomic<bool> crawling{true};
  std::atomic<int> answered{0}, grew{0};
  std::vector<std::string> problems[3];
  std::vector<std::thread> searchers;
  for (int t = 0; t < 3; ++t) {
    searchers.emplace_back([&, t] {
      const std::string out = (dir / ("search-" + std::to_string(t) + ".out")).string();
      const std::string err = (dir / ("search-" + std::to_string(t) + ".err")).string();
      long last_total = -1;
      while (crawling.load()) {
        fs::remove(out);
        fs::remove(err);
        const int status = wait_for(spawn_senrei({"--data", data, "search", "連携", "--json"}, out, err));
        const std::string message = slurp(err);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 1 && last_total < 0 &&
            (message.find("no senrei data") != std::string::npos || message.find("no index") != std::string::npos))
          continue;  // the crawl has not created the workspace or the index yet
        // Exit 1 with no message: nothing matched yet (docs/query.md); the JSON says total 0.
        const bool nothing_yet = WIFEXITED(status) && WEXITSTATUS(status) == 1 && message.empty();
        if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && !nothing_yet)) {
          problems[t].push_back("status " + std::to_string(status) + ": " + message);
          continue;
        }
        long total = 0;
        try {
          total = json::parse(slurp(out))["total"].get<long>();
        } catch (const std::exception& e) {
          problems[t].push_back(std::string("unreadable JSON: ") + e.what());
          continue;
        }
        // A fresh ingest only adds records: a search never sees fewer than one before it.
        if (total < last_total) problems[t].push_back("total went from " + std::to_string(last_total) + " to " +
                                                      std::to_string(total));
        if (total > last_total && last_total > 0) ++grew;
        last_total = total;
        ++answered;
      }
    });
  }
  const int status = wait_for(crawl);
  crawling = false;
  for (auto& s : searchers) s.join();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << slurp(dir / "crawl.log");
  for (const auto& p : problems)
    for (const auto& line : p) ADD_FAILURE() << line;
  EXPECT_GT(answered.load(), 3);
  EXPECT_GT(grew.load(), 0) << "no search saw the index grow: the crawl ended before the searches overlapped it";

  // After the crawl, the index holds a record for every page of the mirror.
  size_t pages = 0;
  for (const auto& f : fs::recursive_directory_iterator(mirror)) pages += f.is_regular_file();
  EXPECT_EQ(exported_records(data).size(), pages);
}

TEST(Concurrency, SecondCrawlIsRefusedNamingTheHolderAndNothingIsCorrupted) {
  ScratchDir dir("two-crawls");
  const std::string mirror = generate_mirror(dir, 200);
  const fs::path data = dir / "data";

  // The reference: the same mirror crawled alone.
  auto alone = senrei({"--data", (dir / "alone").string(), "crawl", "renkei-navi", "--mirror", mirror});
  ASSERT_EQ(alone.status, 0) << alone.err;
  const auto reference = exported_records((dir / "alone").string());

  const pid_t first = spawn_senrei({"--data", data.string(), "crawl", "renkei-navi", "--mirror", mirror},
                                   (dir / "first.log").string());
  // Wait until the first crawl holds the workspace.
  for (int i = 0; i < 3000 && lock_holder(data) != first; ++i) ::usleep(2000);
  ASSERT_EQ(lock_holder(data), first) << "the first crawl never took the lock";

  auto second = senrei({"--data", data.string(), "crawl", "files", "--mirror", mirror});
  int first_status = 0;
  const bool first_still_running = ::waitpid(first, &first_status, WNOHANG) == 0;
  EXPECT_EQ(second.status, 1) << second.out << second.err;
  EXPECT_EQ(count_lines(second.err), 1u) << second.err;
  EXPECT_NE(second.err.find("is in use by another writer (pid " + std::to_string(first) +
                            ": senrei crawl renkei-navi)"),
            std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("wait for it to finish"), std::string::npos) << second.err;

  if (first_still_running) first_status = wait_for(first);
  ASSERT_TRUE(WIFEXITED(first_status) && WEXITSTATUS(first_status) == 0) << slurp(dir / "first.log");
  // The refused crawl touched nothing: the first one's records are exactly a lone crawl's.
  EXPECT_EQ(exported_records(data.string()), reference);
  // And the workspace is free again.
  auto third = senrei({"--data", data.string(), "crawl", "renkei-navi", "--mirror", mirror, "--json"});
  ASSERT_EQ(third.status, 0) << third.err;
  const auto run = json::parse(third.out)["runs"][0];
  EXPECT_EQ(run["new"], 0);
  EXPECT_EQ(run["changed"], 0);
  EXPECT_EQ(run["failed"], 0);
  EXPECT_EQ(exported_records(data.string()), reference);
}
