// Crawler trap bounds (crawl/crawler.hpp): a site whose links never end — a calendar that
// always links the next day, and new paths on every page — is crawled only as far as the depth,
// pages-per-host and query-variants bounds allow, and the summary counts what was skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>

#include "crawl/crawler.hpp"
#include "memory_sink.hpp"

namespace fs = std::filesystem;
using namespace senrei;

namespace {

const std::string kTrap = "http://trap.test/";

// Answers every URL at once: /cal?d=N links /cal?d=N+1 and /day/N/; /day/N/ links /day/N+1/.
class TrapFetcher : public Fetcher {
 public:
  void submit(FetchRequest r) override {
    requested.push_back(r.url);
    queue_.push_back(std::move(r));
  }
  std::vector<FetchResponse> poll(std::chrono::milliseconds) override {
    std::vector<FetchResponse> out;
    while (!queue_.empty()) {
      FetchResponse r;
      r.request = std::move(queue_.front());
      queue_.pop_front();
      r.final_url = r.request.url;
      r.status = 200;
      r.content_type = "text/html";
      int n = number_in(r.request.url);
      std::string links;
      if (r.request.url.find("cal?d=") != std::string::npos)
        links = "<a href=\"/cal?d=" + std::to_string(n + 1) + "\">次の日</a><a href=\"/day/" + std::to_string(n) +
                "/\">日</a>";
      else
        links = "<a href=\"/day/" + std::to_string(n + 1) + "/\">次</a>";
      r.body = "<html><head><meta charset=\"utf-8\"><title>" + r.request.url + "</title></head><body><p>予定 " +
               std::to_string(n) + "</p>" + links + "</body></html>";
      out.push_back(std::move(r));
    }
    return out;
  }
  size_t pending() const override { return queue_.size(); }

  std::vector<std::string> requested;

 private:
  static int number_in(const std::string& url) {
    size_t i = url.find_first_of("0123456789");
    return i == std::string::npos ? 0 : std::atoi(url.c_str() + i);
  }
  std::deque<FetchRequest> queue_;
};

class TrapSite : public Source {
 public:
  SourceInfo info() const override { return {"trap", "Trap", "tests", "1", kTrap}; }
  std::vector<std::string> seeds() const override { return {kTrap + "cal?d=0"}; }
  bool in_scope(std::string_view url) const override { return url.substr(0, kTrap.size()) == kTrap; }
  std::vector<Record> extract(const ParsedPage& page) const override {
    Record r;
    r.title = page.title;
    r.text = page.main_text();
    return {r};
  }
};

struct Run {
  CrawlSummary summary;
  std::vector<std::string> requested;
};

Run crawl(const CrawlOptions& options) {
  static int n = 0;
  auto dir = fs::temp_directory_path() / ("senrei-trap-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
  fs::remove_all(dir);
  fs::create_directories(dir);
  Run run;
  {
    CrawlState state(dir / "state.sqlite");
    BodyStore bodies(dir / "bodies");
    MemorySink sink;
    TrapFetcher fetcher;
    TrapSite site;
    run.summary = Crawler(state, bodies, sink).run(site, fetcher, options);
    run.requested = fetcher.requested;
  }
  fs::remove_all(dir);
  return run;
}

size_t count_containing(const std::vector<std::string>& urls, const std::string& part) {
  size_t n = 0;
  for (const auto& u : urls) n += u.find(part) != std::string::npos;
  return n;
}

}  // namespace

TEST(TrapBounds, QueryVariantsPerPath) {
  CrawlOptions o;
  o.max_query_variants = 12;
  o.max_depth = 40;
  auto r = crawl(o);
  EXPECT_EQ(count_containing(r.requested, "/cal?d="), 12u);  // the seed and 11 followed
  EXPECT_EQ(r.summary.skipped_by_limit["query_variants"], 1);  // d=12, found once, counted once
  EXPECT_EQ(r.summary.skipped_by_limit.count("pages_per_host"), 0u);
}

TEST(TrapBounds, PagesPerHost) {
  CrawlOptions o;
  o.max_pages_per_host = 30;
  o.max_depth = 1000;
  auto r = crawl(o);
  EXPECT_EQ(r.requested.size(), 30u);
  EXPECT_GT(r.summary.skipped_by_limit["pages_per_host"], 0);
  EXPECT_EQ(r.summary.new_pages, 30);
}

TEST(TrapBounds, DepthFromTheSeeds) {
  CrawlOptions o;
  o.max_depth = 5;
  auto r = crawl(o);
  // cal?d=N is N links from the seed, /day/N/ is N+1: depth ≤ 5 is cal d=0..5 and /day/0..4/.
  EXPECT_EQ(count_containing(r.requested, "/cal?d="), 6u);
  EXPECT_EQ(count_containing(r.requested, "/day/"), 5u);
  EXPECT_EQ(count_containing(r.requested, "/day/4/"), 1u);
  EXPECT_EQ(r.summary.skipped_by_limit["max_depth"], 2);  // cal?d=6 and /day/5/
}

TEST(TrapBounds, DefaultsStopAnEndlessCalendar) {
  CrawlOptions o;
  o.max_depth = 200;  // past the default 50, so the query-variants bound is what stops the calendar
  auto r = crawl(o);
  EXPECT_EQ(count_containing(r.requested, "/cal?d="), static_cast<size_t>(kDefaultMaxQueryVariants));
  EXPECT_LE(r.requested.size(), static_cast<size_t>(kDefaultMaxPagesPerHost));
}
