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

CrawlSummary CrawlRun::summarize() {
  report(true);
  summary_.skipped_by_limit = frontier_.skipped();
  summary_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  return std::move(summary_);
}

}  // namespace senrei
