// fetch/http_fetcher.hpp — the Fetcher that talks HTTP(S), on libcurl's multi interface.
//
// Everything a polite and safe crawler owes a site and its own host lives here, so the crawl
// loop only submits and polls:
//   - politeness: at most `per_host_connections` transfers and one start per `per_host_delay`
//     (raised to robots.txt's Crawl-delay, capped) per host, `concurrency` in all.  A transfer is
//     handed to curl only when its host is due, so queueing never eats its timeout;
//   - robots.txt per host (RFC 9309), fetched through the same checks, cached for `robots_ttl`;
//     4xx → allow all, 5xx/unreachable → requests for that host fail with kind "robots" until
//     `robots_retry` has passed;
//   - redirects followed here, hop by hop, each hop checked for scheme (http/https only), scope,
//     robots and address; at most `max_redirects`;
//   - addresses: private, loopback, link-local, unique-local… refused on the resolved socket
//     address before connect, unless allowed;
//   - byte caps per content type counted after decompression, in the write callback;
//   - retries with exponential back-off on network errors and 5xx; 429/503 honour Retry-After,
//     capped.
// Hosts ("per host") are origins of the real-site URL, before url_rewrite.  Not thread-safe:
// one crawl loop drives one HttpFetcher (Fetcher's contract).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fetch/fetcher.hpp"

namespace senrei {

struct UrlRewrite {
  std::string from_prefix;  // real site, e.g. "http://renkei-support.mhlw.go.jp/"
  std::string to_prefix;    // where it is served, e.g. "http://127.0.0.1:8080/"
};

struct HttpSettings {
  // Sent as User-Agent; its product token ("senrei") selects the robots.txt group.
  std::string user_agent = "senrei/0.1.0 (+https://github.com/senrei/senrei)";
  int concurrency = 4;
  int per_host_connections = 1;
  double per_host_delay = 1.0;  // seconds between request starts to one host
  bool robots = true;
  double crawl_delay_cap = 10.0;  // a larger Crawl-delay is capped (and logged)
  std::chrono::seconds robots_ttl{24 * 3600};
  std::chrono::seconds robots_retry{10 * 60};  // after 5xx/unreachable

  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 120'000;
  long low_speed_limit = 100;  // bytes per second …
  long low_speed_time = 30;    // … for this many seconds, or the transfer is abandoned
  int max_redirects = 5;

  size_t max_bytes_html = kMaxBodyBytesText;
  size_t max_bytes_pdf = kMaxBodyBytesPdf;
  size_t max_bytes_other = kMaxBodyBytesOther;

  bool allow_private_addresses = false;
  std::vector<std::string> allowed_addresses;  // numeric, e.g. {"127.0.0.1"}

  // Called with each hop's canonical URL; false → "scope".  Empty: everything is in scope.
  std::function<bool(const std::string&)> scope;

  int retries = 3;             // extra attempts after the first
  double retry_backoff = 2.0;  // seconds before the first retry; doubled each time
  double retry_max_wait = 60.0;  // cap on back-off and on Retry-After

  std::vector<UrlRewrite> url_rewrite;
  std::string proxy;  // empty: no proxy (environment proxies are ignored)

  std::function<void(const std::string&)> log;  // human-readable notes; may be empty
};

class HttpFetcher : public Fetcher {
 public:
  explicit HttpFetcher(HttpSettings settings);
  ~HttpFetcher() override;
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  void submit(FetchRequest request) override;
  std::vector<FetchResponse> poll(std::chrono::milliseconds wait) override;
  size_t pending() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The URL actually requested for a real-site URL (first matching rewrite), and back.
std::string apply_rewrite(const std::vector<UrlRewrite>& rules, const std::string& url);
std::string undo_rewrite(const std::vector<UrlRewrite>& rules, const std::string& url);

}  // namespace senrei
