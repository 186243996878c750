// Keyword normalizers: operator form, funding sources, payers, data-output note, consent.
//
// Each maps Japanese wording (after NFKC, so ＮＰＯ reads as NPO) to DOMAIN.md §3 keywords and
// also accepts the English keyword itself.  Where several forms are written, the most specific
// wins: a legal form (特定非営利活動法人) over a name's ending (協議会) over a place (県, 市).
#include <algorithm>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace abi_v1 {
namespace ja {
namespace {

using namespace detail;

struct Keyword {
  std::u32string_view word;
  const char* key;
};

std::optional<std::string> english_keyword(std::u32string_view s,
                                           std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (has_ascii_keyword(s, k)) return std::string(k);
  return std::nullopt;
}

bool ends_with_any(std::u32string_view s, std::initializer_list<std::u32string_view> words) {
  for (auto w : words)
    if (ends_with_at(s, s.size(), w)) return true;
  return false;
}

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

}  // namespace

std::optional<std::string> parse_operator_form(std::string_view text) {
  const std::u32string s = prepare(text);
  if (auto k = english_keyword(s, {"npo", "general_association", "public_interest_association",
                                   "voluntary_association", "council", "prefecture",
                                   "municipality", "medical_association", "hospital",
                                   "university"}))
    return k;
  // Legal forms first: they are stated, everything below is inferred from a name.
  static constexpr Keyword kForms[] = {
      {U"特定非営利活動法人", "npo"},
      {U"NPO法人", "npo"},
      {U"公益社団法人", "public_interest_association"},
      {U"公益財団法人", "public_interest_association"},
      {U"一般社団法人", "general_association"},
      {U"一般財団法人", "general_association"},
      {U"任意団体", "voluntary_association"},
  };
  for (const auto& [word, key] : kForms)
    if (contains(s, word)) return std::string(key);
  if (has_ascii_keyword(s, "npo")) return "npo";
  const std::u32string_view t = trim(s);
  if (contains(t, U"医師会")) return "medical_association";
  if (contains(t, U"大学")) return "university";  // 大学病院 is run by its university
  if (contains(t, U"病院") || contains(t, U"医療センター")) return "hospital";
  if (contains(t, U"協議会")) return "council";
  if (ends_with_any(t, {U"市", U"町", U"村", U"区", U"市役所", U"町役場", U"村役場"}) ||
      contains(t, U"市町村"))
    return "municipality";
  if (contains(t, U"都道府県") || contains(t, U"県") || ends_with_any(t, {U"東京都", U"北海道", U"京都府", U"大阪府"}))
    return "prefecture";
  if (contains(t, U"市")) return "municipality";
  return std::nullopt;
}

std::vector<std::string> parse_funding_sources(std::string_view text) {
  const std::u32string s = prepare(text);
  static constexpr Keyword kSources[] = {
      {U"地域医療再生", "regional_revitalization_fund"},
      {U"地域医療介護総合確保基金", "comprehensive_care_fund"},
      {U"総合確保基金", "comprehensive_care_fund"},
      {U"国庫補助", "national_subsidy"},
      {U"国の補助", "national_subsidy"},
      {U"国補助", "national_subsidy"},
      {U"国庫", "national_subsidy"},
      {U"県費", "prefectural_budget"},
      {U"県単独", "prefectural_budget"},
      {U"県単", "prefectural_budget"},
      {U"県予算", "prefectural_budget"},
      {U"県の予算", "prefectural_budget"},
      {U"県補助", "prefectural_budget"},
      {U"市町村", "municipal_budget"},
      {U"市費", "municipal_budget"},
      {U"町費", "municipal_budget"},
      {U"市予算", "municipal_budget"},
      {U"市の予算", "municipal_budget"},
      {U"市負担", "municipal_budget"},
      {U"市補助", "municipal_budget"},
      {U"会費", "member_fees"},
      {U"利用料", "member_fees"},
      {U"参加費", "member_fees"},
      {U"使用料", "member_fees"},
      {U"自己資金", "own_funds"},
      {U"自主財源", "own_funds"},
      {U"自己財源", "own_funds"},
      {U"診療報酬", "medical_fee"},
      {U"電子的診療情報評価料", "medical_fee"},
  };
  static constexpr const char* kEnglish[] = {
      "regional_revitalization_fund", "comprehensive_care_fund", "national_subsidy",
      "prefectural_budget", "municipal_budget", "member_fees", "own_funds", "medical_fee"};
  std::vector<std::pair<std::size_t, std::string>> found;
  auto note = [&](std::size_t pos, const char* key) {
    for (auto& [p, k] : found) {
      if (k == key) {
        p = std::min(p, pos);
        return;
      }
    }
    found.emplace_back(pos, key);
  };
  for (const auto& [word, key] : kSources)
    if (const std::size_t pos = s.find(word); pos != std::u32string::npos) note(pos, key);
  for (const char* key : kEnglish) {
    // Position of an English keyword: where its first letter occurs as a whole word.
    if (!has_ascii_keyword(s, key)) continue;
    const std::u32string w = decode_utf8(key);
    std::size_t pos = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      std::size_t j = 0;
      while (j < w.size() && i + j < s.size() &&
             (s[i + j] == w[j] || (s[i + j] >= U'A' && s[i + j] <= U'Z' && s[i + j] - U'A' + U'a' == w[j])))
        ++j;
      if (j == w.size()) {
        pos = i;
        break;
      }
    }
    note(pos, key);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [p, k] : found) out.push_back(std::move(k));
  return out;
}

std::vector<std::string> parse_payers(std::string_view text) {
  const std::u32string s = prepare(text);
  static constexpr const char* kEnglish[] = {
      "prefecture", "municipality", "operator", "participants", "hospital",
      "medical_association", "national", "disclosing_institutions"};
  std::vector<std::string> out;
  auto add = [&](const std::string& k) {
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  };
  for (std::u32string_view item : list_items(s)) {
    bool english = false;
    for (const char* k : kEnglish) {
      if (has_ascii_keyword(item, k)) {
        add(k);
        english = true;
      }
    }
    if (english) continue;
    // One kind per item, most specific first: 県医師会 is the medical association.
    const char* kind = nullptr;
    if (contains(item, U"開示施設") || contains(item, U"情報提供施設") || contains(item, U"開示病院"))
      kind = "disclosing_institutions";
    else if (contains(item, U"参加") || contains(item, U"会員") || contains(item, U"利用施設") ||
             contains(item, U"利用機関") || contains(item, U"医療機関") || contains(item, U"診療所") ||
             contains(item, U"薬局"))
      kind = "participants";
    else if (contains(item, U"医師会"))
      kind = "medical_association";
    else if (contains(item, U"病院"))
      kind = "hospital";
    else if (contains(item, U"運営主体") || contains(item, U"協議会") || contains(item, U"事務局") ||
             contains(item, U"法人"))
      kind = "operator";
    else if (item == U"国" || starts_with_at(item, 0, U"国庫") || starts_with_at(item, 0, U"国の") ||
             starts_with_at(item, 0, U"国費") || starts_with_at(item, 0, U"国負担") ||
             starts_with_at(item, 0, U"国補助"))
      kind = "national";
    else if (contains(item, U"市町村") || ends_with_any(item, {U"市", U"町", U"村"}) ||
             contains(item, U"市負担") || contains(item, U"町負担") || contains(item, U"市費"))
      kind = "municipality";
    else if (contains(item, U"県") || contains(item, U"都道府県") || item == U"都" || item == U"道" ||
             item == U"府" || contains(item, U"東京都") || contains(item, U"北海道") ||
             contains(item, U"京都府") || contains(item, U"大阪府"))
      kind = "prefecture";
    if (kind != nullptr) add(kind);
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
  if (auto k = english_keyword(s, {"bulk", "per_facility", "list"})) return k;
  static constexpr Keyword kMethods[] = {
      {U"一括同意", "bulk"},     {U"包括同意", "bulk"},       {U"一括", "bulk"},
      {U"施設ごと", "per_facility"}, {U"施設毎", "per_facility"},  {U"施設単位", "per_facility"},
      {U"医療機関ごと", "per_facility"}, {U"個別同意", "per_facility"}, {U"各施設", "per_facility"},
      {U"リスト", "list"},       {U"一覧", "list"},
  };
  std::size_t best = std::u32string::npos;
  const char* key = nullptr;
  for (const auto& [word, k] : kMethods) {
    const std::size_t pos = s.find(word);
    if (pos < best) {
      best = pos;
      key = k;
    }
  }
  if (key == nullptr) return std::nullopt;
  return std::string(key);
}

}  // namespace ja
}  // namespace abi_v1
}  // namespace senrei
