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
// Positions (schema 5): a unit without kanji or hiragana — a katakana pair, a run of one such
// letter, a latin word — stands at the index of its first code point in the text (title and
// text apart, index_writer.cpp); the letters of longer runs and every unit with a kanji or
// hiragana have none.  Where a string occurs in a page, its positioned units stand at the same
// distances from each other as in the string, so the candidates are one phrase of those plus
// the other units anywhere (ngram_candidates): the pages holding アイディーリンク's letters
// together and in order, not every page with アイ, イデ, … somewhere.  Schema 4 had no positions
// and read 2,741 pages of 20,000 for that one synonym (215 ms), and for IDリンク every page with
// "id" and リンク.  Kanji pairs are nearly words and select few pages without positions;
// hiragana pairs are in every page.  Positions for all pairs cost the writer half again as much
// (callgrind, 300 pages: 4.0 G → 6.1 G); katakana and latin units add 16 MB to the 2,027-page
// position table where every unit added 87 MB.
//
// Counting the terms first and adding each distinct one to the document once replaced
// Xapian::TermGenerator's FLAG_CJK_NGRAM, which adds every occurrence to the document's term map:
// 40 % of the writer thread's instructions (issue 18 item 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

namespace senrei::index {

inline constexpr std::size_t kMaxNgramTermBytes = 64;

// The terms of `folded` and how often each occurs, each occurrence weighing `wdf`, with the
// units' positions (above).
class NgramCounts {
 public:
  // Counts the terms of `folded`; a unit starting at the text's k-th code point (from 0) stands at
  // position first + k.  Returns first + the number of code points: where a following text's
  // positions may start (leave a gap, so no phrase runs from one text into the next).
  Xapian::termpos add(std::string_view folded, Xapian::termcount wdf, Xapian::termpos first = 1);
  // Orders the positions as add_to() adds them (by term, ascending): call it on the thread that
  // counted, to spare the writer's.  add_to() sorts a copy when this was not called.
  void sort_positions();
  // Adds every term, with `prefix`, to `doc`: the positioned units (above) with their positions.
  void add_to(Xapian::Document& doc, std::string_view prefix) const;
  // The distinct terms (without prefix), in no particular order.
  std::vector<std::string> terms() const;

 private:
  void count(std::uint64_t key, Xapian::termcount wdf);
  // CJK unigrams and bigrams by code point(s) in an open-addressing table; other words by text.
  struct Slot {
    std::uint64_t key = 0;  // 0: empty
    Xapian::termcount wdf = 0;
  };
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::unordered_map<std::string, Xapian::termcount> words_;
  // The positioned units (pairs, one-letter runs; other words) and where each stands.
  std::vector<std::pair<std::uint64_t, Xapian::termpos>> positioned_;
  std::vector<std::pair<std::string, Xapian::termpos>> word_at_;
};

// The fallback's candidates for folded `needle` (prefix `prefix`): the phrase of its positioned
// units, each at its distance from the first, and its other units anywhere (so is a one-letter
// run at either end of the needle: in a page its run may go on, ア of トア).  Every page holding
// the needle matches; std::nullopt when the needle has no word character.
std::optional<Xapian::Query> ngram_candidates(std::string_view needle, std::string_view prefix);

}  // namespace senrei::index
