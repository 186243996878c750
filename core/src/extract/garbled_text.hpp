// extract/garbled_text.hpp — is an extracted text mostly characters no reader can use?
//
// A PDF font without a usable ToUnicode map gives poppler character codes instead of text:
// private-use code points, U+FFFD, control characters, CJK compatibility ideographs standing
// for glyph numbers.  Such text indexed as words would match nothing a person types and, read
// into fields, would put garbage beside the council's figures.  `garbled_text` decides, on the
// non-space characters: garbled when at least kMinGarbled of them are such characters and they
// are more than half.  The twelve CJK compatibility ideographs that are really unified
// ideographs (﨑 U+FA11 in names, 﨟 …) count as text.  Pure, thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace senrei {

struct GarbledCount {
  size_t characters = 0;  // non-space characters
  size_t garbled = 0;     // U+FFFD, private use, C0/C1 controls, compatibility ideographs
};

GarbledCount count_garbled(std::string_view utf8);

inline constexpr size_t kMinGarbled = 4;

// True when `utf8` is mostly characters that are not text (see above).
bool garbled_text(std::string_view utf8);

}  // namespace senrei
