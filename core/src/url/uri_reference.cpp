// url/uri_reference.cpp — RFC 3986 Appendix B split, §5.2 resolution, §5.2.4 dot segments.
#include "url/uri_reference.hpp"

namespace senrei::url_detail {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// What browsers drop from an href before parsing: tab/CR/LF anywhere, and C0 controls and
// spaces at both ends.
std::string clean_href(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && static_cast<unsigned char>(text[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(text[e - 1]) <= 0x20) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    char c = text[i];
    if (c != '\t' && c != '\r' && c != '\n') out += c;
  }
  return out;
}

// Merge (§5.2.3).
std::string merge_paths(const UriReference& base, const std::string& ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + ref_path;
  auto slash = base.path.rfind('/');
  if (slash == std::string::npos) return ref_path;
  return base.path.substr(0, slash + 1) + ref_path;
}

}  // namespace

std::string UriReference::str() const {
  std::string out;
  if (has_scheme) out += scheme + ":";
  if (has_authority) out += "//" + authority;
  out += path;
  if (has_query) out += "?" + query;
  if (has_fragment) out += "#" + fragment;
  return out;
}

std::optional<UriReference> split_reference(std::string_view text) {
  if (text.size() > kMaxUrlLength) return std::nullopt;
  const std::string s = clean_href(text);
  UriReference r;
  size_t pos = 0;

  // A scheme is letters, digits, "+-." up to the first ":" that comes before any "/?#".
  size_t colon = s.find_first_of(":/?#");
  if (colon != std::string::npos && s[colon] == ':' && colon > 0) {
    bool valid = is_alpha(s[0]);
    for (size_t i = 1; i < colon && valid; ++i) {
      char c = s[i];
      valid = is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
    }
    // "1a:b" or "a b:c" are not schemes; per Appendix B they would be, but a relative path
    // whose first segment has a colon is not a valid reference either (§4.2).  Refuse it.
    if (!valid) return std::nullopt;
    r.scheme = s.substr(0, colon);
    r.has_scheme = true;
    pos = colon + 1;
  }
  if (s.compare(pos, 2, "//") == 0) {
    size_t end = s.find_first_of("/?#", pos + 2);
    if (end == std::string::npos) end = s.size();
    r.authority = s.substr(pos + 2, end - pos - 2);
    r.has_authority = true;
    pos = end;
  }
  size_t end = s.find_first_of("?#", pos);
  if (end == std::string::npos) end = s.size();
  r.path = s.substr(pos, end - pos);
  pos = end;
  if (pos < s.size() && s[pos] == '?') {
    end = s.find('#', pos);
    if (end == std::string::npos) end = s.size();
    r.query = s.substr(pos + 1, end - pos - 1);
    r.has_query = true;
    pos = end;
  }
  if (pos < s.size() && s[pos] == '#') {
    r.fragment = s.substr(pos + 1);
    r.has_fragment = true;
  }
  return r;
}

std::string remove_dot_segments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  auto drop_last_segment = [&out] {
    auto slash = out.rfind('/');
    out.resize(slash == std::string::npos ? 0 : slash);
  };
  size_t pos = 0;
  while (pos < in.size()) {
    std::string_view rest = in.substr(pos);
    if (rest.starts_with("../")) {
      pos += 3;
    } else if (rest.starts_with("./")) {
      pos += 2;
    } else if (rest.starts_with("/./")) {
      pos += 2;  // leaves "/..." as the input
    } else if (rest == "/.") {
      out += '/';
      break;
    } else if (rest.starts_with("/../")) {
      pos += 3;
      drop_last_segment();
    } else if (rest == "/..") {
      drop_last_segment();
      out += '/';
      break;
    } else if (rest == "." || rest == "..") {
      break;
    } else {
      size_t next = in.find('/', rest[0] == '/' ? pos + 1 : pos);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(pos, next - pos));
      pos = next;
    }
  }
  return out;
}

UriReference resolve_reference(const UriReference& base, const UriReference& ref) {
  UriReference t;
  if (ref.has_scheme) {
    t = ref;
    t.path = remove_dot_segments(ref.path);
  } else {
    if (ref.has_authority) {
      t.authority = ref.authority;
      t.has_authority = true;
      t.path = remove_dot_segments(ref.path);
      t.query = ref.query;
      t.has_query = ref.has_query;
    } else {
      if (ref.path.empty()) {
        t.path = base.path;
        t.query = ref.has_query ? ref.query : base.query;
        t.has_query = ref.has_query || base.has_query;
      } else {
        if (ref.path[0] == '/') {
          t.path = remove_dot_segments(ref.path);
        } else {
          t.path = remove_dot_segments(merge_paths(base, ref.path));
        }
        t.query = ref.query;
        t.has_query = ref.has_query;
      }
      t.authority = base.authority;
      t.has_authority = base.has_authority;
    }
    t.scheme = base.scheme;
    t.has_scheme = base.has_scheme;
  }
  t.fragment = ref.fragment;
  t.has_fragment = ref.has_fragment;
  return t;
}

}  // namespace senrei::url_detail
