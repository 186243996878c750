// fetch/mirror_fetcher.hpp — serves a source's URLs from a local mirror instead of the network.
//
// The mirror is laid out as `wget -m` saves a site: the site root is a folder, a URL path
// /a/b/ is the file a/b/index.html, /a/b.html is a/b.html, and a query string is part of the
// file name (b.html?x=1).  URLs stay the real site's: `base_url` (e.g.
// http://renkei-support.mhlw.go.jp/) maps onto `root`.  A URL outside base_url, or one whose
// file would resolve outside `root` (../, symlinks), answers 404: nothing outside the mirror is
// ever read.  Content types come from file extensions.  A file is read only up to the cap for
// its type (the same caps as HTTP bodies): HTML and text give at most kMaxBodyBytesText + 1
// bytes (the extractor cuts at the cap and flags `truncated`); a PDF or other file past its cap
// answers error_kind "too_large" without being read.
#pragma once

#include <deque>
#include <filesystem>
#include <string>

#include "fetch/fetcher.hpp"

namespace senrei {

class MirrorFetcher : public Fetcher {
 public:
  MirrorFetcher(std::filesystem::path root, std::string base_url);

  void submit(FetchRequest request) override;
  std::vector<FetchResponse> poll(std::chrono::milliseconds wait) override;
  size_t pending() const override { return queue_.size(); }
  // Every file under the root, as real-site URLs (index.html as its folder's URL).
  std::vector<std::string> known_urls() const override;

  // The file a URL maps to, or empty when it maps to none.
  std::filesystem::path file_for(const std::string& url) const;

 private:
  std::filesystem::path root_;
  std::string base_url_;
  std::deque<FetchRequest> queue_;
};

// The media type for a file name: text/html, application/pdf, text/plain, or
// application/octet-stream.
std::string media_type_for(const std::filesystem::path& file);

}  // namespace senrei
