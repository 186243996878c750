// cli/commands.hpp — the commands of `senrei`, each a thin function over the libraries.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "plugin/plugin_host.hpp"

namespace senrei::cli {

struct Context {
  std::string data_flag;  // --data as given (may be empty)
  bool color = false;     // colour on stdout
  bool progress = false;  // progress lines on stderr (a terminal)
  std::ostream* out;
  std::ostream* err;

  std::filesystem::path data_dir() const;
  // Loads the plugins once (search path + the workspace's sources/ folder).
  PluginHost& plugins();

 private:
  std::unique_ptr<PluginHost> plugins_;
};

struct Command {
  std::string_view name;
  std::string_view usage;    // "QUERY"
  std::string_view summary;  // one line
  std::vector<OptionSpec> options;
  int (*run)(Context&, const Args&);
};

const std::vector<Command>& commands();

int run_sources(Context&, const Args&);
int run_crawl(Context&, const Args&);
int run_search(Context&, const Args&);
int run_show(Context&, const Args&);
int run_export(Context&, const Args&);
int run_stats(Context&, const Args&);
int run_check_url(Context&, const Args&);
int run_source_check(Context&, const Args&);  // sources --check
int run_plugin(Context&, const Args&);
int run_compare(Context&, const Args&);
int run_reindex(Context&, const Args&);
int run_doctor(Context&, const Args&);

}  // namespace senrei::cli
