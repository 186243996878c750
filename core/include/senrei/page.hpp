// senrei/page.hpp — a fetched document after charset decoding and HTML/PDF extraction.
//
// The host turns bytes into a ParsedPage (charset → UTF-8, gumbo for HTML, poppler for PDF)
// before a plugin sees it, so every plugin reads pages the same way and none parses markup.
// All strings are UTF-8 in their original form (not NFKC: normalize with senrei/ja.hpp where
// you compare).  Navigation, menus, breadcrumbs and footers are kept apart in `boilerplate` and
// never appear in `blocks`, `tables` or `labels`.  Plain value types.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

// One unit of main text in document order.
struct Block {
  enum class Role { heading, paragraph, list_item, table_row, definition, preformatted };
  Role role = Role::paragraph;
  int level = 0;     // heading level 1..6; 0 otherwise
  std::string text;  // whitespace-collapsed text
};

struct TableCell {
  std::string text;
  bool header = false;  // <th>
  int rowspan = 1;
  int colspan = 1;
};

struct Table {
  std::string caption;
  std::vector<std::vector<TableCell>> rows;  // as in the markup (spans not expanded)
};

// A label and its value, wherever the page states one: a table row whose first cell is a label
// (<th> or a plain cell), a <dt>/<dd> pair, or a 「ラベル：値」 line.  `context` is the
// heading or outer label it sits under (費用負担 for a 構築費用 row), `sentence` the whole row
// or line as a person would quote it.
struct LabelValue {
  std::string label;
  std::string value;
  std::string context;
  std::string sentence;
};

struct Link {
  std::string url;   // absolute, resolved against the page URL (or <base>)
  std::string text;  // anchor text
};

struct ParsedPage {
  std::string url;            // the URL the bytes came from (the real site's URL)
  std::string content_type;   // "text/html", "application/pdf", "text/plain"
  std::string charset;        // the charset used to decode, e.g. "windows-31j", "utf-8"
  std::string charset_source; // "http", "bom", "meta", "detector", "default", or "source" (CrawlPolicy::charset)
  std::string title;
  std::string canonical_url;  // rel=canonical, absolute; empty if none
  std::string lang;
  std::vector<Block> blocks;             // main content
  std::vector<std::string> boilerplate;  // nav, menus, breadcrumbs, footers
  std::vector<Table> tables;
  std::vector<LabelValue> labels;
  std::vector<Link> links;
  std::vector<std::string> pdf_pages;         // PDF: text per page in reading order
  std::map<std::string, std::string> meta;    // <meta name=...> and PDF info (Title, CreationDate ...)
  std::vector<std::string> flags;  // "charset_replaced", "no_text_layer", "garbled_text", "truncated", "parse_errors_capped"

  // Main text: blocks (or PDF pages) joined by newlines.
  std::string main_text() const;
  bool has_flag(const std::string& flag) const;
};

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
