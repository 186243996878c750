// cli/commands.hpp — the commands of `senrei`, each a thin function over the libraries.
//
// commands() is the one table of commands and their options, global_options() the options
// every command takes (before or after the command's name: `senrei search 会費 --data WS`).
// Parsing (cli/command_line.hpp), --help, the manual page and the completions
// (cli/manual.hpp) are made from these two tables and nothing else.
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
  std::string lang;       // --lang as given (may be empty)
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
  Complete operands = Complete::none;  // what a shell completes for the command's operands
};

const std::vector<Command>& commands();
// --data, --color, --lang, --help, --version: accepted anywhere before `--`.
const std::vector<OptionSpec>& global_options();
// The command named `name`, or nullptr.
const Command* find_command(std::string_view name);

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
int run_help(Context&, const Args&);        // cli/manual.cpp
int run_completion(Context&, const Args&);  // cli/manual.cpp

}  // namespace senrei::cli
