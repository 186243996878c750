// cli/install_paths.hpp — where this senrei's documentation and sample files are, so that
// every hint and error names a path that exists on this machine.
//
// Messages are written with repository paths ("docs/plan.md", "corpus/sample/plan-example.toml")
// wherever they are made; with_installed_paths() rewrites each such path, when the message is
// printed, to the file an installed binary (<prefix>/bin/senrei) can see:
// <prefix>/share/doc/senrei/plan.md and <prefix>/share/senrei/sample/….  A binary in its build
// tree leaves them as written (they are the repository's paths there), and so is a path whose
// installed file does not exist.  Thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace senrei::cli {

// <prefix>/share/doc/senrei/NAME of an installed binary, or empty.
std::filesystem::path doc_file(std::string_view name);
// <prefix>/share/senrei/sample of an installed binary, or empty.
std::filesystem::path sample_dir();
// `text` with each docs/NAME.md and corpus/sample/… replaced by its path here.
std::string with_installed_paths(std::string_view text);

}  // namespace senrei::cli
