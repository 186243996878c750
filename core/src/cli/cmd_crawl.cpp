#include <sys/statvfs.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/heartbeat.hpp"
#include "cli/network_cause.hpp"
#include "cli/present.hpp"
#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"
#include "crawl/crash_note.hpp"
#include "crawl/crawler.hpp"
#include "crawl/index_sink.hpp"
#include "crawl/mirror_check.hpp"
#include "crawl/http_crawl.hpp"
#include "fetch/mirror_fetcher.hpp"
#include "i18n/i18n.hpp"
#include "index/errors.hpp"
#include "plugin/plugin_door.hpp"
#include "plugin/plugin_worker.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

// What made a page count as missing, as a person reads it (removal_policy.hpp's reasons).
std::string missing_reason_text(const std::string& reason) {
  if (reason == "not_linked") return tr("still served, but no page of the source links to it any more");
  if (reason == "out_of_scope") return tr("outside the source's scope now");
  if (reason.rfind("http_", 0) == 0) return trf("not found (HTTP {1})", {reason.substr(5)});
  return reason;
}

nlohmann::json summary_json(const CrawlSummary& s) {
  nlohmann::json removed_pages = nlohmann::json::array();
  for (size_t i = 0; i < s.removed_urls.size(); ++i)
    removed_pages.push_back({{"url", s.removed_urls[i]}, {"reason", i < s.removed_reasons.size() ? s.removed_reasons[i] : ""}});
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& f : s.failures) failures.push_back({{"url", f.url}, {"reason", f.kind}, {"message", f.message}});
  return {{"source", s.source},         {"resumed", s.resumed},     {"fetched", s.fetched},
          {"not_modified", s.not_modified}, {"unchanged", s.unchanged}, {"new", s.new_pages},
          {"changed", s.changed},       {"removed", s.removed},     {"removed_urls", s.removed_urls},
          {"removed_pages", removed_pages}, {"missing_by_reason", s.missing_by_reason},
          {"unreadable_records", s.unreadable_records},
          {"rebuilt", s.rebuilt},       {"missing", s.missing},     {"missing_share", s.missing_share},
          {"removal_refused", s.removal_refused}, {"interrupted", s.interrupted},
          {"failed", s.failed()},       {"failed_by_reason", s.failed_by_reason},
          {"skipped_by_limit", s.skipped_by_limit},
          {"failures", failures},       {"flagged", s.flagged},       {"records_written", s.records}, {"seconds", s.seconds}};
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// `explained`: failures a ReachReport line already accounts for (cli/network_cause.hpp), not
// listed one by one.
void print_summary(std::ostream& out, const CrawlSummary& s, const std::vector<bool>& explained = {}) {
  using std::to_string;
  out << s.source << ": "
      << fill(s.resumed ? tr("{1} pages in {2} s (resumed an interrupted run)") : tr("{1} pages in {2} s"),
             {to_string(s.fetched + s.not_modified + s.rebuilt), one_decimal(s.seconds)})
      << " — "
      << trf("{1} new, {2} changed, {3} unchanged, {4} not modified, {5} removed, {6} failed; {7} records written",
             {to_string(s.new_pages), to_string(s.changed), to_string(s.unchanged), to_string(s.not_modified),
              to_string(s.removed), to_string(s.failed()), to_string(s.records)})
      << "\n";
  // The first word of each detail line in one column whatever the language.
  auto head = [](const char* word) { return "  " + pad_display(tr(word), 9); };
  if (s.rebuilt > 0)
    out << head(N_("rebuilt"))
        << trf("{1} pages from their stored bodies (the index lacked their records)", {to_string(s.rebuilt)}) << "\n";
  if (!s.unreadable_records.empty())
    out << head(N_("damaged"))
        << trf("{1} records in the index could not be read (e.g. {2}); they were made again from the stored pages "
               "— run `senrei doctor` to check the rest of the index",
               {to_string(s.unreadable_records.size()), s.unreadable_records.front()})
        << "\n";
  for (size_t i = 0; i < s.removed_urls.size(); ++i)
    out << head(N_("removed")) << s.removed_urls[i]
        << (i < s.removed_reasons.size() ? " — " + missing_reason_text(s.removed_reasons[i]) : std::string()) << "\n";
  if (!s.removal_refused && s.missing_first > 0)
    out << head(N_("missing"))
        << trf("{1} pages for the first time: kept; removed when still missing on a run {2} hours or more from now "
               "(or now with --prune)",
               {to_string(s.missing_first), to_string(kRemovalGraceSeconds / 3600)})
        << "\n";
  if (!s.removal_refused && s.missing_waiting > 0)
    out << head(N_("missing"))
        << trf("{1} pages again, first missing less than {2} hours ago: kept for now",
               {to_string(s.missing_waiting), to_string(kRemovalGraceSeconds / 3600)})
        << "\n";
  // Why they count as missing: a page still served but no longer linked is not a 404.
  if (s.missing > 0 && s.missing_by_reason.size() > 0)
    for (const auto& [reason, n] : s.missing_by_reason)
      out << head(N_("missing")) << (n == 1 ? trf("{1} page", {to_string(n)}) : trf("{1} pages", {to_string(n)}))
          << ": " << missing_reason_text(reason) << "\n";
  for (const auto& [reason, n] : s.failed_by_reason) out << head(N_("failed")) << reason << ": " << n << "\n";
  for (const auto& [flag, n] : s.flagged) out << head(N_("flagged")) << flag_label(flag) << ": " << n << "\n";
  for (const auto& [bound, n] : s.skipped_by_limit)
    out << head(N_("skipped")) << trf("{1} links over the {2} limit", {to_string(n), bound}) << "\n";
  size_t shown = 0, listed = 0;
  for (std::size_t i = 0; i < s.failures.size(); ++i) listed += i < explained.size() && explained[i] ? 0 : 1;
  for (std::size_t i = 0; i < s.failures.size(); ++i) {
    if (i < explained.size() && explained[i]) continue;
    const auto& f = s.failures[i];
    if (++shown > 20) {
      out << "  … " << trf("{1} more failures (use --json for all)", {to_string(listed - 20)}) << "\n";
      break;
    }
    out << "  " << f.url << " — " << f.kind << ": " << f.message << "\n";
  }
}

// The last crawl crashed (a fatal signal, noted by CrashNote) while working on a page: name the
// probable cause before anything else.  The crawler of that source skips the page once (only
// after a crash, not a kill) and clears the marker; when that source is not crawled now, the
// marker is cleared here.
void report_crashed_page(Context& ctx, CrawlState& state, int crash_signal,
                         const std::vector<const LoadedSource*>& chosen) {
  auto m = state.in_progress();
  if (crash_signal != 0 && m) {
    state.note_crash_signal(crash_signal);
    const std::string how = std::string("(") + strsignal(crash_signal) + ")";
    if (m->stage == "plugin")
      *ctx.err << "senrei: "
               << trf("the last crawl died inside plugin '{1}' on {2} {3}; that page is skipped once — if it happens "
                      "again, leave the source out with --skip-source {1}",
                      {m->source, m->url, how})
               << "\n";
    else
      *ctx.err << "senrei: "
               << trf("the last crawl died while extracting {1} for source '{2}' {3}; that page is skipped once — "
                      "please report it with the page attached",
                      {m->url, m->source, how})
               << "\n";
  } else if (crash_signal != 0) {
    *ctx.err << "senrei: "
             << trf("the last crawl died ({1}) outside any page; what it had committed is kept — please report it",
                    {strsignal(crash_signal)})
             << "\n";
  }
  if (!m) return;
  bool crawled_now = std::any_of(chosen.begin(), chosen.end(),
                                 [&](const LoadedSource* s) { return s->info.name == m->source; });
  if (!crawled_now) state.clear_in_progress();
}

// True when an error is the disk being full: the OS or SQLite says so, or the data directory's
// file system has (next to) no room left, whatever layer noticed first.
bool disk_full(const fs::path& dir, const std::string& message) {
  if (message.find(std::strerror(ENOSPC)) != std::string::npos ||
      message.find("database or disk is full") != std::string::npos)
    return true;
  struct statvfs st{};
  return ::statvfs(dir.c_str(), &st) == 0 && static_cast<uint64_t>(st.f_bavail) * st.f_frsize < (1u << 20);
}

// The real-site URL a mirror's root stands for: the source's site, or for a source without one
// (files) the folder itself.
std::string mirror_base(const LoadedSource& s, const fs::path& mirror_dir) {
  std::string base = s.info.base_url;
  if (base.empty()) base = "file://" + fs::absolute(mirror_dir).lexically_normal().string();
  if (base.back() != '/') base += '/';
  return base;
}

// Ctrl-C (SIGINT) or SIGTERM: the first asks the crawl to stop after committing what is done;
// a second ends the process at once (what was committed stays, as after a kill).
std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) {
  if (g_stop.exchange(true)) std::_Exit(130);
}

class StopSignals {
 public:
  StopSignals() {
    g_stop = false;
    struct sigaction sa{};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, &old_int_);
    ::sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_{}, old_term_{};
};

}  // namespace

// A function-try-block: a full disk, noticed by whichever store hit it (bodies, SQLite, Xapian),
// becomes one line saying so and what to do.  What was committed before stays readable.
int run_crawl(Context& ctx, const Args& args) try {
  auto& host = ctx.plugins();
  std::vector<const LoadedSource*> chosen;
  for (const auto& name : args.positional) {
    const auto* s = host.find(name);
    if (!s) {
      std::string known;
      for (const auto& l : host.sources()) known += (known.empty() ? "" : ", ") + l.info.name;
      throw UsageError(trf("no source named '{1}' (known: {2}; see senrei sources)", {name, known.empty() ? tr("none") : known}));
    }
    chosen.push_back(s);
  }
  const bool mirror = args.has("mirror");
  if (chosen.empty()) {
    if (mirror) throw UsageError(tr("--mirror reads one source's mirror: name the source (e.g. senrei crawl files --mirror DIR)"));
    for (const auto& s : host.sources())
      if (!s.info.base_url.empty()) chosen.push_back(&s);
  }
  std::vector<std::string> skip = args.all("skip-source");
  std::erase_if(chosen, [&](const LoadedSource* s) {
    return std::find(skip.begin(), skip.end(), s->info.name) != skip.end();
  });
  if (mirror && chosen.size() > 1) throw UsageError(tr("--mirror reads one source's mirror: name exactly one source"));
  if (chosen.empty() && !skip.empty()) {
    *ctx.err << "senrei: " << tr("nothing to crawl: every source was left out with --skip-source") << "\n";
    return 0;
  }

  fs::path mirror_dir;
  if (mirror) {
    mirror_dir = args.get("mirror");
    std::error_code ec;
    if (!fs::is_directory(mirror_dir, ec))
      throw UsageError(trf("--mirror {1} is not a directory", {mirror_dir.string()}));
    for (const char* http_only : {"base-url", "delay", "connections", "contact", "allow-private"})
      if (args.has(http_only))
        throw UsageError(trf("--{1} is for crawling over HTTP; --mirror reads files", {http_only}));
    // A wrong folder is refused before anything is written (crawl/mirror_check.hpp).
    if (chosen.size() == 1) {
      MirrorFetcher probe(mirror_dir, mirror_base(*chosen.front(), mirror_dir));
      if (std::string problem = mirror_root_problem(*chosen.front()->source, chosen.front()->info, mirror_dir, probe);
          !problem.empty())
        throw UsageError(problem);
    }
  }
  if (args.has("base-url") && chosen.size() != 1)
    throw UsageError(tr("--base-url stands in for one source's site: name exactly one source"));
  HttpCrawlSettings http;
  if (!mirror) {
    for (const auto* s : chosen)
      if (s->info.base_url.empty())
        throw UsageError(trf("source '{1}' has no web site to crawl; read its files with --mirror DIR", {s->info.name}));
    http.base_url_override = args.get("base-url");
    http.allow_private = args.has("allow-private");
    http.connections_per_host = static_cast<int>(args.get_int("connections", 1, 1, 16));
    const char* env_contact = std::getenv("SENREI_CONTACT");
    http.contact = args.get("contact", env_contact ? env_contact : "");
    if (args.has("delay")) {
      std::string v = args.get("delay");
      size_t used = 0;
      double d = -1;
      try {
        d = std::stod(v, &used);
      } catch (const std::exception&) {
      }
      if (used != v.size() || !(d >= 0 && d <= 3600))
        throw UsageError(trf("--delay takes seconds from 0 to 3600, e.g. 0.5, not '{1}'", {v}));
      http.delay_seconds = d;
    }
  }
  CrawlOptions options;
  options.batch_pages = static_cast<size_t>(args.get_int("commit-pages", 200, 1, 1000000));
  options.batch_seconds = static_cast<double>(args.get_int("commit-seconds", 2, 1, 3600));
  options.plugin_time_limit_seconds = static_cast<double>(args.get_int("plugin-timeout", 30, 0, 86400));
  options.max_pages = static_cast<int>(args.get_int("max-pages", 0, 1, 100000000));
  options.max_depth = static_cast<int>(args.get_int("max-depth", 0, 1, 1000));
  options.max_pages_per_host = static_cast<int>(args.get_int("max-pages-per-host", 0, 1, 100000000));
  options.max_query_variants = static_cast<int>(args.get_int("max-query-variants", 0, 1, 100000000));
  options.prune = args.has("prune");
  StopSignals stop_signals;
  options.stop = &g_stop;

  auto ws = Workspace::create(ctx.data_dir());
  std::string what = "senrei crawl";
  for (const auto* s : chosen) what += " " + s->info.name;
  ws.lock_for_writing(what);
  CrawlState state(ws.state_db());
  BodyStore bodies(ws.bodies_dir());
  IndexSink sink(ws.index_dir());

  nlohmann::json all = nlohmann::json::array();
  int status = 0;
  CrashNote crash_note(ws.dir() / "crash-signal");
  report_crashed_page(ctx, state, crash_note.previous_signal(), chosen);
  for (const auto* s : chosen) {
    std::unique_ptr<Fetcher> fetcher;
    ReachReport reach;  // hosts that could not be reached, one line each (cli/network_cause.hpp)
    if (mirror) {
      fetcher = std::make_unique<MirrorFetcher>(mirror_dir, mirror_base(*s, mirror_dir));
    } else {
      // The fetcher's notes (a capped Crawl-delay, robots.txt unreachable) go to stderr, each
      // on its own line even while the progress line is drawn.
      http.log = [&ctx, s, &reach](const std::string& message) {
        if (reach.take_note(message)) return;  // said once per host after the run
        if (ctx.progress) *ctx.err << "\r\033[K";
        *ctx.err << "senrei: " << s->info.name << ": " << message << "\n" << std::flush;
      };
      http.plugin_time_limit_seconds = options.plugin_time_limit_seconds;
      try {
        fetcher = make_http_fetcher(*s->source, s->info, http);
      } catch (const BadCrawlSetting& e) {
        throw UsageError(e.what());
      } catch (const PluginFailure& e) {
        *ctx.err << "senrei: " << s->info.name << ": " << e.what() << "\n";
        status = 1;
        continue;
      }
    }
    Crawler crawler(state, bodies, sink);
    Heartbeat heartbeat;
    if (ctx.progress && !args.has("json")) {
      crawler.on_progress([&](const CrawlProgress& p) {
        double rate = p.seconds > 0 ? p.done / p.seconds : 0;
        *ctx.err << "\r" << s->info.name << ": "
                 << trf("{1} done, {2} queued, {3} pages/s, {4} errors",
                        {std::to_string(p.done), std::to_string(p.queued), one_decimal(rate), std::to_string(p.errors)})
                 << "   " << std::flush;
      });
    } else if (!ctx.progress) {
      // Not a terminal (a pipe, a log): one plain line every 10 s (cli/heartbeat.hpp).
      crawler.on_progress([&](const CrawlProgress& p) { heartbeat.tell(*ctx.err, s->info.name, p); });
    }
    CrawlSummary summary;
    try {
      summary = crawler.run(*s->source, *fetcher, options);
    } catch (const PluginFailure& e) {
      // Its info(), seeds(), policy() or scope failed or did not answer before the run began:
      // nothing of this source was changed; the other sources still run (F5).
      if (ctx.progress) *ctx.err << "\r\033[K";
      *ctx.err << "senrei: " << s->info.name << ": " << e.what() << "\n";
      status = 1;
      continue;
    }
    if (ctx.progress && !args.has("json")) *ctx.err << "\r\033[K" << std::flush;
    std::vector<bool> explained;
    for (const auto& f : summary.failures) explained.push_back(reach.explains(f));
    if (args.has("json"))
      all.push_back(summary_json(summary));
    else
      print_summary(*ctx.out, summary, explained);
    for (const auto& line : reach.lines(s->info.name)) *ctx.err << "senrei: " << line << "\n";
    const bool unreachable = !reach.lines(s->info.name).empty();
    // Exit 1 when a plugin failed, or when nothing at all could be fetched (the site down, the
    // base URL wrong, robots.txt unavailable); a few failed pages are reported, not fatal.
    for (const auto& f : summary.failures)
      if (f.cause != FailureCause::page) status = 1;
    if (summary.removal_refused) {
      status = 1;
      char share[16], limit[16];
      std::snprintf(share, sizeof share, "%.0f", summary.missing_share * 100);
      std::snprintf(limit, sizeof limit, "%g", kMaxRemovalShare * 100);
      *ctx.err << "senrei: " << s->info.name << ": "
               << trf("{1} of {2} pages ({3} %) are missing in this run — more than {4} % at once looks like a wrong "
                      "--mirror folder or a site fault, so none was removed; check the folder or the site, or run "
                      "again with --prune to remove them",
                      {std::to_string(summary.missing), std::to_string(summary.pages_before), share, limit})
               << "\n";
    }
    if (summary.interrupted) {
      *ctx.err << "senrei: " << tr("interrupted: what was done is committed; run the same command to go on from there")
               << "\n";
      status = 130;
      break;
    }
    if (summary.failed() > 0 && summary.fetched + summary.not_modified + summary.rebuilt == 0) {
      status = 1;
      if (!args.has("json") && !unreachable)
        *ctx.err << "senrei: " << s->info.name << ": "
                 << trf("nothing could be fetched ({1})",
                        {summary.failures.front().kind + ": " + summary.failures.front().message})
                 << "\n";
    }
  }
  if (args.has("json")) *ctx.out << nlohmann::json{{"schema", 1}, {"runs", all}}.dump(2) << "\n";
  if (abandoned_plugin_calls() > 0) {
    // A plugin thread never returned and still runs inside the plugin: everything is committed,
    // so end here rather than destroy the plugin (and the workspace) under it.
    ctx.out->flush();
    ctx.err->flush();
    std::_Exit(status);
  }
  return status;
} catch (const UsageError&) {
  throw;
} catch (const std::exception& e) {
  const fs::path dir = ctx.data_dir();
  if (!disk_full(dir, e.what())) throw;
  std::string what = e.what();  // a full disk, not a damaged index: the doctor advice does not apply
  if (auto at = what.find(index::repair_advice()); at != std::string::npos) what.erase(at, std::strlen(index::repair_advice()));
  throw std::runtime_error(what + " — " +
                           trf("the disk holding {1} is full: free some space there (or point --data at a larger "
                               "disk) and crawl again; what was committed before is kept",
                               {dir.string()}));
}

}  // namespace senrei::cli
