#include "index/ngrams.hpp"

#include <algorithm>

#include <unicode/utf8.h>
#include <xapian/unicode.h>

#include "ja/text_util.hpp"

namespace senrei::index {

namespace {

// CJK letters: kana, kanji and hangul blocks (the word characters among them).
bool cjk_block(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||   // radicals
         (c >= 0x3005 && c <= 0x3007) ||   // 々 〆 〇
         (c >= 0x3021 && c <= 0x3029) ||   // Suzhou numerals
         (c >= 0x3031 && c <= 0x3035) ||   // kana repeat marks
         (c >= 0x3041 && c <= 0x30FF) ||   // hiragana, katakana (・ is no word character)
         (c >= 0x3105 && c <= 0x31FF) ||   // bopomofo, hangul compatibility, katakana extension
         (c >= 0x3400 && c <= 0x4DBF) ||   // extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // unified ideographs
         (c >= 0xA960 && c <= 0xA97F) ||   // hangul jamo extended A
         (c >= 0xAC00 && c <= 0xD7FF) ||   // hangul syllables, jamo extended B
         (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
         (c >= 0xFF66 && c <= 0xFFDC) ||   // half-width katakana and hangul (folded text has none)
         (c >= 0x1B000 && c <= 0x1B16F) || // kana supplement, extended A
         (c >= 0x20000 && c <= 0x3134F);   // extensions B–G
}

// Kanji and hiragana: letters whose pairs pick few pages already (a kanji pair is nearly a word),
// or are in every page (の, して), so their units carry no positions.  The letters left —
// katakana, hangul, other scripts — make the names the dictionary does not know (アイディーリンク,
// ピカピカリンク), whose pairs (リン, ンク, アイ) are in most pages: their positions are what makes
// such a name's candidates few.  On the 2,027-page bench corpus their positions add 16 MB to
// the position table (35.7 → 51.5 MB), where positions for every unit added 87 MB.
bool kanji_or_hiragana(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3005 && c <= 0x3007) || (c >= 0x3021 && c <= 0x3029) ||
         (c >= 0x3031 && c <= 0x3035) || (c >= 0x3041 && c <= 0x309F) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000;
}

constexpr std::uint64_t kBigram = 1ull << 63;
constexpr std::uint64_t kUnigram = 1ull << 62;

std::uint64_t hash(std::uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}

void append_key(std::string& out, std::uint64_t key) {
  if (key & kBigram) {
    ja::detail::append_utf8(out, static_cast<char32_t>((key >> 21) & 0x1FFFFF));
    ja::detail::append_utf8(out, static_cast<char32_t>(key & 0x1FFFFF));
  } else {
    ja::detail::append_utf8(out, static_cast<char32_t>(key & 0x1FFFFF));
  }
}

// Reads `text` once, the one definition of the units for the writer and the query parser:
//   v.letter(c)                 each CJK letter (its unigram);
//   v.pair(key, k, positioned)  each pair of neighbours in a run, the first at code point k;
//   v.lone(c, k, positioned)    a run of one letter, once the run has ended;
//   v.word(w, k)                each other run of word characters (always positioned).
// `positioned`: the unit has no kanji or hiragana (kanji_or_hiragana).  Returns how many code
// points the text has.
template <class Visitor>
std::size_t for_each_unit(std::string_view text, Visitor&& v) {
  char32_t prev = 0;                                 // the CJK letter before, 0 when the run broke
  std::size_t run = 0;                               // letters in the current run
  std::size_t run_k = 0;                             // where it started
  std::size_t word_begin = std::string_view::npos;  // the start of another word being read
  std::size_t word_k = 0;
  std::size_t k = 0;
  auto end_run = [&] {
    if (run == 1) v.lone(prev, run_k, !kanji_or_hiragana(prev));
    run = 0;
    prev = 0;
  };
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n; ++k) {
    const std::size_t at = static_cast<std::size_t>(i);
    UChar32 u;
    U8_NEXT(s, i, n, u);
    const char32_t c = u < 0 ? 0xFFFD : static_cast<char32_t>(u);
    const bool word_char = Xapian::Unicode::is_wordchar(static_cast<unsigned>(c));
    const bool cjk = word_char && cjk_block(c);
    if (word_begin != std::string_view::npos && (!word_char || cjk)) {
      v.word(text.substr(word_begin, at - word_begin), word_k);
      word_begin = std::string_view::npos;
    }
    if (cjk) {
      v.letter(c);
      if (run == 0) run_k = k;
      else v.pair(kBigram | (static_cast<std::uint64_t>(prev) << 21) | c, k - 1,
                  !kanji_or_hiragana(prev) && !kanji_or_hiragana(c));
      ++run;
      prev = c;
      continue;
    }
    end_run();
    if (word_char && word_begin == std::string_view::npos) {
      word_begin = at;
      word_k = k;
    }
  }
  end_run();
  if (word_begin != std::string_view::npos) v.word(text.substr(word_begin), word_k);
  return k;
}

}  // namespace

void NgramCounts::count(std::uint64_t key, Xapian::termcount wdf) {
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) count(s.key, s.wdf);
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) {
      slots_[i].wdf += wdf;
      return;
    }
    if (slots_[i].key == 0) {
      slots_[i] = {key, wdf};
      ++used_;
      return;
    }
  }
}

Xapian::termpos NgramCounts::add(std::string_view text, Xapian::termcount wdf, Xapian::termpos first) {
  auto at = [first](std::size_t k) { return first + static_cast<Xapian::termpos>(k); };
  struct Visitor {
    NgramCounts& self;
    Xapian::termcount wdf;
    decltype(at)& pos;
    void letter(char32_t c) { self.count(kUnigram | c, wdf); }
    void pair(std::uint64_t key, std::size_t k, bool positioned) {
      self.count(key, wdf);
      if (positioned) self.positioned_.emplace_back(key, pos(k));
    }
    void lone(char32_t c, std::size_t k, bool positioned) {
      if (positioned) self.positioned_.emplace_back(kUnigram | c, pos(k));
    }
    void word(std::string_view w, std::size_t k) {
      if (w.size() > kMaxNgramTermBytes) return;
      self.words_[std::string(w)] += wdf;
      self.word_at_.emplace_back(std::string(w), pos(k));
    }
  };
  return at(for_each_unit(text, Visitor{*this, wdf, at}));
}

void NgramCounts::sort_positions() { std::sort(positioned_.begin(), positioned_.end()); }

void NgramCounts::add_to(Xapian::Document& doc, std::string_view prefix) const {
  std::string term(prefix);
  // Positions first (no weight), grouped by term and ascending, as Xapian appends them fastest;
  // then every term's weight.
  std::vector<std::pair<std::uint64_t, Xapian::termpos>> copy;
  const std::vector<std::pair<std::uint64_t, Xapian::termpos>>* sorted = &positioned_;
  if (!std::is_sorted(positioned_.begin(), positioned_.end())) {
    copy = positioned_;
    std::sort(copy.begin(), copy.end());
    sorted = &copy;
  }
  const auto& at = *sorted;
  for (std::size_t i = 0; i < at.size();) {
    term.resize(prefix.size());
    append_key(term, at[i].first);
    const std::uint64_t key = at[i].first;
    for (; i < at.size() && at[i].first == key; ++i) doc.add_posting(term, at[i].second, 0);
  }
  for (const auto& [w, pos] : word_at_) {
    term.resize(prefix.size());
    term += w;
    doc.add_posting(term, pos, 0);
  }
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    term.resize(prefix.size());
    append_key(term, s.key);
    doc.add_term(term, s.wdf);
  }
  for (const auto& [w, n] : words_) {
    term.resize(prefix.size());
    term += w;
    doc.add_term(term, n);
  }
}

std::vector<std::string> NgramCounts::terms() const {
  std::vector<std::string> out;
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    out.emplace_back();
    append_key(out.back(), s.key);
  }
  for (const auto& [w, n] : words_) out.push_back(w);
  return out;
}


std::optional<Xapian::Query> ngram_candidates(std::string_view needle, std::string_view prefix) {
  // The needle's units as the writer positions them (for_each_unit): where the needle occurs in
  // a page, each positioned one stands at the same distance from the first.  Not a run of one at
  // either end: in the page, the run may go on (ア of トア), and there the letter has no position.
  struct Unit {
    std::string term;
    std::size_t k;
  };
  struct Visitor {
    std::string_view prefix;
    std::vector<Unit> units;
    std::vector<std::string> loose;  // required, without positions
    std::vector<std::pair<std::string, std::size_t>> lone_units;  // positioned runs of one
    std::string term(std::uint64_t key) const {
      std::string t(prefix);
      append_key(t, key);
      return t;
    }
    void letter(char32_t) {}
    void pair(std::uint64_t key, std::size_t k, bool positioned) {
      if (positioned) units.push_back({term(key), k});
      else loose.push_back(term(key));
    }
    void lone(char32_t c, std::size_t k, bool positioned) {
      if (positioned) lone_units.emplace_back(term(kUnigram | c), k);
      else loose.push_back(term(kUnigram | c));
    }
    void word(std::string_view w, std::size_t k) {
      if (w.size() <= kMaxNgramTermBytes) units.push_back({std::string(prefix) + std::string(w), k});
    }
  } v{prefix, {}, {}, {}};
  const std::size_t count = for_each_unit(needle, v);
  for (auto& [t, k] : v.lone_units) {  // at either end: loose (above)
    if (k == 0 || k + 1 == count) v.loose.push_back(std::move(t));
    else v.units.push_back({std::move(t), k});
  }
  std::sort(v.units.begin(), v.units.end(), [](const Unit& a, const Unit& b) { return a.k < b.k; });
  auto& units = v.units;
  auto& loose = v.loose;
  std::vector<Xapian::Query> parts;
  for (auto& t : loose) parts.emplace_back(t);
  if (units.size() == 1) parts.emplace_back(units.front().term);
  if (units.size() > 1) {
    std::vector<std::string> terms;
    for (auto& u : units) terms.push_back(u.term);
    const auto window = static_cast<Xapian::termcount>(units.back().k - units.front().k + 1);
    parts.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
  }
  if (parts.empty()) return std::nullopt;
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace senrei::index
