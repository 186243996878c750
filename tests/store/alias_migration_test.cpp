// A crawl state written before aliases existed (no alias_of / alias_reason columns) still opens:
// read-only it answers "no aliases", opened for writing it gains the columns and keeps its rows.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/crawl_state.hpp"

namespace fs = std::filesystem;
using namespace senrei;

namespace {

// The pages table exactly as senrei wrote it before document folding, with one page.
void write_old_state(const fs::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  const char* sql = R"(
    CREATE TABLE runs(source TEXT PRIMARY KEY, generation INTEGER NOT NULL, started INTEGER NOT NULL, finished INTEGER);
    CREATE TABLE pages(
      source TEXT NOT NULL, url TEXT NOT NULL, depth INTEGER NOT NULL DEFAULT 0,
      generation INTEGER NOT NULL, state TEXT NOT NULL, status INTEGER DEFAULT 0,
      etag TEXT, last_modified TEXT, sha256 TEXT, content_type TEXT,
      fetched_at INTEGER DEFAULT 0, failures INTEGER DEFAULT 0, error TEXT,
      record_ids TEXT, links TEXT, extractor TEXT, flags TEXT,
      PRIMARY KEY(source, url));
    INSERT INTO runs VALUES('navi', 1, 100, 200);
    INSERT INTO pages VALUES('navi', 'http://a.jp/x/', 0, 1, 'done', 200, '"e1"', '', 'abc', 'text/html', 150, 0, '',
                             '["navi:http://a.jp/x/"]', '[]', 'navi/1', '[]');)";
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_close(db);
}

}  // namespace

TEST(AliasMigration, AnOlderStateOpensReadOnlyAndIsMigratedWhenWritten) {
  fs::path dir = fs::temp_directory_path() / ("senrei-alias-migration-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "state.sqlite";
  write_old_state(file);
  {
    CrawlState ro(file, true);  // `senrei show` / `stats` on a workspace not crawled since
    EXPECT_TRUE(ro.aliases_of("navi", "http://a.jp/x/").empty());
    EXPECT_TRUE(ro.all_aliases().empty());
    EXPECT_FALSE(ro.alias_owner("http://a.jp/x/index.html"));
    EXPECT_EQ(ro.counts()["navi"]["done"], 1);
  }
  {
    CrawlState rw(file);
    auto page = rw.get("navi", "http://a.jp/x/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->record_ids, std::vector<std::string>{"navi:http://a.jp/x/"});
    EXPECT_EQ(page->etag, "\"e1\"");
    EXPECT_TRUE(page->alias_of.empty());
    PageState alias = *page;
    alias.url = "http://a.jp/x/index.html";
    alias.record_ids.clear();
    alias.alias_of = "http://a.jp/x/";
    alias.alias_reason = "same_body";
    rw.begin();
    rw.save(alias);
    rw.commit();
  }
  CrawlState again(file);  // opening a migrated state again changes nothing
  EXPECT_EQ(again.aliases_of("navi", "http://a.jp/x/"), std::vector<std::string>{"http://a.jp/x/index.html"});
  auto owner = again.alias_owner("http://a.jp/x/index.html");
  ASSERT_TRUE(owner);
  EXPECT_EQ(owner->url, "http://a.jp/x/");
  EXPECT_EQ(again.get("navi", "http://a.jp/x/index.html")->alias_reason, "same_body");
  fs::remove_all(dir);
}
