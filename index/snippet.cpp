#include "index/snippet.hpp"

#include <cctype>
#include <cstring>

#include <algorithm>
#include <utility>

#include "index/text_fold.hpp"

namespace senrei::index {

namespace {

// Text past this is not searched for matches (a snippet from page 300 of a PDF helps nobody
// more than one from the start, and MeCab on megabytes costs time per hit).
constexpr std::size_t kMaxScanBytes = 256 * 1024;
constexpr std::size_t kMaxMatches = 2000;
// Folded and searched this many bytes at a time, until kEnoughMatches are found.
constexpr std::size_t kBlockBytes = 4096;
constexpr std::size_t kEnoughMatches = 8;
// ... or, once there is at least one, after this many bytes: a page that names the term twice
// would otherwise be folded to its end (256 KB) for a window that shows the first anyway.
constexpr std::size_t kEnoughBytes = 3 * kBlockBytes;
// Characters of context shown before the first match in the window.
constexpr std::size_t kLeadChars = 20;

using Span = std::pair<std::size_t, std::size_t>;  // byte range in the original text

std::size_t utf8_cut(std::string_view s, std::size_t at) {
  if (at >= s.size()) return s.size();
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The sentence around [b, e) of folded text: from after the previous newline or 。 to the next
// one (at most kSentenceBytes each way, cut on a character boundary).  MeCab splits a
// sentence the same way whatever surrounds it, so a word match can be checked by tokenizing
// only the sentences that contain the phrase's characters, not the whole text of every hit.
constexpr std::size_t kSentenceBytes = 300;
constexpr std::string_view kStop = "。";

std::pair<std::size_t, std::size_t> sentence_around(std::string_view t, std::size_t b, std::size_t e) {
  std::size_t lo = b > kSentenceBytes ? utf8_cut(t, b - kSentenceBytes) : 0;
  std::size_t hi = utf8_cut(t, std::min(t.size(), e + kSentenceBytes));
  if (auto nl = t.substr(lo, b - lo).find_last_of('\n'); nl != std::string_view::npos) lo += nl + 1;
  if (auto st = t.substr(lo, b - lo).rfind(kStop); st != std::string_view::npos) lo += st + kStop.size();
  if (auto nl = t.substr(e, hi - e).find('\n'); nl != std::string_view::npos) hi = e + nl;
  if (auto st = t.substr(e, hi - e).find(kStop); st != std::string_view::npos) hi = e + st + kStop.size();
  return {lo, hi};
}

// std::string::find() for a needle that starts with a UTF-8 lead byte: memchr stops at every
// kana and kanji of the same block, then compares.  glibc's memmem (two-way) does not.
std::size_t find_in(std::string_view hay, std::string_view needle, std::size_t from) {
  if (from > hay.size() || needle.size() > hay.size() - from) return std::string_view::npos;
  const void* p = ::memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
  return p ? static_cast<std::size_t>(static_cast<const char*>(p) - hay.data()) : std::string_view::npos;
}

// The code point at t[i] and its length in bytes (malformed bytes: one byte, U+FFFD).
std::pair<char32_t, std::size_t> code_point_at(std::string_view t, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(t[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return {c, 1};
  const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > t.size()) return {0xFFFD, 1};
  char32_t cp = c & (0x3F >> (n - 1));
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(k) & 0x3F);
  return {cp, n};
}

// Letters and digits as the tokenizer keeps them; everything else (spaces, punctuation, ・「」
// （）, symbols) is what it drops between words.
bool word_char(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  return (c >= 0xC0 && c <= 0x24F) || (c >= 0x370 && c <= 0x52F) || (c >= 0x3041 && c <= 0x309F) ||
         (c >= 0x30A0 && c <= 0x30FF && c != 0x30FB) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A) || (c >= 0xFF66 && c <= 0xFF9F) || c >= 0x20000;
}

// Whether the phrase's words follow one another at `at` in the folded text, with nothing but
// what the tokenizer drops between them ("ss-mix2", 地域・医療).  A necessary condition for a
// word match, checked before MeCab runs on the sentence: in a page that says 地域 forty times
// and 地域医療再生基金 once, thirty-nine sentences need no MeCab.
bool words_follow(std::string_view t, std::size_t at, const std::vector<std::string>& phrase) {
  std::size_t pos = at;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    if (k > 0)
      while (pos < t.size()) {
        auto [cp, n] = code_point_at(t, pos);
        if (word_char(cp)) break;
        pos += n;
      }
    if (t.compare(pos, phrase[k].size(), phrase[k]) != 0) return false;
    pos += phrase[k].size();
  }
  return true;
}

}  // namespace

std::string render_marks(std::string_view snippet, std::string_view start, std::string_view end) {
  std::string out;
  out.reserve(snippet.size());
  for (char c : snippet) {
    if (c == kMarkStart) out += start;
    else if (c == kMarkEnd) out += end;
    else out.push_back(c);
  }
  return out;
}

std::string make_snippet(std::string_view text_in, const SnippetTerms& terms, const Tokenizer& tokenizer,
                         std::size_t max_chars) {
  std::string cleaned;  // only when the text holds our mark bytes (it never should)
  std::string_view text = text_in;
  // (two memchr passes: find_first_of() of a set calls memchr once per byte of the text)
  if (std::memchr(text_in.data(), kMarkStart, text_in.size()) || std::memchr(text_in.data(), kMarkEnd, text_in.size())) {
    cleaned.reserve(text_in.size());
    for (char c : text_in)
      if (c != kMarkStart && c != kMarkEnd) cleaned.push_back(c);
    text = cleaned;
  }
  const std::string_view scan(text.data(), utf8_cut(text, kMaxScanBytes));

  // 1. Matches, found in folded form, as original byte spans.  The text is folded and searched
  // a block at a time (blocks end at a newline), and scanning stops once there are enough
  // matches to place a good window: a hit's first screenful usually has them, and folding and
  // tokenizing a whole 30 KB page for each of ten hits was most of a search's time.
  std::vector<Span> spans;
  const bool any_terms = !terms.word_phrases.empty() || !terms.ngram_strings.empty();
  for (std::size_t block_begin = 0; any_terms && block_begin < scan.size() && spans.size() < kEnoughMatches &&
                                    !(spans.size() > 0 && block_begin >= kEnoughBytes);) {
    std::size_t block_end = scan.size();
    if (block_begin + kBlockBytes < scan.size()) {
      const std::size_t nl = scan.find('\n', block_begin + kBlockBytes);
      block_end = nl != std::string_view::npos && nl - (block_begin + kBlockBytes) < 2048
                      ? nl + 1
                      : utf8_cut(scan, block_begin + kBlockBytes);
    }
    const FoldedText ft = fold_with_map(scan.substr(block_begin, block_end - block_begin));
    auto add = [&](std::size_t fb, std::size_t fe) {
      if (fe > fb && fe <= ft.folded.size() && spans.size() < kMaxMatches)
        spans.emplace_back(block_begin + ft.orig_begin(fb), block_begin + ft.orig_end(fe - 1));
    };
    // Word phrases: where the phrase's first word occurs, its sentence is tokenized and the
    // phrase must be whole words there (京都 inside 東京都 is not).
    std::vector<std::pair<std::size_t, std::vector<Word>>> sentences;  // by start offset
    auto words_of = [&](std::size_t lo, std::size_t hi) -> const std::vector<Word>& {
      for (const auto& [start, words] : sentences)
        if (start == lo) return words;
      auto words = tokenizer.words(std::string_view(ft.folded).substr(lo, hi - lo));
      for (auto& w : words) w.begin += lo, w.end += lo;
      sentences.emplace_back(lo, std::move(words));
      return sentences.back().second;
    };
    for (const auto& phrase : terms.word_phrases) {
      if (phrase.empty()) continue;
      const std::string& head = phrase.front();  // words may be apart ("ss mix2"): find the first
      if (head.empty()) continue;
      for (auto at = find_in(ft.folded, head, 0); at != std::string::npos && spans.size() < kMaxMatches;
           at = find_in(ft.folded, head, at + 1)) {
        if (!words_follow(ft.folded, at, phrase)) continue;
        const auto [lo, hi] = sentence_around(ft.folded, at, at + head.size());
        const auto& words = words_of(lo, hi);
        auto first = std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.begin == at; });
        if (first == words.end() || static_cast<std::size_t>(words.end() - first) < phrase.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < phrase.size() && same; ++k) same = first[k].text == phrase[k];
        if (same) add(first->begin, first[phrase.size() - 1].end);
      }
    }
    for (const auto& str : terms.ngram_strings) {
      if (str.empty()) continue;
      for (auto at = find_in(ft.folded, str, 0); at != std::string::npos; at = find_in(ft.folded, str, at + str.size()))
        add(at, at + str.size());
    }
    block_begin = block_end;
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Span> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.first < merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
    else merged.push_back(s);
  }

  // 2. Characters: the byte offset of each, to count the window in characters.
  // Only as far as a window can reach: max_chars characters (4 bytes at most each) past the
  // last match, or from the start when there is none.
  const std::size_t reach = (merged.empty() ? 0 : merged.back().second) + (max_chars + 1) * 4;
  const std::size_t limit = reach >= text.size() ? text.size() : utf8_cut(text, reach);
  std::vector<std::size_t> cps;
  cps.reserve(limit / 2 + 1);
  for (std::size_t i = 0; i < limit; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cps.push_back(i);
  cps.push_back(limit);
  const std::size_t nchars = cps.size() - 1;  // characters up to limit
  auto char_at = [&](std::size_t byte) {
    return static_cast<std::size_t>(std::lower_bound(cps.begin(), cps.end(), byte) - cps.begin());
  };

  // 3. The window with the most matches (the first such).
  std::size_t win_begin = 0, best = 0;
  for (std::size_t m = 0; m < merged.size(); ++m) {
    std::size_t c = char_at(merged[m].first);
    std::size_t start = c > kLeadChars ? c - kLeadChars : 0;
    std::size_t end_byte = cps[std::min(nchars, start + max_chars)];
    std::size_t count = 0;
    for (std::size_t k = m; k < merged.size() && merged[k].second <= end_byte; ++k) ++count;
    if (count > best) best = count, win_begin = start;
  }
  std::size_t win_end = std::min(nchars, win_begin + max_chars);
  if (best == 0) win_begin = 0, win_end = std::min(nchars, max_chars);
  const std::size_t b0 = cps[win_begin], b1 = cps[win_end];

  // 4. The passage, whitespace collapsed, matches marked.
  std::string out;
  if (win_begin > 0) out += "…";
  bool in_space = false;
  auto m = std::lower_bound(merged.begin(), merged.end(), Span{b0, 0});
  for (std::size_t i = b0; i < b1; ++i) {
    while (m != merged.end() && m->second <= i) ++m;
    if (m != merged.end() && m->first == i && m->second <= b1) out.push_back(kMarkStart), in_space = false;
    char c = text[i];
    if (is_space_byte(c) || static_cast<unsigned char>(c) < 0x20) {
      if (!in_space && !out.empty()) out.push_back(' ');
      in_space = true;
    } else {
      out.push_back(c);
      in_space = false;
    }
    if (m != merged.end() && m->second == i + 1 && m->first >= b0) out.push_back(kMarkEnd);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (cps[win_end] < text.size()) out += "…";  // more text follows
  return out;
}

}  // namespace senrei::index
