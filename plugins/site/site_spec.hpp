// site/site_spec.hpp — one declarative source, as read from its TOML file.
//
// The file format is docs/plugins.md §"Declarative sources" (and sources/README.md): name,
// title, publisher, base_url, seeds, [scope] allow/deny, [[kind]] URL pattern → record kind,
// [labels] label → field, charset, [politeness].  Reading is strict: an unknown key, a value of
// the wrong type, a pattern that does not compile, a kind or field senrei does not know are all
// SpecErrors whose message starts "<file>:<line>:<column>: " and says what was expected.
#pragma once

#include <filesystem>
#include <optional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "senrei/plugin.hpp"

namespace senrei_site {

class SpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A URL pattern from a file, compiled with RE2: matching takes time linear in the URL whatever
// the pattern (F5 of the reliability report: `(a+)+$` under std::regex hung a crawl on a
// 35-character link).  RE2's syntax is ECMAScript's common core — classes, groups, |, ?, *, +,
// {m,n}, ^, $, \d, \w, (?:…) — without back-references or lookaround, which are refused.
struct UrlPattern {
  std::string text;                     // as written, for messages
  std::shared_ptr<const re2::RE2> re;   // searched for anywhere in the canonical URL
  bool found_in(std::string_view url) const;
};

// Compiles a URL pattern; on failure returns nullptr and sets `error` to why (one line).
// At most kMaxPatternBytes long; back-references and lookaround are refused with a message
// saying so.
std::shared_ptr<const re2::RE2> compile_url_pattern(std::string_view text, std::string& error);
inline constexpr size_t kMaxPatternBytes = 1000;

struct KindRule {
  UrlPattern url;
  std::optional<senrei::RecordKind> kind;  // nullopt: "none" (follow the page's links, make no record)
  // force = true: the kind stands even when the page does not read as one (a case overview
  // with a name and fewer than two labelled facts); otherwise such a page is `other`.
  bool force = false;
};

struct LabelRule {
  std::string label;  // normalized (label_key())
  std::string field;  // a known field name, or "as_of" (the record's date)
};

struct SiteSpec {
  std::filesystem::path file;
  senrei::SourceInfo info;
  std::vector<std::string> seeds;
  std::vector<UrlPattern> allow;  // empty: every URL under base_url
  std::vector<UrlPattern> deny;
  std::vector<KindRule> kinds;    // first match wins
  std::optional<senrei::RecordKind> default_kind = senrei::RecordKind::other;
  std::vector<LabelRule> labels;
  bool builtin_labels = true;       // also read the labels senrei knows (senrei/fields.hpp)
  bool document_fields = false;     // also title, ministry, version, publication_date (senrei/documents.hpp)
  std::string title_from = "title"; // "title" (<title>) or "h1" (the first level-1 heading);
                                    // with document_fields, the document's own title first
  std::vector<std::string> title_strip;  // suffixes cut from the title (" | 県庁")
  senrei::CrawlPolicy policy;
};

// Reads and checks one TOML file; throws SpecError.
SiteSpec read_site_spec(const std::filesystem::path& file);

// The form labels are compared in: NFKC, no white space, cut at a colon or an opening bracket
// (「構築費用（税込）：」 → 構築費用).
std::string label_key(std::string_view label);

}  // namespace senrei_site
