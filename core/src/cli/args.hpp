// cli/args.hpp — one option of the command line, and parsing argv against a list of them.
//
// Every option is declared once, in an OptionSpec of the command table (cli/commands.cpp):
// parsing, --help, the manual page senrei(1) and the shell completions (cli/manual.hpp) are
// all made from that table, so they cannot disagree.  An option with `choices` accepts only
// those values (and the completions offer them).  Errors are UsageError (exit status 2) with a
// one-line message that names the nearest option or value ("did you mean --limit?").  An
// argument that starts with '-' followed by a non-ASCII character or holding a space (a query
// such as "-東京 会費") is an operand, never an option; nothing echoed is cut inside a character.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace senrei::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// A failure that is not the user's syntax (exit status 1).
class Failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a shell completes for an option's value or a command's operands.
enum class Complete { none, file, dir, source, query };

struct OptionSpec {
  std::string_view name;        // long name without dashes: "data"
  char short_name = 0;          // 'n', or 0
  std::string_view value_name;  // "DIR"; empty for a flag
  std::string_view help;
  bool repeatable = false;
  std::string_view choices = {};  // the values accepted, separated by spaces; empty: any
  Complete complete = Complete::none;
};

// The words of an option's `choices`.
std::vector<std::string_view> choices_of(const OptionSpec& option);

struct Args {
  std::map<std::string, std::vector<std::string>> values;  // option → values (flags: {"1"})
  std::vector<std::string> positional;

  bool has(const std::string& name) const { return values.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = {}) const;
  const std::vector<std::string>& all(const std::string& name) const;
  long get_int(const std::string& name, long fallback, long min, long max) const;
};

// Parses argv against `options`; `--` ends options.  `context` names where the options were
// looked for in messages ("search", or empty for senrei's own).
Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& options,
                std::string_view context = {});
std::string format_options(const std::vector<OptionSpec>& options);

// The start of an argument as a message may echo it: at most `max_chars` characters, never
// cut inside a UTF-8 sequence, control characters made visible.
std::string echo_argument(std::string_view arg, std::size_t max_chars = 40);

}  // namespace senrei::cli
