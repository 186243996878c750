// crawl/crawl_run.hpp, step "plan": what the plugin must answer before anything changes, the run
// begun or resumed, and the frontier filled.
#include "crawl/crawl_run.hpp"

#include "senrei/url.hpp"

namespace senrei {
namespace {

// A plugin call the run cannot start without failed: that source's run stops here.
[[noreturn]] void stop_before_start(PluginError error) {
  error.message += "; nothing was changed";
  throw PluginFailure(std::move(error));
}

std::vector<char> scope_or_stop(const PluginDoor& plugin, std::vector<std::string> urls) {
  auto scope = plugin.in_scope(std::move(urls));
  if (!scope) stop_before_start(scope.error());
  return std::move(*scope);
}

}  // namespace

CrawlRun::CrawlRun(CrawlState& state, BodyStore& bodies, RecordSink& sink, const Crawler::ProgressFn& progress,
                   const PluginDoor& plugin, Fetcher& fetcher, const CrawlOptions& options)
    : state_(state),
      bodies_(bodies),
      sink_(sink),
      progress_(progress),
      plugin_(plugin),
      fetcher_(fetcher),
      options_(options),
      name_(plugin.name()),
      extractor_(extractor_id(plugin.info())) {
  summary_.source = name_;
}

void CrawlRun::plan() {
  auto policy = plugin_.policy();
  if (!policy) stop_before_start(policy.error());
  FrontierBounds bounds;
  bounds.max_pages = options_.max_pages > 0 ? options_.max_pages : policy->max_pages;
  bounds.max_depth = options_.max_depth > 0   ? options_.max_depth
                     : policy->max_depth > 0 ? policy->max_depth
                                             : kDefaultMaxDepth;
  bounds.pages_per_host = options_.max_pages_per_host > 0 ? options_.max_pages_per_host : kDefaultMaxPagesPerHost;
  bounds.query_variants = options_.max_query_variants > 0 ? options_.max_query_variants : kDefaultMaxQueryVariants;
  frontier_.set_bounds(bounds);

  // A run that crashed on a page of this source (inside the plugin, or the extractor) left a
  // marker with the signal: skip that page once, so the crawl can get past it.  A run that was
  // only interrupted (killed) left one without: that page is simply done again.
  if (auto marker = state_.in_progress(); marker && marker->source == name_) {
    if (marker->signal != 0) {
      summary_.crashed_stage = marker->stage;
      summary_.crashed_url = marker->url;
    }
    state_.clear_in_progress();
  }
  // The scope of the pages the state has, asked before anything is changed: a plugin that does
  // not answer in time stops the run here, and no page is removed for it.
  std::vector<PageHead> stored = state_.heads(name_);
  std::vector<std::string> stored_urls;
  stored_urls.reserve(stored.size());
  for (const auto& page : stored) stored_urls.push_back(page.url);
  const std::vector<char> stored_in_scope = scope_or_stop(plugin_, std::move(stored_urls));
  // The seeds and the fetcher's known URLs (a mirror's files), with their scope, likewise.
  std::vector<std::string> starts;
  auto seeds = plugin_.seeds();
  if (!seeds) stop_before_start(seeds.error());
  for (const auto& seed : *seeds)
    if (auto c = canonicalize_url(seed)) starts.push_back(*c);
  for (auto& url : fetcher_.known_urls()) starts.push_back(std::move(url));
  const std::vector<char> starts_in_scope = scope_or_stop(plugin_, starts);

  // Begin or resume this source's run, in one transaction with its initial frontier.
  state_.begin();
  run_ = state_.begin_run(name_);
  summary_.resumed = run_.resumed;
  summary_.pages_before = static_cast<int64_t>(stored.size());
  // Missing pages are removed only as crawl/removal_policy.hpp allows, after the run.
  missing_since_ = state_.missing(name_);
  // A record the index holds but cannot read (a damaged docdata table) is left out of present_,
  // so it is made again from its stored body like one the index lacks.
  present_ = sink_.present_ids(name_);
  summary_.unreadable_records = sink_.unreadable_ids();
  admit_stored(std::move(stored), stored_in_scope);
  if (!options_.offline)
    for (size_t k = 0; k < starts.size(); ++k)
      if (starts_in_scope[k]) {
        linked_.insert(starts[k]);
        frontier_.admit(starts[k], 0, false);
      }
  enqueue_new(frontier_.take_new());
  state_.commit();
  last_flush_ = Clock::now();
}

// The pages the state has: out of scope → missing; a resumed run's pages as they were left; the
// others admitted again.
void CrawlRun::admit_stored(std::vector<PageHead> stored, const std::vector<char>& in_scope) {
  known_.reserve(stored.size());
  for (size_t k = 0; k < stored.size(); ++k) {
    auto& page = stored[k];
    if (!options_.offline && !in_scope[k]) {  // left the scope: missing
      auto full = state_.get(name_, page.url);
      note_missing(page.url, "out_of_scope", full ? full->record_ids : std::vector<std::string>{});
      known_.insert(std::move(page.url));
      continue;
    }
    if (run_.resumed && page.generation == run_.generation && !options_.offline) {
      frontier_.hold(page.url);
      if (page.state == "queued") frontier_.push(page.url, page.depth);
    } else {
      frontier_.admit(page.url, page.depth, false);
    }
    known_.insert(std::move(page.url));
  }
}

// Only URLs the state does not have yet are written as queued: a page it has from an earlier
// run is admitted again from its row if this run is killed and resumed, so rewriting every row
// here (and again when done) would only double a re-run's writes.
void CrawlRun::enqueue_new(const std::vector<std::pair<std::string, int>>& urls) {
  for (const auto& [url, depth] : urls)
    if (!known_.count(url)) state_.enqueue(name_, url, depth, run_.generation);
}

}  // namespace senrei
