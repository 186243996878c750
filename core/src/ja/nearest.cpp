#include "ja/nearest.hpp"

#include <algorithm>

#include "ja/text_util.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace {

std::u32string lowered(std::string_view s) {
  std::u32string out = detail::decode_utf8(s.substr(0, 1024));
  for (auto& c : out)
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
  return out;
}

std::size_t limit_for(std::size_t length) { return length <= 4 ? 1 : length <= 8 ? 2 : 3; }

}  // namespace

std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8) {
  const std::u32string a = lowered(a_utf8), b = lowered(b_utf8);
  // Optimal string alignment: Levenshtein plus the swap of two neighbours.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::size_t length = detail::decode_utf8(word.substr(0, 1024)).size();
  if (length == 0) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_d = limit_for(length) + 1;
  for (auto c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d && d < std::max<std::size_t>(1, detail::decode_utf8(c).size())) best_d = d, best = std::string(c);
  }
  return best;
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
