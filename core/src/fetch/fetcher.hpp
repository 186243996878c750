// fetch/fetcher.hpp — how the crawl loop gets bytes, from the network or from a mirror.
//
// The crawl loop (crawl/) submits requests and polls for responses; it does not know whether a
// MirrorFetcher reads files or an HttpFetcher talks to a server.  A fetcher owns politeness
// (per-host delay and connection limit), robots.txt and address safety, so a response either
// carries a body or says why not.  Not thread-safe: one crawl loop drives one fetcher.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace senrei {

// Validators for the URL a redirect is known to lead to: sent on the hop that reaches `url`
// (validators belong to the URL they came from), so a redirected page can answer 304 too.
struct RedirectTarget {
  std::string url;
  std::string etag;
  std::string last_modified;
};

// How much of one body is read, by media type, counted after decompression: the HTTP
// fetcher's defaults (HttpSettings::max_bytes_*) and the mirror's caps (docs/security.md).
inline constexpr size_t kMaxBodyBytesText = 8u << 20;   // HTML, XHTML, plain text
inline constexpr size_t kMaxBodyBytesPdf = 64u << 20;
inline constexpr size_t kMaxBodyBytesOther = 8u << 20;

struct FetchRequest {
  std::string url;            // canonical absolute URL on the real site
  std::string etag;           // from the last fetch, for If-None-Match
  std::string last_modified;  // from the last fetch, for If-Modified-Since
  int depth = 0;
  RedirectTarget target = {};  // where `url` redirected last time, if it did
};

struct FetchResponse {
  FetchRequest request;
  std::string final_url;  // after redirects (real-site URL space); == request.url if none
  int status = 0;         // HTTP status, or 200 / 404 for a mirror file; 0 when not fetched
  bool not_modified = false;
  std::string content_type;  // media type without parameters, lower case
  std::string charset;       // charset parameter of Content-Type, if any
  std::string etag;
  std::string last_modified;
  std::string body;
  // Set when there is no usable body: a short reason keyword ("network", "timeout",
  // "robots", "scope", "private_address", "too_large", "protocol", "redirect_limit",
  // "http_4xx", "http_5xx", "not_found") and a message a person can act on.
  std::string error_kind;
  std::string error;
  int attempts = 1;

  bool ok() const { return error_kind.empty() && (status == 200 || not_modified); }
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual void submit(FetchRequest request) = 0;
  // Returns the responses finished so far, waiting up to `wait` for at least one.
  virtual std::vector<FetchResponse> poll(std::chrono::milliseconds wait) = 0;
  // Requests submitted and not yet returned by poll().
  virtual size_t pending() const = 0;
  // URLs known to exist without following links (every file of a mirror); empty for HTTP.
  virtual std::vector<std::string> known_urls() const { return {}; }
};

}  // namespace senrei
