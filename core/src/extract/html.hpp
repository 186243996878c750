// extract/html.hpp — UTF-8 HTML → the structure of a ParsedPage (gumbo 0.10).
//
// Fills title, canonical_url, lang, meta, blocks (main content only), boilerplate (navigation,
// banners, breadcrumbs, footers, sidebars), tables, labels and links.  `page.url` must be set:
// links and the canonical URL are resolved against it (or <base href>).  Whitespace is
// collapsed as a browser renders it (a line break between two Japanese characters vanishes);
// text is otherwise kept as written (no NFKC).
#pragma once

#include <string_view>

#include "extract/extract.hpp"

namespace senrei {

void extract_html(std::string_view utf8, const ExtractLimits& limits, ParsedPage& page);

}  // namespace senrei
