// crawl/crawl_run.hpp — one run of the crawl loop (Crawler::run), in named steps.
//
// The steps, each in its own file, in the order a page meets them:
//   plan      (run_plan.cpp)     ask the plugin what it must answer before anything changes (its
//                                policy, the scope of the stored pages, the seeds), begin or
//                                resume the run in the crawl state, and fill the Frontier
//                                (crawl/frontier.hpp) with the stored pages, seeds and a mirror's
//                                files;
//   fetch     (run_fetch.cpp)    the loop: hand queued URLs to the fetcher (or answer them from a
//                                stored body when the index lacks their records, or on reindex),
//                                take the responses, commit by batch, report progress;
//   response  (run_response.cpp) what a response means for the page: missing (404/410), failed,
//                                a redirect (an alias of its target), not modified, unchanged;
//   identity  (run_identity.cpp) one record per document (crawl/document_identity.hpp): aliases
//                                for the same bytes, redirects and canonicals, and the end-of-run
//                                folding;
//   records   (run_records.cpp)  extract + fields through the plugin's door (crawl/page_processor),
//                                store the body, replace the page's records, follow its links;
//   commit    (run_commit.cpp)   the batch order that makes a run resumable: bodies synced, then
//                                the index committed (on its own thread while the loop goes on),
//                                then the batch's rows in the crawl state;
//   removal   (run_removal.cpp)  the run's end: pages found missing go as crawl/removal_policy.hpp
//                                allows, and the run is closed.
// Internal to crawl/ (Crawler is the public face, crawl/crawler.hpp states the behaviour).  One
// CrawlRun per run; not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crawl/crawler.hpp"
#include "crawl/document_identity.hpp"
#include "crawl/frontier.hpp"
#include "crawl/page_processor.hpp"
#include "plugin/plugin_door.hpp"

namespace senrei {

class CrawlRun {
 public:
  CrawlRun(CrawlState& state, BodyStore& bodies, RecordSink& sink, const Crawler::ProgressFn& progress,
           const PluginDoor& plugin, Fetcher& fetcher, const CrawlOptions& options);
  // Throws PluginFailure when a call the run cannot start without fails (nothing was changed).
  CrawlSummary run();

 private:
  using Clock = std::chrono::steady_clock;

  // plan
  void plan();
  void admit_stored(std::vector<PageHead> stored, const std::vector<char>& in_scope);
  void enqueue_new(const std::vector<std::pair<std::string, int>>& urls);
  // fetch
  void submit_ready();
  void take_responses();
  void report(bool force);
  // response
  void take(FetchResponse& r);
  bool take_missing(PageState& page, const FetchResponse& r, bool had_page);
  void take_failed(PageState& page, const FetchResponse& r);
  bool follow_redirect(PageState& page, FetchResponse& r, bool& had_page);
  void take_not_modified(PageState& page);
  void take_body(PageState& page, FetchResponse& r, bool had_page, bool rebuilding);
  // identity
  void alias_to(PageState& page, const std::string& owner, const char* reason);
  bool fold_body(PageState& page, const std::string& sha);
  void fold_documents();
  // records
  void make_records(PageState& page, FetchResponse& r, const std::string& sha, bool had_page, bool rebuilding = false);
  PageOutcome outcome_for(PageState& page, FetchResponse& r, FailureCause& cause);
  void keep_records(PageState& page, PageOutcome& outcome, const std::string& sha);
  void requeue_links(const PageState& page);
  void fail(const std::string& url, const std::string& kind, const std::string& message,
            FailureCause cause = FailureCause::page);
  void note_missing(const std::string& url, std::string reason, std::vector<std::string> record_ids);
  // The links of a page (read now, or its last version when not) count as links to stored pages.
  void note_links(const PageState& page);
  // A page not read in this run with no earlier version: its links are unknown.
  void note_unread(const PageState& page, const std::string& kind);
  // commit
  void flush();
  void settle();
  PageState* pending_row(const std::string& url);
  // removal
  void finish();
  void note_not_linked(std::unordered_set<std::string>& still_missing);
  CrawlSummary summarize();

  CrawlState& state_;
  BodyStore& bodies_;
  RecordSink& sink_;
  const Crawler::ProgressFn& progress_;
  const PluginDoor& plugin_;
  Fetcher& fetcher_;
  const CrawlOptions& options_;
  const Clock::time_point start_ = Clock::now();
  const std::string name_;
  const std::string extractor_;

  CrawlSummary summary_;
  Frontier frontier_;
  Run run_;
  // Every URL the state has a row for (its lists are read when the page is fetched, a window of
  // rows at a time in URL order: a 200,000-page site's links would not fit the memory bound).
  std::unordered_set<std::string> known_;
  std::unordered_map<std::string, PageState> in_flight_;
  std::vector<FetchResponse> from_store_;      // answered from stored bodies, not the fetcher
  std::unordered_set<std::string> from_body_;  // their URLs
  // What the index holds of this source: a page whose records it lacks is made again from its
  // stored body (F1).
  std::optional<std::unordered_set<std::string>> present_;
  bool plugin_disabled_ = false;
  std::string disabled_reason_;
  std::map<std::string, int64_t> missing_since_;
  std::vector<MissingPage> missing_now_;
  // Every stored URL this run found a way to: a seed, a mirror's file, a link of a page read (or,
  // for a page that failed, of its last version), a redirect's or canonical's target.  A stored
  // page outside it is still served but no longer linked: evidence that it is gone
  // (removal_policy.hpp).  Only stored pages, so memory is bounded by the state.
  std::unordered_set<std::string> linked_;
  // Set when a page this run could not read had no earlier version, so its links are unknown
  // (a refusal by robots.txt, scope or address never has any): no page is then "not linked".
  bool links_unknown_ = false;

  // commit: rows to save and touch at the next flush, and the batch being committed.
  struct Batch {
    std::uint64_t ticket = 0;
    std::vector<std::pair<std::string, int>> new_urls;
    std::vector<PageState> finished;
    std::vector<std::pair<std::string, int>> touched;
  };
  std::vector<PageState> finished_;
  std::vector<std::pair<std::string, int>> touched_;  // (url, depth) done again, nothing else changed
  std::optional<Batch> committing_;
  Clock::time_point last_flush_ = Clock::now();

  // identity: the run's evidence, and every page this run left as an alias (URL → owner).
  DocumentFolding documents_;
  std::unordered_map<std::string, std::string> alias_now_;

  int64_t done_ = 0;
  Clock::time_point last_progress_ = start_;
};

}  // namespace senrei
