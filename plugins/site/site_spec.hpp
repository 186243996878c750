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
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "senrei/plugin.hpp"

namespace senrei_site {

class SpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct UrlPattern {
  std::string text;  // as written, for messages
  std::regex re;     // ECMAScript, searched for anywhere in the canonical URL
};

struct KindRule {
  UrlPattern url;
  std::optional<senrei::RecordKind> kind;  // nullopt: "none" (follow the page's links, make no record)
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
