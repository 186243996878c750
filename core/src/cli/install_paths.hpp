// cli/install_paths.hpp — where this senrei's documentation and sample files are, so that
// every hint and error names a path that exists on this machine.
//
// Messages are written with repository paths ("docs/plan.md", "corpus/sample/plan-example.toml")
// wherever they are made; with_installed_paths() rewrites each such path, when the message is
// printed, to the file this binary can see: <prefix>/share/doc/senrei/plan.md and
// <prefix>/share/senrei/sample/… for an installed binary (bin/senrei), the repository's own
// files for a binary in the build tree.  A path whose file exists in neither place is left as
// written.  Thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace senrei::cli {

// <prefix>/share/doc/senrei/NAME or the repository's docs/NAME, whichever exists.
std::filesystem::path doc_file(std::string_view name);
// The sample corpus folder: build/sample (build tree) or <prefix>/share/senrei/sample.
std::filesystem::path sample_dir();
// `text` with each docs/NAME.md and corpus/sample/… replaced by its path here.
std::string with_installed_paths(std::string_view text);

}  // namespace senrei::cli
