// extract/pdf.cpp — poppler-cpp: page text, info dictionary, errors by kind.
#include "extract/pdf.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <ctime>
#include <memory>
#include <mutex>

#include "extract/html_dom.hpp"
#include "extract/text.hpp"

namespace senrei {
namespace {

namespace tx = extract_text;

void quiet(const std::string&, void*) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&quiet, nullptr); });
}

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

std::string iso8601(time_t t) {
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return {};
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Page text as poppler lays it out: CRLF and form feeds become line breaks, control characters
// go, each line loses its trailing spaces, blank edges are trimmed.
std::string clean_page_text(const std::string& s) {
  std::string raw;
  raw.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\f') c = '\n';
    if (c == '\n') {
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.pop_back();
      raw += c;
      continue;
    }
    tx::append_raw(raw, std::string_view(&c, 1));
  }
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n')) raw.pop_back();
  size_t b = 0;
  while (b < raw.size() && (raw[b] == '\n' || raw[b] == ' ')) ++b;
  return raw.substr(b);
}

}  // namespace

void extract_pdf(std::string_view bytes, const ExtractLimits& limits, ParsedPage& page) {
  silence_poppler();
  page.content_type = "application/pdf";
  if (bytes.size() > limits.max_pdf_bytes || bytes.size() > 0x7fffffff)
    throw ExtractError("too_large", page.url + ": PDF exceeds the size limit");
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    // poppler also returns null for an encrypted file it cannot open without a password
    if (bytes.find("/Encrypt") != std::string_view::npos)
      throw ExtractError("encrypted_pdf", page.url + ": the PDF is encrypted and needs a password");
    throw ExtractError("broken_pdf", page.url + ": not a readable PDF");
  }
  if (doc->is_locked())
    throw ExtractError("encrypted_pdf", page.url + ": the PDF is encrypted and needs a password");

  for (const char* key : {"Title", "Author", "Subject", "Keywords", "Creator", "Producer"}) {
    std::string v = tx::collapse_one_line(utf8(doc->info_key(key)));
    if (!v.empty()) page.meta[key] = v;
  }
  for (const char* key : {"CreationDate", "ModDate"}) {
    time_t t = doc->info_date_t(key);
    if (t > 0)
      if (std::string iso = iso8601(t); !iso.empty()) page.meta[key] = iso;
  }

  const int pages = doc->pages();
  const int count = pages > limits.max_pdf_pages ? limits.max_pdf_pages : pages;
  if (pages > count) html_dom::add_flag(page, "truncated");
  bool any_text = false;
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    std::string text;
    if (p) text = clean_page_text(utf8(p->text(poppler::rectf(), poppler::page::raw_order_layout)));
    any_text = any_text || !text.empty();
    page.pdf_pages.push_back(std::move(text));
  }
  if (!any_text) html_dom::add_flag(page, "no_text_layer");

  auto title = page.meta.find("Title");
  if (title != page.meta.end()) {
    page.title = title->second;
  } else {
    for (const auto& p : page.pdf_pages) {
      if (p.empty()) continue;
      page.title = tx::collapse_one_line(p.substr(0, p.find('\n')));
      break;
    }
  }
}

}  // namespace senrei
