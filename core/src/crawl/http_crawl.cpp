#include "crawl/http_crawl.hpp"
#include "i18n/i18n.hpp"

#include <cmath>

#include "plugin/plugin_door.hpp"

#include "senrei/url.hpp"
#include "senrei/version.hpp"

namespace senrei {
namespace {

// A site root as a URL prefix: canonical, http(s), no query, ending in "/".
std::string site_prefix(const std::string& url, const std::string& what) {
  auto parsed = parse_url(url);
  if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https"))
    throw BadCrawlSetting(trf("{1} '{2}' is not an http(s) URL (e.g. http://127.0.0.1:8080/)", {what, url}));
  if (parsed->has_query) throw BadCrawlSetting(trf("{1} '{2}' has a query; give the site's root URL", {what, url}));
  std::string s = parsed->str();
  if (s.back() != '/') s += '/';
  return s;
}

}  // namespace

std::string crawler_user_agent(std::string_view contact) {
  std::string c(contact.empty() ? std::string_view(kDefaultContact) : contact);
  while (!c.empty() && c.back() == ' ') c.pop_back();
  while (!c.empty() && c.front() == ' ') c.erase(0, 1);
  if (c.empty()) throw BadCrawlSetting(tr("the crawl contact is empty; give a URL or mail address site operators can use"));
  for (unsigned char ch : c) {
    if (ch < 0x20 || ch == 0x7f || ch >= 0x80 || ch == '(' || ch == ')')
      throw BadCrawlSetting(trf("the crawl contact '{1}' must be printable ASCII without parentheses (it is sent in "
                                "the User-Agent header)",
                                {c}));
  }
  return std::string("senrei/") + kVersion + " (+" + c + ")";
}

HttpSettings http_settings_for(const Source& source, const SourceInfo& info, const HttpCrawlSettings& settings) {
  HttpSettings http;
  http.user_agent = crawler_user_agent(settings.contact);
  const PluginDoor plugin(source, info, plugin_limit(settings.plugin_time_limit_seconds));
  auto asked = plugin.policy();
  if (!asked) throw PluginFailure(asked.error());
  const CrawlPolicy policy = std::move(*asked);
  double delay = settings.delay_seconds >= 0 ? settings.delay_seconds
                 : policy.delay_seconds > 0  ? policy.delay_seconds
                                             : kDefaultDelaySeconds;
  if (!std::isfinite(delay) || delay > 3600)
    throw BadCrawlSetting(trf("a delay of {1} s between requests is not usable (0 to 3600)", {std::to_string(delay)}));
  http.per_host_delay = delay;
  http.per_host_connections = std::max(1, settings.connections_per_host);
  http.concurrency = std::max(http.concurrency, http.per_host_connections);
  http.allow_private_addresses = settings.allow_private;
  http.log = settings.log;
  // A plugin that throws on a URL, or does not answer in time, does not get it fetched.
  http.scope = [plugin](const std::string& url) { return plugin.claims(url); };
  if (!settings.base_url_override.empty()) {
    if (info.base_url.empty())
      throw BadCrawlSetting(trf("source '{1}' has no web site of its own, so --base-url has nothing to replace", {info.name}));
    http.url_rewrite.push_back({site_prefix(info.base_url, trf("source '{1}' base URL", {info.name})),
                                site_prefix(settings.base_url_override, "--base-url")});
  }
  return http;
}

std::unique_ptr<Fetcher> make_http_fetcher(const Source& source, const SourceInfo& info,
                                           const HttpCrawlSettings& settings) {
  return std::make_unique<HttpFetcher>(http_settings_for(source, info, settings));
}

}  // namespace senrei
