// crawl/crawl_run.hpp, step "fetch": the loop.  Queued URLs go to the fetcher (at most
// max_in_flight at once), or are answered from their stored body when the index lacks their
// records or on reindex; responses are taken as they come, and committed by batch.
#include "crawl/crawl_run.hpp"

namespace senrei {
namespace {

// A page's response made from its stored body, as the fetcher answered it when it was stored
// (the stored content type carries the header's charset parameter, read by the extractor).
FetchResponse stored_response(const PageState& page, FetchRequest request, std::string body) {
  FetchResponse r;
  r.request = std::move(request);
  r.final_url = page.url;
  r.status = 200;
  r.content_type = page.content_type;
  r.etag = page.etag;
  r.last_modified = page.last_modified;
  r.body = std::move(body);
  return r;
}

// True when the sink lacks one of the records the state says the page made.
bool records_lacking(const std::optional<std::unordered_set<std::string>>& present, const PageState& page) {
  if (!present) return false;
  for (const auto& id : page.record_ids)
    if (!present->count(id)) return true;
  return false;
}

}  // namespace

CrawlSummary CrawlRun::run() {
  plan();
  while (!frontier_.empty() || fetcher_.pending() > 0 || !from_store_.empty()) {
    if (options_.stop && options_.stop->load()) {
      summary_.interrupted = true;
      break;
    }
    submit_ready();
    take_responses();
    // Changed pages by count, for throughput; every page by time, so a killed crawl loses at most
    // a few seconds of work.  Unchanged pages (a 304, the same body) only need marking done, one
    // statement a batch, so they count kUnchangedPerChanged times less: a commit (index, bodies
    // and state, each synced) per 200 of them was most of a re-run's time.
    const size_t pending_rows = finished_.size() + touched_.size();
    if (finished_.size() >= options_.batch_pages || touched_.size() >= options_.batch_pages * kUnchangedPerChanged ||
        (pending_rows > 0 && Clock::now() - last_flush_ >= std::chrono::duration<double>(options_.batch_seconds)))
      flush();
    report(false);
  }
  fold_documents();
  flush();
  settle();
  finish();
  return summarize();
}

void CrawlRun::submit_ready() {
  while (!frontier_.empty() && fetcher_.pending() + from_store_.size() < options_.max_in_flight) {
    QueuedUrl q = frontier_.pop();
    PageState prev;
    // (The stored pages come in URL order, as plan() admitted them: read ahead in one pass.)
    if (known_.count(q.url))
      if (auto p = state_.get_in_order(name_, q.url)) prev = std::move(*p);
    prev.source = name_;
    prev.url = q.url;
    prev.depth = q.depth;
    FetchRequest req{q.url, prev.etag, prev.last_modified, q.depth};
    if (prev.alias_reason == "redirect" && !prev.alias_of.empty()) {  // conditional at the redirect's target
      if (auto target = state_.get(name_, prev.alias_of);
          target && target->alias_of.empty() && target->extractor == extractor_ && bodies_.has(target->sha256))
        req.target = {target->url, target->etag, target->last_modified};
    }
    // A body we no longer have cannot be "not modified": ask for it again.
    // Nor can a page read by another extractor (a plugin upgrade): its records must be remade.
    if ((!prev.sha256.empty() && !bodies_.has(prev.sha256)) || prev.extractor != extractor_)
      req.etag.clear(), req.last_modified.clear(), req.target = {};
    // The index lacks its records (or a reindex): made again from the stored body, not fetched.
    if (options_.offline || records_lacking(present_, prev)) {
      std::optional<std::string> body;
      if (!prev.sha256.empty()) body = bodies_.get(prev.sha256);
      if (body) {
        from_body_.insert(q.url);
        from_store_.push_back(stored_response(prev, std::move(req), std::move(*body)));
        in_flight_[q.url] = std::move(prev);
        continue;
      }
      if (options_.offline) {  // never fetched, or its body is gone: only a crawl can get it
        if (!prev.sha256.empty())
          fail(q.url, "no_stored_body",
               "its stored body is missing or damaged — run `senrei crawl " + name_ + "` to fetch it again");
        continue;
      }
    }
    in_flight_[q.url] = std::move(prev);
    fetcher_.submit(std::move(req));
  }
}

void CrawlRun::take_responses() {
  std::vector<FetchResponse> responses =
      fetcher_.pending() > 0 ? fetcher_.poll(std::chrono::milliseconds(from_store_.empty() ? 100 : 0))
                             : std::vector<FetchResponse>{};
  for (auto& r : from_store_) responses.push_back(std::move(r));
  from_store_.clear();
  for (auto& r : responses) take(r);
}

void CrawlRun::report(bool force) {
  if (!progress_) return;
  auto now = Clock::now();
  if (!force && now - last_progress_ < std::chrono::milliseconds(200)) return;
  last_progress_ = now;
  progress_({done_, static_cast<int64_t>(frontier_.size() + fetcher_.pending()), summary_.failed(),
             std::chrono::duration<double>(now - start_).count()});
}

}  // namespace senrei
