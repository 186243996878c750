// One record per document through the real binary (issue 12 item 1), on pages written here for
// it: a network overview under /netx/ and /netx/index.html (with rel=canonical), a FAQ under two
// ?tab= queries, and over HTTP a moved page (/old/ → 301 → /new/).  `search kind:case_overview`
// lists each network once, `show` lists the aliases and finds the record by any of them, `show
// --json` and `export` carry them.  The sample corpus: every network exactly once.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "servers/nginx.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string page(const std::string& title, const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>" + title +
         "｜地域医療情報連携ネットワーク構築支援サイト</title>" + head + "</head><body><main><h1>" + title + "</h1>" +
         body + "</main></body></html>";
}

// `layout` "mirror" (wget -m: queries in file names) or "www" (what nginx serves).
void write_site(const fs::path& d, const std::string& layout) {
  write(d / "index.html",
        page("トップ", "",
             "<ul><li><a href=\"/netx/\">みなとネット</a></li><li><a href=\"netx/index.html\">みなとネット(旧リンク)</a></li>"
             "<li><a href=\"/faq/?tab=faq\">よくある質問</a></li><li><a href=\"/faq/?tab=info\">お知らせ</a></li>"
             "<li><a href=\"/old/\">やまびこネット</a></li></ul>"));
  write(d / "netx" / "index.html",
        page("みなとネット（全体概要）", "<link rel=\"canonical\" href=\"http://renkei-support.mhlw.go.jp/netx/\">",
             "<table><tr><th>参加施設数</th><td>45施設</td></tr><tr><th>運用開始</th><td>2015年4月</td></tr></table>"));
  write(d / "new" / "index.html",
        page("やまびこネット（全体概要）", "",
             "<table><tr><th>参加施設数</th><td>30施設</td></tr><tr><th>運用開始</th><td>2016年10月</td></tr></table>"));
  const std::string faq = page("よくある質問", "", "<h2>Q1 参加費は？</h2><p>無料です。</p>");
  if (layout == "mirror") {
    write(d / "faq" / "index.html?tab=faq", faq);
    write(d / "faq" / "index.html?tab=info", faq);
  } else {
    write(d / "faq" / "index.html", faq);
  }
}

struct Dirs {
  fs::path root;
  Dirs() {
    root = fs::temp_directory_path() / ("senrei-cli-dedupe-" + std::to_string(::getpid()));
    fs::remove_all(root);
    write_site(root / "mirror", "mirror");
    write_site(root / "www", "www");
  }
  ~Dirs() { fs::remove_all(root); }
};

std::vector<std::string> overview_urls(const std::string& data) {
  auto r = senrei({"--data", data, "search", "kind:case_overview", "-n", "100", "--json"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> out;
  if (r.status != 0) return out;
  const json j = json::parse(r.out);
  for (const auto& h : j["hits"]) out.push_back(h["record"]["url"]);
  std::sort(out.begin(), out.end());
  return out;
}

std::map<std::string, json> exported(const std::string& data) {
  auto r = senrei({"--data", data, "export", "--format", "jsonl"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, json> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) {
      auto j = json::parse(line);
      out[j["url"].get<std::string>()] = j;
    }
  return out;
}

void expect_netx_folded(const std::string& data) {
  auto text = senrei({"--data", data, "show", kNavi + "netx/index.html"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("url:     " + kNavi + "netx/\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("alias:   " + kNavi + "netx/index.html\n"), std::string::npos) << text.out;
  auto j = json::parse(senrei({"--data", data, "show", kNavi + "netx/", "--json"}).out);
  EXPECT_EQ(j["aliases"], json::array({kNavi + "netx/index.html"}));
  auto faq = json::parse(senrei({"--data", data, "show", kNavi + "faq/?tab=info", "--json"}).out);
  EXPECT_EQ(faq["url"], kNavi + "faq/?tab=faq");
  EXPECT_EQ(faq["aliases"], json::array({kNavi + "faq/?tab=info"}));
  auto all = exported(data);
  EXPECT_FALSE(all.count(kNavi + "netx/index.html"));
  EXPECT_FALSE(all.count(kNavi + "faq/?tab=info"));
  ASSERT_TRUE(all.count(kNavi + "netx/"));
  EXPECT_EQ(all[kNavi + "netx/"]["aliases"], json::array({kNavi + "netx/index.html"}));
  EXPECT_EQ(all[kNavi]["aliases"], json::array());
  auto missing = senrei({"--data", data, "show", kNavi + "nowhere/"});
  EXPECT_NE(missing.status, 0);
}

}  // namespace

TEST(OneRecordPerDocument, MirrorCrawlFoldsIndexHtmlAndQueryVariants) {
  Dirs dirs;
  const std::string data = (dirs.root / "data").string();
  auto crawl = senrei({"--data", data, "crawl", "renkei-navi", "--mirror", (dirs.root / "mirror").string()});
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  EXPECT_EQ(overview_urls(data), (std::vector<std::string>{kNavi + "netx/", kNavi + "new/"}));
  expect_netx_folded(data);
  EXPECT_EQ(exported(data).size(), 4u);  // top, netx, faq, new
}

TEST(OneRecordPerDocument, HttpCrawlGivesTheSameRecordsAndShowFindsTheMovedPage) {
  Dirs dirs;
  Nginx server(Nginx::Options{dirs.root / "www", 0, "    location = /old/ { return 301 /new/; }\n"});
  if (!server.ok()) GTEST_SKIP() << server.error();
  const std::string data = (dirs.root / "data-http").string();
  auto crawl = senrei({"--data", data, "crawl", "renkei-navi", "--base-url", server.base_url(), "--allow-private",
                       "--delay", "0"});
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  EXPECT_EQ(overview_urls(data), (std::vector<std::string>{kNavi + "netx/", kNavi + "new/"}));
  expect_netx_folded(data);
  auto moved = json::parse(senrei({"--data", data, "show", kNavi + "old/", "--json"}).out);
  EXPECT_EQ(moved["url"], kNavi + "new/");
  EXPECT_EQ(moved["title"].get<std::string>().rfind("やまびこネット（全体概要）", 0), 0u) << moved["title"];
  EXPECT_EQ(moved["aliases"], json::array({kNavi + "old/"}));
  // The same documents as from the mirror.
  std::set<std::string> urls;
  for (const auto& [url, r] : exported(data)) urls.insert(url);
  EXPECT_EQ(urls, (std::set<std::string>{kNavi, kNavi + "faq/?tab=faq", kNavi + "netx/", kNavi + "new/"}));
}

TEST(OneRecordPerDocument, SampleCorpusListsEveryNetworkExactlyOnce) {
  Dirs dirs;
  const std::string data = (dirs.root / "data-sample").string();
  auto crawl = senrei({"--data", data, "crawl", "renkei-navi", "--mirror", kSample});
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  auto r = senrei({"--data", data, "search", "kind:case_overview", "-n", "100", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  std::multiset<std::string> titles;
  for (const auto& h : j["hits"]) titles.insert(h["record"]["title"].get<std::string>());
  // DOMAIN.md §5: the eight networks of the sample, each once.
  EXPECT_EQ(titles, (std::multiset<std::string>{"あじさいネット（全体概要）", "アザレアネット（全体概要）",
                                                "びわ湖メディカルネット（全体概要）", "ちょうかいネット（全体概要）",
                                                "晴れやかネット（全体概要）", "さどひまわりネット（全体概要）",
                                                "まめネット（全体概要）", "ピカピカリンク（全体概要）"}));
  EXPECT_EQ(j["total"], 8);
}
