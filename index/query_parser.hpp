// index/query_parser.hpp — senrei's query language (docs/query.md) → a Xapian::Query.
//
//   free text      京都 連携     whitespace-separated terms, all required (implicit AND)
//   "phrase"       "地域 医療"   the words in this order
//   AND OR NOT     A OR B, NOT A, -A, ( ... )
//   filters        kind: source: pref: form: fund: product:   (comma = either: kind:faq,glossary)
//   ranges         year: build: run: pop: patients: inst:   a..b, a.., ..b, or one value
//
// A term matches by MeCab words first (京都 never matches 東京都); only when those words match
// no document at all does it fall back to the phrase of its CJK n-grams (recall for names the
// dictionary does not know), weighted below words.  Query and index text are folded alike, so
// ＩＤ－Ｌｉｎｋ finds ID-Link.  Errors are QueryError with a one-line message.
//
// A parser reads the database to choose words or n-grams: build one per search (cheap).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/errors.hpp"
#include "index/tokenizer.hpp"

namespace senrei::index {

struct ParsedQuery {
  Xapian::Query query;
  // What to mark in snippets (folded): word sequences matched as words, and strings matched
  // through n-grams (as substrings).  Negated terms are not listed.
  std::vector<std::vector<std::string>> word_phrases;
  std::vector<std::string> ngram_strings;
  bool has_text = false;  // false for a filters-only query (results then in index order)
};

class QueryParser {
 public:
  QueryParser(const Xapian::Database& db, std::shared_ptr<const Tokenizer> tokenizer);
  // Throws QueryError.
  ParsedQuery parse(std::string_view query) const;

 private:
  Xapian::Database db_;
  std::shared_ptr<const Tokenizer> tokenizer_;
};

// The filter names, for messages and help: kind, source, pref, form, fund, product, year, build, run,
// pop, patients, inst.
const std::vector<std::string>& known_filters();

}  // namespace senrei::index
