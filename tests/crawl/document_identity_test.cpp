// One record per document (crawl/document_identity.hpp): the folding rules on their own, then a
// site written here (not the sample corpus) crawled from a mirror and over HTTP from a real nginx
// — /x/ and /x/index.html, a rel=canonical print page, ?tab= variants with the same body, utm_*
// links, a redirect, byte-identical copies — one record each, the other URLs kept as aliases;
// canonicals off the site or out of scope are not folded; the second run asks the redirect's
// target conditionally.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "crawl/crawler.hpp"
#include "crawl/document_identity.hpp"
#include "crawl/http_crawl.hpp"
#include "fetch/mirror_fetcher.hpp"
#include "memory_sink.hpp"
#include "servers/nginx.hpp"

namespace fs = std::filesystem;
using namespace senrei;

namespace {

const std::string kSite = "http://dedupe.test/";

class DedupeSource : public Source {
 public:
  SourceInfo info() const override { return {"dd", "Dedupe", "tests", "1", kSite}; }
  std::vector<std::string> seeds() const override { return {kSite}; }
  bool in_scope(std::string_view url) const override {
    return url.rfind(kSite, 0) == 0 && url.find("/private/") == std::string_view::npos;
  }
  std::vector<Record> extract(const ParsedPage& page) const override {
    Record r;
    r.title = page.title.empty() ? page.url : page.title;
    r.text = page.main_text();
    return {r};
  }
  CrawlPolicy policy() const override { return {0, 0, 0.0}; }
};

std::string page_html(const std::string& title, const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>" + head +
         "</head><body><h1>" + title + "</h1><p>" + body + "</p></body></html>";
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// The same site twice: as `wget -m` saves it (mirror/: query strings in file names, no redirect)
// and as a web server holds it (www/: nginx serves faq.html for any ?tab=, /old/ redirects).
struct TwoLayouts {
  fs::path root;
  TwoLayouts() {
    root = fs::temp_directory_path() / ("senrei-dedupe-" + std::to_string(::getpid()));
    fs::remove_all(root);
    const std::string top = page_html(
        "トップ", "",
        "<a href=\"/net/\">ネットA</a> <a href=\"/net/index.html\">ネットA(index)</a> "
        "<a href=\"/print/net.html\">印刷用</a> <a href=\"/faq.html?tab=faq\">FAQ</a> "
        "<a href=\"/faq.html?tab=info\">お知らせ</a> <a href=\"/guide.html?utm_source=mail&amp;utm_campaign=x\">手引き</a> "
        "<a href=\"/old/\">旧ページ</a> <a href=\"/copy/a.html\">写しA</a> <a href=\"/copy/b.html\">写しB</a> "
        "<a href=\"/offsite.html\">他サイト正規</a> <a href=\"/outscope.html\">範囲外正規</a>");
    const std::string net =
        page_html("ネットA", "<link rel=\"canonical\" href=\"/net/\">", "ネットAは参加施設120の地域医療連携ネットワークです。");
    const std::string print = page_html("ネットA(印刷用)", "<link rel=\"canonical\" href=\"http://dedupe.test/net/\">",
                                        "印刷用の版。ネットAは参加施設120。");
    const std::string faq = page_html("よくある質問", "", "タブで切り替わる質問と答え。");
    const std::string guide = page_html("手引き", "", "計画の手引き。");
    const std::string fresh = page_html("新しいページ", "", "移転後の本文。");
    const std::string copy = page_html("写し", "", "同じ内容の二つのファイル。");
    const std::string offsite = page_html("他サイトを正規とするページ",
                                          "<link rel=\"canonical\" href=\"http://other.test/offsite.html\">", "独自の本文一。");
    const std::string outscope = page_html("範囲外を正規とするページ",
                                           "<link rel=\"canonical\" href=\"/private/x.html\">", "独自の本文二。");
    const std::string hidden = page_html("非公開", "", "範囲外のページ。");
    for (const char* layout : {"mirror", "www"}) {
      fs::path d = root / layout;
      write(d / "index.html", top);
      write(d / "net" / "index.html", net);
      write(d / "print" / "net.html", print);
      write(d / "guide.html", guide);
      write(d / "new" / "index.html", fresh);
      write(d / "copy" / "a.html", copy);
      write(d / "copy" / "b.html", copy);
      write(d / "offsite.html", offsite);
      write(d / "outscope.html", outscope);
      write(d / "private" / "x.html", hidden);
    }
    write(root / "mirror" / "faq.html?tab=faq", faq);
    write(root / "mirror" / "faq.html?tab=info", faq);
    write(root / "www" / "faq.html", faq);
  }
  ~TwoLayouts() { fs::remove_all(root); }
};

struct Store {
  fs::path dir;
  CrawlState state;
  BodyStore bodies;
  MemorySink sink;
  explicit Store(const fs::path& d) : dir(d), state((fs::create_directories(d), d / "state.sqlite")), bodies(d / "bodies") {}
  CrawlSummary crawl(Fetcher& f, bool prune = false) {
    DedupeSource src;
    CrawlOptions options;
    options.prune = prune;
    return Crawler(state, bodies, sink).run(src, f, options);
  }
  std::set<std::string> record_urls() const {
    std::set<std::string> out;
    for (const auto& [id, r] : sink.committed) out.insert(r.url);
    return out;
  }
};

const std::set<std::string> kRecords = {kSite,
                                        kSite + "copy/a.html",
                                        kSite + "faq.html?tab=faq",
                                        kSite + "guide.html",
                                        kSite + "net/",
                                        kSite + "new/",
                                        kSite + "offsite.html",
                                        kSite + "outscope.html"};

void expect_common_aliases(CrawlState& state) {
  EXPECT_EQ(state.aliases_of("dd", kSite + "net/"),
            (std::vector<std::string>{kSite + "net/index.html", kSite + "print/net.html"}));
  EXPECT_EQ(state.aliases_of("dd", kSite + "faq.html?tab=faq"), (std::vector<std::string>{kSite + "faq.html?tab=info"}));
  EXPECT_EQ(state.aliases_of("dd", kSite + "copy/a.html"), (std::vector<std::string>{kSite + "copy/b.html"}));
  EXPECT_TRUE(state.aliases_of("dd", kSite + "offsite.html").empty());
  EXPECT_TRUE(state.aliases_of("dd", kSite + "outscope.html").empty());
  auto owner = state.alias_owner(kSite + "print/net.html");
  ASSERT_TRUE(owner);
  EXPECT_EQ(owner->source, "dd");
  EXPECT_EQ(owner->url, kSite + "net/");
  EXPECT_FALSE(state.alias_owner(kSite + "net/"));
  auto guide = state.get("dd", kSite + "guide.html");
  ASSERT_TRUE(guide);  // the utm_ link was queued without its tracking parameters
  EXPECT_FALSE(state.get("dd", kSite + "guide.html?utm_source=mail&utm_campaign=x"));
}

}  // namespace

TEST(DocumentIdentity, TrackingParametersAreDroppedOthersKept) {
  EXPECT_EQ(without_tracking_parameters("http://a.jp/x?utm_source=m&id=3&UTM_Medium=y"), "http://a.jp/x?id=3");
  EXPECT_EQ(without_tracking_parameters("http://a.jp/x?utm_source=m&gclid=1"), "http://a.jp/x");
  EXPECT_EQ(without_tracking_parameters("http://a.jp/x?tab=faq"), "http://a.jp/x?tab=faq");
  EXPECT_EQ(without_tracking_parameters("http://a.jp/x?utmost=1"), "http://a.jp/x?utmost=1");
  EXPECT_EQ(without_tracking_parameters("http://a.jp/x"), "http://a.jp/x");
}

TEST(DocumentIdentity, DirectoryIndexFilesAreNamed) {
  for (const char* u : {"http://a.jp/x/index.html", "http://a.jp/x/INDEX.HTM", "http://a.jp/default.aspx",
                        "http://a.jp/x/default.htm?x=1"})
    EXPECT_TRUE(names_directory_index(u)) << u;
  for (const char* u : {"http://a.jp/x/", "http://a.jp/x/index2.html", "http://a.jp/x/myindex.html"})
    EXPECT_FALSE(names_directory_index(u)) << u;
}

TEST(DocumentIdentity, PreferredUrlDoesNotDependOnOrder) {
  const std::string dir = "http://a.jp/x/", index = "http://a.jp/x/index.html", query = "http://a.jp/x/?tab=2";
  EXPECT_TRUE(record_url_before(dir, index));
  EXPECT_FALSE(record_url_before(index, dir));
  EXPECT_TRUE(record_url_before(index, query));  // a query is the weaker name
  EXPECT_TRUE(record_url_before("http://a.jp/a.html", "http://a.jp/b.html"));
  std::vector<std::string> order = {query, index, dir};
  do {
    DocumentFolding f;
    for (const auto& u : order) f.body(u, "sha1");
    for (const auto& u : order) EXPECT_EQ(f.owner(u), dir);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(DocumentIdentity, CanonicalOnlyOnTheSameOriginAndInScope) {
  auto scope = [](const std::string& u) { return u.find("/private/") == std::string::npos; };
  EXPECT_EQ(usable_canonical("http://a.jp/p?id=2", "http://a.jp/p", scope), "http://a.jp/p");
  EXPECT_EQ(usable_canonical("http://a.jp/p?id=2", "http://A.jp:80/p?utm_source=x", scope), "http://a.jp/p");
  EXPECT_FALSE(usable_canonical("http://a.jp/p", "http://b.jp/p", scope));      // another site
  EXPECT_FALSE(usable_canonical("http://a.jp/p", "https://a.jp/p", scope));     // another origin
  EXPECT_FALSE(usable_canonical("http://a.jp/p", "http://a.jp/private/p", scope));  // out of scope
  EXPECT_FALSE(usable_canonical("http://a.jp/p", "http://a.jp/p", scope));      // itself
  EXPECT_FALSE(usable_canonical("http://a.jp/p", "", scope));
}

TEST(DocumentIdentity, CanonicalFoldsOnlyWhenTheTargetHadABody) {
  DocumentFolding f;
  f.body("http://a.jp/p?print=1", "s1");
  f.declare_canonical("http://a.jp/p?print=1", "http://a.jp/p");
  EXPECT_EQ(f.owner("http://a.jp/p?print=1"), "http://a.jp/p?print=1");  // /p not fetched (yet)
  f.body("http://a.jp/p", "s2");
  EXPECT_EQ(f.owner("http://a.jp/p?print=1"), "http://a.jp/p");
  f.lost("http://a.jp/p");  // gone after all: the page keeps its own record
  EXPECT_EQ(f.owner("http://a.jp/p?print=1"), "http://a.jp/p?print=1");
  EXPECT_EQ(f.owner("http://a.jp/p"), "");
  // Two pages naming each other: one record, under the preferred URL.
  DocumentFolding g;
  g.body("http://a.jp/b", "x");
  g.body("http://a.jp/a", "y");
  g.declare_canonical("http://a.jp/b", "http://a.jp/a");
  g.declare_canonical("http://a.jp/a", "http://a.jp/b");
  EXPECT_EQ(g.owner("http://a.jp/a"), "http://a.jp/a");
  EXPECT_EQ(g.owner("http://a.jp/b"), "http://a.jp/a");
}

TEST(DocumentIdentity, MirrorCrawlGivesOneRecordPerDocument) {
  TwoLayouts site;
  Store store(site.root / "ws-mirror");
  MirrorFetcher f(site.root / "mirror", kSite);
  auto s = store.crawl(f);
  EXPECT_EQ(store.record_urls(), kRecords);
  EXPECT_EQ(store.sink.committed.size(), kRecords.size());
  expect_common_aliases(store.state);
  auto faq = store.state.get("dd", kSite + "faq.html?tab=info");
  ASSERT_TRUE(faq);
  EXPECT_EQ(faq->alias_reason, "same_body");
  EXPECT_TRUE(faq->record_ids.empty());
  EXPECT_EQ(store.state.get("dd", kSite + "print/net.html")->alias_reason, "canonical");

  // A second run over the unchanged mirror keeps the same records and aliases, rewriting none.
  const int replaced = store.sink.replaced;
  MirrorFetcher again(site.root / "mirror", kSite);
  auto s2 = store.crawl(again);
  EXPECT_EQ(s2.records, 0);
  EXPECT_EQ(store.sink.replaced, replaced);
  EXPECT_EQ(store.record_urls(), kRecords);
  expect_common_aliases(store.state);

  // The page the others pointed to goes away.  Missing once is evidence, not proof (the removal
  // policy): it keeps its record and its body, so the alias stays an alias — one record, not two.
  fs::remove(site.root / "mirror" / "faq.html?tab=faq");
  MirrorFetcher third(site.root / "mirror", kSite);
  store.crawl(third);
  EXPECT_EQ(store.record_urls(), kRecords);
  // With --prune it goes at once, and the alias with the same bytes takes the record over.
  MirrorFetcher fourth(site.root / "mirror", kSite);
  store.crawl(fourth, /*prune=*/true);
  auto urls = store.record_urls();
  EXPECT_FALSE(urls.count(kSite + "faq.html?tab=faq"));
  EXPECT_TRUE(urls.count(kSite + "faq.html?tab=info"));
  EXPECT_EQ(urls.size(), kRecords.size());
}

TEST(DocumentIdentity, HttpCrawlGivesTheSameRecordsAndFollowsTheRedirect) {
  TwoLayouts site;
  senrei_test::Nginx server(senrei_test::Nginx::Options{site.root / "www", 0, "    location = /old/ { return 301 /new/; }\n"});
  if (!server.ok()) GTEST_SKIP() << server.error();
  Store store(site.root / "ws-http");
  DedupeSource src;
  HttpCrawlSettings settings;
  settings.base_url_override = server.base_url();
  settings.allow_private = true;
  settings.delay_seconds = 0;
  {
    auto f = make_http_fetcher(src, src.info(), settings);
    auto s = store.crawl(*f);
    EXPECT_EQ(s.failed(), 0);
  }
  EXPECT_EQ(store.record_urls(), kRecords);
  EXPECT_EQ(store.sink.committed.size(), kRecords.size());
  expect_common_aliases(store.state);
  EXPECT_EQ(store.state.aliases_of("dd", kSite + "new/"), (std::vector<std::string>{kSite + "old/"}));
  auto old = store.state.get("dd", kSite + "old/");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->alias_reason, "redirect");
  EXPECT_TRUE(old->record_ids.empty());
  auto fresh = store.state.get("dd", kSite + "new/");
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(fresh->etag.empty());  // the target has its own row and validators
  EXPECT_EQ(store.sink.committed.at("dd:" + kSite + "new/").title, "新しいページ");

  // The second run asks conditionally for the redirect's target, both on the hop from /old/ and
  // on its own, and nothing is rewritten.
  server.clear_access_log();
  const int replaced = store.sink.replaced;
  {
    auto f = make_http_fetcher(src, src.info(), settings);
    auto s = store.crawl(*f);
    EXPECT_EQ(s.records, 0);
    EXPECT_EQ(s.fetched, 0);
  }
  EXPECT_EQ(store.sink.replaced, replaced);
  int new_conditional = 0, new_full = 0, old_requests = 0;
  for (const auto& line : server.access_log()) {
    if (line.uri == "/new/") (line.if_none_match != "-" && line.status == 304 ? new_conditional : new_full)++;
    if (line.uri == "/old/") ++old_requests;
  }
  EXPECT_EQ(old_requests, 1);
  EXPECT_EQ(new_conditional, 2);
  EXPECT_EQ(new_full, 0);
  EXPECT_EQ(store.record_urls(), kRecords);
}
