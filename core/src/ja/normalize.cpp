// nfkc() and fold(): the normal forms text is compared and indexed in.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {

std::string nfkc(std::string_view utf8) { return detail::nfkc_utf8(utf8); }

std::size_t reorder_control_at(std::string_view text, std::size_t i) {
  if (i + 1 < text.size() && text[i] == '\xC2') {
    const auto b = static_cast<unsigned char>(text[i + 1]);
    if (b >= 0x80 && b <= 0x9F) return 2;  // U+0080–U+009F
  }
  if (i + 2 < text.size() && text[i] == '\xE2') {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 3;  // U+202A–U+202E
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;  // U+2066–U+2069
  }
  return 0;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t n = reorder_control_at(text, i)) {
      out += "\uFFFD";
      i += n;
      continue;
    }
    const char c = text[i++];
    out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  }
  return out;
}

std::string fold(std::string_view utf8) {
  // Lower-casing can leave text that NFKC would change again (rare compatibility letters), so
  // normalise on both sides: fold(fold(x)) == fold(x).
  const std::u32string lowered = [&] {
    std::u32string cps = detail::decode_utf8(detail::nfkc_utf8(utf8));
    for (char32_t& c : cps) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    return cps;
  }();
  const std::u32string cps = detail::decode_utf8(detail::nfkc_utf8(detail::encode_utf8(lowered)));
  std::u32string out;
  out.reserve(cps.size());
  bool pending_space = false;
  for (char32_t c : cps) {
    if (detail::is_space(c) || u_isUWhiteSpace(static_cast<UChar32>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    out.push_back(c);
  }
  return detail::encode_utf8(out);
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
