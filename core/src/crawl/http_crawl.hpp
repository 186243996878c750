// crawl/http_crawl.hpp — builds the HTTP fetcher for one source: its scope at every redirect,
// its politeness policy, and a --base-url override that keeps records on the real site's URLs.
#pragma once

#include <memory>
#include <string>

#include "fetch/fetcher.hpp"
#include "senrei/plugin.hpp"

namespace senrei {

struct HttpCrawlSettings {
  std::string base_url_override;  // fetch from here instead of info.base_url
  bool allow_private = false;     // loopback/private addresses (test servers)
  double delay_seconds = -1;      // < 0: the source's policy, else 1 s
  std::string user_agent_contact = "https://github.com/senrei/senrei";
};

std::unique_ptr<Fetcher> make_http_fetcher(const Source& source, const SourceInfo& info, const HttpCrawlSettings& settings);

}  // namespace senrei
