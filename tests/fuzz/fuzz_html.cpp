// HTML (and plain text) extraction through the one door, extract_document(), then the label
// reader every plugin uses.  Input: markup in any charset.  Properties: no crash, no exception
// other than ExtractError, links absolute, labels read without throwing.
#include <string>

#include "extract/extract.hpp"
#include "fuzz_support.hpp"
#include "senrei/fields.hpp"
#include "senrei/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  // Small limits so the caps themselves are exercised at fuzzing sizes.
  ExtractLimits limits;
  limits.max_html_bytes = 64 << 10;
  limits.max_depth = 40;
  limits.max_parse_errors = 10;
  limits.max_links = 50;
  limits.max_meta = 10;
  for (const char* type : {"text/html", "text/plain", ""}) {
    RawDocument raw;
    raw.url = "http://renkei-support.mhlw.go.jp/ajisai/";
    raw.content_type = type;
    raw.body = in;
    if (!in.empty() && in.find("%PDF-") != std::string_view::npos && *type == 0) continue;  // fuzz_pdf's job
    ParsedPage page;
    try {
      page = extract_document(raw, limits);
    } catch (const ExtractError&) {
      continue;
    }
    if (page.links.size() > limits.max_links) senrei_fuzz::property_failed("more links than the limit", in);
    for (const auto& l : page.links)
      if (!parse_url(l.url) && l.url.find(':') == std::string::npos)
        senrei_fuzz::property_failed("a link that is not absolute", in);
    (void)page.main_text();
    std::vector<Field> fields = read_labelled_fields(page);
    for (const auto& f : fields)
      if (f.name.empty()) senrei_fuzz::property_failed("a field without a name", in);
  }
  return 0;
}
