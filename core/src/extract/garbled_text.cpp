// extract/garbled_text.cpp — counting characters that are not text.
#include "extract/garbled_text.hpp"

#include "ja/text_util.hpp"

namespace senrei {
namespace {

bool is_blank(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x3000 ||
         cp == 0xA0;
}

// U+FA0E, FA0F, FA11, FA13, FA14, FA1F, FA21, FA23, FA24, FA27–FA29: unified ideographs that
// live in the compatibility block (Unicode's Unified_Ideograph property).
bool unified_in_compatibility_block(char32_t cp) {
  switch (cp) {
    case 0xFA0E: case 0xFA0F: case 0xFA11: case 0xFA13: case 0xFA14: case 0xFA1F:
    case 0xFA21: case 0xFA23: case 0xFA24: case 0xFA27: case 0xFA28: case 0xFA29:
      return true;
    default:
      return false;
  }
}

bool is_garbled(char32_t cp) {
  if (cp == 0xFFFD) return true;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;                    // controls
  if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) return true;          // private use
  if (cp >= 0xF900 && cp <= 0xFAFF) return !unified_in_compatibility_block(cp);
  if (cp >= 0x2F800 && cp <= 0x2FA1F) return true;  // CJK compatibility ideographs supplement
  return false;
}

}  // namespace

GarbledCount count_garbled(std::string_view utf8) {
  GarbledCount n;
  for (char32_t cp : ja::detail::decode_utf8(utf8)) {  // invalid UTF-8 counts as U+FFFD
    if (is_blank(cp)) continue;
    ++n.characters;
    if (is_garbled(cp)) ++n.garbled;
  }
  return n;
}

bool garbled_text(std::string_view utf8) {
  GarbledCount n = count_garbled(utf8);
  return n.garbled >= kMinGarbled && n.garbled * 2 > n.characters;
}

}  // namespace senrei
