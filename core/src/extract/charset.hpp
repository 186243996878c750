// extract/charset.hpp — bytes in whatever charset a Japanese site used → UTF-8.
//
// The charset is decided as a browser would, most trusted first: the HTTP Content-Type
// parameter, a byte-order mark, the HTML <meta> prescan (first 1024 bytes, HTML standard
// §13.2.3.2), a detector that chooses only among the encodings a Japanese page can have
// (UTF-8, Shift_JIS, EUC-JP, ISO-2022-JP; never UTF-16 without a BOM: the decoding with
// fewer errors, kana-only ties settled by the halfwidth katakana test), then UTF-8.  Labels and
// the Japanese decoders are the WHATWG Encoding Standard's (charset_japanese.hpp): Shift_JIS
// is CP932 (keeps ①, 髙, ～), as in browsers.  windows-1252 and UTF-16 go through glibc iconv.
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

// A link's query as a browser sends it from a page in `charset` (WHATWG URL: the query is
// encoded in the document's encoding): on a Shift_JIS or EUC-JP page, the non-ASCII characters
// of the query in `href` become that encoding's bytes, percent-encoded; on an ISO-2022-JP page
// the query is written with the encoder's escapes (q=病院 → q=%1B$BIB1!%1B(B: ESC and the
// query set's bytes percent-encoded, the JIS byte pairs as they are, as browsers send it); a
// character the encoding lacks becomes "%26%23NNNN%3B" as the URL standard says.  The path,
// the fragment and pages in any other charset are left alone (their non-ASCII is sent as UTF-8).
std::string query_in_page_encoding(std::string_view href, std::string_view charset);

}  // namespace senrei
