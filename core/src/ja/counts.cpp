// parse_count() and parse_population(): institutions, patients, residents.
//
// Decisions:
// - A number is labelled by the nearest kind word before it (back to the previous separator
//   、,/+() or number), else by one right after it ("32病院"); the labels are DOMAIN.md §3's:
//   hospital, clinic, dental, pharmacy, home_nursing, care, lab, disclosing (開示), viewing
//   (閲覧), other (その他).  合計 / 総数 / 計 label the total itself.
// - The total: numbers joined by ＋ are summed (every top-level part kept in parts, labelled
//   ones also in the breakdown: an unlabelled part is not その他, it is just a part); else a
//   number labelled 合計; else the first unlabelled number outside brackets ("323（開示32/閲覧
//   293）" → 323, its bracket the breakdown); else the sum of the breakdown ("病院32、診療所150"
//   → 182).
// - Dates are not counts: as_of is the first date followed by 時点 / 現在 / 末 / 時, or else
//   the first date in the text; numbers followed by %, 歳, 年, 月, 日, 円 are skipped.
// - With no number: the value states of senrei/vocabulary.hpp (非公開 → undisclosed, 不明 or 未定
//   → unknown, a bare なし → not_applicable).
#include <algorithm>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace {

using namespace detail;


bool is_separator(char32_t c) {
  return c == U'、' || c == U',' || c == U'/' || c == U'+' || c == U'。' || c == U';' ||
         c == U'・' || is_open_bracket(c) || is_close_bracket(c);
}

// The words of the total itself, then the institution kinds of senrei/vocabulary.hpp (most
// specific first: 歯科診療所 is dental, not clinic; 訪問看護 is home_nursing, not care).
const char* label_in(std::u32string_view segment) {
  for (std::u32string_view w : {U"合計", U"総数", U"計"})
    if (contains(segment, w)) return "total";
  if (const auto* t = vocabulary::first_match(vocabulary::Concept::institution_kind, encode_utf8(segment)))
    return t->keyword.data();  // the table's keywords are string literals
  return nullptr;
}

struct Item {
  NumberToken token;
  int depth = 0;
  const char* label = nullptr;
  bool approximate = false;
  bool joined_by_plus = false;  // a + stands between this number and the previous one
  bool subset_of_part = false;  // 「開示40〔うち35は閲覧も〕」: a subset of a part, not a part
};

bool followed_by_non_count(std::u32string_view s, std::size_t p) {
  while (p < s.size() && is_space(s[p])) ++p;
  for (std::u32string_view w : {U"%", U"歳", U"年", U"月", U"日", U"円", U"割", U"パーセント"})
    if (starts_with_at(s, p, w)) return true;
  return false;
}

}  // namespace

std::optional<Count> parse_count(std::string_view text) {
  const std::u32string s = prepare(text);
  Count c;
  c.raw = encode_utf8(trim(s));

  // Dates first, so their numbers are not read as counts.
  std::vector<std::pair<std::size_t, std::size_t>> date_spans;
  std::string first_date, marked_date;
  for (std::size_t from = 0; auto d = find_date(s, from);) {
    if (d->end <= from) break;
    from = d->end;
    date_spans.emplace_back(d->begin, d->end);
    const std::string iso = format_date(*d);
    if (first_date.empty()) first_date = iso;
    std::size_t p = d->end;
    while (p < s.size() && is_space(s[p])) ++p;
    if (marked_date.empty() && (starts_with_at(s, p, U"時点") || starts_with_at(s, p, U"現在") ||
                                starts_with_at(s, p, U"末") || starts_with_at(s, p, U"時") ||
                                starts_with_at(s, p, U"段階")))
      marked_date = iso;
  }
  c.as_of = marked_date.empty() ? first_date : marked_date;
  auto in_date = [&](std::size_t pos) {
    for (const auto& [b, e] : date_spans)
      if (pos >= b && pos < e) return true;
    return false;
  };

  std::vector<int> depth(s.size() + 1, 0);
  for (std::size_t i = 0, d = 0; i < s.size(); ++i) {
    if (is_close_bracket(s[i]) && d > 0) --d;
    depth[i] = static_cast<int>(d);
    if (is_open_bracket(s[i])) ++d;
  }

  std::vector<Item> items;
  std::size_t prev_end = 0;
  for (std::size_t from = 0; auto t = find_number(s, from, false);) {
    from = std::max(t->end, t->begin + 1);
    if (in_date(t->begin) || followed_by_non_count(s, t->end)) continue;
    // Part of a name or code: SS-MIX2, HS026, 第3.
    const std::size_t b = t->begin;
    if (b > 0 && (is_ascii_alpha(s[b - 1]) || s[b - 1] == U'第' ||
                  (b > 1 && s[b - 1] == U'-' && is_ascii_alpha(s[b - 2]))))
      continue;
    Item it;
    it.token = *t;
    it.depth = depth[b];
    // The label before: from the last separator after the previous number.
    std::size_t seg = b;
    while (seg > prev_end && !is_separator(s[seg - 1])) --seg;
    bool plus = false;
    for (std::size_t k = prev_end; k < b; ++k) plus = plus || s[k] == U'+';
    it.joined_by_plus = plus && !items.empty();
    it.label = label_in(std::u32string_view(s).substr(seg, b - seg));
    // Or right after it: "32病院".
    std::size_t after = t->end;
    while (after < s.size() && !is_separator(s[after]) && digit_value(s[after]) < 0) ++after;
    if (it.label == nullptr)
      it.label = label_in(std::u32string_view(s).substr(t->end, after - t->end));
    it.approximate = approx_prefix_before(s, b).has_value() ||
                     approx_suffix_at(s, t->end) != 0 ||
                     contains(std::u32string_view(s).substr(t->end, after - t->end), U"程度");
    prev_end = t->end;
    items.push_back(it);
  }

  if (items.empty()) {
    const auto state = parse_value_state(vocabulary::value_state_of(encode_utf8(trim(s))));
    if (!state || *state == ValueState::stated) return std::nullopt;
    c.state = *state;
    return c;
  }

  // 「うち」 numbers belong to the number they follow: a breakdown when that is the total
  // (「100施設（うち病院20）」), a subset of a part when that is itself a part (「開示40〔うち35は
  // 閲覧も〕、閲覧300」): such a subset is neither a part nor the total, and it says the parts
  // overlap, so their sum is no total.
  bool overlap = false;
  for (std::size_t i = 1; i < items.size(); ++i) {
    Item& it = items[i];
    const std::size_t b = it.token.begin;
    // The うち context: the text since the previous number at this depth, or since the bracket
    // this number sits in was opened.
    std::size_t from = items[i - 1].token.end;
    if (it.depth > 0)
      for (std::size_t k = b; k > from; --k)
        if (is_open_bracket(s[k - 1])) {
          from = k;
          break;
        }
    bool uchi = contains(std::u32string_view(s).substr(from, b - from), U"うち") ||
                contains(std::u32string_view(s).substr(from, b - from), U"内訳");
    const Item* parent = nullptr;
    for (std::size_t k = i; k-- > 0;) {
      if (items[k].depth < it.depth || (it.depth == 0 && k == i - 1)) {
        parent = &items[k];
        break;
      }
    }
    if (!uchi && it.depth > 0 && items[i - 1].subset_of_part && items[i - 1].depth == it.depth) uchi = true;
    if (uchi && parent && parent->label && std::string_view(parent->label) != "total") {
      it.subset_of_part = true;
      overlap = true;
    }
  }
  std::erase_if(items, [](const Item& it) { return it.subset_of_part; });

  const bool summed = std::any_of(items.begin(), items.end(),
                                  [](const Item& it) { return it.joined_by_plus && it.depth == 0; });
  const Item* total = nullptr;
  for (const Item& it : items) {
    const std::string_view label = it.label ? it.label : "";
    if (label == "total") {
      if (!total) total = &it;
      continue;
    }
    if (!label.empty()) c.breakdown.emplace_back(std::string(label), it.token.value);
  }
  if (summed) {
    double sum = 0;
    for (const Item& it : items) {
      if (it.depth != 0) continue;
      sum += it.token.value;
      c.approximate = c.approximate || it.approximate;
    }
    // Only the top-level parts are the breakdown of a sum.
    c.breakdown.clear();
    for (const Item& it : items) {
      if (it.depth != 0) continue;
      c.parts.push_back(it.token.value);
      if (it.label && std::string_view(it.label) != "total") c.breakdown.emplace_back(it.label, it.token.value);
    }
    c.value = sum;
    c.summed = true;
    return c;
  }
  if (!total) {
    for (const Item& it : items)
      if (it.depth == 0 && it.label == nullptr) {
        total = &it;
        break;
      }
  }
  if (total) {
    c.value = total->token.value;
    c.approximate = total->approximate;
  } else if (!c.breakdown.empty()) {
    // No total stated: the sum of the breakdown, marked as such, unless the page says the
    // groups overlap (then there is no total to give).
    if (!overlap) {
      double sum = 0;
      for (const auto& [k, v] : c.breakdown) sum += v;
      c.value = sum;
      c.summed = true;
    }
    for (const Item& it : items) c.approximate = c.approximate || it.approximate;
  } else {
    c.value = items.front().token.value;
    c.approximate = items.front().approximate;
  }
  return c;
}

std::optional<Count> parse_population(std::string_view text) {
  auto c = parse_count(text);
  if (c) c->breakdown.clear();
  return c;
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
