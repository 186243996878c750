// PDF loading and text extraction (poppler-cpp behind extract_document()).  Input: PDF bytes.
// Properties: only ExtractError escapes; the page cap holds.
#include <string>

#include "extract/extract.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  ExtractLimits limits;
  limits.max_pdf_pages = 20;
  RawDocument raw;
  raw.url = "http://www.mhlw.go.jp/content/10800000/000000000.pdf";
  raw.content_type = "application/pdf";
  raw.body = in;
  try {
    ParsedPage page = extract_document(raw, limits);
    if (page.pdf_pages.size() > static_cast<size_t>(limits.max_pdf_pages))
      senrei_fuzz::property_failed("more PDF pages than the limit", in);
    (void)page.main_text();
  } catch (const ExtractError&) {
  }
  return 0;
}
