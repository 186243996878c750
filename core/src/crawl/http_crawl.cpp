#include "crawl/http_crawl.hpp"

#include <stdexcept>

namespace senrei {

std::unique_ptr<Fetcher> make_http_fetcher(const Source&, const SourceInfo& info, const HttpCrawlSettings&) {
  throw std::runtime_error("crawling " + info.name + " over HTTP is not available in this build; use --mirror DIR");
}

}  // namespace senrei
