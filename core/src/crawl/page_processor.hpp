// crawl/page_processor.hpp — one fetched body → the records and links a source makes of it.
//
// Pure with respect to the crawl: it decodes, extracts (HTML/PDF/text), calls the plugin and
// validates what the plugin returned, touching no store and no index, so it can run on worker
// threads.  A plugin that throws or returns invalid records fails only this page: the outcome
// carries error_kind "plugin" and a message naming the plugin and the URL.  With a
// `plugin_limit`, extract() runs under that deadline (crawl/plugin_call.hpp) and a plugin that
// does not return in time gives error_kind "plugin_timeout".
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "fetch/fetcher.hpp"
#include "senrei/plugin.hpp"

namespace senrei {

inline constexpr size_t kMaxRecordsPerPage = 10000;

struct PageOutcome {
  std::vector<Record> records;
  std::vector<std::string> links;  // canonical, without tracking parameters, in the source's scope, unique, in page order
  std::string canonical;           // the page's rel=canonical when usable (crawl/document_identity.hpp), else empty
  std::vector<std::string> flags;  // from extraction: charset_replaced, no_text_layer, truncated ...
  std::string charset;             // how the text was decoded ("windows-31j") and why ("meta",
  std::string charset_source;      // "source" for a CrawlPolicy::charset, ...): ParsedPage
  std::string error_kind;          // an ExtractError kind (encrypted_pdf, broken_pdf, ...), "extract", "plugin",
                                   // "plugin_timeout", or empty when fine
  std::string error;
  bool ok() const { return error_kind.empty(); }
};

// Told "extract" before the body is decoded and extracted, and "plugin" before the plugin's
// code (in_scope() for the links, extract()) runs on the page.
using StageFn = std::function<void(const char* stage)>;

PageOutcome process_page(const Source& source, const SourceInfo& info, const FetchResponse& response,
                         std::chrono::milliseconds plugin_limit = {}, const StageFn& on_stage = {});

// Checks and completes a plugin's records for one page: fills id, source and url when empty;
// refuses empty titles, ids of another source, duplicate ids, fields without a name, numbers
// that are not finite, text that is not UTF-8, and more than kMaxRecordsPerPage records.  Returns the problem, or an
// empty string when all records are acceptable.
std::string validate_records(const SourceInfo& info, const std::string& url, std::vector<Record>& records);

}  // namespace senrei
