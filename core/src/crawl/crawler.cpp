#include "crawl/crawler.hpp"

#include "crawl/crawl_run.hpp"
#include "plugin/plugin_door.hpp"
#include "senrei/version.hpp"

namespace senrei {

int64_t CrawlSummary::failed() const {
  int64_t n = 0;
  for (const auto& [k, v] : failed_by_reason) n += v;
  return n;
}

std::string extractor_id(const SourceInfo& info) {
  return info.name + "/" + info.version + " senrei/" + kVersion;
}

CrawlSummary Crawler::run(const Source& source, Fetcher& fetcher, const CrawlOptions& options) {
  // Every call into the plugin goes through its door, under the deadline (plugin/plugin_door.hpp, F5).
  const PluginDoor plugin = PluginDoor::open(source, plugin_limit(options.plugin_time_limit_seconds));
  CrawlRun run(state_, bodies_, sink_, progress_, plugin, fetcher, options);
  return run.run();
}

}  // namespace senrei
