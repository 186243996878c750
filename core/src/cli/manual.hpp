// cli/manual.hpp — --help, the manual page senrei(1) and the bash/zsh completions, all made
// from the command table (cli/commands.hpp), so they cannot disagree with what is parsed.
//
// The manual page and the completion scripts are generated at build time (`senrei help --man`,
// `senrei completion bash|zsh`) and installed by `cmake --install` into share/man/man1,
// share/bash-completion/completions and share/zsh/site-functions.  The completions offer the
// commands, every option, the choices of an option, the source names (asked of
// `senrei sources --names` when completing), files and folders, and the values of the query
// filters kind: form: fund: product: (from senrei/vocabulary.hpp).
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "cli/commands.hpp"

namespace senrei::cli {

void print_help(std::ostream& out);
void print_command_help(std::ostream& out, const Command& command);
// senrei(1) in roff (man(7) macros).
std::string manual_page();
// The completion script for "bash" or "zsh"; throws UsageError for another shell.
std::string completion_script(std::string_view shell);

}  // namespace senrei::cli
