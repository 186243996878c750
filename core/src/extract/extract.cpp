// extract/extract.cpp — type sniffing, dispatch, and plain text.
#include "extract/extract.hpp"

#include "extract/charset.hpp"
#include "extract/csv.hpp"
#include "extract/garbled_text.hpp"
#include "extract/html.hpp"
#include "extract/html_dom.hpp"
#include "extract/pdf.hpp"
#include "extract/text.hpp"
#include "extract/xlsx.hpp"
#include "i18n/i18n.hpp"

namespace senrei {
namespace {

namespace tx = extract_text;

std::string mime_of(std::string_view ct) {
  size_t semi = ct.find(';');
  std::string_view m = ct.substr(0, semi);
  while (!m.empty() && (m.front() == ' ' || m.front() == '\t')) m.remove_prefix(1);
  while (!m.empty() && (m.back() == ' ' || m.back() == '\t')) m.remove_suffix(1);
  return html_dom::ascii_lower(m);
}

bool looks_like_pdf(std::string_view body) {
  // The PDF spec lets readers find the header within the first 1024 bytes.
  return body.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool looks_like_markup(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t' || body.front() == '\n' ||
                           body.front() == '\r' || body.front() == '\f'))
    body.remove_prefix(1);
  if (body.size() < 2 || body[0] != '<') return false;
  char c = body[1];
  return c == '!' || c == '?' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A ZIP whose parts include the workbook (the central directory at the end names every part).
bool looks_like_xlsx(std::string_view body) {
  return body.substr(0, 4) == std::string_view("PK\x03\x04", 4) &&
         body.find("xl/workbook.xml") != std::string_view::npos;
}

bool is_generic(const std::string& mime) {
  return mime.empty() || mime == "application/octet-stream" || mime == "binary/octet-stream" ||
         mime == "application/unknown" || mime == "unknown/unknown" || mime == "*/*" ||
         mime == "application/force-download" || mime == "application/x-download";
}

// Plain text: paragraphs are separated by blank lines; 「ラベル：値」 lines become labels.
void extract_plain(const std::string& text, ParsedPage& page) {
  size_t start = 0;
  std::string para;
  auto end_paragraph = [&] {
    std::string t = tx::collapse(para);
    para.clear();
    if (t.empty()) return;
    if (page.title.empty()) page.title = t.substr(0, t.find('\n'));
    page.blocks.push_back({Block::Role::paragraph, 0, std::move(t)});
  };
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string clean;
    tx::append_raw(clean, line);
    std::string one = tx::collapse_one_line(clean);
    if (one.empty()) {
      end_paragraph();
    } else {
      if (auto lv = tx::split_label_line(one))
        page.labels.push_back({lv->first, lv->second, "", one});
      para += clean;
      para += '\n';
    }
    start = end + 1;
  }
  end_paragraph();
}

}  // namespace

std::string effective_content_type(std::string_view content_type, std::string_view body) {
  std::string mime = mime_of(content_type);
  if (mime == "application/pdf" || mime == "application/x-pdf" || mime == "application/acrobat")
    return "application/pdf";
  if (mime == "text/html" || mime == "application/xhtml+xml") return "text/html";
  if (mime == "text/csv") return "text/csv";
  if (mime == kXlsxType) return kXlsxType;
  if (mime == "text/plain" || is_generic(mime)) {
    if (looks_like_pdf(body)) return "application/pdf";
    if (looks_like_xlsx(body)) return kXlsxType;
    if (mime == "text/plain") return "text/plain";
    return looks_like_markup(body) ? "text/html" : "text/plain";
  }
  return "";
}

ParsedPage extract_document(const RawDocument& doc, const ExtractLimits& limits) {
  ParsedPage page;
  page.url = doc.url;
  page.content_type = effective_content_type(doc.content_type, doc.body);
  if (page.content_type.empty())
    throw ExtractError("unsupported_type", doc.url + ": content type '" + doc.content_type +
                                               "' is neither HTML, PDF, CSV, XLSX nor plain text");
  if (page.content_type == "application/pdf") {
    if (doc.body.size() > limits.max_pdf_bytes)
      throw ExtractError("too_large", doc.url + ": PDF of " + std::to_string(doc.body.size()) +
                                          " bytes exceeds the limit of " +
                                          std::to_string(limits.max_pdf_bytes));
    extract_pdf(doc.body, limits, page);
    return page;
  }
  if (page.content_type == kXlsxType) {
    if (doc.body.size() > limits.max_pdf_bytes)
      throw ExtractError("too_large", doc.url + ": " + tr("the workbook exceeds the size limit") + " (" +
                                          std::to_string(doc.body.size()) + " > " +
                                          std::to_string(limits.max_pdf_bytes) + " bytes)");
    extract_xlsx(doc.body, page);
    if (garbled_text(page.main_text())) {
      page.flags.emplace_back("garbled_text");
      page.blocks.clear();
      page.tables.clear();
      page.labels.clear();
    }
    return page;
  }
  std::string_view body = doc.body;
  bool cut = body.size() > limits.max_html_bytes;
  if (cut) {
    body = body.substr(0, limits.max_html_bytes);
    page.flags.emplace_back("truncated");
  }
  const bool html = page.content_type == "text/html";
  std::string http_charset = doc.charset.empty() ? charset_param(doc.content_type) : doc.charset;
  Decoded d = decode_to_utf8(body, http_charset, html, cut);
  page.charset = d.charset;
  page.charset_source = d.source;
  if (d.replaced) page.flags.emplace_back("charset_replaced");
  if (html) {
    extract_html(d.utf8, limits, page);
  } else if (page.content_type == "text/csv") {
    extract_csv(d.utf8, page);
  } else {
    extract_plain(d.utf8, page);
  }
  // Text that is mostly U+FFFD, private use or controls is flagged and kept out of the
  // fields and the index (extract/garbled_text.hpp); the title and links stay.
  if (garbled_text(page.main_text())) {
    page.flags.emplace_back("garbled_text");
    page.blocks.clear();
    page.tables.clear();
    page.labels.clear();
  }
  return page;
}

}  // namespace senrei
