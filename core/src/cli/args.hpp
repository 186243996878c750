// cli/args.hpp — the command line's one table of options.
//
// Every option is declared once, in a CommandSpec; parsing, --help text and docs come from
// that table.  Errors are UsageError (exit status 2) with a one-line message.
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

struct OptionSpec {
  std::string_view name;        // long name without dashes: "data"
  char short_name = 0;          // 'n', or 0
  std::string_view value_name;  // "DIR"; empty for a flag
  std::string_view help;
  bool repeatable = false;
};

struct Args {
  std::map<std::string, std::vector<std::string>> values;  // option → values (flags: {"1"})
  std::vector<std::string> positional;

  bool has(const std::string& name) const { return values.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = {}) const;
  const std::vector<std::string>& all(const std::string& name) const;
  long get_int(const std::string& name, long fallback, long min, long max) const;
};

// Parses argv[first..] against `options`; `--` ends options.
Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& options);
std::string format_options(const std::vector<OptionSpec>& options);

}  // namespace senrei::cli
