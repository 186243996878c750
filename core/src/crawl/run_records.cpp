// crawl/crawl_run.hpp, step "records": a fetched body stored, extracted through the plugin's
// door (crawl/page_processor.hpp), and the page's records replaced; its links followed.  A
// failure keeps the page's previous records.
#include <unordered_set>

#include "crawl/crawl_run.hpp"

namespace senrei {

void CrawlRun::fail(const std::string& url, const std::string& kind, const std::string& message, FailureCause cause) {
  ++summary_.failed_by_reason[kind];
  summary_.failures.push_back({url, kind, message, cause});
}

void CrawlRun::note_missing(const std::string& url, std::string reason, std::vector<std::string> record_ids) {
  auto it = missing_since_.find(url);
  missing_now_.push_back({url, std::move(reason), it == missing_since_.end() ? 0 : it->second, std::move(record_ids)});
}

void CrawlRun::note_links(const PageState& page) {  // (only stored pages can be "not linked")
  for (const auto& l : page.links)
    if (known_.count(l)) linked_.insert(l);
}

void CrawlRun::note_unread(const PageState& page, const std::string& kind) {
  static const std::unordered_set<std::string> never_read = {"robots", "scope", "private_address", "protocol",
                                                              "redirect_limit", "not_found"};
  if (page.sha256.empty() && !never_read.count(kind)) links_unknown_ = true;
}

void CrawlRun::requeue_links(const PageState& page) {
  note_links(page);
  if (plugin_disabled_ || options_.offline) return;  // a reindex follows no link
  std::vector<std::string> unseen;  // (seen first: most links of a re-run are, and cost no plugin call)
  for (const auto& l : page.links)
    if (!frontier_.seen(l)) unseen.push_back(l);
  auto scope = plugin_.in_scope(unseen);
  if (!scope) {  // (only a timeout: a URL the plugin throws on is out of scope)
    plugin_disabled_ = true;
    disabled_reason_ = "plugin '" + name_ + "' was disabled for this run after it did not return on " + page.url;
    fail(page.url, failure_reason(scope.error().kind), scope.error().message, FailureCause::plugin);
    return;
  }
  for (size_t k = 0; k < unseen.size(); ++k)
    if ((*scope)[k]) frontier_.admit(unseen[k], page.depth + 1, true);
}

// The page's records from the plugin, or why there are none: the plugin disabled in this run,
// the page the last run crashed on (skipped once), or what process_page() says.
PageOutcome CrawlRun::outcome_for(PageState& page, FetchResponse& r, FailureCause& cause) {
  PageOutcome outcome;
  if (plugin_disabled_) {
    cause = FailureCause::plugin;
    outcome.error_kind = "plugin_disabled";
    outcome.error = disabled_reason_;
    return outcome;
  }
  if (page.url == summary_.crashed_url) {
    cause = FailureCause::crash;
    outcome.error_kind = "crashed";
    outcome.error = "the last crawl died on this page in " +
                    (summary_.crashed_stage == "plugin" ? "plugin '" + name_ + "'" : std::string("the extractor")) +
                    "; skipped once (run again to retry it, or leave the source out with --skip-source " + name_ + ")";
    return outcome;
  }
  outcome = process_page(plugin_, r, [&](const char* stage) { state_.mark_in_progress(name_, page.url, stage); });
  state_.clear_in_progress();
  if (outcome.plugin_error) cause = FailureCause::plugin;
  if (outcome.plugin_error && outcome.plugin_error->kind == PluginErrorKind::timeout) {
    plugin_disabled_ = true;
    disabled_reason_ = "plugin '" + name_ + "' was disabled for this run after it did not return on " + page.url;
  }
  return outcome;
}

// Replaces the page's records with the outcome's, and keeps its links and flags.
void CrawlRun::keep_records(PageState& page, PageOutcome& outcome, const std::string& sha) {
  std::unordered_set<std::string> new_ids;
  for (const auto& rec : outcome.records) {
    sink_.replace(rec);
    new_ids.insert(rec.id);
    ++summary_.records;
  }
  for (const auto& old : page.record_ids)
    if (!new_ids.count(old)) sink_.remove(old);
  page.record_ids.clear();
  for (const auto& rec : outcome.records) page.record_ids.push_back(rec.id);
  page.links = outcome.links;
  page.flags = outcome.flags;
  for (const auto& f : outcome.flags) ++summary_.flagged[f];
  page.sha256 = sha;
  page.extractor = extractor_;
  page.alias_of.clear();
  page.alias_reason.clear();
  alias_now_.erase(page.url);
}

// Extracts a fetched body into `page`'s records, replacing the ones it had; a failure keeps them.
// `rebuilding`: made again from its stored body (an index behind the state, or a reindex),
// counted as rebuilt where it was read, not as changed.
void CrawlRun::make_records(PageState& page, FetchResponse& r, const std::string& sha, bool had_page,
                            bool rebuilding) {
  bodies_.put(r.body);  // throws on a full disk: the run stops, what is committed stays
  FailureCause cause = FailureCause::page;
  PageOutcome outcome = outcome_for(page, r, cause);
  if (!outcome.ok()) {
    // Keep the previous records; try again next run (sha not recorded as processed, and
    // no validators kept, or the next run's conditional request would skip it).
    page.state = "failed";
    page.etag.clear();
    page.last_modified.clear();
    page.error = outcome.error_kind + ": " + outcome.error;
    fail(page.url, outcome.error_kind, outcome.error, cause);
    note_unread(page, outcome.error_kind);
    note_links(page);  // its last version's links still count as links
    finished_.push_back(std::move(page));
    return;
  }
  keep_records(page, outcome, sha);
  if (!outcome.canonical.empty()) {  // the end of the run folds it when the target is fetched
    linked_.insert(outcome.canonical);
    documents_.declare_canonical(page.url, outcome.canonical);
    if (!frontier_.seen(outcome.canonical)) frontier_.admit(outcome.canonical, page.depth, false);
  }
  if (!rebuilding) (had_page ? summary_.changed : summary_.new_pages) += 1;  // (rebuilt: counted where read)
  requeue_links(page);
  finished_.push_back(std::move(page));
}

}  // namespace senrei
