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
// dictionary does not know, or that a document's context segments otherwise), weighted below
// words, and then only in documents where the string stands on word boundaries
// (word_bounds.hpp: 京都 in 東京|都 is rejected).  With a synonym table (synonyms.hpp), a term
// or filter value that is one of a group's names stands for all of them.  Query and index text are folded alike, so
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
#include "index/synonyms.hpp"
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
  // synonyms: a term or filter value that is a name of a group searches for all its names
  // (OP_SYNONYM: ranked as one term); none when null.
  QueryParser(const Xapian::Database& db, std::shared_ptr<const Tokenizer> tokenizer,
              std::shared_ptr<const Synonyms> synonyms = nullptr);
  // Throws QueryError.
  ParsedQuery parse(std::string_view query) const;

 private:
  Xapian::Database db_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::shared_ptr<const Synonyms> synonyms_;
};

// The filter names, for messages and help: kind, source, pref, form, fund, product, year, build, run,
// pop, patients, inst.
const std::vector<std::string>& known_filters();

}  // namespace senrei::index
