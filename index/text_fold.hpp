// index/text_fold.hpp — the one folded form text is indexed and matched in.
//
// fold(): NFKC + case fold (ＩＤ－Ｌｉｎｋ → id-link, １２３ → 123, ｶﾞ → ガ).  Both the writer and
// the query parser go through it, so full-width queries find half-width text and back.
// FoldedText keeps, for every byte of the folded form, where it came from in the original, so a
// snippet can mark matches found in folded form on the original text.  Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace senrei::index {

std::string fold(std::string_view utf8);

struct FoldedText {
  std::string folded;
  // For folded byte i: the original byte range [orig_begin[i], orig_end[i]) it was folded from.
  std::vector<std::size_t> orig_begin;
  std::vector<std::size_t> orig_end;
};
// Folds `original` chunk by chunk (at normalization boundaries) keeping the offset map.
FoldedText fold_with_map(std::string_view original);

}  // namespace senrei::index
