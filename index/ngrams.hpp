// index/ngrams.hpp — the n-gram terms (prefix XN) of folded text: what the fallback finds
// candidates by (query_parser.hpp, word_bounds.hpp).
//
// A run of CJK letters (kanji, kana, hangul: word characters of those blocks) gives each
// character and each pair of neighbours (地域医療 → 地 地域 域 域医 医 医療 療); any other run of
// word characters (Xapian::Unicode::is_wordchar: letters, digits, marks) is one term as it
// stands (id, link, ss, mix2, 25); everything else separates.  A term over kMaxNgramTermBytes is
// left out.  The writer and the query parser both use this, so a string that occurs in a page
// gives only terms that page has (the candidates are a superset of the matches).
//
// Counting the terms first and adding each distinct one to the document once replaced
// Xapian::TermGenerator's FLAG_CJK_NGRAM, which adds every occurrence to the document's term map:
// 40 % of the writer thread's instructions (issue 18 item 4).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace senrei::index {

inline constexpr std::size_t kMaxNgramTermBytes = 64;

// The terms of `folded` and how often each occurs, each occurrence weighing `wdf`.
class NgramCounts {
 public:
  void add(std::string_view folded, Xapian::termcount wdf);
  // Adds every term, with `prefix`, to `doc` (without positions).
  void add_to(Xapian::Document& doc, std::string_view prefix) const;
  // The distinct terms (without prefix), in no particular order.
  std::vector<std::string> terms() const;

 private:
  void count(std::uint64_t key, Xapian::termcount wdf);
  void count_word(std::string_view word, Xapian::termcount wdf);
  // CJK unigrams and bigrams by code point(s) in an open-addressing table; other words by text.
  struct Slot {
    std::uint64_t key = 0;  // 0: empty
    Xapian::termcount wdf = 0;
  };
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::unordered_map<std::string, Xapian::termcount> words_;
};

}  // namespace senrei::index
