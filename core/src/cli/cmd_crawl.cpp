#include <unistd.h>

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "crawl/crawler.hpp"
#include "crawl/index_sink.hpp"
#include "crawl/http_crawl.hpp"
#include "fetch/mirror_fetcher.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

nlohmann::json summary_json(const CrawlSummary& s) {
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& f : s.failures) failures.push_back({{"url", f.url}, {"reason", f.kind}, {"message", f.message}});
  return {{"source", s.source},         {"resumed", s.resumed},     {"fetched", s.fetched},
          {"not_modified", s.not_modified}, {"unchanged", s.unchanged}, {"new", s.new_pages},
          {"changed", s.changed},       {"removed", s.removed},     {"removed_urls", s.removed_urls},
          {"failed", s.failed()},       {"failed_by_reason", s.failed_by_reason},
          {"skipped_by_limit", s.skipped_by_limit},
          {"failures", failures},       {"records_written", s.records}, {"seconds", s.seconds}};
}

void print_summary(std::ostream& out, const CrawlSummary& s) {
  out << s.source << ": " << (s.fetched + s.not_modified) << " pages in " << std::fixed << std::setprecision(1)
      << s.seconds << " s" << (s.resumed ? " (resumed an interrupted run)" : "") << " — " << s.new_pages << " new, "
      << s.changed << " changed, " << s.unchanged << " unchanged, " << s.not_modified << " not modified, "
      << s.removed << " removed, " << s.failed() << " failed; " << s.records << " records written\n";
  for (const auto& u : s.removed_urls) out << "  removed  " << u << "\n";
  for (const auto& [reason, n] : s.failed_by_reason) out << "  failed   " << reason << ": " << n << "\n";
  for (const auto& [bound, n] : s.skipped_by_limit)
    out << "  skipped  " << n << " links over the " << bound << " limit\n";
  size_t shown = 0;
  for (const auto& f : s.failures) {
    if (++shown > 20) {
      out << "  … " << (s.failures.size() - 20) << " more failures (use --json for all)\n";
      break;
    }
    out << "  " << f.url << " — " << f.kind << ": " << f.message << "\n";
  }
}

}  // namespace

int run_crawl(Context& ctx, const Args& args) {
  auto& host = ctx.plugins();
  std::vector<const LoadedSource*> chosen;
  for (const auto& name : args.positional) {
    const auto* s = host.find(name);
    if (!s) {
      std::string known;
      for (const auto& l : host.sources()) known += (known.empty() ? "" : ", ") + l.info.name;
      throw UsageError("no source named '" + name + "' (known: " + (known.empty() ? "none" : known) +
                       "; see senrei sources)");
    }
    chosen.push_back(s);
  }
  const bool mirror = args.has("mirror");
  if (chosen.empty()) {
    if (mirror) throw UsageError("--mirror reads one source's mirror: name the source (e.g. senrei crawl files --mirror DIR)");
    for (const auto& s : host.sources())
      if (!s.info.base_url.empty()) chosen.push_back(&s);
  }
  if (mirror && chosen.size() != 1) throw UsageError("--mirror reads one source's mirror: name exactly one source");
  std::vector<std::string> skip = args.all("skip-source");
  std::erase_if(chosen, [&](const LoadedSource* s) {
    return std::find(skip.begin(), skip.end(), s->info.name) != skip.end();
  });

  fs::path mirror_dir;
  if (mirror) {
    mirror_dir = args.get("mirror");
    std::error_code ec;
    if (!fs::is_directory(mirror_dir, ec))
      throw UsageError("--mirror " + mirror_dir.string() + " is not a directory");
    for (const char* http_only : {"base-url", "delay", "connections", "contact", "allow-private"})
      if (args.has(http_only))
        throw UsageError(std::string("--") + http_only + " is for crawling over HTTP; --mirror reads files");
  }
  if (args.has("base-url") && chosen.size() != 1)
    throw UsageError("--base-url stands in for one source's site: name exactly one source");
  HttpCrawlSettings http;
  if (!mirror) {
    for (const auto* s : chosen)
      if (s->info.base_url.empty())
        throw UsageError("source '" + s->info.name + "' has no web site to crawl; read its files with --mirror DIR");
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
        throw UsageError("--delay takes seconds from 0 to 3600, e.g. 0.5, not '" + v + "'");
      http.delay_seconds = d;
    }
  }
  CrawlOptions options;
  options.max_pages = static_cast<int>(args.get_int("max-pages", 0, 1, 100000000));
  options.max_depth = static_cast<int>(args.get_int("max-depth", 0, 1, 1000));
  options.max_pages_per_host = static_cast<int>(args.get_int("max-pages-per-host", 0, 1, 100000000));
  options.max_query_variants = static_cast<int>(args.get_int("max-query-variants", 0, 1, 100000000));

  auto ws = Workspace::create(ctx.data_dir());
  std::string what = "senrei crawl";
  for (const auto* s : chosen) what += " " + s->info.name;
  ws.lock_for_writing(what);
  CrawlState state(ws.state_db());
  BodyStore bodies(ws.bodies_dir());
  IndexSink sink(ws.index_dir());

  nlohmann::json all = nlohmann::json::array();
  int status = 0;
  for (const auto* s : chosen) {
    std::unique_ptr<Fetcher> fetcher;
    if (mirror) {
      std::string base = s->info.base_url;
      if (base.empty()) base = "file://" + fs::absolute(mirror_dir).lexically_normal().string();
      if (base.back() != '/') base += '/';
      fetcher = std::make_unique<MirrorFetcher>(mirror_dir, base);
    } else {
      // The fetcher's notes (a capped Crawl-delay, robots.txt unreachable) go to stderr, each
      // on its own line even while the progress line is drawn.
      http.log = [&ctx, s](const std::string& message) {
        if (ctx.progress) *ctx.err << "\r\033[K";
        *ctx.err << "senrei: " << s->info.name << ": " << message << "\n" << std::flush;
      };
      try {
        fetcher = make_http_fetcher(*s->source, s->info, http);
      } catch (const BadCrawlSetting& e) {
        throw UsageError(e.what());
      }
    }
    Crawler crawler(state, bodies, sink);
    if (ctx.progress && !args.has("json")) {
      crawler.on_progress([&](const CrawlProgress& p) {
        double rate = p.seconds > 0 ? p.done / p.seconds : 0;
        *ctx.err << "\r" << s->info.name << ": " << p.done << " done, " << p.queued << " queued, " << std::fixed
                 << std::setprecision(1) << rate << " pages/s, " << p.errors << " errors   " << std::flush;
      });
    }
    CrawlSummary summary = crawler.run(*s->source, *fetcher, options);
    if (ctx.progress && !args.has("json")) *ctx.err << "\r\033[K" << std::flush;
    if (args.has("json"))
      all.push_back(summary_json(summary));
    else
      print_summary(*ctx.out, summary);
    // Exit 1 when a plugin failed, or when nothing at all could be fetched (the site down, the
    // base URL wrong, robots.txt unavailable); a few failed pages are reported, not fatal.
    for (const auto& f : summary.failures)
      if (f.kind == "plugin") status = 1;
    if (summary.failed() > 0 && summary.fetched + summary.not_modified == 0) {
      status = 1;
      if (!args.has("json"))
        *ctx.err << "senrei: " << s->info.name << ": nothing could be fetched ("
                 << summary.failures.front().kind << ": " << summary.failures.front().message << ")\n";
    }
  }
  if (args.has("json")) *ctx.out << nlohmann::json{{"schema", 1}, {"runs", all}}.dump(2) << "\n";
  return status;
}

}  // namespace senrei::cli
