#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "crawl/crawler.hpp"
#include "fetch/mirror_fetcher.hpp"
#include "memory_sink.hpp"

namespace fs = std::filesystem;
using namespace senrei;

namespace {

class TestSource : public Source {
 public:
  SourceInfo info() const override { return {"test", "Test", "me", version, "http://example.test/"}; }
  std::vector<std::string> seeds() const override { return {"http://example.test/"}; }
  bool in_scope(std::string_view url) const override { return url.rfind("http://example.test/", 0) == 0; }
  std::vector<Record> extract(const ParsedPage& page) const override {
    if (page.url.find(throw_on) != std::string::npos && !throw_on.empty()) throw std::runtime_error("boom");
    Record r;
    r.title = page.title;
    r.text = page.main_text();
    return {r};
  }
  std::string version = "1";
  std::string throw_on;
};

// Its policy() or seeds() throw, as a plugin being written may.
class BrokenStartSource : public TestSource {
 public:
  std::vector<std::string> seeds() const override {
    if (seeds_throw) throw std::runtime_error("no seeds file");
    return TestSource::seeds();
  }
  CrawlPolicy policy() const override {
    if (policy_throws) throw 7;  // not even a std::exception
    return {};
  }
  bool policy_throws = false;
  bool seeds_throw = false;
};

struct Site {
  fs::path root;
  explicit Site(const std::string& name) {
    root = fs::temp_directory_path() / ("senrei-crawl-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "mirror");
  }
  ~Site() { fs::remove_all(root); }
  fs::path mirror() const { return root / "mirror"; }
  void page(const std::string& path, const std::string& title, const std::string& links) {
    auto file = mirror() / path;
    if (path.empty() || path.back() == '/') file /= "index.html";
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "<html><head><meta charset=\"utf-8\"><title>" << title << "</title></head><body><p>"
                        << title << "の本文</p>" << links << "</body></html>";
  }
};

}  // namespace

TEST(Crawler, MirrorRunThenUnchangedThenChangedThenRemoved) {
  Site site("cycle");
  site.page("", "トップ", "<a href=\"/a/\">A</a><a href=\"/b/\">B</a><a href=\"http://other.test/\">外部</a>");
  site.page("a/", "ページA", "<a href=\"../b/\">B</a>");
  site.page("b/", "ページB", "");
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;

  {
    MirrorFetcher f(site.mirror(), "http://example.test/");
    auto s = Crawler(state, bodies, sink).run(src, f);
    EXPECT_EQ(s.fetched, 3);
    EXPECT_EQ(s.new_pages, 3);
    EXPECT_EQ(s.records, 3);
    EXPECT_EQ(s.failed(), 0);
  }
  ASSERT_EQ(sink.committed.size(), 3u);
  EXPECT_EQ(sink.committed.at("test:http://example.test/a/").title, "ページA");
  EXPECT_EQ(sink.committed.at("test:http://example.test/a/").url, "http://example.test/a/");

  int replaced_before = sink.replaced;
  {
    MirrorFetcher f(site.mirror(), "http://example.test/");
    auto s = Crawler(state, bodies, sink).run(src, f);
    // The mirror answers like a web server: same size and time → 304, the file is not read.
    EXPECT_EQ(s.not_modified, 3);
    EXPECT_EQ(s.fetched, 0);
    EXPECT_EQ(s.records, 0);
  }
  EXPECT_EQ(sink.replaced, replaced_before);  // nothing rewritten

  // A file touched but not changed is read again, and its hash says it is unchanged.
  fs::last_write_time(site.mirror() / "a" / "index.html", fs::file_time_type::clock::now());
  {
    MirrorFetcher f(site.mirror(), "http://example.test/");
    auto s = Crawler(state, bodies, sink).run(src, f);
    EXPECT_EQ(s.not_modified, 2);
    EXPECT_EQ(s.fetched, 1);
    EXPECT_EQ(s.unchanged, 1);
    EXPECT_EQ(s.records, 0);
  }
  EXPECT_EQ(sink.replaced, replaced_before);

  site.page("a/", "ページA改", "");
  fs::remove_all(site.mirror() / "b");
  {
    MirrorFetcher f(site.mirror(), "http://example.test/");
    CrawlOptions prune;  // one page of three missing: removed at once only when asked (removal_policy)
    prune.prune = true;
    auto s = Crawler(state, bodies, sink).run(src, f, prune);
    EXPECT_EQ(s.changed, 1);
    EXPECT_EQ(s.removed, 1);
    ASSERT_EQ(s.removed_urls.size(), 1u);
    EXPECT_EQ(s.removed_urls[0], "http://example.test/b/");
  }
  EXPECT_EQ(sink.committed.size(), 2u);
  EXPECT_EQ(sink.committed.at("test:http://example.test/a/").title, "ページA改");
  EXPECT_FALSE(sink.committed.count("test:http://example.test/b/"));
}

TEST(Crawler, APluginThatThrowsFailsOnlyItsPage) {
  Site site("throw");
  site.page("", "トップ", "<a href=\"/a/\">A</a><a href=\"/b/\">B</a>");
  site.page("a/", "ページA", "");
  site.page("b/", "ページB", "");
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  src.throw_on = "/a/";
  MirrorFetcher f(site.mirror(), "http://example.test/");
  auto s = Crawler(state, bodies, sink).run(src, f);
  EXPECT_EQ(s.failed_by_reason["plugin"], 1);
  ASSERT_EQ(s.failures.size(), 1u);
  EXPECT_EQ(s.failures[0].url, "http://example.test/a/");
  EXPECT_NE(s.failures[0].message.find("plugin 'test'"), std::string::npos);
  EXPECT_NE(s.failures[0].message.find("boom"), std::string::npos);
  EXPECT_EQ(s.failures[0].cause, FailureCause::plugin);  // typed: the CLI exits 1 on it
  EXPECT_EQ(sink.committed.size(), 2u);
}

// Through the plugin door, policy() and seeds() that throw stop that source's run before anything
// is changed, as a PluginFailure naming the call (before the door they escaped the crawl as the
// plugin's own exception).
TEST(Crawler, PolicyOrSeedsThatThrowStopTheRunBeforeAnythingChanges) {
  Site site("broken-start");
  site.page("", "トップ", "<a href=\"/a/\">A</a>");
  site.page("a/", "ページA", "");
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  BrokenStartSource src;
  {
    MirrorFetcher f(site.mirror(), "http://example.test/");
    auto s = Crawler(state, bodies, sink).run(src, f);
    ASSERT_EQ(s.records, 2);
  }
  for (int which = 0; which < 2; ++which) {
    src.policy_throws = which == 0;
    src.seeds_throw = which == 1;
    site.page("a/", "ページA 改", "");
    MirrorFetcher f(site.mirror(), "http://example.test/");
    try {
      Crawler(state, bodies, sink).run(src, f);
      ADD_FAILURE() << "the run went on without " << (which == 0 ? "policy()" : "seeds()");
    } catch (const PluginFailure& e) {
      EXPECT_EQ(e.error().kind, PluginErrorKind::threw);
      EXPECT_EQ(e.error().plugin, "test");
      EXPECT_EQ(e.error().call, which == 0 ? "policy()" : "seeds()");
      EXPECT_EQ(std::string(e.what()), which == 0 ? "plugin 'test' failed in policy() with an unknown exception; nothing was changed"
                                                  : "plugin 'test' failed in seeds(): no seeds file; nothing was changed");
    }
    EXPECT_EQ(sink.committed.at("test:http://example.test/a/").title, "ページA");
    EXPECT_FALSE(state.in_progress().has_value());
  }
}

TEST(Crawler, AnInterruptedRunResumesWithoutRefetchingFinishedPages) {
  Site site("resume");
  std::string links;
  for (int i = 0; i < 10; ++i) links += "<a href=\"/p" + std::to_string(i) + "/\">p</a>";
  site.page("", "トップ", links);
  for (int i = 0; i < 10; ++i) site.page("p" + std::to_string(i) + "/", "ページ" + std::to_string(i), "");
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  TestSource src;
  CrawlOptions opts;
  opts.batch_pages = 1;
  opts.max_in_flight = 1;

  MemorySink dying;
  dying.fail_after_commits = 5;  // the "process" dies at its 5th index commit
  {
    MirrorFetcher f(site.mirror(), "http://example.test/");
    EXPECT_THROW(Crawler(state, bodies, dying).run(src, f, opts), std::runtime_error);
  }
  // Commits 1-4 made it to the state (the 5th index commit "died" before its state was saved).
  MemorySink sink;
  sink.reopen(dying.committed);
  MirrorFetcher f(site.mirror(), "http://example.test/");
  auto s = Crawler(state, bodies, sink).run(src, f, opts);
  EXPECT_TRUE(s.resumed);
  EXPECT_EQ(s.fetched + s.not_modified, 11 - 4);
  EXPECT_EQ(sink.committed.size(), 11u);
}

// ---- issue 14 item 1: no mass removal by mistake (crawl/removal_policy.hpp) ----

namespace {

// A site of `n` pages linked from the top page: /p0/ … /p{n-1}/.
void make_site(Site& site, int n) {
  std::string links;
  for (int i = 0; i < n; ++i) links += "<a href=\"/p" + std::to_string(i) + "/\">P</a>";
  site.page("", "トップ", links);
  for (int i = 0; i < n; ++i) site.page("p" + std::to_string(i) + "/", "ページ" + std::to_string(i), "");
}

CrawlSummary crawl_once(Site& site, CrawlState& state, BodyStore& bodies, MemorySink& sink, const TestSource& src,
                        CrawlOptions options = {}) {
  MirrorFetcher f(site.mirror(), "http://example.test/");
  return Crawler(state, bodies, sink).run(src, f, options);
}

}  // namespace

// A re-run commits by changed pages: an unchanged page (a 304, the same body) only needs marking
// done, and waits for kUnchangedPerChanged × batch_pages of them (or the time bound).  A commit
// per 200 unchanged pages was most of a 1 %-changed re-run's time (13 s of 20,000 pages).
TEST(Crawler, UnchangedPagesDoNotCommitEveryBatch) {
  Site site("commit-by-change");
  make_site(site, 119);  // 120 pages
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  CrawlOptions opts;
  opts.batch_pages = 2;
  opts.batch_seconds = 3600;  // no commit by time in this test
  opts.max_in_flight = 1;
  ASSERT_EQ(crawl_once(site, state, bodies, sink, src, opts).records, 120);
  EXPECT_GE(sink.commits, 60);  // every page new: a commit per 2

  sink.commits = 0;
  auto same = crawl_once(site, state, bodies, sink, src, opts);
  EXPECT_EQ(same.records, 0);
  EXPECT_EQ(sink.commits, 2);  // 100 unchanged pages (50 × 2), then the last 20 at the end

  sink.commits = 0;
  for (int i : {5, 50, 100}) site.page("p" + std::to_string(i) + "/", "改訂" + std::to_string(i), "");
  auto changed = crawl_once(site, state, bodies, sink, src, opts);
  EXPECT_EQ(changed.records, 3);
  // One at the 2nd changed page, one at the end, and one more if 100 unchanged pages came
  // together between them (it depends on the order pages are read): not 60.
  EXPECT_GE(sink.commits, 2);
  EXPECT_LE(sink.commits, 3);
  EXPECT_EQ(sink.committed.at("test:http://example.test/p50/").title, "改訂50");
  // Nothing left undone: a run after it finds every page done and changes nothing.
  sink.commits = 0;
  EXPECT_EQ(crawl_once(site, state, bodies, sink, src, opts).records, 0);
  EXPECT_EQ(state.in_progress().has_value(), false);
}

TEST(RemovalPolicy, AMissingPageIsKeptUntilMissingAgainADayLater) {
  Site site("grace");
  make_site(site, 9);  // 10 pages: one missing is 10 %
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  ASSERT_EQ(crawl_once(site, state, bodies, sink, src).records, 10);
  const std::string gone = "http://example.test/p3/";
  fs::remove_all(site.mirror() / "p3");

  auto first = crawl_once(site, state, bodies, sink, src);
  EXPECT_EQ(first.removed, 0);
  EXPECT_EQ(first.missing, 1);
  EXPECT_EQ(first.missing_first, 1);
  EXPECT_FALSE(first.removal_refused);
  EXPECT_EQ(sink.committed.count("test:" + gone), 1u);  // still searchable
  ASSERT_EQ(state.missing("test").count(gone), 1u);

  auto again = crawl_once(site, state, bodies, sink, src);  // the same day
  EXPECT_EQ(again.removed, 0);
  EXPECT_EQ(again.missing_waiting, 1);
  EXPECT_EQ(sink.committed.count("test:" + gone), 1u);

  // First seen missing more than a day ago (kRemovalGraceSeconds): this run removes it.
  state.clear_missing("test", gone);
  state.mark_missing("test", gone, std::time(nullptr) - kRemovalGraceSeconds - 60);
  auto later = crawl_once(site, state, bodies, sink, src);
  EXPECT_EQ(later.removed, 1);
  ASSERT_EQ(later.removed_urls.size(), 1u);
  EXPECT_EQ(later.removed_urls[0], gone);
  EXPECT_EQ(sink.committed.count("test:" + gone), 0u);
  EXPECT_FALSE(state.get("test", gone));
  EXPECT_EQ(state.missing("test").count(gone), 0u);
  EXPECT_EQ(sink.committed.size(), 9u);
}

TEST(RemovalPolicy, APageFoundAgainIsNoLongerMissing) {
  Site site("back");
  make_site(site, 9);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  crawl_once(site, state, bodies, sink, src);
  fs::rename(site.mirror() / "p1", site.root / "p1-away");
  EXPECT_EQ(crawl_once(site, state, bodies, sink, src).missing_first, 1);
  fs::rename(site.root / "p1-away", site.mirror() / "p1");
  auto back = crawl_once(site, state, bodies, sink, src);
  EXPECT_EQ(back.missing, 0);
  EXPECT_TRUE(state.missing("test").empty());
}

TEST(RemovalPolicy, NinetyPercentGoneRemovesNothingWithoutPrune) {
  Site site("mass");
  make_site(site, 9);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  ASSERT_EQ(crawl_once(site, state, bodies, sink, src).records, 10);
  for (int i = 0; i < 9; ++i) fs::remove_all(site.mirror() / ("p" + std::to_string(i)));

  auto refused = crawl_once(site, state, bodies, sink, src);
  EXPECT_TRUE(refused.removal_refused);
  EXPECT_EQ(refused.missing, 9);
  EXPECT_EQ(refused.pages_before, 10);
  EXPECT_DOUBLE_EQ(refused.missing_share, 0.9);
  EXPECT_EQ(refused.removed, 0);
  EXPECT_EQ(sink.committed.size(), 10u);
  EXPECT_TRUE(state.missing("test").empty());  // a run judged faulty is no evidence

  CrawlOptions prune;
  prune.prune = true;
  auto pruned = crawl_once(site, state, bodies, sink, src, prune);
  EXPECT_FALSE(pruned.removal_refused);
  EXPECT_EQ(pruned.removed, 9);
  EXPECT_EQ(sink.committed.size(), 1u);
}

TEST(RemovalPolicy, PagesLeavingTheScopeAreMissingNotRemovedAtOnce) {
  Site site("scope");
  make_site(site, 9);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  crawl_once(site, state, bodies, sink, src);
  class Narrowed : public TestSource {
   public:
    bool in_scope(std::string_view url) const override { return url == "http://example.test/"; }
  } narrowed;  // a plugin update that, by mistake, leaves only the top page in scope
  auto s = crawl_once(site, state, bodies, sink, narrowed);
  EXPECT_TRUE(s.removal_refused);
  EXPECT_EQ(s.removed, 0);
  EXPECT_EQ(sink.committed.size(), 10u);
}

TEST(RemovalPolicy, DecideRemovalsBounds) {
  std::vector<MissingPage> two = {{"a", "http_404", 0, {}}, {"b", "http_404", 100, {}}};
  auto d = decide_removals(two, 10, 100 + kRemovalGraceSeconds, false);  // 20 %: not more than the bound
  EXPECT_FALSE(d.refused);
  EXPECT_EQ(d.first_seen.size(), 1u);
  EXPECT_EQ(d.remove.size(), 1u);
  EXPECT_TRUE(decide_removals(two, 9, 0, false).refused);  // 22 %
  EXPECT_EQ(decide_removals(two, 9, 0, true).remove.size(), 2u);
}

// ---- issue 14 item 1: "no longer linked" is evidence too, never a silent removal ----

namespace {

// A mirror read as a web server serves it: only what a seed or a link leads to is found (no list
// of files, as over HTTP).
class ServedOnly : public Fetcher {
 public:
  explicit ServedOnly(const fs::path& dir) : mirror_(dir, "http://example.test/") {}
  void submit(FetchRequest r) override { mirror_.submit(std::move(r)); }
  std::vector<FetchResponse> poll(std::chrono::milliseconds w) override { return mirror_.poll(w); }
  size_t pending() const override { return mirror_.pending(); }

 private:
  MirrorFetcher mirror_;
};

CrawlSummary crawl_served(Site& site, CrawlState& state, BodyStore& bodies, MemorySink& sink, const TestSource& src,
                          CrawlOptions options = {}) {
  ServedOnly f(site.mirror());
  return Crawler(state, bodies, sink).run(src, f, options);
}

// The top page of make_site() linking every page but those in `unlinked`, plus `extra` links.
void relink_top(Site& site, int n, const std::set<int>& unlinked, const std::string& extra = "") {
  std::string links;
  for (int i = 0; i < n; ++i)
    if (!unlinked.count(i)) links += "<a href=\"/p" + std::to_string(i) + "/\">P</a>";
  site.page("", "トップ", links + extra);
}

}  // namespace

TEST(RemovalPolicy, APageNoLongerLinkedIsMissingAndKeptUntilADayLater) {
  Site site("unlinked");
  make_site(site, 9);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  ASSERT_EQ(crawl_served(site, state, bodies, sink, src).records, 10);
  const std::string orphan = "http://example.test/p3/";
  relink_top(site, 9, {3});  // p3 is still served, but nothing links to it

  auto first = crawl_served(site, state, bodies, sink, src);
  EXPECT_EQ(first.failed(), 0);
  EXPECT_EQ(first.removed, 0);
  EXPECT_EQ(first.missing, 1);
  EXPECT_EQ(first.missing_first, 1);
  EXPECT_EQ(first.missing_by_reason["not_linked"], 1);
  EXPECT_EQ(sink.committed.count("test:" + orphan), 1u);  // still searchable
  ASSERT_EQ(state.missing("test").count(orphan), 1u);

  auto again = crawl_served(site, state, bodies, sink, src);  // the same day: kept
  EXPECT_EQ(again.removed, 0);
  EXPECT_EQ(again.missing_waiting, 1);
  EXPECT_EQ(sink.committed.count("test:" + orphan), 1u);

  relink_top(site, 9, {});  // linked again: no longer missing
  auto back = crawl_served(site, state, bodies, sink, src);
  EXPECT_EQ(back.missing, 0);
  EXPECT_TRUE(state.missing("test").empty());

  relink_top(site, 9, {3});  // unlinked since more than a day: this run removes it, and says why
  crawl_served(site, state, bodies, sink, src);
  state.clear_missing("test", orphan);
  state.mark_missing("test", orphan, std::time(nullptr) - kRemovalGraceSeconds - 60);
  auto later = crawl_served(site, state, bodies, sink, src);
  EXPECT_EQ(later.removed, 1);
  ASSERT_EQ(later.removed_urls.size(), 1u);
  EXPECT_EQ(later.removed_urls[0], orphan);
  ASSERT_EQ(later.removed_reasons.size(), 1u);
  EXPECT_EQ(later.removed_reasons[0], "not_linked");
  EXPECT_EQ(sink.committed.count("test:" + orphan), 0u);
  EXPECT_EQ(sink.committed.size(), 9u);
}

TEST(RemovalPolicy, ASiteThatStopsLinkingMostPagesRemovesNothing) {
  Site site("unlinked-mass");
  make_site(site, 9);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  crawl_served(site, state, bodies, sink, src);
  relink_top(site, 9, {0, 1, 2, 3, 4, 5, 6, 7});  // a broken menu: 8 of 10 pages unreachable
  auto s = crawl_served(site, state, bodies, sink, src);
  EXPECT_TRUE(s.removal_refused);
  EXPECT_EQ(s.missing_by_reason["not_linked"], 8);
  EXPECT_EQ(s.removed, 0);
  EXPECT_EQ(sink.committed.size(), 10u);
}

TEST(RemovalPolicy, AMirrorsFileIsKnownWithoutALink) {
  Site site("unlinked-mirror");
  make_site(site, 9);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  crawl_once(site, state, bodies, sink, src);
  relink_top(site, 9, {3});
  auto s = crawl_once(site, state, bodies, sink, src);  // the file is there: it exists
  EXPECT_EQ(s.missing, 0);
}

TEST(RemovalPolicy, ARunThatCannotKnowEveryLinkConcludesNothingUnlinked) {
  Site site("unlinked-partial");
  make_site(site, 9);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  crawl_served(site, state, bodies, sink, src);
  // p3 is now linked only from a new page the plugin fails on: its links are unknown.
  site.page("hub/", "新しい入口", "<a href=\"/p3/\">P3</a>");
  relink_top(site, 9, {3}, "<a href=\"/hub/\">hub</a>");
  TestSource failing;
  failing.throw_on = "/hub/";
  auto s = crawl_served(site, state, bodies, sink, failing);
  EXPECT_EQ(s.failed(), 1);
  EXPECT_EQ(s.missing, 0);
  // A bound that refused links (here --max-pages) leaves the same doubt.
  CrawlOptions bounded;
  bounded.max_pages = 5;
  auto b = crawl_served(site, state, bodies, sink, src, bounded);
  EXPECT_FALSE(b.skipped_by_limit.empty());
  EXPECT_EQ(b.missing, 0);
  // Read whole, the hub's link counts.
  auto whole = crawl_served(site, state, bodies, sink, src);
  EXPECT_EQ(whole.missing, 0);
  EXPECT_EQ(whole.failed(), 0);
}

// ---- issue 14 item 2 / F1: the index is derived from the stored bodies ----

TEST(IndexRebuild, F1_AnEmptiedIndexIsRebuiltFromStoredBodiesWithoutFetching) {
  Site site("f1");
  make_site(site, 4);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  crawl_once(site, state, bodies, sink, src);
  const auto before = sink.committed;
  ASSERT_EQ(before.size(), 5u);
  sink.reopen({});  // the index deleted: empty

  auto s = crawl_once(site, state, bodies, sink, src);
  EXPECT_EQ(s.rebuilt, 5);
  EXPECT_EQ(s.fetched, 0);  // nothing read again from the site
  EXPECT_EQ(s.records, 5);
  ASSERT_EQ(sink.committed.size(), before.size());
  for (const auto& [id, r] : before) EXPECT_EQ(sink.committed.at(id).title, r.title) << id;

  auto next = crawl_once(site, state, bodies, sink, src);  // and then a normal no-change run
  EXPECT_EQ(next.rebuilt, 0);
  EXPECT_EQ(next.not_modified, 5);
}

TEST(IndexRebuild, OfflineRunReextractsEveryStoredPageAndFollowsNoLink) {
  Site site("offline");
  make_site(site, 4);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  crawl_once(site, state, bodies, sink, src);
  site.page("p9/", "新しいページ", "");  // not known to the state: a reindex must not read it
  CrawlOptions offline;
  offline.offline = true;
  MemorySink fresh;
  auto s = crawl_once(site, state, bodies, fresh, src, offline);
  EXPECT_EQ(s.rebuilt, 5);
  EXPECT_EQ(s.fetched, 0);
  EXPECT_EQ(fresh.committed.size(), 5u);
  EXPECT_EQ(fresh.committed.count("test:http://example.test/p9/"), 0u);
}

TEST(Crawler, AStopRequestEndsTheRunOpenSoTheNextResumes) {
  Site site("stop");
  make_site(site, 4);
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  std::atomic<bool> stop{true};
  CrawlOptions options;
  options.stop = &stop;
  auto s = crawl_once(site, state, bodies, sink, src, options);
  EXPECT_TRUE(s.interrupted);
  auto resumed = crawl_once(site, state, bodies, sink, src);
  EXPECT_TRUE(resumed.resumed);
  EXPECT_EQ(sink.committed.size(), 5u);
}

TEST(Crawler, F11_MirrorFilesWithNewlinePercentOrHashInTheirNamesAreIndexed) {
  Site site("oddnames");
  site.page("", "トップ", "");
  for (const char* name : {"new\nline.html", "100%.html", "a#b.html"})
    std::ofstream(site.mirror() / name) << "<html><head><title>" << name << "</title></head><body><p>本文</p></body></html>";
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  auto s = crawl_once(site, state, bodies, sink, src);
  EXPECT_EQ(s.failed(), 0) << (s.failures.empty() ? "" : s.failures[0].url + " " + s.failures[0].message);
  EXPECT_EQ(s.records, 4);
  EXPECT_EQ(sink.committed.count("test:http://example.test/new%0Aline.html"), 1u);
  EXPECT_EQ(sink.committed.count("test:http://example.test/100%25.html"), 1u);
  EXPECT_EQ(sink.committed.count("test:http://example.test/a%23b.html"), 1u);
}

namespace {
// Answers one page in Shift_JIS whose charset only the HTTP header names.
class HeaderCharsetFetcher : public Fetcher {
 public:
  void submit(FetchRequest request) override { queue_.push_back(std::move(request)); }
  std::vector<FetchResponse> poll(std::chrono::milliseconds) override {
    std::vector<FetchResponse> out;
    for (auto& q : queue_) {
      FetchResponse r;
      r.request = q;
      r.final_url = q.url;
      r.status = 200;
      r.content_type = "text/html";
      r.charset = "shift_jis";
      r.body = "<html><head><title>\x83\x65\x83\x58\x83\x67</title></head><body><p>\x83\x65\x83\x58\x83\x67</p></body></html>";
      out.push_back(std::move(r));
    }
    queue_.clear();
    return out;
  }
  size_t pending() const override { return queue_.size(); }

 private:
  std::vector<FetchRequest> queue_;
};
}  // namespace

TEST(IndexRebuild, AReindexDecodesWithTheCharsetTheHttpHeaderNamed) {
  Site site("charset");
  CrawlState state(site.root / "state.sqlite");
  BodyStore bodies(site.root / "bodies");
  MemorySink sink;
  TestSource src;
  HeaderCharsetFetcher http;
  Crawler(state, bodies, sink).run(src, http);
  ASSERT_EQ(sink.committed.at("test:http://example.test/").title, "テスト");
  MemorySink fresh;
  CrawlOptions offline;
  offline.offline = true;
  HeaderCharsetFetcher unused;
  auto s = Crawler(state, bodies, fresh).run(src, unused, offline);
  EXPECT_EQ(s.rebuilt, 1);
  EXPECT_EQ(fresh.committed.at("test:http://example.test/").title, "テスト");
}
