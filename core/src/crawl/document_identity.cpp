#include "crawl/document_identity.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "senrei/url.hpp"

namespace senrei {

namespace {

std::string ascii_lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

bool tracking_parameter(std::string_view name) {
  const std::string n = ascii_lower(std::string(name));
  return n.rfind("utm_", 0) == 0 || n == "gclid" || n == "fbclid" || n == "yclid";
}

}  // namespace

std::string without_tracking_parameters(const std::string& url) {
  const auto q = url.find('?');
  if (q == std::string::npos) return url;
  const auto hash = url.find('#', q);
  const std::string query = url.substr(q + 1, hash == std::string::npos ? std::string::npos : hash - q - 1);
  std::string kept;
  bool dropped = false;
  size_t i = 0;
  while (i <= query.size()) {
    size_t amp = query.find('&', i);
    if (amp == std::string::npos) amp = query.size();
    std::string_view pair(query.data() + i, amp - i);
    std::string_view name = pair.substr(0, pair.find('='));
    if (!pair.empty() && tracking_parameter(name)) {
      dropped = true;
    } else if (!pair.empty() || amp < query.size()) {
      if (!kept.empty()) kept += '&';
      kept.append(pair);
    }
    i = amp + 1;
  }
  if (!dropped) return url;
  std::string out = url.substr(0, q);
  if (!kept.empty()) out += "?" + kept;
  if (hash != std::string::npos) out += url.substr(hash);
  return out;
}

bool names_directory_index(const std::string& url) {
  auto u = parse_url(url);
  if (!u) return false;
  const auto slash = u->path.rfind('/');
  const std::string last = ascii_lower(u->path.substr(slash == std::string::npos ? 0 : slash + 1));
  static const std::set<std::string> kIndexFiles = {"index.html",   "index.htm",   "index.shtml",
                                                    "index.php",    "default.htm", "default.html",
                                                    "default.asp",  "default.aspx"};
  return kIndexFiles.count(last) > 0;
}

bool record_url_before(const std::string& a, const std::string& b) {
  auto key = [](const std::string& url) {
    auto u = parse_url(url);
    const bool query = u ? u->has_query : url.find('?') != std::string::npos;
    const size_t path = u ? u->path.size() : url.size();
    return std::make_tuple(query, names_directory_index(url), path, url.size(), url);
  };
  return key(a) < key(b);
}

std::optional<std::string> usable_canonical(const std::string& page_url, const std::string& canonical,
                                            const std::function<bool(const std::string&)>& in_scope) {
  if (canonical.empty()) return std::nullopt;
  auto page = parse_url(page_url);
  auto target = canonicalize_url(canonical);
  if (!page || !target) return std::nullopt;
  std::string t = without_tracking_parameters(*target);
  auto tu = parse_url(t);
  if (!tu || tu->origin() != page->origin()) return std::nullopt;  // another site: not folded
  if (t == page_url) return std::nullopt;
  bool in = false;
  try {
    in = in_scope && in_scope(t);
  } catch (...) {
    in = false;
  }
  if (!in) return std::nullopt;
  return t;
}

DocumentFolding::Fold DocumentFolding::body(const std::string& url, const std::string& sha256) {
  Fold fold;
  auto [seen, first] = body_by_url_.try_emplace(url, sha256);
  if (first) pages_.push_back(url);
  if (!first && seen->second != sha256) {  // met again with another body (a redirect target): count the latest
    if (auto o = owner_by_body_.find(seen->second); o != owner_by_body_.end() && o->second == url)
      owner_by_body_.erase(o);
    seen->second = sha256;
  }
  auto [it, inserted] = owner_by_body_.try_emplace(sha256, url);
  if (inserted || it->second == url) {
    fold.owner = url;
  } else if (record_url_before(url, it->second)) {
    fold.demoted = it->second;
    it->second = url;
    fold.owner = url;
  } else {
    fold.owner = it->second;
  }
  return fold;
}

void DocumentFolding::declare_canonical(const std::string& url, const std::string& target) {
  auto it = body_by_url_.find(url);
  if (it == body_by_url_.end() || target == url) return;
  canonical_of_.emplace(it->second, target);
}

void DocumentFolding::lost(const std::string& url) {
  auto it = body_by_url_.find(url);
  if (it == body_by_url_.end()) return;
  if (auto o = owner_by_body_.find(it->second); o != owner_by_body_.end() && o->second == url) {
    // Another URL with the same body (met earlier) takes over, the best one.
    std::string best;
    for (const auto& [u, sha] : body_by_url_)
      if (u != url && sha == it->second && (best.empty() || record_url_before(u, best))) best = u;
    if (best.empty())
      owner_by_body_.erase(o);
    else
      o->second = best;
  }
  body_by_url_.erase(it);
}

std::string DocumentFolding::body_owner(const std::string& url) const {
  auto it = body_by_url_.find(url);
  if (it == body_by_url_.end()) return {};
  auto o = owner_by_body_.find(it->second);
  return o == owner_by_body_.end() ? std::string() : o->second;
}

std::string DocumentFolding::owner(const std::string& url) const {
  std::string current = body_owner(url);
  if (current.empty()) return {};
  std::vector<std::string> path{current};
  for (int hops = 0; hops < 16; ++hops) {
    auto c = body_by_url_.find(current);
    auto declared = canonical_of_.find(c->second);
    if (declared == canonical_of_.end()) return current;
    std::string next = body_owner(declared->second);
    if (next.empty() || next == current) return current;  // the target had no usable body: stays
    if (std::find(path.begin(), path.end(), next) != path.end()) {
      // Pages naming each other: one record, under the URL preferred among them.
      return *std::min_element(path.begin(), path.end(), record_url_before);
    }
    path.push_back(next);
    current = next;
  }
  return current;
}

}  // namespace senrei
