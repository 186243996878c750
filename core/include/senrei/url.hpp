// senrei/url.hpp — URLs as the crawler, the extractor and plugins see them.
//
// One canonical form per page, so a page is fetched and indexed once: scheme and host lower
// case, default port dropped, dot segments removed, fragment dropped, percent-encoding
// normalised (unreserved characters decoded, hex upper case, non-ASCII encoded as UTF-8), an
// empty path as "/", an internationalized host name in punycode (libidn2, UTS #46
// non-transitional, as browsers) so scope, robots.txt and fetching see the name DNS knows.
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

struct Url {
  std::string scheme;  // lower case
  std::string host;    // lower case; IPv6 without brackets
  int port = 0;        // 0 when the scheme's default
  std::string path;    // starts with "/"
  std::string query;   // without "?"; empty when none
  bool has_query = false;

  std::string str() const;             // canonical text
  std::string origin() const;          // scheme://host[:port]
  std::string path_and_query() const;  // path[?query]
};

// Parses an absolute http(s) (or other scheme) URL; nullopt when it is not one.
std::optional<Url> parse_url(std::string_view text);
// Resolves `ref` against `base` (RFC 3986 §5) and canonicalizes; nullopt if either is unusable.
std::optional<std::string> resolve_url(std::string_view base, std::string_view ref);
// Canonical form of an absolute URL; nullopt when it cannot be parsed.
std::optional<std::string> canonicalize_url(std::string_view url);

// For people: an internationalized host (kept in punycode everywhere else, as browsers send
// it: "xn--….jp") shown in Unicode ("みなと県.jp"); anything else unchanged.
std::string display_host(std::string_view host);
// The same for a URL's host part; the rest of the URL unchanged.
std::string display_url(std::string_view url);

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
