// parse_area_scope() and parse_prefecture(): what region a network covers.
//
// Decisions:
// - Bracketed text is a note, not an area: 「庄内二次医療圏（山形県）」 is one secondary area.
// - Two or more areas listed (、 ・ / と 及び) → multi_area; then 医療圏 → secondary_area;
//   全県 / 全県域 / 県全域 / 県内全域 (and 全道, 全都, 全府) → prefecture; a name ending in 市 / 町 /
//   村 / 区 → municipal; a bare prefecture name → prefecture.
// - parse_prefecture takes the first prefecture named, by the full name with its 都/道/府/県
//   (長崎 alone is also a city, so it is not read).  Where two names overlap the earlier one
//   wins: 東京都府中市 is 東京都, not 京都府.
#include <array>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace abi_v1 {
namespace ja {
namespace {

using namespace detail;

constexpr std::array<std::u32string_view, 47> kPrefectures{
    U"北海道", U"青森県", U"岩手県", U"宮城県", U"秋田県", U"山形県", U"福島県",
    U"茨城県", U"栃木県", U"群馬県", U"埼玉県", U"千葉県", U"東京都", U"神奈川県",
    U"新潟県", U"富山県", U"石川県", U"福井県", U"山梨県", U"長野県", U"岐阜県",
    U"静岡県", U"愛知県", U"三重県", U"滋賀県", U"京都府", U"大阪府", U"兵庫県",
    U"奈良県", U"和歌山県", U"鳥取県", U"島根県", U"岡山県", U"広島県", U"山口県",
    U"徳島県", U"香川県", U"愛媛県", U"高知県", U"福岡県", U"佐賀県", U"長崎県",
    U"熊本県", U"大分県", U"宮崎県", U"鹿児島県", U"沖縄県"};

struct PrefectureHit {
  std::size_t pos;
  std::u32string_view name;
};

std::optional<PrefectureHit> first_prefecture(std::u32string_view s) {
  std::optional<PrefectureHit> best;
  for (std::u32string_view name : kPrefectures) {
    const std::size_t pos = s.find(name);
    if (pos != std::u32string_view::npos && (!best || pos < best->pos)) best = PrefectureHit{pos, name};
  }
  return best;
}

std::u32string without_brackets(std::u32string_view s) {
  std::u32string out;
  int depth = 0;
  for (char32_t c : s) {
    if (is_open_bracket(c)) {
      ++depth;
    } else if (is_close_bracket(c)) {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

bool names_an_area(std::u32string_view part) {
  part = trim(part);
  if (part.empty()) return false;
  if (first_prefecture(part)) return true;
  for (std::u32string_view w : {U"医療圏", U"地区", U"地域", U"全域", U"圏域"})
    if (contains(part, w)) return true;
  const char32_t last = part.back();
  return last == U'市' || last == U'町' || last == U'村' || last == U'区' || last == U'郡' ||
         last == U'島';
}

bool is_municipal_name(std::u32string_view s) {
  s = trim(s);
  for (std::u32string_view w : {U"全域", U"内", U"全体"})
    if (s.size() > w.size() && s.substr(s.size() - w.size()) == w) s.remove_suffix(w.size());
  if (s.empty()) return false;
  const char32_t last = s.back();
  return last == U'市' || last == U'町' || last == U'村' || last == U'区' || contains(s, U"市町村");
}

}  // namespace

std::optional<std::string> parse_area_scope(std::string_view text) {
  const std::u32string full = prepare(text);
  for (const char* kw : {"prefecture", "secondary_area", "municipal", "multi_area"})
    if (has_ascii_keyword(full, kw)) return std::string(kw);
  const std::u32string s = without_brackets(full);

  // Several areas listed.
  int areas = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    std::size_t sep = 0;
    if (i == s.size()) sep = 1;
    else if (s[i] == U'、' || s[i] == U',' || s[i] == U'・' || s[i] == U'/') sep = 1;
    else if (starts_with_at(s, i, U"及び")) sep = 2;
    else if (starts_with_at(s, i, U"および")) sep = 3;
    if (sep == 0) continue;
    if (names_an_area(std::u32string_view(s).substr(start, i - start))) ++areas;
    start = i + sep;
    i = start - 1;
  }
  if (areas >= 2) return "multi_area";

  if (contains(s, U"医療圏")) return "secondary_area";
  for (std::u32string_view w : {U"全県", U"県全域", U"県内全域", U"全道", U"道内全域", U"全都",
                                U"都内全域", U"全府", U"府内全域"})
    if (contains(s, w)) return "prefecture";
  if (is_municipal_name(s)) return "municipal";
  if (auto hit = first_prefecture(s)) {
    // "長崎県" or "長崎県全域" alone is the prefecture; "長崎県佐世保市" was municipal above.
    return "prefecture";
  }
  if (contains(s, U"市") || contains(s, U"町") || contains(s, U"村")) return "municipal";
  return std::nullopt;
}

std::optional<std::string> parse_prefecture(std::string_view text) {
  const std::u32string s = prepare(text);
  if (auto hit = first_prefecture(s)) return encode_utf8(hit->name);
  return std::nullopt;
}

}  // namespace ja
}  // namespace abi_v1
}  // namespace senrei
