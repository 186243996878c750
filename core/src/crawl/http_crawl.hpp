// crawl/http_crawl.hpp — builds the HTTP fetcher for one source: its scope at every redirect,
// its politeness policy, and a --base-url override that keeps records on the real site's URLs.
//
// The settings come from three places, most specific first: what the person asked on the
// command line (HttpCrawlSettings), the source plugin's CrawlPolicy, and the host's defaults in
// fetch/http_fetcher.hpp.  Pure apart from make_http_fetcher, which starts no transfer yet.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "fetch/fetcher.hpp"
#include "fetch/http_fetcher.hpp"
#include "senrei/plugin.hpp"

namespace senrei {

// Where a site's operator can read who is crawling and why; sent in every User-Agent.
inline constexpr const char* kDefaultContact = "https://github.com/senrei/senrei";
// Delay between requests to one host when neither the command line nor the source says.
inline constexpr double kDefaultDelaySeconds = 1.0;

struct HttpCrawlSettings {
  std::string base_url_override;  // fetch from here instead of info.base_url (a mirror, a test server)
  bool allow_private = false;     // loopback/private addresses (test servers, a local mirror)
  double delay_seconds = -1;      // < 0: the source's policy, else kDefaultDelaySeconds
  int connections_per_host = 1;
  std::string contact;            // empty: kDefaultContact
  std::function<void(const std::string&)> log;  // the fetcher's notes (capped Crawl-delay, …)
  double plugin_time_limit_seconds = 30;  // policy() and in_scope() under this deadline (plugin/plugin_door.hpp); 0: none
};

// A bad --base-url or contact; the message names the value and says what is expected.
class BadCrawlSetting : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// "senrei/0.1.0 (+https://…)".  Throws BadCrawlSetting for a contact with control characters
// (it goes into a header) or one that is empty after trimming.
std::string crawler_user_agent(std::string_view contact);

// The fetcher settings for one source.  Scope is the source's in_scope() (false when it
// throws or does not return within the plugin deadline), checked at every redirect hop; with a base URL override, URLs under the source's
// base_url are requested from the override instead, and everything else (records, scope,
// robots.txt per host) stays in the real site's URL space.  Throws BadCrawlSetting, and
// PluginFailure (plugin/plugin_error.hpp) when the source's policy() throws or does not return
// in time.
HttpSettings http_settings_for(const Source& source, const SourceInfo& info, const HttpCrawlSettings& settings);

// An HttpFetcher with http_settings_for(); `source` must outlive it.
std::unique_ptr<Fetcher> make_http_fetcher(const Source& source, const SourceInfo& info,
                                           const HttpCrawlSettings& settings);

}  // namespace senrei
