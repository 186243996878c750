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
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace {

using namespace detail;

struct PrefectureHit {
  std::size_t pos;
  std::u32string_view name;
};

std::optional<PrefectureHit> first_prefecture(std::u32string_view s) {
  static const std::vector<std::u32string> names = [] {
    std::vector<std::u32string> v;
    for (std::string_view p : vocabulary::prefectures()) v.push_back(decode_utf8(p));
    return v;
  }();
  std::optional<PrefectureHit> best;
  for (const std::u32string& name : names) {
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
  for (const vocabulary::Term& t : vocabulary::terms(vocabulary::Concept::area_scope))
    if (has_ascii_keyword(full, t.keyword)) return std::string(t.keyword);
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

  // The wordings of senrei/vocabulary.hpp's area scopes: 医療圏, then 全県 / 県全域 / ...
  const std::string u = encode_utf8(s);
  for (std::string_view kw : {"secondary_area", "prefecture"})
    for (std::string_view w : vocabulary::find(vocabulary::Concept::area_scope, kw)->wordings)
      if (vocabulary::find_wording(u, w) != std::string::npos) return std::string(kw);
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
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
