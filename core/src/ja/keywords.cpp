// Keyword normalizers: operator form, funding sources, payers, data-output note, consent.
//
// Each maps Japanese wording (after NFKC, so ＮＰＯ reads as NPO) to DOMAIN.md §3 keywords and
// also accepts the English keyword itself.  The words are senrei/vocabulary.hpp's tables; this
// file holds only how they are read.  Where several forms are written, the most specific wins:
// a legal form (特定非営利活動法人) over a name's ending (協議会) over a place (県, 市).
#include <algorithm>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace {

using namespace detail;

// Splits a list cell on 、 , ・ / ＋ と 及び および, brackets and spaces.
std::vector<std::u32string_view> list_items(std::u32string_view s) {
  std::vector<std::u32string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    std::size_t sep = 0;
    if (i == s.size()) sep = 1;
    else if (s[i] == U'、' || s[i] == U',' || s[i] == U'・' || s[i] == U'/' || s[i] == U'+' ||
             s[i] == U'。' || s[i] == U';' || s[i] == U'と' || is_space(s[i]) ||
             is_open_bracket(s[i]) || is_close_bracket(s[i]))
      sep = 1;
    else if (starts_with_at(s, i, U"及び")) sep = 2;
    else if (starts_with_at(s, i, U"および")) sep = 3;
    else if (starts_with_at(s, i, U"並びに")) sep = 3;
    if (sep == 0) continue;
    if (i > start) out.push_back(s.substr(start, i - start));
    start = i + sep;
    i = start - 1;
  }
  return out;
}

// 「補助金に頼らず」, 「基金は使っていない」, 「国庫補助ではなく」: the clause after a named source
// (to the next 、。 or 40 characters) says it is not used.
bool negated_after(std::string_view t, std::size_t end) {
  std::size_t stop = t.size();
  for (std::string_view sep : {"、", "。", ",", ";", "\n"}) stop = std::min(stop, t.find(sep, end));
  stop = std::min(stop, end + 120);  // about 40 characters
  const std::string_view clause = t.substr(end, stop - end);
  static constexpr std::string_view kNegations[] = {
      "頼らず", "頼らない", "使わず", "使わない", "使っていない", "使用せず", "使用していない",
      "利用せず", "利用していない", "活用せず", "活用していない", "用いず", "用いていない", "受けず",
      "受けていない", "充てず", "充てていない", "ではなく", "でなく", "なし", "無し", "は不要", "対象外", "無料",
      "徴収していない", "徴収せず"};
  for (auto n : kNegations)
    if (clause.find(n) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::optional<std::string> parse_operator_form(std::string_view text) {
  const std::u32string s = prepare(text);
  for (const vocabulary::Term& t : vocabulary::terms(vocabulary::Concept::operator_form))
    if (has_ascii_keyword(s, t.keyword)) return std::string(t.keyword);
  // The table lists legal forms (stated) before the words a name suggests its form by (医師会,
  // 協議会, a name ending in 市); a bare "NPO" is a stated form too.
  const std::string t = encode_utf8(trim(s));
  for (const vocabulary::Term& term : vocabulary::terms(vocabulary::Concept::operator_form)) {
    if (term.keyword == "medical_association" && has_ascii_keyword(s, "npo")) return "npo";
    for (std::string_view w : term.wordings)
      if (vocabulary::find_wording(t, w) != std::string::npos) return std::string(term.keyword);
  }
  if (has_ascii_keyword(s, "npo")) return "npo";
  if (contains(s, U"市")) return "municipality";
  return std::nullopt;
}

std::vector<std::string> parse_funding_sources(std::string_view text) {
  const std::u32string s = prepare(text);
  const std::string t = encode_utf8(s);
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const vocabulary::Term& term : vocabulary::terms(vocabulary::Concept::funding_source)) {
    std::size_t best = std::string::npos;
    for (std::string_view w : term.wordings) {
      // The first mention that is not negated (an anchored wording, "^県単$", has one place).
      std::string_view bare = w;
      const bool anchored = bare.starts_with('^') || bare.ends_with('$');
      if (bare.starts_with('^')) bare.remove_prefix(1);
      if (bare.ends_with('$')) bare.remove_suffix(1);
      for (std::size_t pos = vocabulary::find_wording(t, w); pos != std::string::npos && pos < best;
           pos = anchored ? std::string::npos : t.find(bare, pos + 1)) {
        if (negated_after(t, pos + bare.size())) continue;
        best = pos;
        break;
      }
    }
    // Position of an English keyword: where it occurs as a whole word (any case).
    if (has_ascii_keyword(s, term.keyword)) {
      std::string lower = t;
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      best = std::min(best, lower.find(term.keyword));
    }
    if (best != std::string::npos) found.emplace_back(best, std::string(term.keyword));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [p, k] : found) out.push_back(std::move(k));
  return out;
}

// 「運営主体（参加機関の会費などで賄う）」: a bracketed note that says how the payer meets the cost
// (賄う, 充てる, 活用, 財源) names the payer's means, not more payers; its funds are funding
// sources (parse_funding_sources reads them).  Other brackets stay: 「参加機関（年会費）」.
static std::u32string without_means_notes(std::u32string s) {
  static constexpr std::u32string_view kMeans[] = {U"賄", U"まかな", U"充て", U"充当", U"活用", U"財源", U"捻出"};
  for (std::size_t open = 0; open < s.size(); ++open) {
    if (!is_open_bracket(s[open])) continue;
    std::size_t close = open + 1;
    while (close < s.size() && !is_close_bracket(s[close])) ++close;
    const std::u32string_view note = std::u32string_view(s).substr(open + 1, close - open - 1);
    if (std::any_of(std::begin(kMeans), std::end(kMeans), [&](std::u32string_view w) { return contains(note, w); })) {
      s.erase(open, std::min(close + 1, s.size()) - open);
      --open;
    }
  }
  return s;
}

std::vector<std::string> parse_payers(std::string_view text) {
  const std::u32string s = without_means_notes(prepare(text));
  std::vector<std::string> out;
  auto add = [&](std::string_view k) {
    if (std::find(out.begin(), out.end(), k) == out.end()) out.emplace_back(k);
  };
  for (std::u32string_view item : list_items(s)) {
    bool english = false;
    for (const vocabulary::Term& t : vocabulary::terms(vocabulary::Concept::payer)) {
      if (has_ascii_keyword(item, t.keyword)) {
        add(t.keyword);
        english = true;
      }
    }
    if (english) continue;
    // One kind per item, most specific first (the table's order): 県医師会 is the medical association.
    if (const vocabulary::Term* t = vocabulary::first_match(vocabulary::Concept::payer, encode_utf8(item)))
      add(t->keyword);
  }
  return out;
}

std::optional<bool> parse_data_output_included(std::string_view text) {
  const std::u32string s = prepare(text);
  // Only the note about data output decides; a template listing both 含む／含まない decides
  // nothing.
  std::size_t from = 0;
  std::optional<bool> result;
  while (true) {
    std::size_t pos = find(s, U"データ出力", from);
    if (pos == std::u32string::npos) pos = find(s, U"出力対応", from);
    if (pos == std::u32string::npos) break;
    // The verdict is in the same clause: up to the next 。 or bracket close, at most 40 chars.
    std::size_t end = pos;
    while (end < s.size() && end - pos < 40 && s[end] != U'。' && !is_close_bracket(s[end])) ++end;
    const std::u32string_view clause = std::u32string_view(s).substr(pos, end - pos);
    const bool excluded = contains(clause, U"含まない") || contains(clause, U"含まず") ||
                          contains(clause, U"含めない") || contains(clause, U"除く") ||
                          contains(clause, U"別途") || contains(clause, U"対象外");
    std::u32string rest(clause);
    for (std::u32string_view neg : {U"含まない", U"含まず", U"含めない"}) {
      for (std::size_t p = rest.find(neg); p != std::u32string::npos; p = rest.find(neg, p))
        rest.replace(p, neg.size(), U"");
    }
    const bool included = contains(rest, U"含む") || contains(rest, U"含め") ||
                          contains(rest, U"込み") || contains(rest, U"含まれ");
    if (excluded && included) return std::nullopt;
    if (excluded || included) {
      if (result && *result != included) return std::nullopt;
      result = included;
    }
    from = end > pos ? end : pos + 1;
  }
  return result;
}

std::optional<std::string> parse_consent_method(std::string_view text) {
  const std::u32string s = prepare(text);
  for (const vocabulary::Term& t : vocabulary::terms(vocabulary::Concept::consent_method))
    if (has_ascii_keyword(s, t.keyword)) return std::string(t.keyword);
  // The method named first in the text.
  const std::string u = encode_utf8(s);
  std::size_t best = std::string::npos;
  std::string_view key;
  for (const vocabulary::Term& t : vocabulary::terms(vocabulary::Concept::consent_method)) {
    for (std::string_view w : t.wordings) {
      const std::size_t pos = vocabulary::find_wording(u, w);
      if (pos < best) {
        best = pos;
        key = t.keyword;
      }
    }
  }
  if (key.empty()) return std::nullopt;
  return std::string(key);
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
