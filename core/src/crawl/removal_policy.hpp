// crawl/removal_policy.hpp — when a crawl may remove a page's records, and when it must not.
//
// A page that answers 404/410, a mirror file that is gone, a page that left the source's scope,
// or a page still served that no page of the source links to any more (and that is neither a
// seed nor a mirror's file; the crawler concludes it only from a run that read every link) is
// evidence that the page is gone, not proof: a wrong --mirror folder, a site outage
// answering 404 everywhere, or a plugin's scope narrowed by mistake give the same evidence for
// every page at once.  So, as Heritrix and Nutch do, a page is removed only when it was missing
// on two runs at least kRemovalGraceSeconds apart (the first time it is missing is kept in the
// crawl state, CrawlState::mark_missing), or at once when the user asks (--prune).  And a run in
// which more than kMaxRemovalShare of a source's pages are missing removes none of them, and says
// so: the crawl exits 1 (cmd_crawl) unless --prune was given.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace senrei {

// Two runs at least a day apart must both find a page missing before its records go.
inline constexpr int64_t kRemovalGraceSeconds = 24 * 60 * 60;
// A run finding more than this share of a source's pages missing removes nothing (without --prune).
inline constexpr double kMaxRemovalShare = 0.20;

// A page found missing in this run.
struct MissingPage {
  std::string url;
  std::string reason;  // "http_404", "http_410", "out_of_scope", "not_linked"
  int64_t missing_since = 0;  // first run that found it missing (unix seconds), 0: this one
  std::vector<std::string> record_ids;
};

struct RemovalDecision {
  std::vector<const MissingPage*> remove;      // records go now
  std::vector<const MissingPage*> first_seen;  // missing for the first time: remember when
  int64_t waiting = 0;                         // missing before, but less than the grace ago
  bool refused = false;                        // too large a share: nothing removed
  double share = 0;                            // missing / pages the source had
};

// `pages_before`: the pages the source had in the crawl state when the run began.
RemovalDecision decide_removals(const std::vector<MissingPage>& missing, int64_t pages_before, int64_t now,
                                bool prune);

}  // namespace senrei
