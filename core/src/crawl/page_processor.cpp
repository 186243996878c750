#include "crawl/page_processor.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_set>

#include "crawl/document_identity.hpp"
#include "extract/extract.hpp"
#include "senrei/url.hpp"

namespace senrei {

namespace {

PageOutcome failed(PageOutcome out, PluginError error) {
  out.error_kind = failure_reason(error.kind);
  out.error = error.message;
  out.plugin_error = std::move(error);
  return out;
}

}  // namespace

PageOutcome process_page(const PluginDoor& plugin, const FetchResponse& response, const StageFn& on_stage) {
  PageOutcome out;
  auto stage = [&](const char* name) {
    if (on_stage) on_stage(name);
  };
  const std::string& url = response.final_url.empty() ? response.request.url : response.final_url;
  ParsedPage page;
  std::string charset_override;
  if (auto policy = plugin.policy())
    charset_override = policy->charset;
  else if (policy.error().kind == PluginErrorKind::timeout)
    return failed(std::move(out), policy.error());
  // (a policy() that throws only leaves the charset to be decided per page)
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
  const size_t asked_count = asked.size();
  auto scope = plugin.in_scope(std::move(asked));  // one call, under the deadline
  if (!scope) return failed(std::move(out), scope.error());
  const std::vector<char>& in = *scope;
  for (size_t i = 0; i < candidates.size(); ++i)
    if (in[i]) out.links.push_back(std::move(candidates[i]));
  const bool canonical_in_scope = canonical_target && in[asked_count - 1];
  if (auto c = usable_canonical(url, page.canonical_url, [&](const std::string& u) {
        return canonical_in_scope && u == *canonical_target;
      }))
    out.canonical = *c;

  auto records = plugin.extract(std::make_shared<const ParsedPage>(std::move(page)));  // checked by the door
  if (!records) return failed(std::move(out), records.error());
  out.records = std::move(*records);
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
