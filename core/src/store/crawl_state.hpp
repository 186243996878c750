// store/crawl_state.hpp — what senrei knows about every URL it has crawled, in SQLite.
//
// One row per (source, url): the frontier status of the current run and what the last fetch
// found (status, ETag, Last-Modified, body sha256, the record ids it produced, its in-scope
// links).  A URL that is another URL's document (a redirect, the same bytes, a rel=canonical:
// crawl/document_identity.hpp) has no records of its own: its row names that URL in `alias_of`,
// and aliases_of()/alias_owner() read the folding back (for `show`, export and a reindex).
// A state written before aliases existed gains the column when opened for writing.  Runs are numbered per source (a generation); a run that was killed is resumed, and a
// row whose state is `done` in the current generation is not fetched again.
//
// The crawl loop writes a row only after the index has committed that page's records, so after
// a kill the state never claims more than the index holds.  WAL mode: readers (stats) never block
// the writer.  One CrawlState per thread; not thread-safe.  A damaged file (SQLite says
// "malformed" or "not a database") is reported, on open or on any later statement, as one line
// naming the file and what to do.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace senrei {

struct PageState {
  std::string source;
  std::string url;
  int depth = 0;
  int64_t generation = 0;
  std::string state = "queued";  // queued | done | failed
  int status = 0;                // last HTTP status (or 200/404 for a mirror)
  std::string etag;
  std::string last_modified;
  std::string sha256;
  std::string content_type;  // media type, with "; charset=…" when the response named one
  int64_t fetched_at = 0;  // unix seconds
  int failures = 0;
  std::string error;
  std::vector<std::string> record_ids;
  std::vector<std::string> links;
  std::string extractor;  // which plugin version produced record_ids
  std::vector<std::string> flags;
  std::string alias_of;      // the URL whose record this URL's document is; empty: its own records
  std::string alias_reason;  // why: "redirect", "same_body" or "canonical"
};

// What a run needs of every page up front (the rest is read per page with get()).
struct PageHead {
  std::string url;
  int depth = 0;
  int64_t generation = 0;
  std::string state;
};

// The page being worked on, left in the state while untrusted input or code runs on it (see
// mark_in_progress()).
struct InProgress {
  std::string source;
  std::string url;
  std::string stage;    // "extract" (senrei's HTML/PDF reader) or "plugin" (the source's extract())
  int64_t started = 0;  // unix seconds
  int signal = 0;       // the fatal signal the process died of (note_crash_signal), 0 if not known
};

struct Run {
  int64_t generation = 0;
  bool resumed = false;  // true when the last run of this source was interrupted
};

// The last run of a source, as `senrei stats` shows it.
struct LastRun {
  std::string source;
  int64_t started = 0;   // unix seconds
  int64_t finished = 0;  // unix seconds; 0 when it did not finish (interrupted, or running now)
  int64_t done = 0;      // pages of that run done
  int64_t failed = 0;    // pages of that run failed
};

// A page with consistency or reading flags (no_text_layer, garbled_text, …).
struct FlaggedPage {
  std::string source;
  std::string url;
  std::vector<std::string> flags;
};

class CrawlState {
 public:
  explicit CrawlState(const std::filesystem::path& file, bool read_only = false);
  ~CrawlState();
  CrawlState(const CrawlState&) = delete;
  CrawlState& operator=(const CrawlState&) = delete;

  Run begin_run(const std::string& source);
  void finish_run(const std::string& source, int64_t generation);

  // Queues a URL for this run unless it is already queued or done in it; true if queued now.
  bool enqueue(const std::string& source, const std::string& url, int depth, int64_t generation);
  std::vector<PageState> queued(const std::string& source, int64_t generation, size_t limit);
  std::optional<PageState> get(const std::string& source, const std::string& url);
  // The same row as get(), for a caller that asks for a source's pages in URL order (a run, its
  // stored pages): rows are read ahead a window at a time in one pass over the table instead of
  // one lookup each.  A row written since it was read ahead (save, touch, erase, enqueue), or
  // asked for twice, is read again with get(); asking out of order only costs a new window.
  std::optional<PageState> get_in_order(const std::string& source, const std::string& url);
  std::vector<PageState> pages(const std::string& source);
  std::vector<PageHead> heads(const std::string& source);
  void save(const PageState& page);
  // Marks a page done in this generation with nothing else changed (a 304, or the same body and
  // extractor): only the run columns are written, not the page's lists.
  void touch(const std::string& source, const std::string& url, int depth, int64_t generation, int64_t fetched_at);
  // The same for many pages of a source, (url, depth) each (a commit batch's): one statement per
  // depth instead of one per page.  A URL listed twice gets its last depth, as with touch().
  void touch(const std::string& source, const std::vector<std::pair<std::string, int>>& pages, int64_t generation,
             int64_t fetched_at);
  void erase(const std::string& source, const std::string& url);

  // The URLs folded into `url`'s record (directly or through a chain of aliases), sorted.
  std::vector<std::string> aliases_of(const std::string& source, const std::string& url);
  // Every alias of every URL of `source` ("" for all sources): owner URL → its aliases, sorted,
  // chains resolved to the URL that holds the records.
  std::map<std::string, std::vector<std::string>> all_aliases(const std::string& source = {});
  // The URL holding the records of alias `url` (chains followed) and its source, or nullopt
  // when `url` is no alias in any source.
  struct AliasOwner {
    std::string source;
    std::string url;
  };
  std::optional<AliasOwner> alias_owner(const std::string& url);
  // When each page of a source was first found missing (404/410, file gone, out of scope) and
  // not found since: url → unix seconds (crawl/removal_policy.hpp).  A page found again is
  // cleared; a page removed is erased with its row.
  std::map<std::string, int64_t> missing(const std::string& source);
  void mark_missing(const std::string& source, const std::string& url, int64_t since);
  void clear_missing(const std::string& source, const std::string& url);

  // A marker written just before a page's body is extracted or handed to a plugin, and cleared
  // when that returns.  A process that dies there leaves it; when it died of a crash
  // (crawl/crash_note.hpp, then note_crash_signal()) the next run names the plugin and the page
  // as the probable cause.  Each call commits on its own (no fsync: it must survive the process,
  // not the machine): call outside begin()/commit().
  void mark_in_progress(const std::string& source, const std::string& url, const std::string& stage);
  void clear_in_progress();
  void note_crash_signal(int signal);
  std::optional<InProgress> in_progress();

  // SQLite's own check of the file (PRAGMA quick_check): empty when sound, else what it found.
  std::string integrity_problem();

  // Counts by source and state, for `senrei stats`.
  std::map<std::string, std::map<std::string, int64_t>> counts();
  std::map<std::string, int64_t> flag_counts();
  // Each source's last run, by source name.
  std::vector<LastRun> last_runs();
  // Up to `limit` flagged pages, by source and URL.
  std::vector<FlaggedPage> flagged_pages(std::size_t limit);

  void begin();
  void commit();

 private:
  void exec(const char* sql);
  void migrate();
  bool has_alias_column_ = false;
  bool has_missing_table();
  // A write to `url`: a row read ahead for get_in_order() is no longer what the table holds.
  void wrote(const std::string& source, const std::string& url);
  // The statement for `sql` (a string literal: cached by its address), prepared on first use.
  sqlite3_stmt* cached(const char* sql);
  sqlite3* db_ = nullptr;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
  std::filesystem::path file_;
  // get_in_order()'s window: the rows of `source` from `first` on, in URL order, up to `last`
  // (to the table's end when `to_end`); `taken` marks those handed out, `stale` the URLs written
  // since (in the window's range, whether the window holds them or not).
  struct ReadAhead {
    std::string source;
    std::string first;
    std::string last;
    bool to_end = false;
    bool valid = false;
    std::vector<PageState> rows;
    std::vector<char> taken;
    std::unordered_set<std::string> stale;
    bool covers(const std::string& s, const std::string& url) const {
      return valid && s == source && url >= first && (to_end || url <= last);
    }
  };
  ReadAhead ahead_;
};

}  // namespace senrei
