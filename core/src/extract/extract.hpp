// extract/extract.hpp — bytes as fetched → senrei::ParsedPage, the one door to extraction.
//
// extract_document() sniffs the type when the Content-Type is missing or generic (%PDF- →
// PDF, markup → HTML, else text), decodes the charset (extract/charset.hpp) and hands the text
// to the HTML (gumbo) or PDF (poppler) extractor.  Hostile input is expected: sizes, depth and
// parser errors are capped (and flagged on the page: "truncated", "depth_capped",
// "parse_errors_capped", "charset_replaced", "no_text_layer", and "garbled_text" for text that is
// mostly not text, which is then kept out of the page — extract/garbled_text.hpp); what cannot
// be extracted at all
// throws ExtractError with a kind the caller can count.  Thread-safe: no shared state.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "senrei/page.hpp"

namespace senrei {

struct RawDocument {
  std::string url;
  std::string content_type;  // from HTTP or guessed from the file name; may be empty
  std::string charset;       // Content-Type charset parameter; may be empty
  std::string_view body;
};

struct ExtractLimits {
  size_t max_html_bytes = 8 << 20;  // longer HTML/text is cut there (flag "truncated")
  size_t max_pdf_bytes = 64 << 20;  // a longer PDF is refused ("too_large")
  int max_pdf_pages = 2000;         // later pages are not read (flag "truncated")
  // A PDF whose compressed streams inflate beyond these is refused ("too_large") before poppler
  // reads it (extract/pdf_guard.hpp): one stream, and all of them together.
  size_t max_pdf_stream_bytes = 16 << 20;
  size_t max_pdf_inflated_bytes = 256 << 20;
  int max_depth = 400;              // deeper markup is flattened (flag "depth_capped")
  int max_parse_errors = 100;       // gumbo stops recording errors (flag "parse_errors_capped")
  size_t max_links = 20000;
  size_t max_meta = 200;
};

class ExtractError : public std::runtime_error {
 public:
  // kind: "encrypted_pdf", "broken_pdf", "encrypted_xlsx", "broken_xlsx", "unsupported_type",
  // "too_large"
  ExtractError(std::string kind, const std::string& message)
      : std::runtime_error(message), kind_(std::move(kind)) {}
  const std::string& kind() const { return kind_; }

 private:
  std::string kind_;
};

ParsedPage extract_document(const RawDocument& doc, const ExtractLimits& limits = {});

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// "text/html", "application/pdf", "text/csv", kXlsxType, "text/plain", or "" when the type is neither and not generic
// (images, archives...).  Exposed for tests and for the crawler's pre-checks.
std::string effective_content_type(std::string_view content_type, std::string_view body);

}  // namespace senrei
