// fetch/robots.cpp — RFC 9309 parsing and matching.
#include "fetch/robots.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "url/uri_reference.hpp"

namespace senrei {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}

// Keys as written in the wild: RFC 9309 names, case-insensitive, plus the common
// misspellings Google's parser accepts, since a site that wrote them meant them.
enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kOther };

Key classify_key(std::string_view raw) {
  std::string k = lower(trim(raw));
  if (k == "user-agent" || k == "useragent" || k == "user agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "dissalow" || k == "disalow" ||
      k == "diasllow" || k == "disallaw")
    return Key::kDisallow;
  if (k == "crawl-delay" || k == "crawldelay") return Key::kCrawlDelay;
  return Key::kOther;  // sitemap and anything else: ignored, and do not end a group
}

// Pattern normalisation: escapes as in URLs, runs of "*" collapsed (they mean the same and
// collapsing keeps matching linear).
std::string normalize_pattern(std::string_view value) {
  std::string p = url_detail::normalize_escapes(value);
  std::string out;
  out.reserve(p.size());
  for (char c : p) {
    if (c == '*' && !out.empty() && out.back() == '*') continue;
    out += c;
  }
  return out;
}

// "*" matches any run, a final "$" anchors the end; otherwise a pattern is a prefix match.
// Greedy leftmost matching of the literal pieces between stars is exact for such globs.
bool pattern_matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  size_t literal = static_cast<size_t>(std::count_if(pattern.begin(), pattern.end(), [](char c) { return c != '*'; }));
  if (literal > path.size()) return false;

  size_t star = pattern.find('*');
  std::string_view first = pattern.substr(0, star);
  if (!path.starts_with(first)) return false;
  if (star == std::string_view::npos) return !anchored || path.size() == first.size();
  size_t pos = first.size();
  std::string_view rest = pattern.substr(star + 1);
  while (true) {
    size_t next = rest.find('*');
    std::string_view piece = rest.substr(0, next);
    if (next == std::string_view::npos) {
      // The last piece: anywhere after pos, or exactly at the end when anchored.
      if (!anchored) return path.find(piece, pos) != std::string_view::npos;
      return path.size() >= pos + piece.size() && path.ends_with(piece);
    }
    size_t at = path.find(piece, pos);
    if (at == std::string_view::npos) return false;
    pos = at + piece.size();
    rest = rest.substr(next + 1);
  }
}

}  // namespace

std::string robots_product_token(std::string_view user_agent) {
  user_agent = trim(user_agent);
  size_t n = 0;
  while (n < user_agent.size() && token_char(user_agent[n])) ++n;
  if (n == 0 && user_agent.starts_with("*")) return "*";
  return lower(user_agent.substr(0, n));
}

RobotsRules RobotsRules::parse(std::string_view text) {
  RobotsRules r;
  bool truncated = text.size() > kRobotsMaxBytes;
  if (truncated) {
    text = text.substr(0, kRobotsMaxBytes);
    // A line cut in the middle would be a different rule: drop it.
    size_t last_break = text.find_last_of("\r\n");
    text = last_break == std::string_view::npos ? std::string_view() : text.substr(0, last_break);
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  bool in_agent_lines = false;  // the previous meaningful line was a user-agent line
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++line_no;
    pos = end;
    if (pos < text.size()) {
      if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
      ++pos;
    }

    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    Key key = classify_key(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));

    switch (key) {
      case Key::kUserAgent: {
        if (!in_agent_lines) r.groups_.emplace_back();
        in_agent_lines = true;
        std::string token = robots_product_token(value);
        if (!token.empty()) r.groups_.back().agents.push_back(std::move(token));
        break;
      }
      case Key::kAllow:
      case Key::kDisallow: {
        in_agent_lines = false;
        if (r.groups_.empty() || value.empty()) break;  // rule before any group; or no path
        Rule rule;
        rule.allow = key == Key::kAllow;
        rule.pattern = normalize_pattern(value);
        rule.line = line_no;
        rule.text = std::string(rule.allow ? "Allow: " : "Disallow: ") + std::string(value);
        r.groups_.back().rules.push_back(std::move(rule));
        break;
      }
      case Key::kCrawlDelay: {
        in_agent_lines = false;
        if (r.groups_.empty()) break;
        std::string v(value);
        char* endp = nullptr;
        double d = std::strtod(v.c_str(), &endp);
        if (endp != v.c_str() && std::isfinite(d) && d >= 0) r.groups_.back().crawl_delay = d;
        break;
      }
      case Key::kOther:
        break;
    }
  }
  return r;
}

RobotsRules RobotsRules::allow_all(std::string reason) {
  RobotsRules r;
  r.fixed_ = true;
  r.fixed_allowed_ = true;
  r.fixed_reason_ = std::move(reason);
  return r;
}

RobotsRules RobotsRules::disallow_all(std::string reason) {
  RobotsRules r;
  r.fixed_ = true;
  r.fixed_allowed_ = false;
  r.fixed_reason_ = std::move(reason);
  return r;
}

bool RobotsRules::is_temporary_failure(int status) {
  return status == 0 || status == 429 || status >= 500;
}

RobotsRules RobotsRules::from_fetch(int status, std::string_view body) {
  if (status >= 200 && status < 300) return parse(body);
  if (is_temporary_failure(status)) {
    return disallow_all(status == 0 ? "robots.txt unreachable; everything disallowed until it is fetched"
                                    : "robots.txt answered HTTP " + std::to_string(status) +
                                          "; everything disallowed until it is fetched");
  }
  return allow_all("robots.txt answered HTTP " + std::to_string(status) + " (unavailable: all allowed)");
}

std::vector<const RobotsRules::Group*> RobotsRules::groups_for(std::string_view agent) const {
  std::string token = robots_product_token(agent);
  std::vector<const Group*> specific, any;
  for (const auto& g : groups_) {
    for (const auto& a : g.agents) {
      if (!token.empty() && a == token) {
        specific.push_back(&g);
        break;
      }
      if (a == "*") {
        any.push_back(&g);
        break;
      }
    }
  }
  return specific.empty() ? any : specific;
}

RobotsRules::Verdict RobotsRules::check(std::string_view path_and_query, std::string_view agent) const {
  if (fixed_) return {fixed_allowed_, 0, fixed_reason_};
  std::string path = url_detail::normalize_escapes(path_and_query);
  if (path.empty()) path = "/";
  if (path == "/robots.txt") return {true, 0, "/robots.txt is always allowed"};

  const Rule* best = nullptr;
  for (const Group* g : groups_for(agent)) {
    for (const Rule& rule : g->rules) {
      if (!pattern_matches(rule.pattern, path)) continue;
      if (!best || rule.pattern.size() > best->pattern.size() ||
          (rule.pattern.size() == best->pattern.size() && rule.allow && !best->allow)) {
        best = &rule;
      }
    }
  }
  if (!best) return {true, 0, "no robots.txt rule matches"};
  return {best->allow, best->line, best->text};
}

std::optional<double> RobotsRules::crawl_delay(std::string_view agent) const {
  std::optional<double> delay;
  for (const Group* g : groups_for(agent)) {
    if (g->crawl_delay && (!delay || *g->crawl_delay > *delay)) delay = g->crawl_delay;
  }
  return delay;
}

}  // namespace senrei
