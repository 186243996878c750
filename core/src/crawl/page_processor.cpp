#include "crawl/page_processor.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_set>

#include <unicode/utf8.h>

#include "crawl/document_identity.hpp"
#include "crawl/plugin_call.hpp"
#include "extract/extract.hpp"
#include "senrei/url.hpp"

namespace senrei {

namespace {

bool valid_utf8(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// The first problem with one field's values, or "".
std::string field_problem(const Field& f) {
  if (f.name.empty()) return "a field without a name";
  const std::string which = "field '" + (valid_utf8(f.name) ? f.name : std::string("?")) + "'";
  if (!valid_utf8(f.name)) return "a field name that is not UTF-8";
  if ((f.number && !std::isfinite(*f.number)) || (f.number_high && !std::isfinite(*f.number_high)))
    return which + " with a number that is not finite";
  for (const std::string* t : {&f.text, &f.unit, &f.period, &f.as_of, &f.raw, &f.provenance.url, &f.provenance.sentence})
    if (!valid_utf8(*t)) return which + " with text that is not UTF-8";
  for (const auto& item : f.items)
    if (!valid_utf8(item)) return which + " with a list item that is not UTF-8";
  for (const auto& flag : f.flags)
    if (!valid_utf8(flag)) return which + " with a flag that is not UTF-8";
  for (const auto& p : f.item_provenance)
    if (!valid_utf8(p.url) || !valid_utf8(p.sentence)) return which + " with a provenance that is not UTF-8";
  return {};
}

}  // namespace

std::string validate_records(const SourceInfo& info, const std::string& url, std::vector<Record>& records) {
  if (records.size() > kMaxRecordsPerPage)
    return std::to_string(records.size()) + " records from one page (the limit is " +
           std::to_string(kMaxRecordsPerPage) + ")";
  std::set<std::string> ids;
  for (size_t i = 0; i < records.size(); ++i) {
    auto& r = records[i];
    if (r.source.empty()) r.source = info.name;
    if (r.url.empty()) r.url = url;
    if (r.id.empty()) r.id = make_record_id(info.name, r.url, r.part);
    std::string which = "record " + std::to_string(i + 1);
    for (const std::string* t : {&r.id, &r.source, &r.title, &r.url, &r.as_of, &r.text, &r.part})
      if (!valid_utf8(*t)) return which + " has text that is not UTF-8";
    for (const auto& flag : r.flags)
      if (!valid_utf8(flag)) return which + " has a flag that is not UTF-8";
    which += " (" + r.id + ")";
    if (r.source != info.name) return which + " claims source '" + r.source + "'";
    if (r.id.rfind(info.name + ":", 0) != 0) return which + " has an id outside source '" + info.name + "'";
    if (r.title.empty()) return which + " has no title";
    if (!ids.insert(r.id).second) return which + " repeats an id";
    for (const auto& f : r.fields)
      if (auto problem = field_problem(f); !problem.empty()) return which + " has " + problem;
  }
  return {};
}

PageOutcome process_page(const Source& source, const SourceInfo& info, const FetchResponse& response,
                         std::chrono::milliseconds plugin_limit, const StageFn& on_stage) {
  PageOutcome out;
  auto stage = [&](const char* name) {
    if (on_stage) on_stage(name);
  };
  const std::string& url = response.final_url.empty() ? response.request.url : response.final_url;
  ParsedPage page;
  std::string charset_override;
  try {
    charset_override = call_policy(source, info, plugin_limit).charset;
  } catch (const PluginTimeout& e) {
    out.error_kind = "plugin_timeout";
    out.error = e.what();
    return out;
  } catch (...) {
  }
  try {
    RawDocument raw;
    raw.url = url;
    raw.content_type = response.content_type;
    // A source's declared charset outranks the server's and the page's own (CrawlPolicy).
    raw.charset = charset_override.empty() ? response.charset : charset_override;
    raw.body = response.body;
    stage("extract");
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
  out.charset = page.charset;
  out.charset_source = page.charset_source;

  stage("plugin");  // in_scope() below is the plugin's code too
  std::unordered_set<std::string> seen;
  std::vector<std::string> candidates;
  for (const auto& link : page.links) {
    auto canon = canonicalize_url(link.url);
    if (canon) canon = without_tracking_parameters(*canon);
    if (!canon || !seen.insert(*canon).second) continue;
    candidates.push_back(std::move(*canon));
  }
  // The page's rel=canonical target is scope-checked in the same call, under the deadline.
  std::optional<std::string> canonical_target;
  if (!page.canonical_url.empty())
    if (auto t = canonicalize_url(page.canonical_url)) canonical_target = without_tracking_parameters(*t);
  std::vector<std::string> asked = candidates;
  if (canonical_target) asked.push_back(*canonical_target);
  ScopeCall scope = call_in_scope(source, info, asked, plugin_limit);  // one call, under the deadline
  if (!scope.ok()) {
    out.error_kind = scope.error_kind;
    out.error = scope.error;
    return out;
  }
  for (size_t i = 0; i < candidates.size(); ++i)
    if (scope.in[i]) out.links.push_back(std::move(candidates[i]));
  const bool canonical_in_scope = canonical_target && scope.in[asked.size() - 1];
  if (auto c = usable_canonical(url, page.canonical_url, [&](const std::string& u) {
        return canonical_in_scope && u == *canonical_target;
      }))
    out.canonical = *c;

  PluginCall call = call_extract(source, info, std::make_shared<const ParsedPage>(std::move(page)), plugin_limit);
  if (!call.ok()) {
    out.error_kind = call.error_kind;
    out.error = call.error;
    return out;
  }
  out.records = std::move(call.records);
  if (auto problem = validate_records(info, url, out.records); !problem.empty()) {
    out.records.clear();
    out.error_kind = "plugin";
    out.error = "plugin '" + info.name + "' returned an invalid record for " + url + ": " + problem;
    return out;
  }
  // The records' own flags (consistency: parts_mismatch, ...) are the page's too, so `stats`
  // counts them with the page flags.
  std::vector<std::string> page_flags = out.flags;
  for (const auto& r : out.records)
    for (const auto& f : r.flags)
      if (std::find(page_flags.begin(), page_flags.end(), f) == page_flags.end()) page_flags.push_back(f);
  for (auto& r : out.records)
    for (const auto& f : out.flags)
      if (std::find(r.flags.begin(), r.flags.end(), f) == r.flags.end()) r.flags.push_back(f);
  out.flags = std::move(page_flags);
  return out;
}

}  // namespace senrei
