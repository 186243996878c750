// parse_number() and parse_rate(): plain figures, before any unit is read.
#include "ja/text_util.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {

using detail::find_number;
using detail::is_space;
using detail::starts_with_at;

// The first number with an Arabic digit, else the first kanji number: in "千葉県 429施設" or
// "三重県 1,200人" the kanji is part of a name, while "三千" alone is a number.
std::optional<double> parse_number(std::string_view text) {
  const std::u32string s = detail::prepare(text);
  std::optional<double> first_kanji;
  std::size_t from = 0;
  while (auto t = find_number(s, from)) {
    if (t->arabic) return t->value;
    if (!first_kanji) first_kanji = t->value;
    from = std::max(t->end, t->begin + 1);
  }
  return first_kanji;
}

std::optional<double> parse_rate(std::string_view text) {
  const std::u32string s = detail::prepare(text);
  std::optional<double> fraction_fallback;
  bool fallback_decided = false;
  std::size_t from = 0;
  while (auto t = find_number(s, from)) {
    from = t->end;
    std::size_t p = t->end;
    while (p < s.size() && is_space(s[p])) ++p;
    if (starts_with_at(s, p, U"%")) return t->value / 100;
    if (starts_with_at(s, p, U"パーセント")) return t->value / 100;
    if (starts_with_at(s, p, U"割")) {
      // 3割 = 0.3, 3割5分 = 0.35 (歩合).
      double rate = t->value / 10;
      if (auto bu = detail::scan_number(s, p + 1); bu && starts_with_at(s, bu->end, U"分"))
        rate += bu->value / 100;
      return rate;
    }
    if (!fallback_decided) {
      // A bare figure is a rate only when it already reads as a fraction ("0.31"); "28.5"
      // alone could be a percentage or anything else, so it is not guessed at.
      fallback_decided = true;
      const bool arabic = p > t->begin && detail::is_ascii_digit(s[t->begin]);
      const bool dated = starts_with_at(s, p, U"年") || starts_with_at(s, p, U"月") ||
                         starts_with_at(s, p, U"日");
      if (arabic && !dated && !t->has_multiplier && t->value >= 0 && t->value <= 1)
        fraction_fallback = t->value;
    }
  }
  return fraction_fallback;
}

std::optional<double> parse_whole_number(std::string_view text) {
  const std::string t = fold(text);
  // Only digits, separators, kanji numerals and units: parse_number reads a prefix and would
  // take "1億x" for 1億.
  static constexpr std::string_view kAllowed[] = {"千", "万", "億", "兆", "円", "〇", "一", "二", "三", "四",
                                                  "五", "六", "七", "八", "九", "十", "百"};
  if (t.empty()) return std::nullopt;
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '.') {
      ++i;
      continue;
    }
    std::size_t n = 0;
    for (auto a : kAllowed)
      if (std::string_view(t).substr(i).starts_with(a)) n = a.size();
    if (n == 0) return std::nullopt;
    i += n;
  }
  return parse_number(t);
}

std::optional<int> parse_whole_year(std::string_view text) {
  if (auto n = parse_whole_number(text)) {
    if (*n >= 0 && *n <= 9999 && *n == static_cast<int>(*n)) return static_cast<int>(*n);
    return std::nullopt;
  }
  // Folded text has lower-case era letters ("h25"), and a bare era year ("平成24") has no 年.
  std::string t = fold(text);
  for (char& c : t)
    if (c == 'h' || c == 'r' || c == 's' || c == 't' || c == 'm') c = static_cast<char>(c - 'a' + 'A');
  for (const std::string& s : {t, t + "年"})
    if (auto y = parse_year(s)) return y;
  return std::nullopt;
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
