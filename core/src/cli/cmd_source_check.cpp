// `senrei sources --check NAME [URL|FILE]` — one source on one page (by default its bundled
// sample pages), with every record and field it makes and where each value came from: the
// tool an author runs while writing a plugin or a TOML source.  Nothing is stored or indexed;
// pages go through exactly what a crawl uses (fetcher, extraction, process_page).
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "i18n/i18n.hpp"
#include "cli/present.hpp"
#include "crawl/http_crawl.hpp"
#include "crawl/page_processor.hpp"
#include "fetch/mirror_fetcher.hpp"
#include "plugin/plugin_door.hpp"
#include "plugin/plugin_worker.hpp"
#include "record/record_json.hpp"
#include "senrei/url.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

struct CheckedPage {
  FetchResponse response;
  fs::path file;  // the local file, when read from one
};

std::string origin_of(const SourceInfo& info) {
  auto u = parse_url(info.base_url);
  return u ? u->origin() + "/" : std::string();
}

std::string host_of(const SourceInfo& info) {
  auto u = parse_url(info.base_url);
  return u ? u->host : std::string();
}

std::vector<CheckedPage> read_from_mirror(MirrorFetcher& mirror, const std::vector<std::string>& urls) {
  for (const auto& u : urls) {
    FetchRequest req;
    req.url = u;
    mirror.submit(req);
  }
  std::vector<CheckedPage> pages;
  while (mirror.pending()) {
    for (auto& r : mirror.poll(std::chrono::milliseconds(0))) {
      fs::path file = mirror.file_for(r.request.url);
      pages.push_back({std::move(r), file});
    }
  }
  return pages;
}

// The source's bundled sample pages: <root>/<host of base_url>/ on the sample path, every file
// there the source would crawl.
std::vector<CheckedPage> sample_pages(const LoadedSource& s, std::chrono::milliseconds limit, std::string& where) {
  const std::string host = host_of(s.info);
  std::string looked;
  // $SENREI_SAMPLE_PATH, senrei's own samples, then a plugin project's: sample/ next to the
  // plugin's .so, one folder up (the scaffold builds into build/), and in the current folder.
  std::vector<fs::path> roots = PluginHost::data_path("sample", "SENREI_SAMPLE_PATH");
  if (!s.library.empty()) {
    roots.push_back(s.library.parent_path() / "sample");
    roots.push_back(s.library.parent_path().parent_path() / "sample");
  }
  roots.push_back(fs::current_path() / "sample");
  for (const auto& root : roots) {
    fs::path dir = root / host;
    looked += (looked.empty() ? "" : ", ") + dir.string();
    std::error_code ec;
    if (host.empty() || !fs::is_directory(dir, ec)) continue;
    MirrorFetcher mirror(dir, origin_of(s.info));
    // The scope through the door under the crawl's plugin deadline, as every call into a plugin;
    // a call that does not return in time is a failure, not "no page in scope".
    const std::vector<std::string> files = mirror.known_urls();
    auto in = PluginDoor(*s.source, s.info, limit).in_scope(files);
    if (!in) throw Failure(in.error().message);
    std::vector<std::string> urls;
    for (size_t k = 0; k < files.size() && k < in->size(); ++k)
      if ((*in)[k]) urls.push_back(files[k]);
    if (urls.empty()) continue;
    where = dir.string();
    return read_from_mirror(mirror, urls);
  }
  throw Failure(trf("no sample pages for source '{1}' (looked in {2}); name a page: senrei sources --check {1} "
                    "URL|FILE, or put samples under $SENREI_SAMPLE_PATH/{3}/",
                    {s.info.name, looked.empty() ? tr("nothing") : looked, host.empty() ? "<host>" : host}));
}

CheckedPage page_from_file(const LoadedSource& s, const fs::path& given, const std::string& url_flag) {
  std::error_code ec;
  fs::path file = fs::weakly_canonical(fs::absolute(given), ec);
  if (ec || !fs::is_regular_file(file, ec))
    throw UsageError(trf("{1} is not a file (give a page saved from the site, or a URL)", {given.string()}));
  // A page inside a folder named after the source's host (a wget -m mirror, a sample folder)
  // knows its real URL; otherwise --url says it, or it is read as a file: URL.
  std::string url = url_flag;
  const std::string host = host_of(s.info);
  if (url.empty() && !host.empty()) {
    for (fs::path dir = file.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (dir.filename() != host) continue;
      MirrorFetcher mirror(dir, origin_of(s.info));
      for (const auto& u : mirror.known_urls())
        if (fs::equivalent(mirror.file_for(u), file, ec)) url = u;
      break;
    }
  }
  if (url.empty()) url = "file://" + file.string();
  auto canon = canonicalize_url(url);
  if (!canon) throw UsageError(trf("--url {1} is not an absolute URL", {url}));
  std::ifstream in(file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  CheckedPage p;
  p.file = file;
  p.response.request.url = *canon;
  p.response.final_url = *canon;
  p.response.status = 200;
  p.response.body = body.str();
  p.response.content_type = media_type_for(file);
  return p;
}

CheckedPage page_from_url(const LoadedSource& s, const std::string& url, const Args& args,
                          std::chrono::milliseconds limit) {
  auto canon = canonicalize_url(url);
  if (!canon) throw UsageError(trf("{1} is not a URL senrei can fetch", {url}));
  HttpCrawlSettings http;
  http.allow_private = args.has("allow-private");
  http.base_url_override = args.get("base-url");  // fetch the real URL from a test server or proxy
  http.delay_seconds = 0;
  http.plugin_time_limit_seconds = static_cast<double>(limit.count()) / 1000.0;
  std::unique_ptr<Fetcher> fetcher;
  try {
    fetcher = make_http_fetcher(*s.source, s.info, http);
  } catch (const std::exception& e) {
    throw Failure(e.what());
  }
  FetchRequest req;
  req.url = *canon;
  fetcher->submit(req);
  CheckedPage p;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (fetcher->pending() && std::chrono::steady_clock::now() < deadline) {
    for (auto& r : fetcher->poll(std::chrono::milliseconds(200))) p.response = std::move(r);
  }
  if (p.response.request.url.empty()) throw Failure(trf("fetching {1} did not finish within 2 minutes", {*canon}));
  return p;
}

// The reason a source of that name was refused (a TOML file with a mistake), if one was.
std::string refusal_for(const PluginHost& host, const std::string& name) {
  for (const auto& r : host.refused()) {
    fs::path p(r.reason.substr(0, r.reason.find(':')));
    if (r.library.stem() == name || p.stem() == name) return r.reason;
  }
  return "";
}

}  // namespace

int run_source_check(Context& ctx, const Args& args) {
  const std::string name = args.get("check");
  if (args.positional.size() > 1) throw UsageError(tr("sources --check NAME takes at most one URL or FILE"));
  auto& host = ctx.plugins();
  const LoadedSource* s = host.find(name);
  if (!s) {
    if (auto why = refusal_for(host, name); !why.empty()) throw Failure(trf("source '{1}' was refused: {2}", {name, why}));
    std::string known;
    for (const auto& l : host.sources()) known += (known.empty() ? "" : ", ") + l.info.name;
    throw UsageError(trf("no source named '{1}' (known: {2}; see senrei sources)", {name, known.empty() ? tr("none") : known}));
  }

  // The crawl's deadline on every call into the plugin: a plugin being written may well loop.
  const auto limit = std::chrono::milliseconds(1000 * args.get_int("plugin-timeout", 30, 0, 86400));
  std::vector<CheckedPage> pages;
  std::string where;
  try {
    if (args.positional.empty()) {
      pages = sample_pages(*s, limit, where);
    } else {
      const std::string& arg = args.positional[0];
      if (arg.rfind("http://", 0) == 0 || arg.rfind("https://", 0) == 0)
        pages.push_back(page_from_url(*s, arg, args, limit));
      else
        pages.push_back(page_from_file(*s, arg, args.get("url")));
    }
  } catch (const Failure& e) {
    if (abandoned_plugin_calls() == 0) throw;
    // A plugin thread never returned and still runs inside the plugin: say why and end here
    // rather than destroy the plugin under it (below, and plugin/plugin_worker.hpp).
    ctx.out->flush();
    *ctx.err << "senrei: " << e.what() << "\n";
    ctx.err->flush();
    std::_Exit(1);
  }

  auto& out = *ctx.out;
  const bool json = args.has("json");
  const bool c = ctx.color;
  nlohmann::json j = {{"source", name}, {"version", s->info.version}, {"pages", nlohmann::json::array()}};
  if (!where.empty()) j["samples"] = where;
  if (!json) {
    out << name << " (" << s->info.title << ", " << trf("version {1}", {s->info.version}) << ")";
    if (!where.empty()) out << " " << trf("on its sample pages in {1}", {where});
    out << "\n";
  }
  int failed = 0;
  size_t records = 0, fields = 0;
  for (auto& p : pages) {
    const auto& r = p.response;
    const std::string& url = r.final_url.empty() ? r.request.url : r.final_url;
    nlohmann::json jp = {{"url", url}};
    if (!p.file.empty()) jp["file"] = p.file.string();
    if (!json) {
      out << "\n" << (c ? "\033[32m" : "") << url << (c ? "\033[0m" : "");
      if (!p.file.empty()) out << "  (" << p.file.string() << ")";
      out << "\n";
    }
    if (!r.ok()) {
      ++failed;
      std::string why = (r.error_kind.empty() ? "http_" + std::to_string(r.status) : r.error_kind) + ": " + r.error;
      jp["error"] = why;
      if (!json) out << "  " << trf("not fetched — {1}", {why}) << "\n";
      j["pages"].push_back(jp);
      continue;
    }
    PageOutcome o = process_page(PluginDoor(*s->source, s->info, limit), r);
    jp["links_in_scope"] = o.links;
    if (!o.charset.empty()) jp["charset"] = {{"name", o.charset}, {"decided_by", o.charset_source}};
    jp["records"] = nlohmann::json::array();
    if (!o.ok()) {
      ++failed;
      jp["error"] = o.error_kind + ": " + o.error;
      if (!json) out << "  " << trf("failed — {1}", {o.error_kind + ": " + o.error}) << "\n";
    }
    if (!json) {
      out << "  ";
      if (!o.charset.empty()) out << o.charset << " (" << o.charset_source << "), ";
      out << trf("{1} links in scope", {std::to_string(o.links.size())});
      for (const auto& f : o.flags) {
        out << ", " << flag_label(f);
        if (f == "garbled_text") out << " " << flag_explanation(f);
      }
      out << "; " << fill(o.records.size() == 1 ? tr("{1} record") : tr("{1} records"), {std::to_string(o.records.size())})
          << "\n";
    }
    for (const auto& rec : o.records) {
      ++records;
      fields += rec.fields.size();
      jp["records"].push_back(to_json(rec));
      if (json) continue;
      out << "  " << (c ? "\033[1m" : "") << rec.title << (c ? "\033[0m" : "") << "  ["
          << code_label(vocabulary::Concept::record_kind, to_string(rec.kind)) << "]\n"
          << "    " << pad_display(tr("id:"), 8) << rec.id << "\n";
      if (!rec.as_of.empty()) out << "    " << pad_display(tr("as of:"), 8) << rec.as_of << "\n";
      size_t cut = std::min<size_t>(160, rec.text.size());  // at a UTF-8 character boundary
      while (cut > 0 && cut < rec.text.size() && (static_cast<unsigned char>(rec.text[cut]) & 0xC0) == 0x80) --cut;
      std::string text = rec.text.substr(0, cut);
      for (auto& ch : text)
        if (ch == '\n') ch = ' ';
      out << "    " << pad_display(tr("text:"), 8) << trf("{1} bytes:", {std::to_string(rec.text.size())}) << " " << text
          << (cut < rec.text.size() ? "…" : "") << "\n";
      if (rec.fields.empty()) out << "    " << pad_display(tr("fields:"), 8) << tr("none") << "\n";
      else out << "    " << tr("fields:") << "\n";
      print_fields(out, rec, "      ", c);
    }
    j["pages"].push_back(jp);
  }
  j["failed"] = failed;
  if (json) {
    out << j.dump(2) << "\n";
  } else {
    out << "\n"
        << fill(pages.size() == 1 ? tr("{1} page, {2} records, {3} fields, {4} failed")
                                  : tr("{1} pages, {2} records, {3} fields, {4} failed"),
               {std::to_string(pages.size()), std::to_string(records), std::to_string(fields), std::to_string(failed)})
        << "\n";
  }
  if (abandoned_plugin_calls() > 0) {
    // A plugin thread never returned and still runs inside the plugin: end here rather than
    // destroy the plugin under it (plugin/plugin_worker.hpp).
    out.flush();
    ctx.err->flush();
    std::_Exit(1);
  }
  return failed || pages.empty() ? 1 : 0;  // 1 when a page failed or nothing was checked
}

}  // namespace senrei::cli
