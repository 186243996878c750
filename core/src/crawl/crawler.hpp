// crawl/crawler.hpp — the crawl loop: one source, one fetcher, into the store and the index.
//
// A run re-queues every page the source had (so a page that now answers 404/410 is found
// missing, and removed as crawl/removal_policy.hpp allows), its seeds, and the fetcher's known URLs (a mirror's files); then fetches, stores the
// body by sha256, extracts, and replaces the page's records.  A page whose body (sha256) and
// extractor are unchanged, or that answers 304, rewrites nothing — unless the index lacks its
// records (deleted, rebuilt, behind the state): then they are made again from the stored body,
// without fetching it.  A page that left the source's scope counts as missing, and so does one
// still served that no page, seed or mirror file of a complete run leads to (not linked).  Records and the crawl state are committed in batches, the bodies
// synced and the index committed first (on the index writer's thread, while the loop reads the
// next batch), the batch's rows after, so a run killed at any moment resumes where it stopped
// (the same generation) and never refetches a page it had finished.  The state is read a page
// at a time (only every URL is held), so memory does not grow with the pages' links.  A failure on one page (network, extraction, plugin)
// keeps that page's previous records.  A plugin that hangs is cut off at a time limit and
// disabled for the rest of the run; a process that crashes inside a plugin leaves a marker in
// the crawl state (with crawl/crash_note.hpp), and the next run skips that page once.
// A document met under several URLs (a redirect, the same bytes, an in-scope same-site
// rel=canonical) has its records under one URL; the others are kept as its aliases in the crawl
// state (crawl/document_identity.hpp).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crawl/record_sink.hpp"
#include "crawl/removal_policy.hpp"
#include "fetch/fetcher.hpp"
#include "plugin/plugin_error.hpp"
#include "senrei/plugin.hpp"
#include "store/body_store.hpp"
#include "store/crawl_state.hpp"

namespace senrei {

// Trap bounds (calendars, session ids, sort orders that make endless URLs) for links found by
// following pages; seeds, a mirror's files and pages already known are not refused by them
// (except max_pages and max_depth, which bound everything).
inline constexpr int kDefaultMaxDepth = 50;
inline constexpr int kDefaultMaxPagesPerHost = 50000;
inline constexpr int kDefaultMaxQueryVariants = 100;

// Unchanged pages a commit may wait for, per changed page (CrawlOptions::batch_pages).
inline constexpr size_t kUnchangedPerChanged = 50;

struct CrawlOptions {
  int max_pages = 0;           // 0: the source's policy, else no limit
  int max_depth = 0;           // 0: the source's policy, else kDefaultMaxDepth
  int max_pages_per_host = 0;  // 0: kDefaultMaxPagesPerHost
  int max_query_variants = 0;  // distinct query strings per path; 0: kDefaultMaxQueryVariants
  size_t batch_pages = 200;    // changed pages per index + state commit (unchanged ones:
                               // kUnchangedPerChanged times as many) …
  double batch_seconds = 2.0;  // … or this long since the last one, whichever comes first
  size_t max_in_flight = 64;
  // One call into the plugin may take this long; a plugin that overruns fails that page and is
  // disabled for the rest of the run (plugin/plugin_door.hpp).  0: no limit.
  double plugin_time_limit_seconds = 30;
  // Remove every page found missing now, whatever the share (crawl/removal_policy.hpp).
  bool prune = false;
  // Fetch nothing: every page the state has a stored body for is extracted again from it, and
  // no link is followed (`senrei reindex`).
  bool offline = false;
  // Set (by a SIGINT/SIGTERM handler) to stop: what is done is committed, the run stays open and
  // the next one resumes it.
  const std::atomic<bool>* stop = nullptr;
};

struct CrawlProgress {
  int64_t done = 0;
  int64_t queued = 0;
  int64_t errors = 0;
  double seconds = 0;
};

// Where a page's failure came from: the page itself (the network, the server, extraction), its
// source's plugin (a PluginError, or the plugin disabled after one), or a crash the last run
// died of on that page.  A failure of the plugin or a crash makes `senrei crawl` exit 1.
enum class FailureCause { page, plugin, crash };

struct CrawlFailure {
  std::string url;
  std::string kind;  // the reason as stored and printed: "http_404", "plugin", "plugin_timeout", ...
  std::string message;
  FailureCause cause = FailureCause::page;
};

struct CrawlSummary {
  std::string source;
  bool resumed = false;
  int64_t fetched = 0;       // responses with a body (200)
  int64_t not_modified = 0;  // 304
  int64_t unchanged = 0;     // 200 with the same body as stored
  int64_t new_pages = 0;
  int64_t changed = 0;
  int64_t removed = 0;
  int64_t records = 0;       // records written (replaced) in this run
  int64_t rebuilt = 0;       // pages extracted again from their stored body (index behind, reindex)
  // Records the index held but could not read when the run began (a damaged index): made again
  // from their stored bodies like the ones it lacked (counted in `rebuilt`).
  std::vector<std::string> unreadable_records;
  // Pages found missing (404/410, file gone, out of scope, still served but no longer linked from
  // any page of the source) and what was done about them.
  int64_t pages_before = 0;      // pages the source had when the run began
  int64_t missing = 0;           // found missing in this run
  int64_t missing_first = 0;     // of which missing for the first time: kept, removed if still missing a day on
  int64_t missing_waiting = 0;   // of which missing before, less than a day ago: kept
  bool removal_refused = false;  // more than kMaxRemovalShare missing: nothing removed
  double missing_share = 0;      // missing / pages_before
  bool interrupted = false;      // stopped by CrawlOptions::stop: the next run resumes
  std::map<std::string, int64_t> failed_by_reason;
  // Links not queued because of a bound: "max_pages", "max_depth", "pages_per_host",
  // "query_variants" → distinct URLs.
  std::map<std::string, int64_t> skipped_by_limit;
  std::vector<std::string> removed_urls;
  std::vector<std::string> removed_reasons;  // removed_urls[i]'s evidence: "http_404", "http_410", "out_of_scope", "not_linked"
  // The pages found missing by their evidence (the same reasons), whatever was done about them.
  std::map<std::string, int64_t> missing_by_reason;
  std::vector<CrawlFailure> failures;
  // Pages extracted in this run by the limit or repair that marked them: "truncated",
  // "depth_capped", "charset_replaced", "no_text_layer", ... (extract/extract.hpp).
  std::map<std::string, int64_t> flagged;
  // Set when the last run of this source died while working on a page (a crash in the plugin or
  // the extractor): "plugin" or "extract", and that URL, which this run skipped.
  std::string crashed_stage;
  std::string crashed_url;
  double seconds = 0;
  int64_t failed() const;
};

// Crawler::run throws PluginFailure (plugin/plugin_error.hpp) when a plugin call it cannot
// start without (info, policy, seeds, the scope of the stored pages and the seeds) fails or
// does not return in time: nothing of that source was changed.
class Crawler {
 public:
  using ProgressFn = std::function<void(const CrawlProgress&)>;
  Crawler(CrawlState& state, BodyStore& bodies, RecordSink& sink) : state_(state), bodies_(bodies), sink_(sink) {}
  void on_progress(ProgressFn fn) { progress_ = std::move(fn); }

  CrawlSummary run(const Source& source, Fetcher& fetcher, const CrawlOptions& options = {});

 private:
  CrawlState& state_;
  BodyStore& bodies_;
  RecordSink& sink_;
  ProgressFn progress_;
};

// At the end of a run: decides what happens to the pages found missing (decide_removals), then
// removes the records and rows of those that go (committed), remembers when the others were
// first missing, and fills the summary's missing/removed counts.  (crawl/removal_policy.cpp)
void apply_removals(CrawlState& state, RecordSink& sink, const std::string& source,
                    const std::vector<MissingPage>& missing, bool prune, CrawlSummary& summary);

// The string stored with a page's records: which plugin and host made them.  A change of
// either re-extracts unchanged bodies.
std::string extractor_id(const SourceInfo& info);

}  // namespace senrei
