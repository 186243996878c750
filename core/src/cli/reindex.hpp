// cli/reindex.hpp — rebuilding the index from what is stored, for `reindex` and `doctor --repair`.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "store/crawl_state.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {

// The sources named, or every source with pages in the state (those without a loaded plugin are
// named on stderr and left out).
std::vector<const LoadedSource*> stored_sources(Context& ctx, CrawlState& state, const std::vector<std::string>& names);

// Rebuilds the index of `ws` (writer lock held by the caller) from the stored bodies: all of it
// (a new index put in place of the old), or only the named sources' records.  Prints one line
// per source; returns 1 when a page could not be rebuilt.
int reindex_workspace(Context& ctx, Workspace& ws, const std::vector<std::string>& names);

}  // namespace senrei::cli
