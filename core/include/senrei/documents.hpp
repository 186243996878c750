// senrei/documents.hpp — what identifies a ministry document: its title, the ministries that
// issue it, its version (第6.0版 → "6.0") and its publication date (令和5年5月 → "2023-05").
//
// Guidelines, standards and notices come as HTML landing pages, press releases and PDFs whose
// heading or cover page states these in a few short lines.  The mhlw, soumu and meti plugins
// (and any later ministry's) read them here, the same way.  Only the heading, the cover (first
// PDF page) and labelled lines are read, never a page's history list (これまでの版), so an old
// edition named further down is not taken for this one.  Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/page.hpp"
#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

// The first edition named in text: "第6.0版" → "6.0", "第５版" → "5", "第1.1版" → "1.1",
// "Ver.2.0" → "2.0"; nullopt when there is none.  The digits are kept as written (6.0 stays
// "6.0"): versions are labels, not numbers.
std::optional<std::string> parse_edition(std::string_view text);

// The kind a title says a document is: notice (通知, 事務連絡, 報道発表, お知らせ), standard
// (標準規格, 規格), guideline (ガイドライン, 指針, 手引き); nullopt otherwise.  A notice about a
// standard is a notice.
std::optional<RecordKind> document_kind(std::string_view title);

// The document's title: a PDF's info Title, else its first line; an HTML page's first <h1>,
// else its <title> without the site name after ｜ or |; else the URL's file name.
std::string document_title(const ParsedPage& page);

// title, ministry, version and publication_date of a document page, each with provenance.
// ministry: text is `publisher` (who published this copy), items the ministries named in the
// title or on the cover, in order (総務省, 経済産業省 for a joint guideline), else just the
// publisher.  publication_date: an ISO date or month, from a 公表 / 発行 / 策定 / 改定 / 掲載 /
// 発表 label, else a cover line that is a date (令和5年5月), else a date in the title.
std::vector<Field> read_document_fields(const ParsedPage& page, std::string_view title, std::string_view publisher);

// A whole Record for a ministry's document page: title (document_title), main text, fields
// (read_document_fields), as_of = the publication date.  Kind: `html_kind` for an HTML page (a
// press release is a notice, a landing page a guideline); for a PDF what its title says
// (document_kind), else a guideline.
Record read_document(const ParsedPage& page, std::string_view publisher, RecordKind html_kind);

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
