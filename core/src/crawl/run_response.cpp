// crawl/crawl_run.hpp, step "response": what one response means for its page.  404/410 is
// evidence that the page is missing (decided at the run's end); another failure keeps the page's
// records; a redirect makes the URL an alias of its target, whose response it is; 304 and an
// unchanged body rewrite nothing; anything else is a body to make records of.
#include <ctime>

#include "crawl/crawl_run.hpp"

namespace senrei {

void CrawlRun::take(FetchResponse& r) {
  auto it = in_flight_.find(r.request.url);
  if (it == in_flight_.end()) return;
  PageState page = std::move(it->second);
  in_flight_.erase(it);
  ++done_;
  page.generation = run_.generation;
  page.state = "done";
  const bool rebuilding = from_body_.count(page.url) > 0;
  if (!rebuilding) page.fetched_at = std::time(nullptr);
  bool had_page = !page.sha256.empty();
  if (!page.alias_of.empty()) alias_now_[page.url] = page.alias_of;

  if (r.status == 404 || r.status == 410) {
    if (take_missing(page, r, had_page)) return;
    page.state = "gone";
    finished_.push_back(std::move(page));
    return;
  }
  if (!r.ok()) return take_failed(page, r);
  if (!follow_redirect(page, r, had_page)) return;
  if (r.not_modified) return take_not_modified(page);
  take_body(page, r, had_page, rebuilding);
}

// A 404/410.  True when the page was dealt with; false: it is gone (never had records).
bool CrawlRun::take_missing(PageState& page, const FetchResponse& r, bool had_page) {
  // With --prune the page goes at the end of this run, so an alias of its document takes
  // the records over in this run too; without, it keeps them until removal is decided.
  if (options_.prune) {
    documents_.lost(page.url);
  } else if (had_page && page.alias_of.empty() && fold_body(page, page.sha256)) {
    // It keeps its records, so it still holds its document — unless a preferred URL of this
    // run serves the same bytes, which then holds them and this one is its alias.
    finished_.push_back(std::move(page));
    return true;
  }
  if (had_page) {  // evidence, not proof: kept until the run's end decides (removal_policy)
    note_missing(page.url, "http_" + std::to_string(r.status), page.record_ids);
    touched_.push_back({std::move(page.url), page.depth});
    return true;
  }
  fail(page.url, "not_found", "HTTP " + std::to_string(r.status));
  return false;
}

void CrawlRun::take_failed(PageState& page, const FetchResponse& r) {
  page.state = "failed";
  page.failures += 1;
  page.status = r.status;
  page.error = r.error_kind + ": " + r.error;
  const std::string kind = r.error_kind.empty() ? "http_" + std::to_string(r.status) : r.error_kind;
  fail(page.url, kind, r.error);
  note_unread(page, kind);
  note_links(page);  // not read now: its last version's links still count
  // It keeps its previous records, so it still claims its last body.
  if (!page.sha256.empty() && page.alias_of.empty()) fold_body(page, page.sha256);
  finished_.push_back(std::move(page));
}

// A redirect: this URL is an alias of where it led, and the response is that URL's (`page`
// becomes the target's row).  False when nothing more is to be done with the response.
bool CrawlRun::follow_redirect(PageState& page, FetchResponse& r, bool& had_page) {
  const std::string target = r.final_url.empty() ? page.url : r.final_url;
  if (target == page.url) return true;
  if (r.not_modified) {  // the target answered our conditional request: nothing changed
    ++summary_.not_modified;
    linked_.insert(target);
    if (known_.count(target))
      if (auto row = state_.get(name_, target)) note_links(*row);  // its links are those it had
    touched_.push_back({std::move(page.url), page.depth});
    return false;
  }
  alias_to(page, target, "redirect");
  linked_.insert(target);
  page.sha256.clear();
  page.etag.clear();
  page.last_modified.clear();
  page.links.clear();
  page.status = r.status;
  page.extractor = extractor_;
  finished_.push_back(std::move(page));
  if (frontier_.seen(target)) return false;  // fetched on its own in this run
  frontier_.hold(target);
  PageState next;
  if (known_.count(target))
    if (auto row = state_.get(name_, target)) next = std::move(*row);
  next.source = name_;
  next.url = target;
  next.depth = finished_.back().depth;
  next.generation = run_.generation;
  next.state = "done";
  next.fetched_at = std::time(nullptr);
  page = std::move(next);
  had_page = !page.sha256.empty();
  r.request.url = target;
  return true;
}

void CrawlRun::take_not_modified(PageState& page) {
  ++summary_.not_modified;
  const std::string was_alias_of = page.alias_of;
  if (!page.sha256.empty() && fold_body(page, page.sha256) && was_alias_of != page.alias_of) {
    finished_.push_back(std::move(page));
    return;
  }
  // An alias stays one until the end of the run, which gives it the records if the page
  // it pointed to no longer holds them.
  if (page.alias_reason == "canonical") documents_.declare_canonical(page.url, page.alias_of);
  requeue_links(page);
  touched_.push_back({std::move(page.url), page.depth});
}

void CrawlRun::take_body(PageState& page, FetchResponse& r, bool had_page, bool rebuilding) {
  if (rebuilding)
    ++summary_.rebuilt;
  else
    ++summary_.fetched;
  page.status = r.status;
  page.etag = r.etag;
  page.last_modified = r.last_modified;
  // With the header's charset, so a page extracted again from its stored body (reindex)
  // is decoded as it was when fetched.
  page.content_type = r.charset.empty() ? r.content_type : r.content_type + "; charset=" + r.charset;
  page.failures = 0;
  page.error.clear();
  std::string sha = sha256_hex(r.body);
  if (fold_body(page, sha)) {  // the same bytes as a preferred URL: an alias of it
    bodies_.put(r.body);
    page.sha256 = sha;
    page.extractor = extractor_;
    finished_.push_back(std::move(page));
    return;
  }
  if (!rebuilding && had_page && sha == page.sha256 && page.extractor == extractor_ && bodies_.has(sha)) {
    ++summary_.unchanged;
    // An alias stays one until the end of the run (see the 304 case above).
    if (page.alias_reason == "canonical") documents_.declare_canonical(page.url, page.alias_of);
    requeue_links(page);
    finished_.push_back(std::move(page));
    return;
  }
  make_records(page, r, sha, had_page, rebuilding);
}

}  // namespace senrei
