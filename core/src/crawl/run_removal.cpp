// crawl/crawl_run.hpp, step "removal": the run's end.  An interrupted run stays open (the next
// one resumes it).  Otherwise pages missing before and found now are no longer missing, the
// pages found missing go as crawl/removal_policy.hpp allows, and the run is closed.
#include "crawl/crawl_run.hpp"

namespace senrei {

void CrawlRun::finish() {
  if (summary_.interrupted) return;
  if (!options_.offline) {
    std::unordered_set<std::string> still_missing;
    for (const auto& m : missing_now_) still_missing.insert(m.url);
    note_not_linked(still_missing);
    // Pages missing before and found in this run are no longer missing.
    state_.begin();
    for (const auto& [url, since] : missing_since_)
      if (!still_missing.count(url) && frontier_.seen(url)) state_.clear_missing(name_, url);
    state_.commit();
    apply_removals(state_, sink_, name_, missing_now_, options_.prune, summary_);
  }
  state_.begin();
  state_.finish_run(name_, run_.generation);
  state_.commit();
}

// A page that still answers but that no page of this run links to (nor a seed or a mirror's
// file) is evidence too, judged like a 404 (removal_policy.hpp) — but only from a run that knows
// every link: not resumed, the plugin never disabled, no link refused by a bound, and no page
// that failed without an earlier version whose links stand in for it.
void CrawlRun::note_not_linked(std::unordered_set<std::string>& still_missing) {
  if (run_.resumed || plugin_disabled_ || links_unknown_ || !frontier_.skipped().empty()) return;
  for (const auto& url : known_) {
    if (linked_.count(url) || still_missing.count(url) || !frontier_.seen(url)) continue;
    auto row = state_.get(name_, url);
    if (!row || row->state != "done" || row->generation != run_.generation || row->record_ids.empty() ||
        !row->alias_of.empty())
      continue;
    note_missing(url, "not_linked", row->record_ids);
    still_missing.insert(url);
  }
}

CrawlSummary CrawlRun::summarize() {
  report(true);
  summary_.skipped_by_limit = frontier_.skipped();
  summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  return std::move(summary_);
}

}  // namespace senrei
