#include "crawl/crawler.hpp"

#include <chrono>
#include <ctime>
#include <deque>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "crawl/document_identity.hpp"
#include "crawl/page_processor.hpp"
#include "crawl/plugin_call.hpp"
#include "senrei/url.hpp"
#include "senrei/version.hpp"

namespace senrei {

int64_t CrawlSummary::failed() const {
  int64_t n = 0;
  for (const auto& [k, v] : failed_by_reason) n += v;
  return n;
}

std::string extractor_id(const SourceInfo& info) {
  return info.name + "/" + info.version + " senrei/" + kVersion;
}

namespace {

struct QueuedUrl {
  std::string url;
  int depth;
};

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

CrawlSummary Crawler::run(const Source& source, Fetcher& fetcher, const CrawlOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const SourceInfo info = source.info();
  const std::string name = info.name;
  const std::string extractor = extractor_id(info);
  // Every call into the plugin runs under the deadline (crawl/plugin_call.hpp, F5).
  const auto plugin_limit = std::chrono::milliseconds(static_cast<int64_t>(options.plugin_time_limit_seconds * 1000));
  const CrawlPolicy policy = call_policy(source, info, plugin_limit);  // throws PluginTimeout
  const int max_pages = options.max_pages > 0 ? options.max_pages : policy.max_pages;
  const int max_depth = options.max_depth > 0   ? options.max_depth
                        : policy.max_depth > 0 ? policy.max_depth
                                               : kDefaultMaxDepth;
  const int per_host = options.max_pages_per_host > 0 ? options.max_pages_per_host : kDefaultMaxPagesPerHost;
  const int query_variants = options.max_query_variants > 0 ? options.max_query_variants : kDefaultMaxQueryVariants;

  CrawlSummary summary;
  summary.source = name;

  std::deque<QueuedUrl> frontier;
  std::unordered_set<std::string> seen;  // queued or done in this run
  std::vector<std::pair<std::string, int>> new_urls;  // to enqueue at the next flush
  std::vector<PageState> finished;                    // to save at the next flush
  std::vector<QueuedUrl> touched;                     // done again, nothing else changed: to mark at the next flush
  // Every URL the state has a row for (its lists are read one page at a time, when fetched: a
  // 200,000-page site's links would not fit the memory bound).
  std::unordered_set<std::string> known;
  std::unordered_map<std::string, PageState> in_flight;
  int64_t admitted = 0;
  std::unordered_map<std::string, int> host_pages;      // origin → URLs admitted
  std::unordered_map<std::string, int> path_variants;   // origin + path → query URLs admitted
  std::unordered_set<std::string> limited;              // URLs refused by a bound, counted once
  // Every URL this run found a way to: a seed, a mirror's file, a link of a page read (or, for a
  // page that failed, of its last version), a redirect's or canonical's target.  A stored page
  // outside it is still served but no longer linked: evidence that it is gone (removal_policy).
  std::unordered_set<std::string> linked;

  auto skip = [&](const std::string& url, const char* bound) {
    if (limited.insert(url).second) ++summary.skipped_by_limit[bound];
  };
  // Counts a URL against its host and path; `followed`: found as a link, so the trap bounds apply.
  auto within_trap_bounds = [&](const std::string& url, bool followed) {
    auto u = parse_url(url);
    if (!u) return true;
    std::string origin = u->origin();
    std::string path = origin + u->path;
    const char* bound = nullptr;
    if (followed && host_pages[origin] >= per_host) bound = "pages_per_host";
    if (followed && u->has_query && path_variants[path] >= query_variants) bound = "query_variants";
    if (bound) {
      skip(url, bound);
      return false;
    }
    ++host_pages[origin];
    if (u->has_query) ++path_variants[path];
    return true;
  };
  auto admit = [&](const std::string& url, int depth, bool followed) {
    if (seen.count(url)) return;
    if (depth > max_depth) return skip(url, "max_depth");
    if (max_pages > 0 && admitted >= max_pages) return skip(url, "max_pages");
    if (!within_trap_bounds(url, followed)) return;
    seen.insert(url);
    ++admitted;
    frontier.push_back({url, depth});
    new_urls.emplace_back(url, depth);
  };

  // A run that crashed on a page of this source (inside the plugin, or the extractor) left a
  // marker with the signal: skip that page once, so the crawl can get past it.  A run that was
  // only interrupted (killed) left one without: that page is simply done again.
  if (auto marker = state_.in_progress(); marker && marker->source == name) {
    if (marker->signal != 0) {
      summary.crashed_stage = marker->stage;
      summary.crashed_url = marker->url;
    }
    state_.clear_in_progress();
  }
  bool plugin_disabled = false;
  std::string disabled_reason;
  // The scope of the pages the state has, asked before anything is changed: a plugin that does
  // not answer in time stops the run here, and no page is removed for it.
  std::vector<PageHead> stored = state_.heads(name);
  std::vector<char> stored_in_scope;
  {
    std::vector<std::string> urls;
    urls.reserve(stored.size());
    for (const auto& page : stored) urls.push_back(page.url);
    ScopeCall scope = call_in_scope(source, info, std::move(urls), plugin_limit);
    if (!scope.ok()) throw PluginTimeout(scope.error + "; nothing was changed");
    stored_in_scope = std::move(scope.in);
  }
  // The seeds and the fetcher's known URLs (a mirror's files), with their scope, likewise.
  std::vector<std::string> starts;
  for (const auto& seed : call_seeds(source, info, plugin_limit))
    if (auto c = canonicalize_url(seed)) starts.push_back(*c);
  for (auto& url : fetcher.known_urls()) starts.push_back(std::move(url));
  std::vector<char> starts_in_scope;
  {
    ScopeCall scope = call_in_scope(source, info, starts, plugin_limit);
    if (!scope.ok()) throw PluginTimeout(scope.error + "; nothing was changed");
    starts_in_scope = std::move(scope.in);
  }

  // What the index holds of this source: a page whose records it lacks (the index deleted,
  // damaged and rebuilt, behind the state) is extracted again from its stored body (F1), and so
  // is one whose record the index holds but cannot read (a damaged docdata table).
  const auto present = sink_.present_ids(name);
  summary.unreadable_records = sink_.unreadable_ids();

  // Begin or resume this source's run, in one transaction with its initial frontier.
  state_.begin();
  Run run = state_.begin_run(name);
  summary.resumed = run.resumed;
  known.reserve(stored.size());
  summary.pages_before = static_cast<int64_t>(stored.size());
  // Missing pages are removed only as crawl/removal_policy.hpp allows, after the run.
  const std::map<std::string, int64_t> missing_since = state_.missing(name);
  std::vector<MissingPage> missing_now;
  auto note_missing = [&](const std::string& url, std::string reason, std::vector<std::string> record_ids) {
    auto it = missing_since.find(url);
    missing_now.push_back({url, std::move(reason), it == missing_since.end() ? 0 : it->second, std::move(record_ids)});
  };
  std::vector<FetchResponse> from_store;        // answered from stored bodies, not the fetcher
  std::unordered_set<std::string> from_body;    // their URLs
  for (size_t k = 0; k < stored.size(); ++k) {
    auto& page = stored[k];
    if (!options.offline && !stored_in_scope[k]) {  // left the scope: missing
      auto full = state_.get(name, page.url);
      note_missing(page.url, "out_of_scope", full ? full->record_ids : std::vector<std::string>{});
      known.insert(std::move(page.url));
      continue;
    }
    if (run.resumed && page.generation == run.generation && !options.offline) {
      seen.insert(page.url);
      ++admitted;
      within_trap_bounds(page.url, false);
      if (page.state == "queued") frontier.push_back({page.url, page.depth});
    } else {
      admit(page.url, page.depth, false);
    }
    known.insert(std::move(page.url));
  }
  stored.clear();
  stored.shrink_to_fit();
  // Only URLs the state does not have yet are written as queued: a page it has from an earlier
  // run is admitted again from its row if this run is killed and resumed, so rewriting every row
  // here (and again when done) would only double a re-run's writes.
  auto enqueue_new = [&](std::vector<std::pair<std::string, int>>& urls) {
    for (const auto& [url, depth] : urls)
      if (!known.count(url)) state_.enqueue(name, url, depth, run.generation);
    urls.clear();
  };
  if (!options.offline)
    for (size_t k = 0; k < starts.size(); ++k)
      if (starts_in_scope[k]) {
        linked.insert(starts[k]);
        admit(starts[k], 0, false);
      }
  starts.clear();
  enqueue_new(new_urls);
  state_.commit();

  // A batch of pages whose records were handed to the index, and the commit that makes them
  // durable.  The commit runs on the index writer's thread while this one reads the next pages;
  // the batch is written to the state once that commit is done (settle), so the state never
  // claims more than the index holds.
  struct Batch {
    std::uint64_t ticket = 0;
    std::vector<std::pair<std::string, int>> new_urls;
    std::vector<PageState> finished;
    std::vector<QueuedUrl> touched;
  };
  std::optional<Batch> committing;
  auto settle = [&] {
    if (!committing) return;
    sink_.wait_commit(committing->ticket);
    state_.begin();
    enqueue_new(committing->new_urls);
    for (const auto& p : committing->finished) {
      if (p.state == "gone")
        state_.erase(name, p.url);
      else
        state_.save(p);
    }
    const int64_t now = std::time(nullptr);
    for (const auto& t : committing->touched) state_.touch(name, t.url, t.depth, run.generation, now);
    state_.commit();
    committing.reset();
  };
  auto last_flush = std::chrono::steady_clock::now();
  auto flush = [&] {
    last_flush = std::chrono::steady_clock::now();
    settle();  // the previous batch: its commit had this batch's time to finish
    // Bodies before the index (every indexed record has its stored body), both before the state.
    const std::uint64_t ticket = sink_.begin_commit([this] { bodies_.sync(); });
    committing = Batch{ticket, std::move(new_urls), std::move(finished), std::move(touched)};
    new_urls.clear();
    finished.clear();
    touched.clear();
  };

  // One record per document (crawl/document_identity.hpp): the run's evidence, and every page
  // this run left as an alias (URL → the URL holding its records).
  DocumentFolding documents;
  std::unordered_map<std::string, std::string> alias_now;
  // The row of `url` as it will be saved: the pending one (edited in place), else a copy of the
  // committing batch's or the stored one appended to the pending rows; nullptr when none.
  auto pending_row = [&](const std::string& url) -> PageState* {
    for (auto it = finished.rbegin(); it != finished.rend(); ++it)
      if (it->url == url) return &*it;
    std::optional<PageState> row;
    if (committing)
      for (const auto& c : committing->finished)
        if (c.url == url) row = c;
    if (!row) row = state_.get(name, url);
    if (!row || row->state == "gone") return nullptr;
    row->generation = run.generation;
    finished.push_back(std::move(*row));
    return &finished.back();
  };
  // `page` keeps no records of its own: its document is `owner`'s.
  auto alias_to = [&](PageState& page, const std::string& owner, const char* reason) {
    for (const auto& id : page.record_ids) sink_.remove(id);
    page.record_ids.clear();
    page.alias_of = owner;
    page.alias_reason = reason;
    alias_now[page.url] = owner;
  };
  // Counts `page`'s body `sha` as served by it; true when that makes the page an alias of an
  // earlier page with the same bytes.  A page that held those bytes' records and is now less
  // preferred than this one becomes this one's alias.
  auto fold_body = [&](PageState& page, const std::string& sha) {
    auto fold = documents.body(page.url, sha);
    if (!fold.demoted.empty())
      if (PageState* d = pending_row(fold.demoted)) alias_to(*d, page.url, "same_body");
    if (fold.owner == page.url) return false;
    alias_to(page, fold.owner, "same_body");
    return true;
  };

  // Set when a page this run could not read had no earlier version, so its links are unknown
  // (a refusal by robots.txt, scope or address never has any): no page is then "not linked".
  bool links_unknown = false;
  auto fail = [&](const std::string& url, const std::string& kind, const std::string& message) {
    ++summary.failed_by_reason[kind];
    summary.failures.push_back({url, kind, message});
  };
  auto note_unread = [&](const PageState& page, const std::string& kind) {
    static const std::unordered_set<std::string> never_read = {"robots", "scope", "private_address", "protocol",
                                                                "redirect_limit", "not_found"};
    if (page.sha256.empty() && !never_read.count(kind)) links_unknown = true;
  };

  auto note_links = [&](const PageState& page) {  // (only stored pages can be "not linked")
    for (const auto& l : page.links)
      if (known.count(l)) linked.insert(l);
  };
  auto requeue_links = [&](const PageState& page) {
    note_links(page);
    if (plugin_disabled || options.offline) return;  // a reindex follows no link
    std::vector<std::string> unseen;  // (seen first: most links of a re-run are, and cost no plugin call)
    for (const auto& l : page.links)
      if (!seen.count(l)) unseen.push_back(l);
    ScopeCall scope = call_in_scope(source, info, unseen, plugin_limit);
    if (!scope.ok()) {
      plugin_disabled = true;
      disabled_reason = "plugin '" + name + "' was disabled for this run after it did not return on " + page.url;
      fail(page.url, scope.error_kind, scope.error);
      return;
    }
    for (size_t k = 0; k < unseen.size(); ++k)
      if (scope.in[k]) admit(unseen[k], page.depth + 1, true);
  };

  // Extracts a fetched body into `page`'s records, replacing the ones it had; a failure keeps them.
  // `rebuilding`: made again from its stored body (an index behind the state, or a reindex),
  // counted as rebuilt where it was read, not as changed.
  auto make_records = [&](PageState& page, FetchResponse& r, const std::string& sha, bool had_page,
                          bool rebuilding = false) {
    bodies_.put(r.body);  // throws on a full disk: the run stops, what is committed stays
    PageOutcome outcome;
    if (plugin_disabled) {
      outcome.error_kind = "plugin_disabled";
      outcome.error = disabled_reason;
    } else if (page.url == summary.crashed_url) {
      outcome.error_kind = "crashed";
      outcome.error = "the last crawl died on this page in " +
                      (summary.crashed_stage == "plugin" ? "plugin '" + name + "'" : std::string("the extractor")) +
                      "; skipped once (run again to retry it, or leave the source out with --skip-source " + name + ")";
    } else {
      outcome = process_page(source, info, r, plugin_limit, [&](const char* stage) {
        state_.mark_in_progress(name, page.url, stage);
      });
      state_.clear_in_progress();
    }
    if (outcome.error_kind == "plugin_timeout") {
      plugin_disabled = true;
      disabled_reason = "plugin '" + name + "' was disabled for this run after it did not return on " + page.url;
    }
    if (!outcome.ok()) {
      // Keep the previous records; try again next run (sha not recorded as processed, and
      // no validators kept, or the next run's conditional request would skip it).
      page.state = "failed";
      page.etag.clear();
      page.last_modified.clear();
      page.error = outcome.error_kind + ": " + outcome.error;
      fail(page.url, outcome.error_kind, outcome.error);
      note_unread(page, outcome.error_kind);
      note_links(page);  // its last version's links still count as links
      finished.push_back(std::move(page));
      return;
    }
    std::unordered_set<std::string> new_ids;
    for (const auto& rec : outcome.records) {
      sink_.replace(rec);
      new_ids.insert(rec.id);
      ++summary.records;
    }
    for (const auto& old : page.record_ids)
      if (!new_ids.count(old)) sink_.remove(old);
    page.record_ids.clear();
    for (const auto& rec : outcome.records) page.record_ids.push_back(rec.id);
    page.links = outcome.links;
    page.flags = outcome.flags;
    for (const auto& f : outcome.flags) ++summary.flagged[f];
    page.sha256 = sha;
    page.extractor = extractor;
    page.alias_of.clear();
    page.alias_reason.clear();
    alias_now.erase(page.url);
    if (!outcome.canonical.empty()) {  // the end of the run folds it when the target is fetched
      linked.insert(outcome.canonical);
      documents.declare_canonical(page.url, outcome.canonical);
      if (!seen.count(outcome.canonical)) admit(outcome.canonical, page.depth, false);
    }
    if (!rebuilding) (had_page ? summary.changed : summary.new_pages) += 1;  // (rebuilt: counted where read)
    requeue_links(page);
    finished.push_back(std::move(page));
  };

  int64_t done = 0;
  auto last_progress = start;
  auto report = [&](bool force) {
    if (!progress_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    progress_({done, static_cast<int64_t>(frontier.size() + fetcher.pending()), summary.failed(),
               std::chrono::duration<double>(now - start).count()});
  };

  while (!frontier.empty() || fetcher.pending() > 0 || !from_store.empty()) {
    if (options.stop && options.stop->load()) {
      summary.interrupted = true;
      break;
    }
    while (!frontier.empty() && fetcher.pending() + from_store.size() < options.max_in_flight) {
      auto q = std::move(frontier.front());
      frontier.pop_front();
      PageState prev;
      if (known.count(q.url))
        if (auto p = state_.get(name, q.url)) prev = std::move(*p);
      prev.source = name;
      prev.url = q.url;
      prev.depth = q.depth;
      FetchRequest req{q.url, prev.etag, prev.last_modified, q.depth};
      if (prev.alias_reason == "redirect" && !prev.alias_of.empty()) {  // conditional at the redirect's target
        if (auto target = state_.get(name, prev.alias_of);
            target && target->alias_of.empty() && target->extractor == extractor && bodies_.has(target->sha256))
          req.target = {target->url, target->etag, target->last_modified};
      }
      // A body we no longer have cannot be "not modified": ask for it again.
      // Nor can a page read by another extractor (a plugin upgrade): its records must be remade.
      if ((!prev.sha256.empty() && !bodies_.has(prev.sha256)) || prev.extractor != extractor)
        req.etag.clear(), req.last_modified.clear(), req.target = {};
      // The index lacks its records (or a reindex): made again from the stored body, not fetched.
      if (options.offline || records_lacking(present, prev)) {
        std::optional<std::string> body;
        if (!prev.sha256.empty()) body = bodies_.get(prev.sha256);
        if (body) {
          from_body.insert(q.url);
          from_store.push_back(stored_response(prev, std::move(req), std::move(*body)));
          in_flight[q.url] = std::move(prev);
          continue;
        }
        if (options.offline) {  // never fetched, or its body is gone: only a crawl can get it
          if (!prev.sha256.empty())
            fail(q.url, "no_stored_body",
                 "its stored body is missing or damaged — run `senrei crawl " + name + "` to fetch it again");
          continue;
        }
      }
      in_flight[q.url] = std::move(prev);
      fetcher.submit(std::move(req));
    }

    std::vector<FetchResponse> responses =
        fetcher.pending() > 0 ? fetcher.poll(std::chrono::milliseconds(from_store.empty() ? 100 : 0))
                              : std::vector<FetchResponse>{};
    for (auto& r : from_store) responses.push_back(std::move(r));
    from_store.clear();
    for (auto& r : responses) {
      auto it = in_flight.find(r.request.url);
      if (it == in_flight.end()) continue;
      PageState page = std::move(it->second);
      in_flight.erase(it);
      ++done;
      page.generation = run.generation;
      page.state = "done";
      const bool rebuilding = from_body.count(page.url) > 0;
      if (!rebuilding) page.fetched_at = std::time(nullptr);
      bool had_page = !page.sha256.empty();
      if (!page.alias_of.empty()) alias_now[page.url] = page.alias_of;

      if (r.status == 404 || r.status == 410) {
        // With --prune the page goes at the end of this run, so an alias of its document takes
        // the records over in this run too; without, it keeps them until removal is decided.
        if (options.prune) {
          documents.lost(page.url);
        } else if (had_page && page.alias_of.empty() && fold_body(page, page.sha256)) {
          // It keeps its records, so it still holds its document — unless a preferred URL of this
          // run serves the same bytes, which then holds them and this one is its alias.
          finished.push_back(std::move(page));
          continue;
        }
        if (had_page) {  // evidence, not proof: kept until the run's end decides (removal_policy)
          note_missing(page.url, "http_" + std::to_string(r.status), page.record_ids);
          touched.push_back({std::move(page.url), page.depth});
          continue;
        } else {
          fail(page.url, "not_found", "HTTP " + std::to_string(r.status));
        }
        page.state = "gone";
        finished.push_back(std::move(page));
        continue;
      }
      if (!r.ok()) {
        page.state = "failed";
        page.failures += 1;
        page.status = r.status;
        page.error = r.error_kind + ": " + r.error;
        fail(page.url, r.error_kind.empty() ? "http_" + std::to_string(r.status) : r.error_kind, r.error);
        note_unread(page, r.error_kind.empty() ? "http_" + std::to_string(r.status) : r.error_kind);
        note_links(page);  // not read now: its last version's links still count
        // It keeps its previous records, so it still claims its last body.
        if (!page.sha256.empty() && page.alias_of.empty()) fold_body(page, page.sha256);
        finished.push_back(std::move(page));
        continue;
      }
      // A redirect: this URL is an alias of where it led, and the response is that URL's.
      if (const std::string target = r.final_url.empty() ? page.url : r.final_url; target != page.url) {
        if (r.not_modified) {  // the target answered our conditional request: nothing changed
          ++summary.not_modified;
          linked.insert(target);
          if (auto row = state_.get(name, target)) note_links(*row);  // its links are those it had
          touched.push_back({std::move(page.url), page.depth});
          continue;
        }
        alias_to(page, target, "redirect");
        linked.insert(target);
        page.sha256.clear();
        page.etag.clear();
        page.last_modified.clear();
        page.links.clear();
        page.status = r.status;
        page.extractor = extractor;
        finished.push_back(std::move(page));
        if (seen.count(target)) continue;  // fetched on its own in this run
        seen.insert(target);
        ++admitted;
        within_trap_bounds(target, false);
        PageState next;
        if (known.count(target))
          if (auto row = state_.get(name, target)) next = std::move(*row);
        next.source = name;
        next.url = target;
        next.depth = finished.back().depth;
        next.generation = run.generation;
        next.state = "done";
        next.fetched_at = std::time(nullptr);
        page = std::move(next);
        had_page = !page.sha256.empty();
        r.request.url = target;
      }
      if (r.not_modified) {
        ++summary.not_modified;
        const std::string was_alias_of = page.alias_of;
        if (!page.sha256.empty() && fold_body(page, page.sha256) && was_alias_of != page.alias_of) {
          finished.push_back(std::move(page));
          continue;
        }
        // An alias stays one until the end of the run, which gives it the records if the page
        // it pointed to no longer holds them.
        if (page.alias_reason == "canonical") documents.declare_canonical(page.url, page.alias_of);
        requeue_links(page);
        touched.push_back({std::move(page.url), page.depth});
        continue;
      }
      if (rebuilding)
        ++summary.rebuilt;
      else
        ++summary.fetched;
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
        page.extractor = extractor;
        finished.push_back(std::move(page));
        continue;
      }
      if (!rebuilding && had_page && sha == page.sha256 && page.extractor == extractor && bodies_.has(sha)) {
        ++summary.unchanged;
        // An alias stays one until the end of the run (see the 304 case above).
        if (page.alias_reason == "canonical") documents.declare_canonical(page.url, page.alias_of);
        requeue_links(page);
        finished.push_back(std::move(page));
        continue;
      }
      make_records(page, r, sha, had_page, rebuilding);
    }
    // By count for throughput, by time so a killed crawl loses at most a few seconds of work.
    const size_t pending_rows = finished.size() + touched.size();
    if (pending_rows >= options.batch_pages ||
        (pending_rows > 0 && std::chrono::steady_clock::now() - last_flush >=
                                  std::chrono::duration<double>(options.batch_seconds)))
      flush();
    report(false);
  }
  // Every page met in this run under the URL that holds its document: canonicals whose target
  // had a usable body fold now; an alias whose document lost its holder takes it over.
  for (const auto& url : documents.pages()) {
    const std::string owner = documents.owner(url);
    if (owner.empty()) continue;
    auto a = alias_now.find(url);
    const std::string current = a == alias_now.end() ? std::string() : a->second;
    if (owner == url ? current.empty() : current == owner) continue;
    PageState* row = pending_row(url);
    if (!row) continue;
    if (owner != url) {
      alias_to(*row, owner, documents.body_owner(url) == url ? "canonical" : "same_body");
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
  flush();
  settle();
  if (summary.interrupted) {  // the run stays open: the next one resumes it
    report(true);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
  }
  if (!options.offline) {
    std::unordered_set<std::string> still_missing;
    for (const auto& m : missing_now) still_missing.insert(m.url);
    // A page that still answers but that no page of this run links to (nor a seed or a mirror's
    // file) is evidence too, judged like a 404 (removal_policy.hpp) — but only from a run that
    // knows every link: not resumed, the plugin never disabled, no link refused by a bound, and
    // no page that failed without an earlier version whose links stand in for it.
    if (!run.resumed && !plugin_disabled && !links_unknown && summary.skipped_by_limit.empty()) {
      for (const auto& url : known) {
        if (linked.count(url) || still_missing.count(url) || !seen.count(url)) continue;
        auto row = state_.get(name, url);
        if (!row || row->state != "done" || row->generation != run.generation || row->record_ids.empty() ||
            !row->alias_of.empty())
          continue;
        note_missing(url, "not_linked", row->record_ids);
        still_missing.insert(url);
      }
    }
    // Pages missing before and found in this run are no longer missing.
    state_.begin();
    for (const auto& [url, since] : missing_since)
      if (!still_missing.count(url) && seen.count(url)) state_.clear_missing(name, url);
    state_.commit();
    apply_removals(state_, sink_, name, missing_now, options.prune, summary);
  }
  state_.begin();
  state_.finish_run(name, run.generation);
  state_.commit();
  report(true);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace senrei
