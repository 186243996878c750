#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"

namespace senrei::cli {

int run_sources(Context& ctx, const Args& args) {
  if (args.has("check")) return run_source_check(ctx, args);
  if (!args.positional.empty()) throw UsageError("sources takes no arguments (but --check NAME takes a URL or FILE)");
  auto& host = ctx.plugins();
  auto& out = *ctx.out;
  if (args.has("names")) {  // one name a line, nothing else: for scripts and shell completion
    for (const auto& s : host.sources()) out << s.info.name << "\n";
    return 0;
  }
  if (args.has("json")) {
    nlohmann::json j;
    j["sources"] = nlohmann::json::array();
    for (const auto& s : host.sources())
      j["sources"].push_back({{"name", s.info.name},
                              {"title", s.info.title},
                              {"publisher", s.info.publisher},
                              {"version", s.info.version},
                              {"base_url", s.info.base_url},
                              {"path", s.library.string()}});
    j["refused"] = nlohmann::json::array();
    for (const auto& r : host.refused()) j["refused"].push_back({{"path", r.library.string()}, {"reason", r.reason}});
    out << j.dump(2) << "\n";
    return 0;
  }
  if (host.sources().empty()) {
    *ctx.err << "senrei: no source plugins found; searched:";
    for (const auto& p : PluginHost::default_search_path()) *ctx.err << " " << p.string();
    *ctx.err << " — build senrei (make build) or set SENREI_PLUGIN_PATH\n";
  }
  for (const auto& s : host.sources()) {
    out << s.info.name << "\t" << s.info.title << "\t" << s.info.publisher << "\tversion " << s.info.version
        << "\t" << s.library.string() << "\n";
  }
  for (const auto& r : host.refused()) out << "refused\t" << r.library.string() << "\t" << r.reason << "\n";
  return 0;
}

}  // namespace senrei::cli
