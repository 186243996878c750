// Years and dates in 西暦 and 和暦: parse_year(), parse_date(), format_era_year().
//
// Eras: 明治 1868, 大正 1912, 昭和 1926, 平成 1989, 令和 2019; year = base + n − 1, 元年 = 1.
// The last year of an era and 元年 of the next are the same 西暦 year (平成31年 = 令和元年 =
// 2019); a month past the era's end is still read arithmetically (平成31年5月 → 2019-05), as
// documents written before an era change keep using the old era.  年度 (fiscal year) n runs
// from April of n to March of n+1: "平成28年度" is the year 2016, "平成28年度末" is 2017-03.
#include <array>
#include <cstdio>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace detail {
namespace {

struct Era {
  std::u32string_view name;
  char32_t abbreviation;
  int base;  // 西暦 of 元年
};
constexpr std::array<Era, 5> kEras{{
    {U"明治", U'M', 1868},
    {U"大正", U'T', 1912},
    {U"昭和", U'S', 1926},
    {U"平成", U'H', 1989},
    {U"令和", U'R', 2019},
}};
constexpr int kMaxEraYear = 99;

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

struct Int {
  long value = 0;
  std::size_t end = 0;
  int digits = 0;
};

// A run of ASCII digits at i (all of it, however long; value saturates), or kanji numerals.
std::optional<Int> read_int(std::u32string_view s, std::size_t i) {
  if (i >= s.size()) return std::nullopt;
  if (is_ascii_digit(s[i])) {
    Int r;
    std::size_t j = i;
    while (j < s.size() && is_ascii_digit(s[j])) {
      if (r.value < 100000000) r.value = r.value * 10 + static_cast<long>(s[j] - U'0');
      ++r.digits;
      ++j;
    }
    r.end = j;
    return r;
  }
  if (is_kanji_digit(s[i]) || small_multiplier(s[i]) != 0) {
    auto t = scan_number(s, i);
    if (!t || t->has_decimal_point || t->value > 1e8) return std::nullopt;
    for (std::size_t j = t->begin; j < t->end; ++j)
      if (is_ascii_digit(s[j]) || big_multiplier(s[j]) != 0) return std::nullopt;
    return Int{static_cast<long>(t->value), t->end, static_cast<int>(t->end - t->begin)};
  }
  return std::nullopt;
}

std::size_t skip_spaces(std::u32string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// After "<year>年": 度, 度末, 末, M月, M月D日.
void read_kanji_suffix(std::u32string_view s, DateMatch& d) {
  std::size_t p = d.end;
  if (starts_with_at(s, p, U"度")) {
    d.fiscal = true;
    d.end = ++p;
    if (starts_with_at(s, p, U"末")) {
      d.fiscal_end = true;
      d.end = p + 1;
    }
    return;
  }
  if (starts_with_at(s, p, U"末")) {  // 年末: the end of the calendar year
    d.month = 12;
    d.end = p + 1;
    return;
  }
  auto m = read_int(s, skip_spaces(s, p));
  if (!m || m->value < 1 || m->value > 12 || !starts_with_at(s, m->end, U"月")) return;
  d.month = static_cast<int>(m->value);
  d.end = m->end + 1;
  auto day = read_int(s, skip_spaces(s, d.end));
  if (!day || day->value < 1 || day->value > days_in_month(d.year, d.month) ||
      !starts_with_at(s, day->end, U"日"))
    return;
  d.day = static_cast<int>(day->value);
  d.end = day->end + 1;
}

// After a year written with digits: "年…", or ".3", "/3/31", "-03-31".
void read_suffix(std::u32string_view s, DateMatch& d) {
  if (starts_with_at(s, d.end, U"年")) {
    ++d.end;
    read_kanji_suffix(s, d);
    return;
  }
  if (d.end >= s.size()) return;
  const char32_t sep = s[d.end];
  if (sep != U'.' && sep != U'/' && sep != U'-') return;
  auto m = read_int(s, d.end + 1);
  if (!m || m->digits > 2 || !is_ascii_digit(s[d.end + 1]) || m->value < 1 || m->value > 12)
    return;
  d.month = static_cast<int>(m->value);
  d.end = m->end;
  if (d.end < s.size() && s[d.end] == sep) {
    auto day = read_int(s, d.end + 1);
    if (day && day->digits <= 2 && is_ascii_digit(s[d.end + 1]) && day->value >= 1 &&
        day->value <= days_in_month(d.year, d.month)) {
      d.day = static_cast<int>(day->value);
      d.end = day->end;
    }
  }
}

std::optional<DateMatch> era_at(std::u32string_view s, std::size_t i) {
  for (const Era& era : kEras) {
    bool abbreviated = false;
    std::size_t p;
    if (starts_with_at(s, i, era.name)) {
      p = skip_spaces(s, i + era.name.size());
    } else if (s[i] == era.abbreviation && (i == 0 || (!is_ascii_alpha(s[i - 1]) &&
                                                        !is_ascii_digit(s[i - 1])))) {
      abbreviated = true;
      p = i + 1;
      if (p >= s.size() || !is_ascii_digit(s[p])) return std::nullopt;
    } else {
      continue;
    }
    long n = 0;
    std::size_t end;
    if (!abbreviated && starts_with_at(s, p, U"元")) {
      n = 1;
      end = p + 1;
    } else {
      auto v = read_int(s, p);
      if (!v || (abbreviated && v->digits > 2)) return std::nullopt;
      n = v->value;
      end = v->end;
    }
    if (n < 1 || n > kMaxEraYear) return std::nullopt;
    if (abbreviated && end < s.size() && is_ascii_alpha(s[end])) return std::nullopt;
    DateMatch d;
    d.begin = i;
    d.end = end;
    d.year = era.base + static_cast<int>(n) - 1;
    read_suffix(s, d);
    return d;
  }
  return std::nullopt;
}

// A 西暦 year: four digits (or kanji: 二〇一六年) followed by 年, a date separator, or — for
// four bare digits — a boundary that cannot continue an amount (not 万, 円, 人, ...).
std::optional<DateMatch> western_at(std::u32string_view s, std::size_t i, std::size_t& run_end) {
  auto v = read_int(s, i);
  if (!v) return std::nullopt;
  run_end = v->end;
  const bool kanji = !is_ascii_digit(s[i]);
  if (!kanji && v->digits != 4) return std::nullopt;
  if (v->value < 1000 || v->value > 2999) return std::nullopt;
  DateMatch d;
  d.begin = i;
  d.end = v->end;
  d.year = static_cast<int>(v->value);
  if (starts_with_at(s, d.end, U"年")) {
    read_suffix(s, d);
    return d;
  }
  if (kanji) return std::nullopt;
  const std::size_t p = d.end;
  if (p < s.size() && (s[p] == U'.' || s[p] == U'/' || s[p] == U'-') && p + 1 < s.size() &&
      is_ascii_digit(s[p + 1])) {
    read_suffix(s, d);
    if (d.month != 0) return d;
    return std::nullopt;
  }
  if (d.year < 1868 || d.year > 2199) return std::nullopt;
  if (p == s.size() || is_space(s[p]) || is_open_bracket(s[p]) || is_close_bracket(s[p]) ||
      s[p] == U'、' || s[p] == U'。' || s[p] == U',' || s[p] == U'~' || s[p] == U'〜')
    if (s[p] != U',' || p + 1 >= s.size() || !is_ascii_digit(s[p + 1])) return d;
  return std::nullopt;
}

}  // namespace

std::optional<DateMatch> find_date(std::u32string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size()) {
    if (auto d = era_at(s, i)) return d;
    const char32_t c = s[i];
    const bool digit_start = digit_value(c) >= 0 || small_multiplier(c) != 0;
    if (digit_start && (i == 0 || (!is_ascii_digit(s[i - 1]) && s[i - 1] != U',' &&
                                   s[i - 1] != U'.'))) {
      std::size_t run_end = i + 1;
      if (auto d = western_at(s, i, run_end)) return d;
      // Skip the whole run: a long run of digits is looked at once, not once per digit.
      i = std::max(run_end, i + 1);
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

std::string format_date(const DateMatch& d) {
  char buf[48];
  if (d.fiscal_end)
    std::snprintf(buf, sizeof buf, "%04d-03", d.year + 1);
  else if (d.day != 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else if (d.month != 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  return buf;
}

}  // namespace detail

std::optional<int> parse_year(std::string_view text) {
  const std::u32string s = detail::prepare(text);
  if (auto d = detail::find_date(s)) return d->year;
  return std::nullopt;
}

std::optional<std::string> parse_date(std::string_view text) {
  const std::u32string s = detail::prepare(text);
  if (auto d = detail::find_date(s)) return detail::format_date(*d);
  return std::nullopt;
}

std::string format_era_year(int year) {
  for (auto it = detail::kEras.rbegin(); it != detail::kEras.rend(); ++it) {
    if (year < it->base) continue;
    const int n = year - it->base + 1;
    std::string out = detail::encode_utf8(it->name);
    out += n == 1 ? std::string("元") : std::to_string(n);
    out += "年";
    return out;
  }
  return {};
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
