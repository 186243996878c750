#include "crawl/removal_policy.hpp"

#include <ctime>

#include "crawl/crawler.hpp"

namespace senrei {

RemovalDecision decide_removals(const std::vector<MissingPage>& missing, int64_t pages_before, int64_t now,
                                bool prune) {
  RemovalDecision d;
  if (missing.empty()) return d;
  d.share = pages_before > 0 ? static_cast<double>(missing.size()) / static_cast<double>(pages_before) : 1.0;
  if (!prune && d.share > kMaxRemovalShare) {
    d.refused = true;
    return d;
  }
  for (const auto& m : missing) {
    if (prune || (m.missing_since > 0 && now - m.missing_since >= kRemovalGraceSeconds))
      d.remove.push_back(&m);
    else if (m.missing_since == 0)
      d.first_seen.push_back(&m);
    else
      ++d.waiting;
  }
  return d;
}

void apply_removals(CrawlState& state, RecordSink& sink, const std::string& source,
                    const std::vector<MissingPage>& missing, bool prune, CrawlSummary& summary) {
  const int64_t now = std::time(nullptr);
  const RemovalDecision d = decide_removals(missing, summary.pages_before, now, prune);
  summary.missing = static_cast<int64_t>(missing.size());
  for (const auto& m : missing) ++summary.missing_by_reason[m.reason];
  summary.missing_share = d.share;
  summary.removal_refused = d.refused;
  summary.missing_first = static_cast<int64_t>(d.first_seen.size());
  summary.missing_waiting = d.waiting;
  if (d.refused) return;
  if (!d.remove.empty()) {
    // The index first, then the state: a kill between them leaves rows whose records are gone,
    // which the next run finds missing again (and rebuilds or removes), never the reverse.
    for (const auto* m : d.remove)
      for (const auto& id : m->record_ids) sink.remove(id);
    sink.wait_commit(sink.begin_commit({}));
  }
  state.begin();
  for (const auto* m : d.remove) {
    state.erase(source, m->url);
    summary.removed_urls.push_back(m->url);
    summary.removed_reasons.push_back(m->reason);
    ++summary.removed;
  }
  for (const auto* m : d.first_seen) state.mark_missing(source, m->url, now);
  state.commit();
}

}  // namespace senrei
