// nfkc() and fold(): the normal forms text is compared and indexed in.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace abi_v1 {
namespace ja {

std::string nfkc(std::string_view utf8) { return detail::nfkc_utf8(utf8); }

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
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
}  // namespace abi_v1
}  // namespace senrei
