// ja/nearest.hpp — "did you mean": the known word nearest to a mistyped one.
//
// One rule for every place that names what it expected (commands, options, `kind:` `form:`
// `fund:` values, `--sort` fields, plan keys): the distance is counted in characters (code
// points, so 会費 vs 会員 is one edit, not three bytes), with a swap of two neighbours counted
// as one edit (serch, saerch → search), case-insensitively.  A candidate is offered only when
// it is close for its length: at most 1 edit for words of up to 4 characters, 2 up to 8, 3
// beyond; a tie goes to the earlier candidate.  Pure functions; nothing here throws but
// std::bad_alloc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {

// Edits (insert, delete, substitute, swap of neighbours) between two UTF-8 strings, by code point.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` within the limit for its length, or nullopt.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
