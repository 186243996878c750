// crawl/mirror_check.hpp — is this folder a mirror of this source's site?
//
// `crawl SOURCE --mirror DIR` maps DIR onto the source's site: every file under it becomes a page
// of that site.  A wrong folder (a sibling site's, the parent of the right one) would store
// another site's pages under the source's URLs and find every real page missing.  So, before
// anything is written, the folder must hold at least one of the source's seed pages, and a
// folder named like a host (as `wget -m` names them) must be named after the source's host.
// The answer is a one-line message in Japanese naming the folder and the file expected, or
// empty when the folder fits.  A source without a web site (`files`) is not checked.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "fetch/mirror_fetcher.hpp"
#include "plugin/plugin_door.hpp"
#include "senrei/plugin.hpp"

namespace senrei {

std::string mirror_root_problem(const Source& source, const SourceInfo& info, const std::filesystem::path& dir,
                                const MirrorFetcher& fetcher,
                                std::chrono::milliseconds limit = plugin_limit(kDefaultPluginTimeoutSeconds));

}  // namespace senrei
