// `senrei reindex [SOURCE...]`: the index is derived data, rebuilt here from the stored bodies
// and the crawl state without fetching anything (crawl/crawler.hpp, CrawlOptions::offline).
//
// Without SOURCE the whole index is built anew in DIR/index.rebuild and then put in place of
// DIR/index (rename), so a damaged index, one of another schema or MeCab dictionary, and index
// documents no page of the state made all go; searches running meanwhile keep reading the old
// one.  With SOURCE, that source's records are replaced in the existing index.  A page whose
// body is missing or damaged cannot be rebuilt: it is named, and `senrei crawl SOURCE` fetches it
// again.
#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/heartbeat.hpp"
#include "i18n/i18n.hpp"
#include "cli/reindex.hpp"
#include "crawl/crawler.hpp"
#include "crawl/index_sink.hpp"
#include "fetch/fetcher.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

// A reindex fetches nothing: every page is answered from the body store by the crawler.
class NoFetcher : public Fetcher {
 public:
  void submit(FetchRequest) override {}
  std::vector<FetchResponse> poll(std::chrono::milliseconds) override { return {}; }
  size_t pending() const override { return 0; }
};

int reindex_into(Context& ctx, CrawlState& state, BodyStore& bodies, RecordSink& sink,
                 const std::vector<const LoadedSource*>& sources, bool drop_first) {
  int status = 0;
  for (const auto* s : sources) {
    if (drop_first)
      if (auto ids = sink.present_ids(s->info.name))
        for (const auto& id : *ids) sink.remove(id);
    NoFetcher none;
    CrawlOptions options;
    options.offline = true;
    Crawler crawler(state, bodies, sink);
    Heartbeat heartbeat;  // one line every 10 s when stderr is not a terminal (cli/heartbeat.hpp)
    if (!ctx.progress)
      crawler.on_progress([&](const CrawlProgress& p) { heartbeat.tell(*ctx.err, s->info.name, p); });
    CrawlSummary summary = crawler.run(*s->source, none, options);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", summary.seconds);
    *ctx.out << s->info.name << ": "
             << trf("{1} pages extracted again from their stored bodies, {2} records written, {3} failed ({4} s)",
                    {std::to_string(summary.rebuilt), std::to_string(summary.records),
                     std::to_string(summary.failed()), seconds})
             << "\n";
    size_t shown = 0;
    for (const auto& f : summary.failures) {
      if (++shown > 20) {
        *ctx.out << "  … " << trf("{1} more", {std::to_string(summary.failures.size() - 20)}) << "\n";
        break;
      }
      *ctx.out << "  " << f.url << " — " << f.kind << ": " << f.message << "\n";
    }
    if (summary.failed() > 0) status = 1;
  }
  return status;
}

}  // namespace

std::vector<const LoadedSource*> stored_sources(Context& ctx, CrawlState& state, const std::vector<std::string>& names) {
  auto& host = ctx.plugins();
  std::vector<const LoadedSource*> chosen;
  if (!names.empty()) {
    for (const auto& name : names) {
      const auto* s = host.find(name);
      if (!s) throw UsageError(trf("no source named '{1}' (see senrei sources)", {name}));
      chosen.push_back(s);
    }
    return chosen;
  }
  for (const auto& [name, states] : state.counts()) {
    if (const auto* s = host.find(name))
      chosen.push_back(s);
    else
      *ctx.err << "senrei: "
               << trf("source '{1}' has pages in the crawl state but no plugin is loaded for it: its records are "
                      "left out of the rebuilt index (see senrei sources)",
                      {name})
               << "\n";
  }
  return chosen;
}

int reindex_workspace(Context& ctx, Workspace& ws, const std::vector<std::string>& names) {
  if (!fs::exists(ws.state_db()))
    throw Failure(trf("nothing is stored in {1} yet — run `senrei crawl` first", {ws.dir().string()}));
  CrawlState state(ws.state_db());
  BodyStore bodies(ws.bodies_dir());
  auto chosen = stored_sources(ctx, state, names);
  if (!names.empty()) {  // in place: that source's records replaced
    IndexSink sink(ws.index_dir());
    return reindex_into(ctx, state, bodies, sink, chosen, true);
  }
  const fs::path fresh = ws.dir() / "index.rebuild";
  const fs::path old = ws.dir() / ("index.old-" + std::to_string(::getpid()));
  fs::remove_all(fresh);
  int status;
  {
    IndexSink sink(fresh);
    status = reindex_into(ctx, state, bodies, sink, chosen, false);
    sink.commit();
  }
  std::error_code ec;
  if (fs::exists(ws.index_dir(), ec)) fs::rename(ws.index_dir(), old);
  fs::rename(fresh, ws.index_dir());
  fs::remove_all(old, ec);
  return status;
}

int run_reindex(Context& ctx, const Args& args) {
  auto ws = Workspace::open_existing(ctx.data_dir());
  std::string what = "senrei reindex";
  for (const auto& n : args.positional) what += " " + n;
  ws.lock_for_writing(what);
  return reindex_workspace(ctx, ws, args.positional);
}

}  // namespace senrei::cli
