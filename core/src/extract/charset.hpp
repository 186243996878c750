// extract/charset.hpp — bytes in whatever charset a Japanese site used → UTF-8.
//
// The charset is decided as a browser would, most trusted first: the HTTP Content-Type
// parameter, a byte-order mark, the HTML <meta> prescan (first 1024 bytes, HTML standard
// §13.2.3.2), ICU's detector, then UTF-8.  Labels follow the WHATWG Encoding Standard, with the
// web's reality for Japanese: every Shift_JIS label means CP932 (keeps ①, 髙, ～), every EUC-JP
// label means EUC-JP-MS (ICU's euc-jp loses 髙).  Decoding goes through glibc iconv.
// Bytes that do not fit the charset become U+FFFD (never dropped) and set `replaced`.
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace senrei {

struct Decoded {
  std::string utf8;
  std::string charset;  // canonical name: "utf-8", "windows-31j", "euc-jp", "iso-2022-jp",
                        // "windows-1252", "utf-16le", "utf-16be"
  std::string source;   // "http", "bom", "meta", "detector", "default"
  bool replaced = false;
};

// `input_was_cut`: the bytes were truncated by a size limit, so an incomplete character at the
// very end is dropped instead of counting as a replacement.
Decoded decode_to_utf8(std::string_view bytes, std::string_view http_charset, bool is_html,
                       bool input_was_cut = false);

// The canonical charset name for a label ("Shift_JIS", "x-sjis", "cp932" → "windows-31j");
// nullopt for a label senrei does not decode.
std::optional<std::string> charset_for_label(std::string_view label);

// The charset parameter of a Content-Type value ("text/html; charset=\"Shift_JIS\""), as
// written, unquoted; empty when there is none.
std::string charset_param(std::string_view content_type);

// The HTML standard's prescan of the first 1024 bytes; the label found (not yet mapped).
std::optional<std::string> prescan_meta_charset(std::string_view bytes);

// Decodes with a canonical charset name; invalid bytes become U+FFFD and set `replaced`.
std::string decode_as(std::string_view bytes, std::string_view charset, bool& replaced,
                      bool input_was_cut = false);

}  // namespace senrei
