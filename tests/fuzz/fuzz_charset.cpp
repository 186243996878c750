// Charset decision and decoding (extract/charset.hpp).  Input: "CONTENT-TYPE\n--\nBYTES", or
// only bytes.  Properties: the output is valid UTF-8, and a charset was named with its source.
#include <string>

#include <unicode/utf8.h>

#include "extract/charset.hpp"
#include "fuzz_support.hpp"

namespace {
bool valid_utf8(const std::string& s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  auto [head, body] = senrei_fuzz::split2(in);
  if (body.empty()) body = in, head = {};
  const std::string label = charset_param(head);
  (void)charset_for_label(head);
  (void)prescan_meta_charset(body);
  for (bool html : {true, false}) {
    for (bool cut : {false, true}) {
      Decoded d = decode_to_utf8(body, label, html, cut);
      if (!valid_utf8(d.utf8)) senrei_fuzz::property_failed("decode_to_utf8 returned invalid UTF-8", in);
      if (d.charset.empty() || d.source.empty()) senrei_fuzz::property_failed("no charset or source named", in);
    }
  }
  for (const char* cs : {"windows-31j", "euc-jp", "iso-2022-jp", "utf-16le", "utf-8"}) {
    bool replaced = false;
    std::string out = decode_as(body, cs, replaced);
    if (!valid_utf8(out)) senrei_fuzz::property_failed("decode_as returned invalid UTF-8", in);
  }
  return 0;
}
