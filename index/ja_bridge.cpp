#include "index/ja_bridge.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "index/text_fold.hpp"
#include "senrei/ja.hpp"

namespace senrei::index::ja_bridge {

std::optional<double> parse_amount(std::string_view raw) {
  const std::string t = fold(raw);
  // Only digits, separators, kanji numerals and units: parse_number reads a prefix and would
  // take "1億x" for 1億.
  static constexpr std::string_view kAllowed[] = {"千", "万", "億", "兆", "円", "〇", "一", "二", "三", "四",
                                                  "五", "六", "七", "八", "九", "十", "百"};
  for (std::size_t i = 0; i < t.size();) {
    char c = t[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '.') { ++i; continue; }
    std::size_t n = 0;
    for (auto a : kAllowed)
      if (std::string_view(t).substr(i).starts_with(a)) n = a.size();
    if (n == 0) return std::nullopt;
    i += n;
  }
  return ja::parse_number(t);
}

std::optional<double> parse_year_value(std::string_view raw) {
  if (auto n = parse_amount(raw)) return n;
  // The query text arrives folded ("h25"), and a bare era year ("平成24") has no 年.
  std::string t(raw);
  for (char& c : t)
    if (c == 'h' || c == 'r' || c == 's' || c == 't' || c == 'm') c = static_cast<char>(c - 'a' + 'A');
  for (const std::string& s : {t, t + "年"})
    if (auto y = ja::parse_year(s)) return static_cast<double>(*y);
  return std::nullopt;
}

std::optional<std::string> parse_operator_form(std::string_view raw) {
  const std::string t = fold(raw);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kForms{{
      {"特定非営利活動法人", "npo"}, {"npo法人", "npo"}, {"npo", "npo"},
      {"一般社団法人", "general_association"}, {"一般財団法人", "general_association"},
      {"公益社団法人", "public_interest_association"}, {"公益財団法人", "public_interest_association"},
      {"任意団体", "voluntary_association"}, {"医師会", "medical_association"},
      {"協議会", "council"}, {"大学", "university"}, {"病院", "hospital"},
      {"市町村", "municipality"}, {"市", "municipality"}, {"町", "municipality"}, {"村", "municipality"},
      {"県", "prefecture"}, {"府", "prefecture"}, {"都", "prefecture"},
  }};
  for (const auto& [ja, key] : kForms)
    if (t.find(ja) != std::string::npos) return std::string(key);
  return std::nullopt;
}

std::vector<std::string> parse_funding_sources(std::string_view raw) {
  const std::string t = fold(raw);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kFunds{{
      {"地域医療再生", "regional_revitalization_fund"}, {"再生基金", "regional_revitalization_fund"},
      {"総合確保基金", "comprehensive_care_fund"}, {"国庫補助", "national_subsidy"},
      {"国の補助", "national_subsidy"}, {"補助金", "national_subsidy"}, {"県費", "prefectural_budget"},
      {"県単", "prefectural_budget"}, {"市町村", "municipal_budget"}, {"会費", "member_fees"},
      {"利用料", "member_fees"}, {"自己資金", "own_funds"}, {"自主財源", "own_funds"},
      {"診療報酬", "medical_fee"},
  }};
  std::vector<std::string> out;
  for (const auto& [ja, key] : kFunds)
    if (t.find(ja) != std::string::npos && std::find(out.begin(), out.end(), key) == out.end())
      out.emplace_back(key);
  return out;
}

std::optional<std::string> parse_prefecture(std::string_view raw) {
  static constexpr std::array<std::string_view, 47> kPrefectures{
      "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
      "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
      "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
      "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
      "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};
  const std::string t = fold(raw);
  for (auto p : kPrefectures) {
    if (t == p) return std::string(p);
    std::string_view stem = p == "北海道" ? p : p.substr(0, p.size() - 3);  // drop 県/府/都
    if (t == stem) return std::string(p);
  }
  return std::nullopt;
}

}  // namespace senrei::index::ja_bridge
