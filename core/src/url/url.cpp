// url/url.cpp — parse, resolve and canonicalize URLs (senrei/url.hpp).
//
// Canonical form, beyond what the header lists: userinfo is dropped (a crawler never sends
// credentials found in a link, and must not store them), a "?" with an empty query is kept
// (it is a different URI), and "%" not followed by two hex digits becomes "%25".
#include "senrei/url.hpp"

#include <idn2.h>

#include <charconv>
#include <memory>

#include "url/uri_reference.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace {

using url_detail::UriReference;

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hex_value(unsigned char c) {
  if (is_digit(c)) return c - '0';
  return (c | 0x20) - 'a' + 10;
}
bool is_unreserved(unsigned char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool is_sub_delim(unsigned char c) {
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

void append_pct(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// Percent-encoding normalised (RFC 3986 §6.2.2.2): unreserved decoded, other escapes upper
// case, characters outside `keep` (spaces, controls, non-ASCII bytes of UTF-8) encoded.
template <typename Keep>
std::string normalize_percent(std::string_view s, Keep keep) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      if (i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
        auto d = static_cast<unsigned char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
        if (is_unreserved(d)) {
          out += static_cast<char>(d);
        } else {
          append_pct(out, d);
        }
        i += 2;
      } else {
        out += "%25";
      }
    } else if (keep(c)) {
      out += static_cast<char>(c);
    } else {
      append_pct(out, c);
    }
  }
  return out;
}

bool path_char(unsigned char c) {
  return is_unreserved(c) || is_sub_delim(c) || c == ':' || c == '@' || c == '/';
}
bool query_char(unsigned char c) { return path_char(c) || c == '?'; }

int default_port(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") return 80;
  if (scheme == "https" || scheme == "wss") return 443;
  if (scheme == "ftp") return 21;
  return -1;
}

struct IdnFree {
  void operator()(char* p) const { idn2_free(p); }
};

// An internationalized host name as browsers send it (WHATWG URL "domain to ASCII": UTS #46
// non-transitional mapping, then punycode), through libidn2: "みなと県.jp" → "xn--….jp",
// full-width "ＥＸＡＭＰＬＥ．ｊｐ" → "example.jp".  A name it refuses is not a host.
std::optional<std::string> to_ascii_host(std::string host) {
  bool ascii = true;
  for (char c : host) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return host;
  char* out = nullptr;
  if (idn2_to_ascii_8z(host.c_str(), &out, IDN2_NONTRANSITIONAL) != IDN2_OK || !out)
    return std::nullopt;
  std::unique_ptr<char, IdnFree> guard(out);
  std::string ascii_host(out);
  // UTS #46 maps some characters to ones no host may hold (U+00A0 NO-BREAK SPACE to a space,
  // U+FF0F to '/'): such a name is refused, as its ASCII form would read as another URL.
  for (char& c : ascii_host) {
    const auto u = static_cast<unsigned char>(c);
    if (!(is_unreserved(u) || is_sub_delim(u))) return std::nullopt;
    c = lower(c);
  }
  return ascii_host;
}

// Host: percent-escapes decoded (a host has no reserved use for them), ASCII lower-cased,
// an internationalized name in punycode (to_ascii_host).  Anything that could confuse a resolver or a
// later re-parse is refused.
std::optional<std::string> normalize_host(std::string_view raw) {
  if (!raw.empty() && raw.front() == '[') {
    if (raw.size() < 3 || raw.back() != ']') return std::nullopt;
    std::string v6;
    for (char c : raw.substr(1, raw.size() - 2)) {
      auto u = static_cast<unsigned char>(c);
      if (!(is_hex(u) || c == ':' || c == '.')) return std::nullopt;  // no zone ids
      v6 += lower(c);
    }
    if (v6.find(':') == std::string::npos) return std::nullopt;
    return v6;
  }
  std::string host;
  for (size_t i = 0; i < raw.size(); ++i) {
    auto c = static_cast<unsigned char>(raw[i]);
    if (c == '%') {
      if (i + 2 >= raw.size() || !is_hex(raw[i + 1]) || !is_hex(raw[i + 2])) return std::nullopt;
      c = static_cast<unsigned char>(hex_value(raw[i + 1]) * 16 + hex_value(raw[i + 2]));
      i += 2;
    }
    bool ok = c >= 0x80 || is_unreserved(c) || is_sub_delim(c);
    if (!ok) return std::nullopt;
    host += lower(static_cast<char>(c));
  }
  return to_ascii_host(host);
}

struct Authority {
  std::string host;
  int port = 0;
};

std::optional<Authority> parse_authority(std::string_view scheme, std::string_view raw) {
  auto at = raw.rfind('@');
  if (at != std::string_view::npos) raw.remove_prefix(at + 1);  // userinfo dropped
  std::string_view host = raw, port;
  size_t colon;
  if (!raw.empty() && raw.front() == '[') {
    auto close = raw.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = raw.substr(0, close + 1);
    std::string_view after = raw.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port = after.substr(1);
    }
  } else if ((colon = raw.rfind(':')) != std::string_view::npos) {
    host = raw.substr(0, colon);
    port = raw.substr(colon + 1);
  }
  auto h = normalize_host(host);
  if (!h) return std::nullopt;
  Authority a;
  a.host = std::move(*h);
  if (!port.empty()) {
    if (port.size() > 5) return std::nullopt;
    int p = 0;
    for (char c : port) {
      if (!is_digit(static_cast<unsigned char>(c))) return std::nullopt;
    }
    std::from_chars(port.data(), port.data() + port.size(), p);
    if (p <= 0 || p > 65535) return std::nullopt;
    a.port = p == default_port(scheme) ? 0 : p;
  }
  return a;
}

std::string lower_scheme(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string normalize_path(std::string_view path) {
  // Escapes first, so "%2E%2E" counts as ".." (§6.2.2).
  return url_detail::remove_dot_segments(normalize_percent(path, path_char));
}

std::optional<Url> to_url(const UriReference& r) {
  if (!r.has_scheme || !r.has_authority) return std::nullopt;
  Url u;
  u.scheme = lower_scheme(r.scheme);
  auto a = parse_authority(u.scheme, r.authority);
  if (!a) return std::nullopt;
  if (a->host.empty() && (u.scheme == "http" || u.scheme == "https")) return std::nullopt;
  u.host = std::move(a->host);
  u.port = a->port;
  u.path = normalize_path(r.path);
  if (u.path.empty() || u.path.front() != '/') u.path.insert(0, "/");
  u.has_query = r.has_query;
  if (r.has_query) u.query = normalize_percent(r.query, query_char);
  return u;
}

// The canonical text of a resolved reference.  Hierarchical URLs go through Url; others
// ("mailto:x", "g:h") keep their shape with scheme and escapes normalised.
std::optional<std::string> canonical_text(const UriReference& r) {
  if (!r.has_scheme) return std::nullopt;
  if (r.has_authority) {
    auto u = to_url(r);
    if (!u) return std::nullopt;
    return u->str();
  }
  std::string path = normalize_path(r.path);
  // Without an authority a path may not start with "//" (it would read as one, §3.3).
  if (path.starts_with("//")) path.insert(0, "/.");
  std::string out = lower_scheme(r.scheme) + ":" + path;
  if (r.has_query) out += "?" + normalize_percent(r.query, query_char);
  return out;
}

}  // namespace

std::string Url::origin() const {
  std::string out = scheme + "://";
  if (host.find(':') != std::string::npos) {
    out += "[" + host + "]";
  } else {
    out += host;
  }
  if (port != 0) out += ":" + std::to_string(port);
  return out;
}

std::string Url::path_and_query() const {
  std::string out = path.empty() ? "/" : path;
  if (has_query) out += "?" + query;
  return out;
}

std::string Url::str() const { return origin() + path_and_query(); }

std::optional<Url> parse_url(std::string_view text) {
  auto r = url_detail::split_reference(text);
  if (!r) return std::nullopt;
  return to_url(*r);
}

std::optional<std::string> resolve_url(std::string_view base, std::string_view ref) {
  auto b = url_detail::split_reference(base);
  auto r = url_detail::split_reference(ref);
  if (!b || !r || !b->has_scheme) return std::nullopt;
  return canonical_text(url_detail::resolve_reference(*b, *r));
}

std::optional<std::string> canonicalize_url(std::string_view url) {
  auto r = url_detail::split_reference(url);
  if (!r) return std::nullopt;
  return canonical_text(*r);
}

std::string display_host(std::string_view host) {
  if (host.find("xn--") == std::string_view::npos) return std::string(host);
  char* out = nullptr;
  std::string in(host);
  if (idn2_to_unicode_8z8z(in.c_str(), &out, 0) != IDN2_OK || !out) return in;
  std::unique_ptr<char, IdnFree> guard(out);
  return std::string(out);
}

std::string display_url(std::string_view url) {
  auto u = parse_url(url);
  if (!u || u->host.find("xn--") == std::string::npos) return std::string(url);
  size_t at = url.find(u->host);
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, at)) + display_host(u->host) +
         std::string(url.substr(at + u->host.size()));
}

}  // namespace SENREI_ABI_NAMESPACE

std::string url_detail::normalize_escapes(std::string_view path_and_query) {
  return normalize_percent(path_and_query, query_char);
}

}  // namespace senrei
