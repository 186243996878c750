// index/text_fold.hpp — the one folded form text is indexed and matched in.
//
// fold(): senrei::ja::fold — NFKC + case fold + whitespace runs made one space (ＩＤ－Ｌｉｎｋ →
// id-link, １２３ → 123, ｶﾞ → ガ).  The writer and the query parser both go through it, so
// full-width queries find half-width text and back.
// fold_with_map() keeps, for every byte of the folded form, where it came from in the original,
// so a snippet can mark matches found in folded form on the original text.  It folds with ICU's
// NFKC_Casefold chunk by chunk (fast enough per hit) and keeps whitespace as it is; it agrees
// with fold() on all but rare letters (ß), which then go unmarked.  Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace senrei::index {

std::string fold(std::string_view utf8);

class FoldedText {
 public:
  std::string folded;
  // For folded byte i: the original byte range [orig_begin(i), orig_end(i)) it was folded from
  // (its character, or the chunk normalization folded as one).  The original must still exist.
  std::size_t orig_begin(std::size_t i) const;
  std::size_t orig_end(std::size_t i) const;

 private:
  friend FoldedText fold_with_map(std::string_view original);
  // A run of the folded text: copied from the original (same) or folded from it as one chunk.
  // Kept per run, not per byte: a map of every byte cost a tenth of a one-shot search.
  struct Piece {
    std::size_t folded_begin, orig_begin, orig_end;
    bool same;
  };
  const Piece& piece_of(std::size_t i) const;
  std::string_view original_;
  std::vector<Piece> pieces_;
};
// Folds `original` chunk by chunk (at normalization boundaries) keeping the offset map; the
// result refers to `original`, which must outlive it.
FoldedText fold_with_map(std::string_view original);

}  // namespace senrei::index
