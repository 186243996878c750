// crawl/page_processor.hpp — one fetched body → the records and links a source makes of it.
//
// Pure with respect to the crawl: it decodes, extracts (HTML/PDF/text), calls the plugin and
// validates what the plugin returned, touching no store and no index, so it can run on worker
// threads.  Every call into the plugin (policy(), in_scope() for the links, extract()) goes
// through the door (plugin/plugin_door.hpp), under its deadline.  A plugin that throws, returns
// invalid records or does not return in time fails only this page: the outcome carries the typed
// PluginError, and error_kind its failure reason ("plugin", "plugin_timeout") with a message
// naming the plugin and the URL.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fetch/fetcher.hpp"
#include "plugin/plugin_door.hpp"
#include "plugin/plugin_output.hpp"  // validate_records, kMaxRecordsPerPage
#include "senrei/plugin.hpp"

namespace senrei {

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
  std::optional<PluginError> plugin_error;  // set when the plugin failed (then error_kind is its failure_reason)
  bool ok() const { return error_kind.empty(); }
};

// Told "extract" before the body is decoded and extracted, and "plugin" before the plugin's
// code (in_scope() for the links, extract()) runs on the page.
using StageFn = std::function<void(const char* stage)>;

PageOutcome process_page(const PluginDoor& plugin, const FetchResponse& response, const StageFn& on_stage = {});

}  // namespace senrei
