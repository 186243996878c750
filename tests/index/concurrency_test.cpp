// Searching while a writer commits (another thread, another process), and search latency.
#include "index_fixture.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace senrei::index::test {
namespace {

constexpr int kBatch = 10;
constexpr int kCommits = 20;

Record numbered(int i) {
  return make_record("r" + std::to_string(i), "navi", RecordKind::faq, "連携の事例" + std::to_string(i),
                     "地域医療情報連携ネットワークの費用と参加機関について。" + std::to_string(i),
                     {number_field("start_year", 2000 + i % 20)});
}

void write_batches(const std::filesystem::path& dir) {
  IndexWriter w(dir);
  for (int c = 0; c < kCommits; ++c) {
    for (int k = 0; k < kBatch; ++k) w.replace(numbered(c * kBatch + k));
    w.commit();
    // Spread the commits over ~200 ms, so searches overlap them even on a loaded machine
    // (a fast writer could otherwise finish before the first search).
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Every search sees whole commits only: totals are multiples of the batch and never shrink.
void search_until(const std::filesystem::path& dir, const std::function<bool()>& done) {
  Searcher s(dir);
  SearchRequest req;
  req.query = "連携 kind:faq";
  req.limit = 5;
  req.facets = true;
  Xapian::doccount last = 0;
  int searches = 0;
  for (;;) {
    bool finished = done();
    s.reopen();
    auto r = s.search(req);
    ASSERT_TRUE(r.total_exact);
    ASSERT_EQ(r.total % kBatch, 0u) << "half a commit seen: " << r.total;
    ASSERT_GE(r.total, last);
    ASSERT_EQ(r.facets[0].values.empty() ? 0u : r.facets[0].values[0].count, r.total);
    last = r.total;
    ++searches;
    if (finished) break;
  }
  EXPECT_EQ(last, static_cast<Xapian::doccount>(kBatch * kCommits));
  EXPECT_GT(searches, 1);
}

TEST_F(IndexTest, SearchWhileAnotherThreadCommits) {
  { IndexWriter w(dir_); }  // an empty index to open
  std::atomic<bool> done{false};
  std::thread writer([&] {
    write_batches(dir_);
    done = true;
  });
  search_until(dir_, [&] { return done.load(); });
  writer.join();
}

TEST_F(IndexTest, SearchWhileAnotherProcessCommits) {
  { IndexWriter w(dir_); }
  std::fflush(nullptr);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int code = 0;
    try {
      write_batches(dir_);
    } catch (...) {
      code = 1;
    }
    _exit(code);
  }
  int status = 0;
  bool exited = false;
  search_until(dir_, [&] {
    if (!exited && waitpid(child, &status, WNOHANG) == child) exited = true;
    return exited;
  });
  if (!exited) waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// Not an assertion: prints the search latency on a few hundred records.
TEST_F(IndexTest, MeasureSearchLatency) {
  const char* words[] = {"京都", "東京", "長崎", "島根", "岡山", "滋賀", "福岡", "山形", "佐賀", "新潟"};
  const char* topics[] = {"構築費用", "運用費用", "参加機関", "同意取得", "会費", "地域医療再生基金", "SS-MIX2", "ID-Link"};
  constexpr int kRecords = 400;
  auto t0 = std::chrono::steady_clock::now();
  {
    IndexWriter w(dir_);
    for (int i = 0; i < kRecords; ++i) {
      std::string text;
      for (int k = 0; k < 40; ++k)
        text += std::string(words[(i + k) % 10]) + "県の" + topics[(i * 7 + k) % 8] + "は平成" + std::to_string(20 + k % 10) +
                "年度に" + std::to_string(1000 + i * k) + "万円でした。";
      w.replace(make_record("p" + std::to_string(i), i % 3 ? "navi" : "mhlw",
                            i % 2 ? RecordKind::case_overview : RecordKind::faq,
                            std::string(words[i % 10]) + "の医療情報連携ネットワーク" + std::to_string(i), text,
                            {number_field("start_year", 2004 + i % 15), number_field("build_cost_yen", 1e7 * (i % 50)),
                             text_field("prefecture", std::string(words[i % 10]) + "県"),
                             items_field("funding_sources", {i % 2 ? "member_fees" : "national_subsidy"})}));
    }
    w.commit();
  }
  auto t1 = std::chrono::steady_clock::now();
  Searcher s(dir_);
  const char* queries[] = {"京都", "構築費用 長崎", "\"医療情報連携\"", "ズンドコ", "会費 OR 基金 -東京",
                           "kind:faq year:2010..2015", "参加機関 build:1億..3億", "同意取得 fund:会費"};
  for (bool facets : {false, true}) {
    for (const char* q : queries) {
      SearchRequest req;
      req.query = q;
      req.facets = facets;
      s.search(req);  // warm
      constexpr int kRuns = 20;
      auto a = std::chrono::steady_clock::now();
      Xapian::doccount total = 0;
      for (int k = 0; k < kRuns; ++k) total = s.search(req).total;
      auto b = std::chrono::steady_clock::now();
      std::printf("[ latency  ] %-28s facets=%d total=%4u  %.2f ms/search (10 hits with snippets)\n", q, facets,
                  total, std::chrono::duration<double, std::milli>(b - a).count() / kRuns);
    }
  }
  std::printf("[ indexing ] %d records (~2.5 KB text each) in %.0f ms\n", kRecords,
              std::chrono::duration<double, std::milli>(t1 - t0).count());
}

}  // namespace
}  // namespace senrei::index::test
