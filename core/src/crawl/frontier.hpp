// crawl/frontier.hpp — the crawl's schedule: which URLs this run will fetch, in order, and which
// a bound refused.
//
// A URL is admitted once per run (queued or done: seen()).  admit() applies the bounds: depth
// (max_depth) and the run's total (max_pages) to every URL, and the trap bounds (pages per host,
// query strings per path) to URLs found by following links (`followed`); a refused URL is
// counted once under its bound in skipped().  hold() counts a URL as admitted without queueing
// it (a resumed run's finished pages, a redirect's target), push() queues one without the
// bounds (a resumed run's queued pages).  The URLs admitted since take_new() are kept for the
// crawl state's queue (crawl/crawl_run.hpp writes them).  Pure bookkeeping, no I/O; not
// thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace senrei {

struct QueuedUrl {
  std::string url;
  int depth;
};

struct FrontierBounds {
  int max_pages = 0;  // 0: no limit
  int max_depth = 0;
  int pages_per_host = 0;
  int query_variants = 0;
};

class Frontier {
 public:
  void set_bounds(const FrontierBounds& bounds) { bounds_ = bounds; }

  // Queues `url` unless seen in this run or refused by a bound.
  void admit(const std::string& url, int depth, bool followed);
  void hold(const std::string& url);
  void push(const std::string& url, int depth) { queue_.push_back({url, depth}); }

  bool seen(const std::string& url) const { return seen_.count(url) > 0; }
  bool empty() const { return queue_.empty(); }
  size_t size() const { return queue_.size(); }
  QueuedUrl pop();
  // The URLs admit() queued since the last call, with their depth.
  std::vector<std::pair<std::string, int>> take_new();
  // Bound → distinct URLs it refused: "max_pages", "max_depth", "pages_per_host", "query_variants".
  const std::map<std::string, int64_t>& skipped() const { return skipped_; }

 private:
  void skip(const std::string& url, const char* bound);
  bool within_trap_bounds(const std::string& url, bool followed);

  FrontierBounds bounds_;
  std::deque<QueuedUrl> queue_;
  std::unordered_set<std::string> seen_;
  std::vector<std::pair<std::string, int>> new_urls_;
  int64_t admitted_ = 0;
  std::unordered_map<std::string, int> host_pages_;     // origin → URLs admitted
  std::unordered_map<std::string, int> path_variants_;  // origin + path → query URLs admitted
  std::unordered_set<std::string> limited_;             // URLs refused by a bound, counted once
  std::map<std::string, int64_t> skipped_;
};

}  // namespace senrei
