// Searching while a writer commits (another thread, another process), and search latency.
#include "index_fixture.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
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

// The same queries give the same totals on every run, with or without facets, and the filter
// queries count exactly the records the writer gave those fields.  (Timings are bench/'s job:
// bench/run.sh measures search latency against quest and recollq.)
TEST_F(IndexTest, RepeatedSearchesGiveStableExactTotals) {
  const char* words[] = {"京都", "東京", "長崎", "島根", "岡山", "滋賀", "福岡", "山形", "佐賀", "新潟"};
  const char* topics[] = {"構築費用", "運用費用", "参加機関", "同意取得", "会費", "地域医療再生基金", "SS-MIX2", "ID-Link"};
  constexpr int kRecords = 400;
  int faq_2010_2015 = 0;
  {
    IndexWriter w(dir_);
    for (int i = 0; i < kRecords; ++i) {
      std::string text;
      for (int k = 0; k < 40; ++k)
        text += std::string(words[(i + k) % 10]) + "県の" + topics[(i * 7 + k) % 8] + "は平成" + std::to_string(20 + k % 10) +
                "年度に" + std::to_string(1000 + i * k) + "万円でした。";
      const int year = 2004 + i % 15;
      const bool faq = i % 2 == 0;
      if (faq && year >= 2010 && year <= 2015) ++faq_2010_2015;
      w.replace(make_record("p" + std::to_string(i), i % 3 ? "navi" : "mhlw",
                            faq ? RecordKind::faq : RecordKind::case_overview,
                            std::string(words[i % 10]) + "の医療情報連携ネットワーク" + std::to_string(i), text,
                            {number_field("start_year", year), number_field("build_cost_yen", 1e7 * (i % 50)),
                             text_field("prefecture", std::string(words[i % 10]) + "県"),
                             items_field("funding_sources", {i % 2 ? "member_fees" : "national_subsidy"})}));
    }
    w.commit();
  }
  Searcher s(dir_);
  struct Expected {
    const char* query;
    long total;  // -1: some, not counted here
  };
  const Expected queries[] = {{"京都", -1},
                              {"構築費用 長崎", -1},
                              {"\"医療情報連携\"", kRecords},  // every title says it
                              {"ズンドコ", 0},
                              {"会費 OR 基金 -東京", -1},
                              {"kind:faq year:2010..2015", faq_2010_2015},
                              {"kind:faq", kRecords / 2},
                              {"参加機関 build:1億..3億", -1}};
  for (const auto& q : queries) {
    long first = -1;
    for (bool facets : {false, true}) {
      for (int run = 0; run < 3; ++run) {
        SearchRequest req;
        req.query = q.query;
        req.facets = facets;
        req.exact_total = true;
        long total = static_cast<long>(s.search(req).total);
        if (first < 0) first = total;
        EXPECT_EQ(total, first) << q.query << " facets=" << facets << " run " << run;
      }
    }
    if (q.total >= 0)
      EXPECT_EQ(first, q.total) << q.query;
    else
      EXPECT_GT(first, 0) << q.query;
  }
}

}  // namespace
}  // namespace senrei::index::test
