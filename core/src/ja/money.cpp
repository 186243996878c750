// parse_money() and format_money(): amounts in yen as written in cost rows.
//
// Decisions (DOMAIN.md §4):
// - A number is an amount only when 円 follows it (spaces allowed) or ¥ precedes it, or when it
//   is the low end of a range whose high end has 円: in "約2,500~約3,500万円" the unit of the
//   high end (万) binds the low end too, giving 25,000,000..35,000,000.
// - Amounts after 「うち」/「内訳」 (to the end of the bracket they open, or of the sentence) are
//   parts of a stated total and are not added: 「総額1億円（うち県補助5,000万円）」 is 1億.
//   When every amount is such a part, they are read as the amounts.
// - Several top-level amounts ("29,925千円＋40,105千円", "約4,000万円、約5,000万円") are parts
//   with no total stated: yen is their sum, parts lists them and summed is set.
// - 総額不明 / 全体額不明 make the state unknown even when parts are written: yen stays empty
//   and parts keeps them.  With no amount at all, 非公開 → undisclosed, 不明 → unknown, a bare
//   なし / 該当なし → not_applicable; anything else → nullopt.
// - period is "year" or "month" only when the text says so (/年, (年間), 年額, 年間 but not
//   "5年間", 毎年; 月額, /月, 毎月); otherwise "unknown" — a period is never guessed.
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace {

using namespace detail;

struct Amount {
  std::size_t begin = 0;
  std::size_t end = 0;
  double low = 0;
  std::optional<double> high;
  bool approximate = false;
  bool part_of_total = false;  // after うち / 内訳
};

constexpr std::u32string_view kRangeSeparators[] = {U"~", U"〜", U"-", U"‐", U"–", U"—",
                                                     U"−", U"から"};

std::size_t range_separator_at(std::u32string_view s, std::size_t p) {
  for (auto sep : kRangeSeparators)
    if (starts_with_at(s, p, sep)) return sep.size();
  return 0;
}

std::size_t skip_spaces(std::u32string_view s, std::size_t p) {
  while (p < s.size() && is_space(s[p])) ++p;
  return p;
}

// Position of 円 after a number (spaces allowed), or npos.
std::size_t yen_after(std::u32string_view s, std::size_t p) {
  p = skip_spaces(s, p);
  return starts_with_at(s, p, U"円") ? p : std::u32string_view::npos;
}

// For each position: is it inside a うち / 内訳 clause?
std::vector<bool> part_clauses(std::u32string_view s) {
  std::vector<bool> in_part(s.size() + 1, false);
  int depth = 0;
  int part_depth = -1;  // depth of the bracket the clause started in; -1 = none
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (is_open_bracket(c)) {
      ++depth;
    } else if (is_close_bracket(c)) {
      if (part_depth >= 0 && depth <= part_depth && part_depth > 0) part_depth = -1;
      if (depth > 0) --depth;
    } else if (c == U'。' && part_depth == 0) {
      part_depth = -1;
    }
    if (part_depth < 0 && (starts_with_at(s, i, U"うち") || starts_with_at(s, i, U"内訳") ||
                           starts_with_at(s, i, U"内数") ||
                           (c == U'内' && i > 0 && is_open_bracket(s[i - 1]))))
      part_depth = depth;
    in_part[i] = part_depth >= 0;
  }
  return in_part;
}

std::vector<Amount> find_amounts(std::u32string_view s) {
  std::vector<Amount> out;
  const std::vector<bool> in_part = part_clauses(s);
  std::size_t from = 0;
  while (auto tok = find_number(s, from, /*allow_single_kanji=*/false)) {
    from = std::max(tok->end, tok->begin + 1);
    Amount a;
    a.begin = tok->begin;
    a.low = tok->value;
    const bool yen_sign = tok->begin > 0 && (s[tok->begin - 1] == U'¥' || s[tok->begin - 1] == U'￥');
    if (const std::size_t yen = yen_after(s, tok->end); yen != std::u32string_view::npos) {
      a.end = yen + 1;
    } else if (yen_sign) {
      a.end = tok->end;
    } else {
      // The low end of a range: "2,500~3,500万円", "約2,500~約3,500万円".
      std::size_t p = skip_spaces(s, tok->end);
      const std::size_t sep = range_separator_at(s, p);
      if (sep == 0) continue;
      p = skip_spaces(s, p + sep);
      for (std::u32string_view w : {U"約", U"概ね", U"およそ"})
        if (starts_with_at(s, p, w)) p = skip_spaces(s, p + w.size());
      auto hi = scan_number(s, p, false);
      if (!hi) continue;
      const std::size_t yen = yen_after(s, hi->end);
      if (yen == std::u32string_view::npos) continue;
      if (!tok->has_multiplier && hi->trailing_multiplier != 0) a.low *= hi->trailing_multiplier;
      a.high = hi->value;
      a.approximate = approx_prefix_before(s, hi->begin).has_value();
      a.end = yen + 1;
      from = a.end;
    }
    if (!a.high) {
      // "2,500万円~3,500万円": a high end with its own unit.
      std::size_t p = skip_spaces(s, a.end);
      if (const std::size_t sep = range_separator_at(s, p); sep != 0) {
        p = skip_spaces(s, p + sep);
        std::size_t q = p;
        for (std::u32string_view w : {U"約", U"概ね", U"およそ"})
          if (starts_with_at(s, q, w)) q = skip_spaces(s, q + w.size());
        if (auto hi = scan_number(s, q, false)) {
          if (const std::size_t yen = yen_after(s, hi->end); yen != std::u32string_view::npos) {
            a.high = hi->value;
            a.approximate = a.approximate || q != p;
            a.end = yen + 1;
          }
        }
      }
    }
    if (auto pre = approx_prefix_before(s, tok->begin)) {
      a.approximate = true;
      a.begin = *pre;
    }
    if (const std::size_t suf = approx_suffix_at(s, a.end); suf != 0) {
      a.approximate = true;
      a.end += suf;
    }
    a.part_of_total = in_part[tok->begin];
    from = std::max(from, a.end);
    out.push_back(a);
  }
  return out;
}

// The first period marker in the text: "year", "month" or "unknown".
std::string find_period(std::u32string_view s) {
  // The markers are senrei/vocabulary.hpp's periods; the first one in the text decides.
  const std::string u = encode_utf8(s);
  std::size_t best = std::string::npos;
  std::string_view period;
  for (const vocabulary::Term& term : vocabulary::terms(vocabulary::Concept::period)) {
    if (term.keyword == "once") continue;  // a one-off payment is not a running cost's period
    for (std::string_view w : term.wordings) {
      for (std::size_t pos = vocabulary::find_wording(u, w); pos != std::string::npos && pos < best;
           pos = u.find(w, pos + 1)) {
        // "5年間で1億円" is a duration, not a rate per year.
        if (w == "年間" && pos > 0) {
          const std::u32string before = decode_utf8(std::string_view(u).substr(0, pos));
          const char32_t c = before.back();
          if (digit_value(c) >= 0 || small_multiplier(c) != 0) continue;
        }
        best = pos;
        period = term.keyword;
        break;
      }
    }
  }
  if (!period.empty()) return std::string(period);
  if (has_ascii_keyword(s, "annual") || has_ascii_keyword(s, "yearly")) return "year";
  if (has_ascii_keyword(s, "monthly")) return "month";
  return "unknown";
}

}  // namespace

std::optional<Money> parse_money(std::string_view text) {
  const std::u32string s = prepare(text);
  const std::vector<Amount> amounts = find_amounts(s);
  std::vector<Amount> main;
  for (const Amount& a : amounts)
    if (!a.part_of_total) main.push_back(a);
  if (main.empty()) main = amounts;

  Money m;
  m.period = find_period(s);
  const bool total_unknown = contains(s, U"総額不明") || contains(s, U"全体額不明") ||
                             contains(s, U"総額は不明") || contains(s, U"全体額は不明") ||
                             contains(s, U"全体の額は不明");
  if (!main.empty()) {
    m.raw = encode_utf8(s.substr(amounts.front().begin, amounts.back().end - amounts.front().begin));
    for (const Amount& a : main) m.approximate = m.approximate || a.approximate;
    if (total_unknown) {
      m.state = ValueState::unknown;
      for (const Amount& a : main) m.parts.push_back(a.low);
      return m;
    }
    if (main.size() == 1) {
      m.yen = main.front().low;
      m.yen_high = main.front().high;
      return m;
    }
    double low = 0, high = 0;
    bool any_high = false;
    for (const Amount& a : main) {
      m.parts.push_back(a.low);
      low += a.low;
      high += a.high.value_or(a.low);
      any_high = any_high || a.high.has_value();
    }
    m.yen = low;
    if (any_high) m.yen_high = high;
    m.summed = true;
    return m;
  }
  // A stated non-value (senrei/vocabulary.hpp's value states): 非公開, 総額不明, 未定 anywhere
  // in the text, なし or - only as the whole text.
  const std::string t = encode_utf8(trim(s));
  for (const vocabulary::Term& term : vocabulary::terms(vocabulary::Concept::value_state)) {
    for (std::string_view w : term.wordings) {
      if (vocabulary::find_wording(t, w) == std::string::npos) continue;
      m.state = parse_value_state(term.keyword).value_or(ValueState::stated);
      if (w.starts_with('^')) w.remove_prefix(1);
      if (w.ends_with('$')) w.remove_suffix(1);
      m.raw = std::string(w);
      return m;
    }
  }
  return std::nullopt;
}

namespace {

std::string with_commas(std::uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0 && (n - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

// Display form: below 1億, whole 万 amounts in 万 ("2,000万円") and others in plain digits
// ("12,345円"); from 1億 up, 兆/億/万 units with any remainder in yen ("2億1,281万円",
// "1兆2,345億6,789万123円").  Rounded to whole yen; a negative amount gets a leading "-"
// (which parse_money does not read); NaN or infinity gives "".
std::string format_money(double yen) {
  if (!std::isfinite(yen)) return {};
  std::string sign;
  if (yen < 0) {
    sign = "-";
    yen = -yen;
  }
  yen = std::round(yen);
  if (yen >= 1e18) {  // beyond 兆 groups that fit in 64 bits: plain digits
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.0f", yen);
    std::string digits = buf, out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
      out.push_back(digits[i]);
    }
    return sign + out + "円";
  }
  const auto v = static_cast<std::uint64_t>(yen);
  if (v < 100000000ULL && (v % 10000 != 0 || v < 10000)) return sign + with_commas(v) + "円";
  const std::uint64_t cho = v / 1000000000000ULL;
  const std::uint64_t oku = v / 100000000ULL % 10000;
  const std::uint64_t man = v / 10000 % 10000;
  const std::uint64_t rest = v % 10000;
  std::string out = sign;
  if (cho != 0) out += with_commas(cho) + "兆";
  if (oku != 0) out += with_commas(oku) + "億";
  if (man != 0) out += with_commas(man) + "万";
  if (rest != 0) out += with_commas(rest);
  return out + "円";
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
