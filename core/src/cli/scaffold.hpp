// cli/scaffold.hpp — `senrei plugin new`: a source plugin project built outside senrei's tree.
//
// The project's files are the templates in core/src/cli/templates/ (compiled into the binary by
// cmake/embed_templates.cmake), with the plugin's name filled in: a CMakeLists.txt using
// find_package(senrei) and senrei_add_plugin(), a commented Source with the whole interface,
// a GoogleTest, a `senrei sources --check` test and a sample page.  It builds and loads as
// written (tests/sdk).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace senrei::cli {

struct ScaffoldFile {
  std::string_view path;     // relative; "__name__" stands for the plugin's name
  std::string_view content;  // {{name}}, {{Class}}, {{namespace}}, {{senrei_version}}, {{abi}}
};

// The embedded templates (generated source).
const std::vector<ScaffoldFile>& scaffold_templates();

// Writes the project for plugin `name` ([a-z][a-z0-9-]*) into `dir`, which must not exist or be
// empty; returns the files written.  Throws UsageError for a bad name, Failure when `dir` is
// not empty or cannot be written.
std::vector<std::filesystem::path> write_plugin_project(const std::string& name, const std::filesystem::path& dir);

}  // namespace senrei::cli
