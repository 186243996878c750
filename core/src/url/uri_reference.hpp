// url/uri_reference.hpp — RFC 3986 references as written, before canonicalization.
//
// senrei/url.hpp gives the crawler one canonical form per page; this is the layer under it:
// splitting a reference into its five parts (Appendix B), strict resolution against a base
// (§5.2) and dot-segment removal (§5.2.4), with nothing normalised.  Kept apart so the RFC's
// own examples (§5.4, with fragments) can be tested exactly.  Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace senrei::url_detail {

struct UriReference {
  std::string scheme;  // as written, without ":"
  bool has_scheme = false;
  std::string authority;  // as written, without "//"
  bool has_authority = false;
  std::string path;
  std::string query;  // without "?"
  bool has_query = false;
  std::string fragment;  // without "#"
  bool has_fragment = false;

  std::string str() const;  // recomposition, §5.3
};

// Splits a reference (absolute or relative) into its parts.  Never fails on the split itself;
// nullopt only when the text is longer than kMaxUrlLength or the scheme is malformed.
// ASCII tab, CR and LF are removed and leading/trailing spaces and C0 controls trimmed first,
// as browsers do with an href.
std::optional<UriReference> split_reference(std::string_view text);

// RFC 3986 §5.2.2 strict resolution; `base` must have a scheme.
UriReference resolve_reference(const UriReference& base, const UriReference& ref);

// §5.2.4.
std::string remove_dot_segments(std::string_view path);

// Percent-encoding of a path and query normalised as canonicalize_url does (unreserved
// decoded, hex upper case, spaces/controls/non-ASCII encoded); "?" kept.  For robots.txt, which
// compares patterns and paths after the same normalisation (RFC 9309 §2.2.2).
std::string normalize_escapes(std::string_view path_and_query);

// Longer input is refused rather than processed: no real page link is this long.
inline constexpr size_t kMaxUrlLength = 16 * 1024;

}  // namespace senrei::url_detail
