#include "index/ngrams.hpp"

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

void NgramCounts::count_word(std::string_view word, Xapian::termcount wdf) {
  if (word.size() > kMaxNgramTermBytes) return;
  words_[std::string(word)] += wdf;
}

void NgramCounts::add(std::string_view text, Xapian::termcount wdf) {
  char32_t prev = 0;             // the CJK letter before, 0 when the run broke
  std::size_t word_begin = std::string_view::npos;  // the start of another word being read
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n;) {
    const std::size_t at = static_cast<std::size_t>(i);
    UChar32 u;
    U8_NEXT(s, i, n, u);
    const char32_t c = u < 0 ? 0xFFFD : static_cast<char32_t>(u);
    const bool word_char = Xapian::Unicode::is_wordchar(static_cast<unsigned>(c));
    const bool cjk = word_char && cjk_block(c);
    if (word_begin != std::string_view::npos && (!word_char || cjk)) {
      count_word(text.substr(word_begin, at - word_begin), wdf);
      word_begin = std::string_view::npos;
    }
    if (cjk) {
      count(kUnigram | c, wdf);
      if (prev != 0) count(kBigram | (static_cast<std::uint64_t>(prev) << 21) | c, wdf);
      prev = c;
      continue;
    }
    prev = 0;
    if (word_char && word_begin == std::string_view::npos) word_begin = at;
  }
  if (word_begin != std::string_view::npos) count_word(text.substr(word_begin), wdf);
}

void NgramCounts::add_to(Xapian::Document& doc, std::string_view prefix) const {
  std::string term(prefix);
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

}  // namespace senrei::index
