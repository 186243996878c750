// crawl/crawl_run.hpp, step "identity": one record per document (crawl/document_identity.hpp).
// A page whose bytes another, preferred URL of this run also serves, a redirect, or an in-scope
// canonical becomes an alias: it keeps no records of its own.
#include "crawl/crawl_run.hpp"

namespace senrei {

// `page` keeps no records of its own: its document is `owner`'s.
void CrawlRun::alias_to(PageState& page, const std::string& owner, const char* reason) {
  for (const auto& id : page.record_ids) sink_.remove(id);
  page.record_ids.clear();
  page.alias_of = owner;
  page.alias_reason = reason;
  alias_now_[page.url] = owner;
}

// Counts `page`'s body `sha` as served by it; true when that makes the page an alias of an
// earlier page with the same bytes.  A page that held those bytes' records and is now less
// preferred than this one becomes this one's alias.
bool CrawlRun::fold_body(PageState& page, const std::string& sha) {
  auto fold = documents_.body(page.url, sha);
  if (!fold.demoted.empty())
    if (PageState* d = pending_row(fold.demoted)) alias_to(*d, page.url, "same_body");
  if (fold.owner == page.url) return false;
  alias_to(page, fold.owner, "same_body");
  return true;
}

// Every page met in this run under the URL that holds its document: canonicals whose target
// had a usable body fold now; an alias whose document lost its holder takes it over.
void CrawlRun::fold_documents() {
  for (const auto& url : documents_.pages()) {
    const std::string owner = documents_.owner(url);
    if (owner.empty()) continue;
    auto a = alias_now_.find(url);
    const std::string current = a == alias_now_.end() ? std::string() : a->second;
    if (owner == url ? current.empty() : current == owner) continue;
    PageState* row = pending_row(url);
    if (!row) continue;
    if (owner != url) {
      alias_to(*row, owner, documents_.body_owner(url) == url ? "canonical" : "same_body");
      continue;
    }
    auto body = bodies_.get(row->sha256);
    if (!body) continue;  // the next run fetches it again
    PageState page = *row;
    FetchResponse r;
    r.request = {url, {}, {}, page.depth};
    r.final_url = url;
    r.status = 200;
    r.content_type = page.content_type;
    r.body = std::move(*body);
    const std::string sha = page.sha256;
    make_records(page, r, sha, true);
  }
}

}  // namespace senrei
