#include "ja/text_util.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cmath>
#include <limits>

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace detail {

std::u32string decode_utf8(std::string_view in) {
  std::u32string out;
  out.reserve(in.size());
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      out.push_back(b);
      ++i;
      continue;
    }
    int len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; cp = b & 0x1F; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; cp = b & 0x0F; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; cp = b & 0x07; min = 0x10000; }
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= n;
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char c = p[i + static_cast<std::size_t>(k)];
      if ((c & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (ok) {
      out.push_back(cp);
      i += static_cast<std::size_t>(len);
    } else {
      out.push_back(U'\uFFFD');
      ++i;
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = U'\uFFFD';
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

std::string nfkc_utf8(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return {};
  const std::u32string cps = decode_utf8(utf8);
  // ICU strings are indexed by int32_t: normalise in chunks cut where NFKC has a boundary.
  constexpr std::size_t kChunk = 1 << 20;
  std::string out;
  out.reserve(utf8.size());
  std::size_t begin = 0;
  while (begin < cps.size()) {
    std::size_t end = std::min(cps.size(), begin + kChunk);
    while (end < cps.size() && end > begin + 1 &&
           !nfkc->hasBoundaryBefore(static_cast<UChar32>(cps[end])))
      --end;
    const icu::UnicodeString in = icu::UnicodeString::fromUTF32(
        reinterpret_cast<const UChar32*>(cps.data() + begin), static_cast<int32_t>(end - begin));
    status = U_ZERO_ERROR;
    const icu::UnicodeString norm = nfkc->normalize(in, status);
    if (U_FAILURE(status)) return {};
    norm.toUTF8String(out);
    begin = end;
  }
  return out;
}

std::u32string prepare(std::string_view text) {
  if (text.size() > kMaxParseBytes) {
    std::size_t cut = kMaxParseBytes;
    // Back up to a lead byte so the cut does not leave a broken character.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  return decode_utf8(nfkc_utf8(text));
}

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_kanji_digit(char32_t c) { return !is_ascii_digit(c) && digit_value(c) >= 0; }

int small_multiplier(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

double big_multiplier(char32_t c) {
  switch (c) {
    case U'万': return 1e4;
    case U'億': return 1e8;
    case U'兆': return 1e12;
    default: return 0;
  }
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == U'\u3000' || c == U'\u00A0';
}

bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

bool is_open_bracket(char32_t c) {
  return c == U'(' || c == U'[' || c == U'「' || c == U'『' || c == U'【' || c == U'〔' ||
         c == U'〈' || c == U'《' || c == U'{';
}
bool is_close_bracket(char32_t c) {
  return c == U')' || c == U']' || c == U'」' || c == U'』' || c == U'】' || c == U'〕' ||
         c == U'〉' || c == U'》' || c == U'}';
}

bool starts_with_at(std::u32string_view s, std::size_t pos, std::u32string_view word) {
  return pos <= s.size() && s.size() - pos >= word.size() && s.compare(pos, word.size(), word) == 0;
}

bool ends_with_at(std::u32string_view s, std::size_t end, std::u32string_view word) {
  return end <= s.size() && end >= word.size() && starts_with_at(s, end - word.size(), word);
}

bool contains(std::u32string_view s, std::u32string_view word) {
  return s.find(word) != std::u32string_view::npos;
}

std::size_t find(std::u32string_view s, std::u32string_view word, std::size_t from) {
  if (from > s.size()) return std::u32string_view::npos;
  return s.find(word, from);
}

std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

// The number being read: mantissa / scale, scale a power of ten (so "1.2億" is 12e8 / 10,
// exact, rather than 1.2 * 1e8).  Sums are kept in long double (a 64-bit mantissa on x86-64),
// so an amount of whole yen below 2^64 is exact until the one rounding to double at the end:
// summing 兆, 億 and 万 sections in double rounded twice (516,723兆1,418億6,250万3,744円 read
// as 64 yen less; found by tests/fuzz/fuzz_ja.cpp).
using Exact = long double;
struct Pending {
  bool set = false;
  bool kanji = false;
  Exact mantissa = 0;
  Exact scale = 1;
  Exact times(Exact m) const { return mantissa * m / scale; }
};

// Reads "1,234,567.89" at i; returns the end.  A comma groups only when exactly three digits
// follow it; a point is decimal only when a digit follows it.
std::size_t scan_arabic(std::u32string_view s, std::size_t i, Pending& p, bool& decimal) {
  const std::size_t n = s.size();
  p = Pending{true, false, 0, 1};
  bool in_fraction = false;
  while (i < n) {
    const char32_t c = s[i];
    if (is_ascii_digit(c)) {
      p.mantissa = p.mantissa * 10 + static_cast<Exact>(c - U'0');
      if (in_fraction) p.scale *= 10;
      ++i;
    } else if (c == U',' && !in_fraction && i + 3 < n && is_ascii_digit(s[i + 1]) &&
               is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3]) &&
               (i + 4 >= n || !is_ascii_digit(s[i + 4]))) {
      ++i;
    } else if (c == U'.' && !in_fraction && i + 1 < n && is_ascii_digit(s[i + 1])) {
      in_fraction = true;
      decimal = true;
      ++i;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::optional<NumberToken> scan_number(std::u32string_view s, std::size_t pos,
                                       bool allow_single_kanji) {
  const std::size_t n = s.size();
  Exact total = 0;    // sum of the 万/億/兆 sections read so far
  Exact section = 0;  // the part below the next big unit (十百千 sums)
  Pending cur;
  double last_mult = 0;
  bool any = false, has_mult = false, arabic = false, decimal = false;
  int kanji_digits = 0;
  std::size_t i = pos;
  std::size_t end = pos;
  while (i < n) {
    const char32_t c = s[i];
    if (is_ascii_digit(c)) {
      if (cur.set) break;
      i = scan_arabic(s, i, cur, decimal);
      arabic = any = true;
      last_mult = 0;
      end = i;
    } else if (is_kanji_digit(c)) {
      if (cur.set && !cur.kanji) break;
      if (cur.set) {
        cur.mantissa = cur.mantissa * 10 + digit_value(c);  // positional: 二〇一六
      } else {
        cur = Pending{true, true, static_cast<Exact>(digit_value(c)), 1};
      }
      ++kanji_digits;
      any = true;
      last_mult = 0;
      end = ++i;
    } else if (const int m = small_multiplier(c); m != 0) {
      section += cur.set ? cur.times(m) : m;  // 十 alone is ten
      cur = Pending{};
      last_mult = m;
      any = has_mult = true;
      end = ++i;
    } else if (const double big = big_multiplier(c); big != 0) {
      if (!any || (section == 0 && !cur.set)) break;  // 万 alone, or 億万
      total += section * big + (cur.set ? cur.times(big) : 0);
      section = 0;
      cur = Pending{};
      last_mult = big;
      has_mult = true;
      end = ++i;
    } else if (is_space(c) && cur.set && !cur.kanji) {
      // "2,000 万円": a space between digits and their unit.
      std::size_t j = i;
      while (j < n && is_space(s[j])) ++j;
      if (j < n && (small_multiplier(s[j]) != 0 || big_multiplier(s[j]) != 0)) {
        i = j;
        continue;
      }
      break;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (!allow_single_kanji && !arabic && !has_mult && kanji_digits < 2) return std::nullopt;
  NumberToken t;
  t.begin = pos;
  t.end = end;
  const Exact value = total + section + (cur.set ? cur.times(1) : 0);
  if (!(value <= static_cast<Exact>(std::numeric_limits<double>::max()))) return std::nullopt;  // also NaN
  t.value = static_cast<double>(value);
  t.trailing_multiplier = cur.set ? 0 : last_mult;
  t.has_multiplier = has_mult;
  t.has_decimal_point = decimal;
  t.arabic = arabic;
  if (!std::isfinite(t.value)) return std::nullopt;
  return t;
}

std::optional<NumberToken> find_number(std::u32string_view s, std::size_t from,
                                       bool allow_single_kanji) {
  for (std::size_t i = from; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (digit_value(c) < 0 && small_multiplier(c) == 0) continue;
    if (i > 0 && s[i - 1] == U'数') {  // 数千万, 数十: not a stated number
      while (i + 1 < s.size() && (digit_value(s[i + 1]) >= 0 || small_multiplier(s[i + 1]) != 0 ||
                                  big_multiplier(s[i + 1]) != 0))
        ++i;
      continue;
    }
    if (auto t = scan_number(s, i, allow_single_kanji)) return t;
  }
  return std::nullopt;
}

std::optional<std::size_t> approx_prefix_before(std::u32string_view s, std::size_t pos) {
  std::size_t end = std::min(pos, s.size());
  while (end > 0 && is_space(s[end - 1])) --end;
  for (std::u32string_view w : {U"約", U"概ね", U"およそ", U"凡そ", U"推定", U"概算"}) {
    if (ends_with_at(s, end, w)) return end - w.size();
  }
  return std::nullopt;
}

std::size_t approx_suffix_at(std::u32string_view s, std::size_t pos) {
  std::size_t p = pos;
  while (p < s.size() && is_space(s[p])) ++p;
  for (std::u32string_view w : {U"程度", U"前後", U"ほど", U"くらい", U"ぐらい", U"余り", U"余",
                                U"強", U"弱"}) {
    if (starts_with_at(s, p, w)) return p - pos + w.size();
  }
  return 0;
}

bool has_ascii_keyword(std::u32string_view s, std::string_view keyword) {
  auto word_char = [](char32_t c) {
    return is_ascii_alpha(c) || is_ascii_digit(c) || c == U'_';
  };
  std::size_t i = 0;
  while (i < s.size()) {
    if (!word_char(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    bool same = true;
    while (j < s.size() && word_char(s[j])) {
      char32_t c = s[j];
      if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
      const std::size_t k = j - i;
      if (k >= keyword.size() || static_cast<char32_t>(static_cast<unsigned char>(keyword[k])) != c)
        same = false;
      ++j;
    }
    if (same && j - i == keyword.size()) return true;
    i = j;
  }
  return false;
}

}  // namespace detail
}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
