#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

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
    auto s = Crawler(state, bodies, sink).run(src, f);
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
  EXPECT_EQ(sink.committed.size(), 2u);
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
