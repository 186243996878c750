#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "i18n/i18n.hpp"

namespace senrei::cli {

int run_sources(Context& ctx, const Args& args) {
  if (args.has("check")) return run_source_check(ctx, args);
  if (!args.positional.empty()) throw UsageError(tr("sources takes no arguments (but --check NAME takes a URL or FILE)"));
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
    std::string searched;
    for (const auto& p : PluginHost::default_search_path()) searched += " " + p.string();
    *ctx.err << "senrei: "
             << trf("no source plugins found; searched:{1} — build senrei (make build) or set SENREI_PLUGIN_PATH",
                    {searched})
             << "\n";
  }
  for (const auto& s : host.sources()) {
    out << s.info.name << "\t" << s.info.title << "\t" << s.info.publisher << "\t" << trf("version {1}", {s.info.version})
        << "\t" << s.library.string() << "\n";
  }
  for (const auto& r : host.refused()) out << tr("refused") << "\t" << r.library.string() << "\t" << r.reason << "\n";
  return 0;
}

}  // namespace senrei::cli
