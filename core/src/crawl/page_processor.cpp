#include "crawl/page_processor.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "extract/extract.hpp"
#include "senrei/url.hpp"

namespace senrei {

std::string validate_records(const SourceInfo& info, const std::string& url, std::vector<Record>& records) {
  std::set<std::string> ids;
  for (size_t i = 0; i < records.size(); ++i) {
    auto& r = records[i];
    if (r.source.empty()) r.source = info.name;
    if (r.url.empty()) r.url = url;
    if (r.id.empty()) r.id = make_record_id(info.name, r.url, r.part);
    std::string which = "record " + std::to_string(i + 1) + " (" + r.id + ")";
    if (r.source != info.name) return which + " claims source '" + r.source + "'";
    if (r.id.rfind(info.name + ":", 0) != 0) return which + " has an id outside source '" + info.name + "'";
    if (r.title.empty()) return which + " has no title";
    if (!ids.insert(r.id).second) return which + " repeats an id";
    for (const auto& f : r.fields)
      if (f.name.empty()) return which + " has a field without a name";
  }
  return {};
}

PageOutcome process_page(const Source& source, const SourceInfo& info, const FetchResponse& response) {
  PageOutcome out;
  const std::string& url = response.final_url.empty() ? response.request.url : response.final_url;
  ParsedPage page;
  std::string charset_override;
  try {
    charset_override = source.policy().charset;
  } catch (...) {
  }
  try {
    RawDocument raw;
    raw.url = url;
    raw.content_type = response.content_type;
    // A source's declared charset outranks the server's and the page's own (CrawlPolicy).
    raw.charset = charset_override.empty() ? response.charset : charset_override;
    raw.body = response.body;
    page = extract_document(raw);
    if (!charset_override.empty() && page.charset_source == "http") page.charset_source = "source";
  } catch (const ExtractError& e) {
    out.error_kind = e.kind();  // encrypted_pdf, broken_pdf, unsupported_type, too_large
    out.error = e.what();
    return out;
  } catch (const std::exception& e) {
    out.error_kind = "extract";
    out.error = e.what();
    return out;
  }
  out.flags = page.flags;

  std::unordered_set<std::string> seen;
  for (const auto& link : page.links) {
    auto canon = canonicalize_url(link.url);
    if (!canon || !seen.insert(*canon).second) continue;
    bool in = false;
    try {
      in = source.in_scope(*canon);
    } catch (...) {
      in = false;
    }
    if (in) out.links.push_back(*canon);
  }

  try {
    out.records = source.extract(page);
  } catch (const std::exception& e) {
    out.records.clear();
    out.error_kind = "plugin";
    out.error = "plugin '" + info.name + "' failed on " + url + ": " + e.what();
    return out;
  } catch (...) {
    out.records.clear();
    out.error_kind = "plugin";
    out.error = "plugin '" + info.name + "' failed on " + url + " with an unknown exception";
    return out;
  }
  if (auto problem = validate_records(info, url, out.records); !problem.empty()) {
    out.records.clear();
    out.error_kind = "plugin";
    out.error = "plugin '" + info.name + "' returned an invalid record for " + url + ": " + problem;
    return out;
  }
  for (auto& r : out.records)
    for (const auto& f : page.flags)
      if (std::find(r.flags.begin(), r.flags.end(), f) == r.flags.end()) r.flags.push_back(f);
  return out;
}

}  // namespace senrei
