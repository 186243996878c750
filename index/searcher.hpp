// index/searcher.hpp — searches one or more senrei indexes.
//
// A Searcher opens each path as a Xapian database: a glass index folder, or a stub file (one
// line per shard, e.g. `remote 127.0.0.1:8100` for xapian-tcpsrv), and searches them as one.
// It sees the last commit of each index: a writer in another thread or process never shows it
// half a commit; when a commit overtakes a search (Xapian::DatabaseModifiedError) the Searcher
// reopens and retries.  Errors are one line: IndexError (missing, damaged, other dictionary,
// server down) or QueryError (the query).  Not thread-safe: one Searcher per thread.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/errors.hpp"
#include "index/synonyms.hpp"
#include "index/tokenizer.hpp"
#include "senrei/record.hpp"

namespace senrei::index {

struct SearchRequest {
  std::string query;          // docs/query.md
  std::size_t offset = 0;     // first hit to return (0-based)
  std::size_t limit = 10;     // hits to return
  // "" or "relevance"; year, build, run, pop, patients, inst ascending; "-year" descending.
  // Records without the value come last either way.
  std::string sort;
  bool facets = false;        // count kind, source, pref, form, fund over all matches (exact)
  // Count every match, so `total` is exact however many there are.  Otherwise matches are
  // counted exactly up to kExactCountUpTo and estimated past it (total_exact false): counting
  // all 19,700 matches of a broad query on 20,000 pages was two thirds of its time.
  bool exact_total = false;
  std::size_t snippet_chars = 120;  // 0: no snippets
};

// Totals up to this many matches are exact without SearchRequest::exact_total.
// (20 bench queries on 20,000 pages, in-process p50/p95: up to 100 3.5/8.6 ms, 300 3.7/7.4,
// 1,000 4.3/11.3.  Later, same binary, quieter machine: every match 6.6/22.7 against 3.3/5.7.)
constexpr std::size_t kExactCountUpTo = 300;

struct SearchHit {
  std::size_t rank = 0;    // 1-based, over the whole result (offset + 1 for the first)
  double weight = 0;
  int percent = 0;         // 0 for a filters-only query
  Record record;
  std::string snippet;     // text with kMarkStart/kMarkEnd around matches (index/snippet.hpp)
};

struct FacetValue {
  std::string value;       // keyword as indexed (folded): "case_overview", "長崎県", "npo"
  Xapian::doccount count = 0;
};

struct Facet {
  std::string name;        // kind, source, pref, form, fund
  std::vector<FacetValue> values;  // most frequent first, then by value
};

struct SearchResult {
  Xapian::doccount total = 0;  // matching records
  bool total_exact = true;     // false: total is Xapian's estimate
  std::vector<SearchHit> hits;
  std::vector<Facet> facets;   // in the order kind, source, pref, form, fund (when requested)
};

class Searcher {
 public:
  // Throws IndexError: "no index at DIR — run `senrei crawl` first", "index at DIR is damaged
  // (...) — delete it and run `senrei crawl` again", another dictionary, a server down.
  explicit Searcher(const std::filesystem::path& path,
                    std::shared_ptr<const Tokenizer> tokenizer = Tokenizer::shared());
  explicit Searcher(std::vector<std::filesystem::path> paths,
                    std::shared_ptr<const Tokenizer> tokenizer = Tokenizer::shared());

  SearchResult search(const SearchRequest& request);
  std::optional<Record> get(std::string_view id);
  // The first record with this URL (a page split in parts has several).
  std::optional<Record> get_by_url(std::string_view url);
  Xapian::doccount doc_count();
  // Sees the latest commit now (search() also does so by itself when it must).
  void reopen();
  // The synonym table queries are read with (index/synonyms.hpp); none by default.
  void set_synonyms(std::shared_ptr<const Synonyms> synonyms) { synonyms_ = std::move(synonyms); }

  const Xapian::Database& database() const { return db_; }

 private:
  SearchResult search_once(const SearchRequest& req);
  bool remote_sort_ = false;  // a shard is remote: KeyMaker sorting is unavailable
  template <class F>
  auto with_retry(F&& f) -> decltype(f());
  std::optional<Record> first_with_term(const std::string& term);
  std::string where() const;

  std::vector<std::filesystem::path> paths_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::shared_ptr<const Synonyms> synonyms_;
  Xapian::Database db_;
};

}  // namespace senrei::index
