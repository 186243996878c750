#include "crawl/mirror_check.hpp"
#include "i18n/i18n.hpp"

#include "senrei/url.hpp"

namespace senrei {
namespace fs = std::filesystem;

namespace {

// A folder name as `wget -m` names a site's folder: a DNS name with at least one dot.
bool looks_like_host(const std::string& name) {
  if (name.find('.') == std::string::npos || name.front() == '.' || name.back() == '.') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
      return false;
  return true;
}

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

std::string mirror_root_problem(const Source& source, const SourceInfo& info, const fs::path& dir,
                                const MirrorFetcher& fetcher, std::chrono::milliseconds limit) {
  if (info.base_url.empty()) return {};
  const std::string shown = dir.string();
  auto base = parse_url(info.base_url);
  std::string folder = fs::absolute(dir).lexically_normal().filename().string();
  if (folder.empty()) folder = fs::absolute(dir).lexically_normal().parent_path().filename().string();
  if (base && looks_like_host(folder) && lower(folder) != lower(base->host))
    return trf("the --mirror folder {1} looks like a mirror of host {2}, but source '{3}' is the site {4}: give that "
               "site's folder (e.g. .../{4}); nothing was written",
               {shown, folder, info.name, base->host});
  std::string expected;
  // (seeds() that fail here are the crawl's to report, with that source's run stopped)
  auto seeds = PluginDoor(source, info, limit).seeds();
  if (!seeds) return {};
  for (const auto& seed : *seeds) {
    auto c = canonicalize_url(seed);
    if (!c) continue;
    fs::path file = fetcher.file_for(*c);
    std::error_code ec;
    if (!file.empty() && fs::is_regular_file(file, ec)) return {};
    if (expected.empty()) {
      std::string rest = c->size() > info.base_url.size() ? c->substr(info.base_url.size()) : std::string();
      if (!rest.empty() && rest.front() == '/') rest.erase(0, 1);
      fs::path f = dir / rest;
      if (rest.empty() || rest.back() == '/') f /= "index.html";
      expected = *c + " " + trf("(file {1})", {f.lexically_normal().string()});
    }
  }
  if (expected.empty()) return {};  // no seed on the site: nothing to check against
  return trf("the --mirror folder {1} does not hold source '{2}''s start page {3}: give the top folder of the site's "
             "mirror; nothing was written",
             {shown, info.name, expected});
}

}  // namespace senrei
