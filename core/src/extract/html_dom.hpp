// extract/html_dom.hpp — questions asked of gumbo nodes: which are boilerplate, which are
// blocks, what text an element holds; and the pre-parse guard against absurd nesting.
#pragma once

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>

#include "senrei/page.hpp"

namespace senrei::html_dom {

bool is_html_element(const GumboNode* n);
const char* attr(const GumboNode* n, const char* name);
std::string ascii_lower(std::string_view s);
// `value` holds `token` as one of its whitespace-separated tokens (case-insensitive).
bool has_token(const char* value, std::string_view token);

// script, style, noscript, template, iframe, object, select, textarea, button…: no page text.
bool is_never_text(const GumboNode* n);
bool is_block_level(GumboTag tag);
bool is_sectioning(GumboTag tag);  // article, aside, nav, section, main
int heading_level(GumboTag tag);   // 1..6, 0 for other tags

// Navigation, banners, breadcrumbs, footers, sidebars, skip links: <nav>, <footer>, a <header>
// outside any article/section (`in_section` false), role=navigation/banner/contentinfo/menu/
// search, and id/class names that begin or end with nav, navi, menu, breadcrumb, bread,
// topicpath, pankuzu, footer, sidebar or skip (split at punctuation and camelCase:
// "gNav", "global-nav", "footerArea", "breadList").
bool is_boilerplate(const GumboNode* n, bool in_section);
// An id or class naming the main content: main, content, contents, maincontents… (whole name).
bool names_main(const char* id_or_class);

// The element's text, raw (before collapse): block boundaries and <br> as extract_text::kBreak,
// <img alt> included.  Iterative: any depth.
std::string collect_raw(const GumboNode* n, bool skip_nested_dl = false);
// <pre> text with its whitespace kept (CRLF → LF, trailing spaces and blank edges trimmed).
std::string preformatted_text(const GumboNode* n);
// A table used for layout, not data: role=presentation, at most one cell, or a nested table
// or heading inside.
bool is_layout_table(const GumboNode* table);

// Where the markup nests deeper than `max_depth` elements (counted by a light tokenizer that
// ignores void elements and those with optional end tags); nullopt when it never does.
std::optional<size_t> deep_nesting_offset(std::string_view html, int max_depth);
// The markup up to `offset`, then the rest with every tag, comment, script and style removed
// (its text kept, tags replaced by line breaks).
std::string flatten_after(std::string_view html, size_t offset);

void add_flag(ParsedPage& page, const char* flag);

}  // namespace senrei::html_dom
