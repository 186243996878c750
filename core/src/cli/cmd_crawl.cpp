#include <unistd.h>

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
          {"failures", failures},       {"records_written", s.records}, {"seconds", s.seconds}};
}

void print_summary(std::ostream& out, const CrawlSummary& s) {
  out << s.source << ": " << (s.fetched + s.not_modified) << " pages in " << std::fixed << std::setprecision(1)
      << s.seconds << " s" << (s.resumed ? " (resumed an interrupted run)" : "") << " — " << s.new_pages << " new, "
      << s.changed << " changed, " << s.unchanged << " unchanged, " << s.not_modified << " not modified, "
      << s.removed << " removed, " << s.failed() << " failed; " << s.records << " records written\n";
  for (const auto& u : s.removed_urls) out << "  removed  " << u << "\n";
  for (const auto& [reason, n] : s.failed_by_reason) out << "  failed   " << reason << ": " << n << "\n";
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
  }
  CrawlOptions options;
  options.max_pages = static_cast<int>(args.get_int("max-pages", 0, 0, 100000000));
  options.max_depth = static_cast<int>(args.get_int("max-depth", 0, 0, 1000));

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
      HttpCrawlSettings http;
      http.base_url_override = args.get("base-url");
      http.allow_private = args.has("allow-private");
      if (args.has("delay")) {
        try {
          http.delay_seconds = std::stod(args.get("delay"));
        } catch (const std::exception&) {
          throw UsageError("--delay takes seconds, e.g. 0.5, not '" + args.get("delay") + "'");
        }
      }
      fetcher = make_http_fetcher(*s->source, s->info, http);
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
    for (const auto& f : summary.failures)
      if (f.kind == "plugin") status = 1;
  }
  if (args.has("json")) *ctx.out << nlohmann::json{{"schema", 1}, {"runs", all}}.dump(2) << "\n";
  return status;
}

}  // namespace senrei::cli
