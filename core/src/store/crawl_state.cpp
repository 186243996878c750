#include "store/crawl_state.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace senrei {

namespace {

// The one line for a crawl state SQLite finds damaged, whichever statement noticed.
std::string damaged_advice(const std::string& file, const std::string& what) {
  return "the crawl state " + file + " is damaged or not writable (" + what +
         ") — run `senrei doctor`; to start over, move it away and crawl again (the pages are fetched again)";
}

// Damaged, or not the file senrei wrote: SQLite says malformed / not a database, or one of
// senrei's own statements fails as SQL (a table or column missing: the schema text is damaged).
bool is_corrupt(int rc) {
  const int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_ERROR;
}

// A prepared statement: owned (finalized when done) or borrowed from CrawlState's cache (reset
// and its bindings cleared when done, so the next use starts clean).
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (int rc = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); rc != SQLITE_OK) fail(rc);
  }
  Stmt(sqlite3* db, sqlite3_stmt* cached) : db_(db), st_(cached), cached_(true) {}
  ~Stmt() {
    if (cached_) {
      sqlite3_reset(st_);
      sqlite3_clear_bindings(st_);
    } else {
      sqlite3_finalize(st_);
    }
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  bool step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc);
  }
  [[noreturn]] void fail(int rc) const {
    const char* file = sqlite3_db_filename(db_, "main");
    if (is_corrupt(rc)) throw std::runtime_error(damaged_advice(file ? file : "", sqlite3_errmsg(db_)));
    throw std::runtime_error(std::string("crawl state: ") + sqlite3_errmsg(db_));
  }
  std::string text(int i) const {
    auto p = sqlite3_column_text(st_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, i)) : std::string();
  }
  std::string_view view(int i) const {
    auto p = sqlite3_column_text(st_, i);
    return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, i)) : std::string_view();
  }
  int64_t integer(int i) const { return sqlite3_column_int64(st_, i); }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  bool cached_ = false;
};

// The lists (record ids, links, flags) are JSON arrays of strings.  Read plain ones without a
// JSON library (a no-change re-run reads every page's links); anything with an escape goes to
// nlohmann.
std::vector<std::string> json_list(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  auto slow = [&]() -> std::vector<std::string> {
    try {
      return nlohmann::json::parse(s).get<std::vector<std::string>>();
    } catch (const std::exception&) {
      return {};
    }
  };
  size_t i = 0;
  auto ws = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  };
  ws();
  if (i >= s.size() || s[i] != '[') return slow();
  ++i;
  ws();
  if (i < s.size() && s[i] == ']') return out;
  while (i < s.size()) {
    if (s[i] != '"') return slow();
    // (find_first_of of a set calls memchr once per byte: most of a no-change crawl's reading)
    size_t end = i + 1;
    while (end < s.size() && s[end] != '"' && s[end] != '\\') ++end;
    if (end >= s.size() || s[end] == '\\') return slow();
    out.emplace_back(s.substr(i + 1, end - i - 1));
    i = end + 1;
    ws();
    if (i < s.size() && s[i] == ',') {
      ++i;
      ws();
      continue;
    }
    if (i < s.size() && s[i] == ']') return out;
    return slow();
  }
  return slow();
}
std::string to_json_list(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

#define SENREI_PAGE_COLUMNS                                                                      \
  "source, url, depth, generation, state, status, etag, last_modified, sha256, content_type, " \
  "fetched_at, failures, error, record_ids, links, extractor, flags, alias_of, alias_reason"

// The statements run once per page: prepared once per CrawlState (see CrawlState::cached()).
constexpr const char* kGetPage = "SELECT " SENREI_PAGE_COLUMNS " FROM pages WHERE source = ? AND url = ?";
constexpr const char* kPagesFrom =
    "SELECT " SENREI_PAGE_COLUMNS " FROM pages WHERE source = ? AND url >= ? ORDER BY url LIMIT ?";
// Rows per get_in_order() window: a few batches of a run's in-flight pages, with their link lists.
constexpr size_t kReadAheadRows = 256;
constexpr const char* kSavePage =
    "INSERT OR REPLACE INTO pages(" SENREI_PAGE_COLUMNS ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kTouchPage =
    "UPDATE pages SET generation = ?, depth = ?, state = 'done', fetched_at = ?, failures = 0, error = '' "
    "WHERE source = ? AND url = ?";
constexpr const char* kTouchPages =
    "UPDATE pages SET generation = ?1, depth = ?2, state = 'done', fetched_at = ?3, failures = 0, error = '' "
    "WHERE source = ?4 AND url IN (SELECT value FROM json_each(?5))";
constexpr const char* kEnqueue =
    "INSERT INTO pages(source, url, depth, generation, state) VALUES(?, ?, ?, ?, 'queued') "
    "ON CONFLICT(source, url) DO UPDATE SET generation = excluded.generation, state = 'queued', "
    "depth = excluded.depth WHERE pages.generation < excluded.generation";
constexpr const char* kErase = "DELETE FROM pages WHERE source = ? AND url = ?";
constexpr const char* kMarkInProgress =
    "INSERT OR REPLACE INTO in_progress(one, source, url, stage, started) VALUES(1, ?, ?, ?, ?)";

PageState read_page(const Stmt& s) {
  PageState p;
  p.source = s.text(0);
  p.url = s.text(1);
  p.depth = static_cast<int>(s.integer(2));
  p.generation = s.integer(3);
  p.state = s.text(4);
  p.status = static_cast<int>(s.integer(5));
  p.etag = s.text(6);
  p.last_modified = s.text(7);
  p.sha256 = s.text(8);
  p.content_type = s.text(9);
  p.fetched_at = s.integer(10);
  p.failures = static_cast<int>(s.integer(11));
  p.error = s.text(12);
  p.record_ids = json_list(s.view(13));
  p.links = json_list(s.view(14));
  p.extractor = s.text(15);
  p.flags = json_list(s.view(16));
  p.alias_of = s.text(17);
  p.alias_reason = s.text(18);
  return p;
}

}  // namespace

CrawlState::CrawlState(const std::filesystem::path& file, bool read_only) : file_(file) {
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(file.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("cannot open the crawl state " + file.string() + ": " + msg);
  }
  sqlite3_busy_timeout(db_, 10000);
  if (read_only) {
    try {
      migrate();  // only reads in this mode: whether the alias column is there
    } catch (const std::exception&) {
    }
    return;
  }
  try {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec(R"(CREATE TABLE IF NOT EXISTS runs(
              source TEXT PRIMARY KEY, generation INTEGER NOT NULL,
              started INTEGER NOT NULL, finished INTEGER))");
    exec(R"(CREATE TABLE IF NOT EXISTS pages(
              source TEXT NOT NULL, url TEXT NOT NULL, depth INTEGER NOT NULL DEFAULT 0,
              generation INTEGER NOT NULL, state TEXT NOT NULL, status INTEGER DEFAULT 0,
              etag TEXT, last_modified TEXT, sha256 TEXT, content_type TEXT,
              fetched_at INTEGER DEFAULT 0, failures INTEGER DEFAULT 0, error TEXT,
              record_ids TEXT, links TEXT, extractor TEXT, flags TEXT,
              PRIMARY KEY(source, url)))");
    exec("CREATE INDEX IF NOT EXISTS pages_frontier ON pages(source, generation, state, depth)");
    exec(R"(CREATE TABLE IF NOT EXISTS in_progress(
              one INTEGER PRIMARY KEY CHECK(one = 1), source TEXT NOT NULL, url TEXT NOT NULL,
              stage TEXT NOT NULL, started INTEGER NOT NULL, signal INTEGER NOT NULL DEFAULT 0))");
    migrate();
    exec(R"(CREATE TABLE IF NOT EXISTS missing(
              source TEXT NOT NULL, url TEXT NOT NULL, since INTEGER NOT NULL,
              PRIMARY KEY(source, url)))");
  } catch (const std::exception& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    std::string what = e.what();
    if (what.rfind("the crawl state ", 0) == 0) throw;  // already the advice
    throw std::runtime_error(damaged_advice(file.string(), what));
  }
}

// A state from before aliases (senrei ≤ 0.1 without document folding) has no alias_of column:
// add it (every existing page keeps its own records, as it had them).  Read-only: only looks.
void CrawlState::migrate() {
  {
    Stmt q(db_, "SELECT 1 FROM pragma_table_info('pages') WHERE name = 'alias_of'");
    has_alias_column_ = q.step();
  }
  if (has_alias_column_ || sqlite3_db_readonly(db_, "main") == 1) return;
  exec("ALTER TABLE pages ADD COLUMN alias_of TEXT NOT NULL DEFAULT ''");
  exec("ALTER TABLE pages ADD COLUMN alias_reason TEXT NOT NULL DEFAULT ''");
  exec("CREATE INDEX IF NOT EXISTS pages_alias ON pages(source, alias_of) WHERE alias_of != ''");
  has_alias_column_ = true;
}

CrawlState::~CrawlState() {
  for (auto& [sql, st] : cache_) sqlite3_finalize(st);
  sqlite3_close(db_);
}

sqlite3_stmt* CrawlState::cached(const char* sql) {
  auto& st = cache_[sql];
  int rc = SQLITE_OK;
  if (!st && (rc = sqlite3_prepare_v2(db_, sql, -1, &st, nullptr)) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_finalize(st);
    st = nullptr;
    cache_.erase(sql);
    if (is_corrupt(rc)) throw std::runtime_error(damaged_advice(file_.string(), msg));
    throw std::runtime_error("crawl state " + file_.string() + ": " + msg);
  }
  return st;
}

void CrawlState::exec(const char* sql) {
  char* err = nullptr;
  if (int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    if (is_corrupt(rc)) throw std::runtime_error(damaged_advice(file_.string(), msg));
    throw std::runtime_error("crawl state " + file_.string() + ": " + msg);
  }
}

void CrawlState::begin() { exec("BEGIN IMMEDIATE"); }
void CrawlState::commit() { exec("COMMIT"); }

Run CrawlState::begin_run(const std::string& source) {
  Stmt q(db_, "SELECT generation, finished FROM runs WHERE source = ?");
  q.bind(1, source);
  Run run;
  int64_t now = std::time(nullptr);
  if (q.step()) {
    int64_t gen = q.integer(0);
    if (q.text(1).empty()) {  // finished IS NULL: the last run was interrupted
      run.generation = gen;
      run.resumed = true;
      return run;
    }
    run.generation = gen + 1;
    Stmt u(db_, "UPDATE runs SET generation = ?, started = ?, finished = NULL WHERE source = ?");
    u.bind(1, run.generation).bind(2, now).bind(3, source);
    u.step();
  } else {
    run.generation = 1;
    Stmt i(db_, "INSERT INTO runs(source, generation, started, finished) VALUES(?, 1, ?, NULL)");
    i.bind(1, source).bind(2, now);
    i.step();
  }
  return run;
}

void CrawlState::finish_run(const std::string& source, int64_t generation) {
  Stmt u(db_, "UPDATE runs SET finished = ? WHERE source = ? AND generation = ?");
  u.bind(1, static_cast<int64_t>(std::time(nullptr))).bind(2, source).bind(3, generation);
  u.step();
}

bool CrawlState::enqueue(const std::string& source, const std::string& url, int depth, int64_t generation) {
  wrote(source, url);
  Stmt i(db_, cached(kEnqueue));
  i.bind(1, source).bind(2, url).bind(3, static_cast<int64_t>(depth)).bind(4, generation);
  i.step();
  return sqlite3_changes(db_) > 0;
}

std::vector<PageState> CrawlState::queued(const std::string& source, int64_t generation, size_t limit) {
  Stmt q(db_, "SELECT " SENREI_PAGE_COLUMNS
              " FROM pages WHERE source = ? AND generation = ? AND state = 'queued' ORDER BY depth, rowid LIMIT ?");
  q.bind(1, source).bind(2, generation).bind(3, static_cast<int64_t>(limit));
  std::vector<PageState> out;
  while (q.step()) out.push_back(read_page(q));
  return out;
}

std::optional<PageState> CrawlState::get(const std::string& source, const std::string& url) {
  Stmt q(db_, cached(kGetPage));
  q.bind(1, source).bind(2, url);
  if (q.step()) return read_page(q);
  return std::nullopt;
}

std::optional<PageState> CrawlState::get_in_order(const std::string& source, const std::string& url) {
  if (!ahead_.covers(source, url)) {
    ahead_.valid = false;
    ahead_.rows.clear();
    ahead_.stale.clear();
    {
      Stmt q(db_, cached(kPagesFrom));
      q.bind(1, source).bind(2, url).bind(3, static_cast<int64_t>(kReadAheadRows));
      while (q.step()) ahead_.rows.push_back(read_page(q));
    }
    ahead_.valid = true;
    ahead_.source = source;
    ahead_.first = url;
    ahead_.to_end = ahead_.rows.size() < kReadAheadRows;
    ahead_.last = ahead_.to_end ? std::string() : ahead_.rows.back().url;
    ahead_.taken.assign(ahead_.rows.size(), 0);
  }
  if (ahead_.stale.count(url)) return get(source, url);
  auto it = std::lower_bound(ahead_.rows.begin(), ahead_.rows.end(), url,
                             [](const PageState& row, const std::string& u) { return row.url < u; });
  if (it == ahead_.rows.end() || it->url != url) return std::nullopt;  // in the window's range: no such row
  auto& taken = ahead_.taken[static_cast<size_t>(it - ahead_.rows.begin())];
  if (taken) return get(source, url);
  taken = 1;
  PageState row = std::move(*it);
  it->url = row.url;  // (the window stays sorted for the next lookups)
  return row;
}

void CrawlState::wrote(const std::string& source, const std::string& url) {
  if (ahead_.covers(source, url)) ahead_.stale.insert(url);
}

std::vector<PageState> CrawlState::pages(const std::string& source) {
  Stmt q(db_, "SELECT " SENREI_PAGE_COLUMNS " FROM pages WHERE source = ? ORDER BY url");
  q.bind(1, source);
  std::vector<PageState> out;
  while (q.step()) out.push_back(read_page(q));
  return out;
}

std::vector<PageHead> CrawlState::heads(const std::string& source) {
  Stmt q(db_, "SELECT url, depth, generation, state FROM pages WHERE source = ? ORDER BY url");
  q.bind(1, source);
  std::vector<PageHead> out;
  while (q.step()) out.push_back({q.text(0), static_cast<int>(q.integer(1)), q.integer(2), q.text(3)});
  return out;
}

void CrawlState::save(const PageState& p) {
  wrote(p.source, p.url);
  Stmt s(db_, cached(kSavePage));
  s.bind(1, p.source).bind(2, p.url).bind(3, static_cast<int64_t>(p.depth)).bind(4, p.generation);
  s.bind(5, p.state).bind(6, static_cast<int64_t>(p.status)).bind(7, p.etag).bind(8, p.last_modified);
  s.bind(9, p.sha256).bind(10, p.content_type).bind(11, p.fetched_at).bind(12, static_cast<int64_t>(p.failures));
  s.bind(13, p.error).bind(14, to_json_list(p.record_ids)).bind(15, to_json_list(p.links));
  s.bind(16, p.extractor).bind(17, to_json_list(p.flags)).bind(18, p.alias_of).bind(19, p.alias_reason);
  s.step();
}

void CrawlState::touch(const std::string& source, const std::string& url, int depth, int64_t generation,
                       int64_t fetched_at) {
  wrote(source, url);
  Stmt u(db_, cached(kTouchPage));
  u.bind(1, generation).bind(2, static_cast<int64_t>(depth)).bind(3, fetched_at).bind(4, source).bind(5, url);
  u.step();
}

void CrawlState::touch(const std::string& source, const std::vector<std::pair<std::string, int>>& pages,
                       int64_t generation, int64_t fetched_at) {
  // depth → the URLs as a JSON array.  Only '"', '\\' and control characters are escaped: the
  // other bytes go through as they are (SQLite's JSON reader takes them so), and come back out
  // of json_each() as the same text.
  std::map<int, std::string> by_depth;
  std::unordered_set<std::string_view> listed;
  for (auto it = pages.rbegin(); it != pages.rend(); ++it) {
    const auto& [url, depth] = *it;
    if (!listed.insert(url).second) continue;  // listed again later: that one's depth
    wrote(source, url);
    std::string& json = by_depth[depth];
    json += json.empty() ? "[\"" : ",\"";
    for (const char c : url) {
      if (c == '"' || c == '\\') {
        json += '\\';
        json += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(c));
        json += esc;
      } else {
        json += c;
      }
    }
    json += '"';
  }
  for (auto& [depth, json] : by_depth) {
    json += ']';
    Stmt u(db_, cached(kTouchPages));
    u.bind(1, generation).bind(2, static_cast<int64_t>(depth)).bind(3, fetched_at).bind(4, source).bind(5, json);
    u.step();
  }
}

void CrawlState::erase(const std::string& source, const std::string& url) {
  wrote(source, url);
  Stmt d(db_, cached(kErase));
  d.bind(1, source).bind(2, url);
  d.step();
  clear_missing(source, url);
}

std::map<std::string, int64_t> CrawlState::missing(const std::string& source) {
  std::map<std::string, int64_t> out;
  if (!has_missing_table()) return out;  // a read-only state written by an older senrei
  Stmt q(db_, "SELECT url, since FROM missing WHERE source = ?");
  q.bind(1, source);
  while (q.step()) out[q.text(0)] = q.integer(1);
  return out;
}

void CrawlState::mark_missing(const std::string& source, const std::string& url, int64_t since) {
  Stmt i(db_, "INSERT OR IGNORE INTO missing(source, url, since) VALUES(?, ?, ?)");
  i.bind(1, source).bind(2, url).bind(3, since);
  i.step();
}

void CrawlState::clear_missing(const std::string& source, const std::string& url) {
  if (!has_missing_table()) return;
  Stmt d(db_, cached("DELETE FROM missing WHERE source = ? AND url = ?"));
  d.bind(1, source).bind(2, url);
  d.step();
}

bool CrawlState::has_missing_table() {
  Stmt q(db_, cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'missing'"));
  return q.step();
}

std::string CrawlState::integrity_problem() {
  try {
    Stmt q(db_, "PRAGMA quick_check");
    std::string out;
    while (q.step()) {
      std::string line = q.text(0);
      if (line == "ok") continue;
      if (!out.empty()) out += "; ";
      out += line;
    }
    return out;
  } catch (const std::exception& e) {
    return e.what();
  }
}

std::map<std::string, std::vector<std::string>> CrawlState::all_aliases(const std::string& source) {
  std::map<std::string, std::vector<std::string>> out;
  if (!has_alias_column_) return out;
  // (source, url) → alias_of, then every alias walked to the URL that holds the records.
  std::map<std::pair<std::string, std::string>, std::string> target;
  Stmt q(db_, source.empty() ? "SELECT source, url, alias_of FROM pages WHERE alias_of != ''"
                             : "SELECT source, url, alias_of FROM pages WHERE alias_of != '' AND source = ?");
  if (!source.empty()) q.bind(1, source);
  while (q.step()) target[{q.text(0), q.text(1)}] = q.text(2);
  for (const auto& [key, first] : target) {
    std::string owner = first;
    for (int hops = 0; hops < 32; ++hops) {  // a cycle (never written, but read defensively) stops
      auto it = target.find({key.first, owner});
      if (it == target.end()) break;
      owner = it->second;
    }
    if (owner != key.second) out[owner].push_back(key.second);
  }
  for (auto& [owner, list] : out) std::sort(list.begin(), list.end());
  return out;
}

std::vector<std::string> CrawlState::aliases_of(const std::string& source, const std::string& url) {
  if (!has_alias_column_) return {};
  auto all = all_aliases(source);
  auto it = all.find(url);
  return it == all.end() ? std::vector<std::string>{} : it->second;
}

std::optional<CrawlState::AliasOwner> CrawlState::alias_owner(const std::string& url) {
  if (!has_alias_column_) return std::nullopt;
  Stmt q(db_, "SELECT source, alias_of FROM pages WHERE url = ? AND alias_of != '' ORDER BY source LIMIT 1");
  q.bind(1, url);
  if (!q.step()) return std::nullopt;
  AliasOwner owner{q.text(0), q.text(1)};
  for (int hops = 0; hops < 32; ++hops) {
    Stmt next(db_, "SELECT alias_of FROM pages WHERE source = ? AND url = ? AND alias_of != ''");
    next.bind(1, owner.source).bind(2, owner.url);
    if (!next.step()) break;
    owner.url = next.text(0);
  }
  return owner;
}

std::map<std::string, std::map<std::string, int64_t>> CrawlState::counts() {
  Stmt q(db_, "SELECT source, state, count(*) FROM pages GROUP BY source, state");
  std::map<std::string, std::map<std::string, int64_t>> out;
  while (q.step()) out[q.text(0)][q.text(1)] = q.integer(2);
  return out;
}

std::map<std::string, int64_t> CrawlState::flag_counts() {
  Stmt q(db_, "SELECT flags FROM pages WHERE flags IS NOT NULL AND flags != '[]'");
  std::map<std::string, int64_t> out;
  while (q.step())
    for (const auto& f : json_list(q.text(0))) ++out[f];
  return out;
}

std::vector<LastRun> CrawlState::last_runs() {
  Stmt q(db_,
         "SELECT r.source, r.started, COALESCE(r.finished, 0),"
         " (SELECT COUNT(*) FROM pages p WHERE p.source = r.source AND p.generation = r.generation AND p.state = 'done'),"
         " (SELECT COUNT(*) FROM pages p WHERE p.source = r.source AND p.generation = r.generation AND p.state = 'failed')"
         " FROM runs r ORDER BY r.source");
  std::vector<LastRun> out;
  while (q.step()) out.push_back({q.text(0), q.integer(1), q.integer(2), q.integer(3), q.integer(4)});
  return out;
}

std::vector<FlaggedPage> CrawlState::flagged_pages(std::size_t limit) {
  Stmt q(db_, "SELECT source, url, flags FROM pages WHERE flags IS NOT NULL AND flags != '[]' ORDER BY source, url LIMIT ?");
  q.bind(1, static_cast<int64_t>(limit));
  std::vector<FlaggedPage> out;
  while (q.step()) out.push_back({q.text(0), q.text(1), json_list(q.text(2))});
  return out;
}

void CrawlState::mark_in_progress(const std::string& source, const std::string& url, const std::string& stage) {
  Stmt i(db_, cached(kMarkInProgress));
  i.bind(1, source).bind(2, url).bind(3, stage).bind(4, static_cast<int64_t>(std::time(nullptr)));
  i.step();
}

void CrawlState::clear_in_progress() { exec("DELETE FROM in_progress"); }

void CrawlState::note_crash_signal(int signal) {
  Stmt u(db_, "UPDATE in_progress SET signal = ? WHERE one = 1");
  u.bind(1, static_cast<int64_t>(signal));
  u.step();
}

std::optional<InProgress> CrawlState::in_progress() {
  Stmt q(db_, "SELECT source, url, stage, started, signal FROM in_progress WHERE one = 1");
  if (!q.step()) return std::nullopt;
  return InProgress{q.text(0), q.text(1), q.text(2), q.integer(3), static_cast<int>(q.integer(4))};
}

}  // namespace senrei
