// crawl/page_processor.hpp — one fetched body → the records and links a source makes of it.
//
// Pure with respect to the crawl: it decodes, extracts (HTML/PDF/text), calls the plugin and
// validates what the plugin returned, touching no store and no index, so it can run on worker
// threads.  A plugin that throws or returns invalid records fails only this page: the outcome
// carries error_kind "plugin" and a message naming the plugin and the URL.
#pragma once

#include <string>
#include <vector>

#include "fetch/fetcher.hpp"
#include "senrei/plugin.hpp"

namespace senrei {

struct PageOutcome {
  std::vector<Record> records;
  std::vector<std::string> links;  // canonical, in the source's scope, unique, in page order
  std::vector<std::string> flags;  // from extraction: charset_replaced, no_text_layer, truncated ...
  std::string error_kind;          // an ExtractError kind (encrypted_pdf, broken_pdf, ...), "extract", "plugin", or empty when fine
  std::string error;
  bool ok() const { return error_kind.empty(); }
};

PageOutcome process_page(const Source& source, const SourceInfo& info, const FetchResponse& response);

// Checks and completes a plugin's records for one page: fills id, source and url when empty;
// refuses empty titles, ids of another source, and duplicate ids.  Returns the problem, or an
// empty string when all records are acceptable.
std::string validate_records(const SourceInfo& info, const std::string& url, std::vector<Record>& records);

}  // namespace senrei
