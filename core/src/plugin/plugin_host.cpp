#include "plugin/plugin_host.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <system_error>

#include <boost/dll/shared_library.hpp>

#include "plugin/plugin_door.hpp"
#include "senrei/source_library.hpp"
#include "senrei/version.hpp"

namespace senrei {
namespace fs = std::filesystem;

namespace {

// Libraries stay loaded until the process exits: a plugin's object or exception must never
// outlive its code (PITFALLS.md).  Deliberately leaked.
std::vector<std::shared_ptr<boost::dll::shared_library>>& loaded_libraries() {
  static auto* libs = new std::vector<std::shared_ptr<boost::dll::shared_library>>();
  return *libs;
}

fs::path executable_dir() {
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

bool valid_source_name(const std::string& name) {
  static const std::regex re("[a-z0-9][a-z0-9-]*");
  return std::regex_match(name, re);
}

// Wraps a plugin's object so that it holds its library.
std::shared_ptr<Source> holding(std::shared_ptr<Source> object,
                                std::shared_ptr<boost::dll::shared_library> lib) {
  Source* raw = object.get();
  return std::shared_ptr<Source>(raw, [object = std::move(object), lib = std::move(lib)](Source*) mutable {
    object.reset();  // destroy the object while its code is certainly loaded
  });
}

}  // namespace

#ifndef SENREI_PLUGIN_INSTALL_DIR
#define SENREI_PLUGIN_INSTALL_DIR "lib/senrei/plugins"
#endif

namespace {
void append_path_list(std::vector<fs::path>& path, const char* env_var) {
  const char* env = std::getenv(env_var);
  if (!env) return;
  std::string s = env;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(':', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) path.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
}
}  // namespace

std::vector<fs::path> PluginHost::default_search_path() {
  std::vector<fs::path> path;
  auto exe = executable_dir();
  if (!exe.empty()) {
    path.push_back(exe / "plugins");
    path.push_back(exe.parent_path() / SENREI_PLUGIN_INSTALL_DIR);
  }
  append_path_list(path, "SENREI_PLUGIN_PATH");
  return path;
}

std::vector<fs::path> PluginHost::data_path(const std::string& what, const char* env_var) {
  std::vector<fs::path> path;
  append_path_list(path, env_var);
  auto exe = executable_dir();
  if (!exe.empty()) {
    path.push_back(exe / what);
    path.push_back(exe.parent_path() / "share" / "senrei" / what);
  }
  return path;
}

void PluginHost::load(const std::vector<fs::path>& search_path, const std::vector<std::string>& config_dirs) {
  for (const auto& dir : search_path) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".so" && !entry.is_directory(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // a stable order, whatever the file system says
    for (const auto& f : files) load_library(f, config_dirs);
  }
}

bool PluginHost::load_library(const fs::path& file, const std::vector<std::string>& config_dirs) {
  auto refuse = [&](std::string reason, PluginErrorKind kind = PluginErrorKind::abi) {
    refused_.push_back({file, std::move(reason), kind});
    return false;
  };
  const auto threw = PluginErrorKind::threw;
  for (const auto& s : sources_)
    if (fs::equivalent(s.library, file)) return true;  // the same file twice on the path

  auto lib = std::make_shared<boost::dll::shared_library>();
  try {
    lib->load(boost::dll::fs::path(file.string()), boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    return refuse(std::string("not a loadable shared library (") + e.what() + ")");
  }
  loaded_libraries().push_back(lib);

  if (!lib->has("senrei_plugin_abi_version"))
    return refuse("no senrei_plugin_abi_version symbol: not a senrei plugin (build it with SENREI_PLUGIN(...))");
  int abi = lib->get<int()>("senrei_plugin_abi_version")();
  if (abi != kPluginAbiVersion)
    return refuse("built for plugin ABI version " + std::to_string(abi) + ", but this senrei " + kVersion +
                  " loads ABI version " + std::to_string(kPluginAbiVersion) +
                  ": rebuild the plugin against this senrei's headers");
  // The types that cross the boundary (std::string, std::vector, std::shared_ptr, exceptions)
  // must have one layout on both sides: same compiler family, C++ ABI and standard library.
  if (!lib->has("senrei_plugin_build_identity"))
    return refuse("no senrei_plugin_build_identity symbol: built with an older senrei SDK; rebuild the plugin "
                  "against this senrei's headers");
  std::string identity = lib->get<const char*()>("senrei_plugin_build_identity")();
  if (identity != kBuildIdentity)
    return refuse("built as '" + identity + "', but this senrei is '" + kBuildIdentity +
                  "': rebuild the plugin with the same compiler and standard library as senrei");
  const bool one = lib->has("senrei_create_source");
  if (!one && !lib->has("senrei_create_library"))
    return refuse("no senrei_create_source factory: declare the plugin with SENREI_PLUGIN(YourSource) "
                  "(or SENREI_PLUGIN_LIBRARY(YourLibrary) for several sources)");

  size_t before = sources_.size();
  if (one) {
    std::shared_ptr<Source> made;
    try {
      made.reset(lib->get<Source*()>("senrei_create_source")());
    } catch (const std::exception& e) {
      return refuse(std::string("its factory threw: ") + e.what(), threw);
    } catch (...) {
      return refuse("its factory threw an unknown exception", threw);
    }
    if (!made) return refuse("its factory returned no source");
    try {
      add_source(holding(std::move(made), lib), file);
    } catch (const std::exception& e) {
      return refuse(std::string("it threw while starting: ") + e.what(), threw);
    }
    return sources_.size() > before;
  }

  // A library of sources: configured once, asked for its sources and refusals, then dropped.
  try {
    std::unique_ptr<SourceLibrary> library(lib->get<SourceLibrary*()>("senrei_create_library")());
    if (!library) return refuse("its factory returned no source library");
    library->configure(config_dirs);
    for (auto& made : library->sources())
      if (made) add_source(holding(std::move(made), lib), file);
    for (auto& reason : library->refusals()) refused_.push_back({file, std::move(reason)});
  } catch (const std::exception& e) {
    return refuse(std::string("it threw while starting: ") + e.what(), threw);
  } catch (...) {
    return refuse("it threw an unknown exception while starting", threw);
  }
  return true;  // a library with no sources today (no TOML files) is not refused
}

void PluginHost::add_source(std::shared_ptr<Source> source, const fs::path& file) {
  // Asked on this thread (no deadline: loading starts no thread), its exceptions caught.
  auto described = PluginDoor::describe(*source, {}, file.filename().string());
  if (!described) {
    refused_.push_back({file, described.error().message, PluginErrorKind::threw});
    return;
  }
  SourceInfo info = std::move(*described);
  if (!valid_source_name(info.name)) {
    refused_.push_back({file, "source name '" + info.name + "' is not [a-z0-9-]+", PluginErrorKind::bad_output});
    return;
  }
  if (const auto* existing = find(info.name)) {
    refused_.push_back({file, "source '" + info.name + "' is already provided by " + existing->library.string()});
    return;
  }
  sources_.push_back({std::move(source), std::move(info), file});
}

const LoadedSource* PluginHost::find(const std::string& name) const {
  for (const auto& s : sources_)
    if (s.info.name == name) return &s;
  return nullptr;
}

}  // namespace senrei
