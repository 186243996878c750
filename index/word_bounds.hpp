// index/word_bounds.hpp — n-gram matches that respect the document's own words.
//
// The n-gram fallback (query_parser.hpp) finds a string by its characters wherever they stand,
// so 京都 would match 東京都 (東京|都).  A match counts only where the string neither starts nor
// ends inside a longer dictionary word of that document, as MeCab segments the document's text
// at index time: 京都 in 東京|都 is rejected; ピカピカリンク, which MeCab reads as one unknown
// word in 「県のピカピカリンクと」 and as ピカピカ|リンク alone, is accepted (words MeCab only
// guessed, Word::known false, do not count as barriers).  The characters must stand together and
// in order (運用費用 is not 運用 … 費用).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index/tokenizer.hpp"

namespace senrei::index {

// Whether folded `needle` occurs in folded `text` at least once on word boundaries (above).
bool occurs_on_word_boundaries(std::string_view text, std::string_view needle, const Tokenizer& tokenizer);

// The words of pieces already read (Tokenizer::piece_end), by the piece's text: a site's pages
// repeat their sentences, so checking many documents for one needle reads each distinct
// piece with MeCab once.  At most kMaxCachedPieces are kept.
using PieceWords = std::unordered_map<std::string, std::vector<Word>>;
inline constexpr std::size_t kMaxCachedPieces = 8192;
// The same, reading pieces through `cache` (nullptr: none); the same answer.
bool occurs_on_word_boundaries(std::string_view text, std::string_view needle, const Tokenizer& tokenizer,
                               PieceWords* cache);

// `candidates` (the n-gram query of `needle`) restricted to the documents of `db` where
// occurs_on_word_boundaries() holds for the title or the text: reads every candidate's stored
// record, so meant for the fallback, which runs only when the words match nothing.
// `found_already` (optional): documents the caller matches another way (a synonym found as
// words); they are not read and not in the result, which the caller ORs with them — for
// 再生基金, whose pages nearly all say 地域医療再生基金, this is the difference between reading
// every page of the corpus and reading none.
// The result filters the candidates' terms (weighed as they are, without a phrase: the
// documents are known) by the ids of those that pass; Query::MatchNothing when none passes.
Xapian::Query on_word_boundaries(const Xapian::Database& db, const Xapian::Query& candidates,
                                 std::string_view needle, const Tokenizer& tokenizer,
                                 const Xapian::Query& found_already = Xapian::Query());

}  // namespace senrei::index
