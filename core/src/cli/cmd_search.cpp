#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"
#include "cli/output_file.hpp"
#include "cli/present.hpp"
#include "index/schema.hpp"
#include "index/searcher.hpp"
#include "index/snippet.hpp"
#include "plugin/plugin_host.hpp"
#include "record/record_json.hpp"
#include "senrei/url.hpp"
#include "senrei/ja.hpp"
#include "store/crawl_state.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

// The synonym tables (index/synonyms.hpp): the one senrei ships — the first synonyms.toml of
// $SENREI_SYNONYMS, beside the binary (the build tree) and <prefix>/share/senrei — then the
// workspace's own.
std::shared_ptr<const index::Synonyms> load_synonyms(const Workspace& ws) {
  auto table = std::make_shared<index::Synonyms>();
  std::error_code ec;
  for (const auto& file : PluginHost::data_path("synonyms.toml", "SENREI_SYNONYMS")) {
    if (!fs::is_regular_file(file, ec)) continue;
    table->load(file);
    break;
  }
  if (fs::is_regular_file(ws.synonyms_file(), ec)) table->load(ws.synonyms_file());
  return table;
}

// A field's or record's consistency flags in one CSV cell: "parts_mismatch;derived".
std::string join_flags(const std::vector<std::string>& flags) {
  std::string out;
  for (const auto& f : flags) out += (out.empty() ? "" : ";") + f;
  return out;
}

// Opens the workspace's index for reading, with errors that say what to do.
index::Searcher open_searcher(Context& ctx) {
  auto ws = Workspace::open_existing(ctx.data_dir());
  try {
    index::Searcher searcher(ws.index_dir());
    searcher.set_synonyms(load_synonyms(ws));
    return searcher;
  } catch (const index::IndexError& e) {
    throw Failure(e.what());
  }
}

// The workspace's crawl state, read-only, for aliases (crawl/document_identity.hpp); nullptr
// when there is none (an index built elsewhere).
std::unique_ptr<CrawlState> open_state_for_aliases(Context& ctx) {
  auto ws = Workspace::open_existing(ctx.data_dir());
  if (!fs::exists(ws.state_db())) return nullptr;
  try {
    return std::make_unique<CrawlState>(ws.state_db(), true);
  } catch (const std::exception&) {
    return nullptr;
  }
}

const char* bold(bool on) { return on ? "\033[1m" : ""; }
const char* reset(bool on) { return on ? "\033[0m" : ""; }

// A hit's record comes without its text unless asked (--with-text): the snippet is what a
// result list shows, `show ID` prints the rest, and ten pages' text was ~350 KB of JSON to write
// and parse for a query.
nlohmann::json hit_json(const index::SearchHit& h, bool with_text) {
  auto [plain, spans] = split_marks(h.snippet);
  nlohmann::json hl = nlohmann::json::array();
  for (auto [a, b] : spans) hl.push_back({a, b});
  nlohmann::json record = to_json(h.record);
  if (!with_text) record.erase("text");
  return {{"rank", h.rank}, {"percent", h.percent}, {"snippet", plain}, {"highlights", hl}, {"record", std::move(record)}};
}

}  // namespace

// `search --queries FILE`: one process answers every query of FILE (one a line; blank lines and
// lines starting with # skipped) and reports the time each took inside the process — what a
// server or a script asking many questions sees, without process start-up (bench/latency.py).
int run_query_file(Context& ctx, const Args& args, index::SearchRequest req) {
  const std::string file = args.get("queries");
  if (!args.positional.empty()) throw UsageError(tr("give either a QUERY or --queries FILE, not both"));
  std::ifstream in(file);
  if (!in) throw Failure(trf("cannot read the queries file {1}: {2}", {file, std::strerror(errno)}));
  std::vector<std::pair<int, std::string>> queries;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
    queries.emplace_back(line_no, line);
  }
  auto searcher = open_searcher(ctx);
  auto& out = *ctx.out;
  const bool json = args.has("json");
  for (const auto& [no, q] : queries) {
    req.query = q;
    index::SearchResult res;
    const auto t0 = std::chrono::steady_clock::now();
    try {
      res = searcher.search(req);
    } catch (const index::QueryError& e) {
      throw UsageError(file + ":" + std::to_string(no) + ": " + e.what());
    } catch (const index::IndexError& e) {
      throw Failure(e.what());
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (json) {
      nlohmann::json j;
      j["schema"] = kRecordSchemaVersion;
      j["query"] = q;
      j["line"] = no;
      j["total"] = res.total;
      j["elapsed_ms"] = std::round(ms * 1000) / 1000;
      j["hits"] = nlohmann::json::array();
      for (const auto& h : res.hits) j["hits"].push_back({{"rank", h.rank}, {"id", h.record.id}, {"url", h.record.url}});
      out << j.dump() << "\n";
    } else {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%9.2f ms", ms);
      out << buf << "  " << trf("{1} results", {std::to_string(res.total)}) << "  " << ja::one_line(q)
          << "\n";  // F8: echoed inert
    }
  }
  return 0;
}

int run_search(Context& ctx, const Args& args) {
  std::string query;
  for (const auto& p : args.positional) query += (query.empty() ? "" : " ") + p;
  index::SearchRequest req;
  req.query = query;
  req.limit = static_cast<size_t>(args.get_int("limit", 10, 0, 10000));
  req.offset = static_cast<size_t>(args.get_int("offset", 0, 0, 100000000));
  req.sort = args.get("sort");
  req.facets = args.has("facets");
  req.exact_total = args.has("exact");
  if (args.has("queries")) return run_query_file(ctx, args, req);
  if (query.find_first_not_of(" \t\n") == std::string::npos)
    throw UsageError(tr("empty query: give words to search for, e.g. senrei search 会費 (docs/query.md)"));

  auto searcher = open_searcher(ctx);
  index::SearchResult res;
  try {
    res = searcher.search(req);
  } catch (const index::QueryError& e) {
    throw UsageError(e.what());
  } catch (const index::IndexError& e) {
    throw Failure(e.what());
  }

  auto& out = *ctx.out;
  if (args.has("json")) {
    nlohmann::json j;
    j["schema"] = kRecordSchemaVersion;
    j["query"] = query;
    j["total"] = res.total;
    j["total_exact"] = res.total_exact;
    j["offset"] = req.offset;
    j["hits"] = nlohmann::json::array();
    for (const auto& h : res.hits) j["hits"].push_back(hit_json(h, args.has("with-text")));
    if (req.facets) {
      nlohmann::json f = nlohmann::json::object();
      for (const auto& facet : res.facets) {
        nlohmann::json values = nlohmann::json::object();
        for (const auto& v : facet.values) values[v.value] = v.count;
        f[facet.name] = values;
      }
      j["facets"] = f;
    }
    out << j.dump(2) << "\n";
    return res.total == 0 ? 1 : 0;  // as grep and rg: 1 when nothing matched (docs/query.md)
  }

  const bool c = ctx.color;
  if (res.total == 0) {
    out << trf("no precedents match {1}", {ja::one_line(query)}) << "\n";  // F8: echoed inert
  } else {
    const std::string total = std::to_string(res.total);
    out << (res.total_exact ? fill(res.total == 1 ? tr("{1} result") : tr("{1} results"), {total})
                            : trf("about {1} results", {total}));
    if (!res.hits.empty())
      out << trf(", showing {1}–{2}", {std::to_string(res.hits.front().rank), std::to_string(res.hits.back().rank)});
    out << "\n\n";
  }
  for (const auto& h : res.hits) {
    out << h.rank << ". " << bold(c) << h.record.title << reset(c) << "  ["
        << code_label(vocabulary::Concept::record_kind, to_string(h.record.kind)) << "]";
    if (h.percent > 0) out << "  " << h.percent << "%";
    out << "\n   " << (c ? "\033[32m" : "") << h.record.url << reset(c) << "\n";
    out << "   id: " << h.record.id << "  (senrei show ID)\n";
    if (!h.snippet.empty())
      out << "   " << index::render_marks(h.snippet, c ? "\033[1;31m" : "", c ? "\033[0m" : "") << "\n";
    auto keys = key_fields_line(h.record);
    if (!keys.empty()) out << "   " << keys << "\n";
    out << "\n";
  }
  if (req.facets) {
    for (const auto& facet : res.facets) {
      out << facet_label(facet.name) << ":";
      for (const auto& v : facet.values) out << "  " << facet_value_label(facet.name, v.value) << " (" << v.count << ")";
      out << "\n";
    }
  }
  return res.total == 0 ? 1 : 0;  // as grep and rg: 1 when nothing matched (docs/query.md)
}

// Other ways to write a URL a person may mean: with or without the trailing slash, http or
// https, /dir/ or /dir/index.html — each canonical, the given one excluded.
static std::vector<std::string> url_forms(const std::string& url) {
  std::vector<std::string> paths;
  const auto scheme_end = url.find("://");
  const std::string rest = url.substr(scheme_end + 3);
  const bool has_path = rest.find('/') != std::string::npos;
  const bool plain = url.find_first_of("?#") == std::string::npos;
  paths.push_back(url);
  if (plain) {
    if (!url.empty() && url.back() == '/') {
      if (has_path && rest.find('/') + 1 != rest.size()) paths.push_back(url.substr(0, url.size() - 1));
      paths.push_back(url + "index.html");
      paths.push_back(url + "index.htm");
    } else {
      for (std::string_view index : {"/index.html", "/index.htm"})
        if (url.size() > index.size() && url.compare(url.size() - index.size(), index.size(), index) == 0)
          paths.push_back(url.substr(0, url.size() - index.size() + 1));
      paths.push_back(url + "/");
    }
  }
  std::vector<std::string> out;
  for (const auto& p : paths) {
    for (const std::string& scheme : {std::string("http"), std::string("https")}) {
      const std::string v = scheme + p.substr(p.find("://"));
      const std::string canon = canonicalize_url(v).value_or(v);
      if (canon != url && std::find(out.begin(), out.end(), canon) == out.end()) out.push_back(canon);
    }
  }
  return out;
}

int run_show(Context& ctx, const Args& args) {
  if (args.positional.size() != 1) throw UsageError(tr("show takes one record id or URL"));
  const std::string& key = args.positional[0];
  auto searcher = open_searcher(ctx);
  auto state = open_state_for_aliases(ctx);
  const std::string url = canonicalize_url(key).value_or(key);
  auto rec = searcher.get(key);
  if (!rec) rec = searcher.get_by_url(key);
  if (!rec && url != key) rec = searcher.get_by_url(url);
  if (!rec && state)  // another URL of the same document: its record is under the URL that holds it
    if (auto owner = state->alias_owner(url)) rec = searcher.get_by_url(owner->url);
  if (!rec && url.find("://") != std::string::npos) {
    // The URL as a person types it: no trailing slash, https for http, index.html or not.
    std::vector<Record> fits;
    for (const auto& v : url_forms(url)) {
      std::optional<Record> r = searcher.get_by_url(v);
      if (!r && state)
        if (auto owner = state->alias_owner(v)) r = searcher.get_by_url(owner->url);
      if (r && std::none_of(fits.begin(), fits.end(), [&](const Record& f) { return f.id == r->id; }))
        fits.push_back(std::move(*r));
    }
    if (fits.size() == 1) rec = std::move(fits[0]);
    if (fits.size() > 1) {
      std::string list;
      for (const auto& f : fits) list += (list.empty() ? "" : ", ") + f.url + " (" + f.id + ")";
      throw Failure(fill(tr("several records fit {1}: did you mean {2}? (senrei show takes one of them)"),
                         {ja::one_line(key), list}));
    }
  }
  if (!rec)
    throw Failure(fill(tr("no record with id or URL {1} (senrei search prints each hit's id; senrei export lists all)"),
                       {ja::one_line(key)}));
  const std::vector<std::string> aliases = state ? state->aliases_of(rec->source, rec->url) : std::vector<std::string>{};
  auto& out = *ctx.out;
  if (args.has("json")) {
    auto j = to_json(*rec);
    j["aliases"] = aliases;
    j["schema"] = kRecordSchemaVersion;
    out << j.dump(2) << "\n";
    return 0;
  }
  const bool c = ctx.color;
  out << bold(c) << rec->title << reset(c) << "\n";
  // The heading words padded to one column whatever the language (display width, not bytes).
  auto head = [](const char* word) { return pad_display(tr(word), 9); };
  // An internationalized host in Unicode for people, the stored (punycode) form beside it.
  auto shown_url = [](const std::string& url) {
    const std::string shown = display_url(url);
    return shown == url ? url : shown + "  (" + url + ")";
  };
  out << head(N_("id:")) << rec->id << "\n"
      << head(N_("kind:")) << code_label(vocabulary::Concept::record_kind, to_string(rec->kind)) << "\n"
      << head(N_("source:")) << rec->source << "\n"
      << head(N_("url:")) << shown_url(rec->url) << "\n";
  for (const auto& a : aliases) out << head(N_("alias:")) << shown_url(a) << "\n";
  if (!rec->as_of.empty()) out << head(N_("as of:")) << rec->as_of << "\n";
  if (!rec->flags.empty()) {
    out << pad_display(tr("flags:"), 8);
    for (const auto& f : rec->flags) {
      out << " " << flag_label(f);
      if (std::string why = flag_explanation(f); !why.empty()) out << " " << why;
    }
    out << "\n";
  }
  if (!rec->fields.empty()) out << "\n" << tr("fields:") << "\n";
  print_fields(out, *rec, "  ", c);
  out << "\n" << tr("text:") << "\n" << rec->text << "\n";
  return 0;
}

int run_export(Context& ctx, const Args& args) {
  if (!args.positional.empty()) throw UsageError(tr("export takes no arguments (use --format and -o)"));
  // The format: --format, else the extension of -o (.csv, .jsonl), else JSON Lines.
  std::string format = args.get("format", "");
  if (args.has("output")) {
    std::string ext = std::filesystem::path(args.get("output")).extension().string();
    std::string from_ext = ext == ".csv" ? "csv" : ext == ".jsonl" ? "jsonl" : "";
    if (!ext.empty() && from_ext.empty())
      throw UsageError(trf("export writes .csv or .jsonl files, not '{1}': use -o FILE.csv or -o FILE.jsonl", {ext}));
    if (!format.empty() && !from_ext.empty() && format != from_ext)
      throw UsageError(trf("--format {1} does not match -o {2} (use .{1})", {format, args.get("output")}));
    if (format.empty()) format = from_ext;
  }
  if (format.empty()) format = "jsonl";
  if (format != "jsonl" && format != "csv") throw UsageError(trf("--format takes jsonl or csv, not '{1}'", {format}));
  auto searcher = open_searcher(ctx);
  std::optional<OutputFile> file;  // whole or not at all (F6)
  std::ostream* out = ctx.out;
  if (args.has("output")) {
    try {
      file.emplace(args.get("output"));
    } catch (const OutputError& e) {
      throw Failure(e.what());
    }
    out = &file->stream();
  }
  const auto& db = searcher.database();
  if (format == "csv") {
    *out << "\xEF\xBB\xBF"  // UTF-8 BOM, so spreadsheet programs read Japanese right
         << "id,source,kind,title,url,as_of,field,value,number,unit,period,payer_type,approximate,state,field_as_of,raw,"
            "provenance_url,provenance_sentence,flags\r\n";
  }
  std::vector<Record> records;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    auto doc = db.get_document(*it);
    records.push_back(index::decode_document_data(doc.get_data()));
  }
  std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
  auto state = format == "jsonl" ? open_state_for_aliases(ctx) : nullptr;
  std::map<std::string, std::map<std::string, std::vector<std::string>>> aliases;  // source → URL → aliases
  for (const auto& r : records) {
    if (format == "jsonl") {
      auto j = to_json(r);
      if (state) {
        auto [by_url, first] = aliases.try_emplace(r.source);
        if (first) by_url->second = state->all_aliases(r.source);
        auto a = by_url->second.find(r.url);
        j["aliases"] = a == by_url->second.end() ? std::vector<std::string>{} : a->second;
      }
      *out << j.dump() << "\n";
      continue;
    }
    auto row = [&](const Field* f) {
      std::string head = csv_cell(r.id) + "," + csv_cell(r.source) + "," + csv_cell(std::string(to_string(r.kind))) +
                         "," + csv_cell(r.title) + "," + csv_cell(r.url) + "," + csv_cell(r.as_of) + ",";
      if (!f) return head + ",,,,,,,,,,,," + csv_cell(join_flags(r.flags)) + "\r\n";
      char num[64] = "";
      if (f->number) std::snprintf(num, sizeof num, "%.15g", *f->number);
      return head + csv_cell(f->name) + "," + csv_cell(display_value(*f)) + "," + num + "," + csv_cell(f->unit) + "," +
             csv_cell(f->period) + "," + csv_cell(f->payer_type) + "," + (f->approximate ? "true" : "false") + "," +
             csv_cell(std::string(to_string(f->state))) + "," + csv_cell(f->as_of) + "," + csv_cell(f->raw) + "," +
             csv_cell(f->provenance.url) + "," + csv_cell(f->provenance.sentence) + "," +
             csv_cell(join_flags(f->flags)) + "\r\n";
    };
    if (r.fields.empty()) *out << row(nullptr);
    for (const auto& f : r.fields) *out << row(&f);
  }
  out->flush();
  if (!file && !*out) throw Failure(tr("writing the export failed (disk full?)"));
  if (file) {
    try {
      file->commit();
    } catch (const OutputError& e) {
      throw Failure(e.what());
    }
  }
  return 0;
}

int run_stats(Context& ctx, const Args& args) {
  if (!args.positional.empty()) throw UsageError(tr("stats takes no arguments"));
  auto ws = Workspace::open_existing(ctx.data_dir());
  std::map<std::string, std::map<std::string, int64_t>> pages;
  std::map<std::string, int64_t> flags;
  std::vector<LastRun> runs;
  std::vector<FlaggedPage> flagged;
  constexpr std::size_t kFlaggedShown = 20;
  std::string state_problem;  // a damaged state does not hide the index's figures (F11)
  if (fs::exists(ws.state_db())) {
    try {
      CrawlState state(ws.state_db(), true);
      pages = state.counts();
      flags = state.flag_counts();
      runs = state.last_runs();
      flagged = state.flagged_pages(kFlaggedShown + 1);
    } catch (const std::exception& e) {
      state_problem = e.what();
      *ctx.err << "senrei: " << state_problem << "\n";
    }
  }
  uint64_t docs = 0;
  std::map<std::string, uint64_t> kinds;
  if (fs::exists(ws.index_dir())) {
    auto searcher = open_searcher(ctx);
    docs = searcher.doc_count();
    const auto& db = searcher.database();
    for (auto t = db.allterms_begin("XK"); t != db.allterms_end("XK"); ++t) kinds[(*t).substr(2)] = t.get_termfreq();
  }
  auto dir_size = [](const fs::path& p) {
    uint64_t n = 0;
    std::error_code ec;
    if (!fs::exists(p, ec)) return n;
    for (auto it = fs::recursive_directory_iterator(p, ec); it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) n += it->file_size(ec);
    return n;
  };
  uint64_t body_bytes = dir_size(ws.bodies_dir()), index_bytes = dir_size(ws.index_dir());
  auto& out = *ctx.out;
  if (args.has("json")) {
    nlohmann::json j;
    j["schema"] = 1;
    j["data_dir"] = ws.dir().string();
    j["pages"] = pages;
    j["flags"] = flags;
    j["last_runs"] = nlohmann::json::array();
    for (const auto& r : runs)
      j["last_runs"].push_back({{"source", r.source}, {"started", r.started}, {"finished", r.finished},
                                {"done", r.done}, {"failed", r.failed}});
    j["flagged_pages"] = nlohmann::json::array();
    for (std::size_t i = 0; i < flagged.size() && i < kFlaggedShown; ++i)
      j["flagged_pages"].push_back({{"source", flagged[i].source}, {"url", flagged[i].url}, {"flags", flagged[i].flags}});
    j["records"] = docs;
    j["records_by_kind"] = kinds;
    j["bodies_bytes"] = body_bytes;
    j["index_bytes"] = index_bytes;
    if (!state_problem.empty()) j["state_error"] = state_problem;
    out << j.dump(2) << "\n";
    return state_problem.empty() ? 0 : 1;
  }
  out << trf("workspace {1}", {ws.dir().string()}) << "\n\n" << tr("pages crawled:") << "\n";
  if (!state_problem.empty())
    out << "  " << tr("unknown: the crawl state cannot be read (see the message above)") << "\n";
  else if (pages.empty())
    out << "  " << tr("none yet — run senrei crawl") << "\n";
  for (const auto& [source, states] : pages) {
    out << "  " << source << ":";
    for (const auto& [state, n] : states) out << "  " << page_state_label(state) << " " << n;
    out << "\n";
  }
  if (!runs.empty()) out << "\n" << tr("last crawl of each source (local time):") << "\n";
  for (const auto& r : runs) {
    char when[32] = "?";
    const std::time_t t = static_cast<std::time_t>(r.finished ? r.finished : r.started);
    std::tm tm{};
    if (::localtime_r(&t, &tm)) std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    out << "  " << r.source << "  " << when << "  "
        << (r.finished ? fill(tr("finished: {1} pages done, {2} failed"), {std::to_string(r.done), std::to_string(r.failed)})
                       : fill(tr("did not finish (interrupted, or running now): {1} pages done, {2} failed; the same "
                                 "senrei crawl resumes it"),
                              {std::to_string(r.done), std::to_string(r.failed)}))
        << "\n";
  }
  out << "\n" << trf("records in the index: {1}", {std::to_string(docs)}) << "\n";
  for (const auto& [kind, n] : kinds) out << "  " << code_label(vocabulary::Concept::record_kind, kind) << " " << n << "\n";
  if (!flags.empty()) {
    out << "\n" << tr("pages flagged:") << "\n";
    for (const auto& [flag, n] : flags) out << "  " << flag_label(flag) << " " << n << "\n";
    for (std::size_t i = 0; i < flagged.size() && i < kFlaggedShown; ++i) {
      std::string list;
      for (const auto& f : flagged[i].flags) list += (list.empty() ? "" : ", ") + flag_label(f) + " (" + flag_explanation(f) + ")";
      out << "  " << flagged[i].url << " — " << list << "\n";
    }
    if (flagged.size() > kFlaggedShown) out << "  " << tr("… more: senrei stats --json, or senrei search and show") << "\n";
  }
  out << "\n"
      << trf("stored bodies: {1} KiB; index: {2} KiB",
             {std::to_string(body_bytes / 1024), std::to_string(index_bytes / 1024)})
      << "\n";
  return state_problem.empty() ? 0 : 1;
}

}  // namespace senrei::cli
