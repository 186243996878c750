// extract/charset_japanese.hpp — Shift_JIS, EUC-JP and ISO-2022-JP exactly as the WHATWG
// Encoding Standard (§13) decodes them, which is what browsers do.
//
// The standard's Shift_JIS is Windows' CP932 (①, 髙, ～ and the IBM extensions), its EUC-JP
// adds JIS X 0212 through 0x8F.  Each error is one U+FFFD, at exactly the byte the standard
// says, and an ASCII byte after a bad lead is kept (the reference vectors in
// tests/data/third_party/encoding-vectors/ check this byte for byte).  The index tables are
// the standard's own index jis0208 and index jis0212, generated at build time from the data
// Debian ships in libjs-text-encoding (cmake/jis_index.cmake).
// `input_was_cut`: the bytes were truncated by a size limit, so a character left incomplete at
// the very end is dropped instead of counting as an error.
// The encoders are the standard's too (for a query written on a legacy-charset page, which a
// browser sends in the page's encoding).  Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace senrei::japanese_charset {

std::string decode_shift_jis(std::string_view bytes, bool& replaced, bool input_was_cut = false);
std::string decode_euc_jp(std::string_view bytes, bool& replaced, bool input_was_cut = false);
std::string decode_iso_2022_jp(std::string_view bytes, bool& replaced,
                               bool input_was_cut = false);

// One code point in the encoding's bytes; nullopt when the encoding has no such character
// (the caller decides, e.g. "&#NNNN;" as the URL standard does for a query).
std::optional<std::string> encode_shift_jis(char32_t cp);
std::optional<std::string> encode_euc_jp(char32_t cp);

// ISO-2022-JP's encoder keeps a state (ASCII, JIS X 0201 Roman, JIS X 0208) and writes an escape
// sequence where it changes; finish() returns to ASCII at the end.  Half-width katakana are
// written as their full-width JIS X 0208 forms (the standard's index ISO-2022-JP katakana, here
// from ICU's compatibility mappings).
class Iso2022JpEncoder {
 public:
  // Appends the bytes of `cp` (with any escape first); false when ISO-2022-JP has no such
  // character, after which the state is ASCII (the caller writes its replacement).
  bool encode(char32_t cp, std::string& out);
  void finish(std::string& out);

 private:
  enum class State { ascii, roman, jis0208 } state_ = State::ascii;
};

}  // namespace senrei::japanese_charset
