#include "crawl/frontier.hpp"

#include "senrei/url.hpp"

namespace senrei {

void Frontier::skip(const std::string& url, const char* bound) {
  if (limited_.insert(url).second) ++skipped_[bound];
}

// Counts a URL against its host and path; `followed`: found as a link, so the trap bounds apply.
bool Frontier::within_trap_bounds(const std::string& url, bool followed) {
  auto u = parse_url(url);
  if (!u) return true;
  std::string origin = u->origin();
  std::string path = origin + u->path;
  const char* bound = nullptr;
  if (followed && host_pages_[origin] >= bounds_.pages_per_host) bound = "pages_per_host";
  if (followed && u->has_query && path_variants_[path] >= bounds_.query_variants) bound = "query_variants";
  if (bound) {
    skip(url, bound);
    return false;
  }
  ++host_pages_[origin];
  if (u->has_query) ++path_variants_[path];
  return true;
}

void Frontier::admit(const std::string& url, int depth, bool followed) {
  if (seen_.count(url)) return;
  if (depth > bounds_.max_depth) return skip(url, "max_depth");
  if (bounds_.max_pages > 0 && admitted_ >= bounds_.max_pages) return skip(url, "max_pages");
  if (!within_trap_bounds(url, followed)) return;
  seen_.insert(url);
  ++admitted_;
  queue_.push_back({url, depth});
  new_urls_.emplace_back(url, depth);
}

void Frontier::hold(const std::string& url) {
  seen_.insert(url);
  ++admitted_;
  within_trap_bounds(url, false);
}

QueuedUrl Frontier::pop() {
  QueuedUrl q = std::move(queue_.front());
  queue_.pop_front();
  return q;
}

std::vector<std::pair<std::string, int>> Frontier::take_new() {
  std::vector<std::pair<std::string, int>> out;
  out.swap(new_urls_);
  return out;
}

}  // namespace senrei
