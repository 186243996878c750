// cli/command_line.hpp — argv → the command to run, its Args and the global options.
//
// Global options (global_options(): --data, --color, --lang, --help/-h, --version/-V) are
// accepted before the command and anywhere after it up to `--`, as git and ripgrep take theirs:
// `senrei --data WS search 会費` ≡ `senrei search 会費 --data WS`.  Their values are also left in
// the command's Args, so a command reads `--lang` like its own options.  A mistyped command or
// option is a UsageError naming the nearest one ("unknown command 'serch': did you mean
// search?").  No command (only global options) leaves `command` null.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace senrei::cli {

struct CommandLine {
  const Command* command = nullptr;
  Args args;                  // the command's options and operands, global options included
  std::string data;           // --data
  std::string color = "auto"; // --color
  std::string lang;           // --lang
  bool help = false;          // -h/--help anywhere before `--`
  bool version = false;       // -V/--version
};

CommandLine parse_command_line(const std::vector<std::string>& argv);

}  // namespace senrei::cli
