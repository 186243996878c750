// plugin/plugin_host.hpp — finds, checks and loads source plugins (Boost.DLL).
//
// Search path, in order: the `plugins/` folder beside the senrei binary (the build tree),
// <prefix>/lib/senrei/plugins (an installed senrei, found relative to bin/), then every folder
// of $SENREI_PLUGIN_PATH (colon-separated).  Every `*.so` there is tried.  A library exports
// one Source (SENREI_PLUGIN) or a SourceLibrary (SENREI_PLUGIN_LIBRARY, the `site` plugin: one
// source per TOML file), whose sources are added and whose refusals() are listed as refused
// like a library.  Before anything else in a library is called, its exported
// senrei_plugin_abi_version() and senrei_plugin_build_identity() must equal the host's; a
// library that is not a shared object, has the wrong ABI or build identity, lacks the factory,
// or whose factory throws is listed as refused with the reason and its kind (abi: it cannot be
// used at all; threw: its factory or info() threw), and the others load.  The first source of a
// name wins; a later one of the same name is refused.  A source's info() is asked once, here,
// through the door (plugin/plugin_door.hpp), and cached in LoadedSource; every later call into
// a source goes through a PluginDoor too.
//
// Libraries are never unloaded before exit, and every Source returned holds its library, so
// an object (or an exception) from a plugin never outlives its code.  Not thread-safe while
// loading; the loaded Sources are then shared read-only.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugin/plugin_error.hpp"
#include "senrei/plugin.hpp"

namespace senrei {

struct LoadedSource {
  std::shared_ptr<Source> source;
  SourceInfo info;
  std::filesystem::path library;
};

struct RefusedPlugin {
  std::filesystem::path library;
  std::string reason;
  PluginErrorKind kind = PluginErrorKind::abi;  // abi, threw (starting it), or bad_output (a bad name)
};

class PluginHost {
 public:
  // The default search path described above.
  static std::vector<std::filesystem::path> default_search_path();
  // Folders of files that go with plugins, in order: the folders of $<env_var> (colon-separated),
  // `<binary's dir>/<what>` (the build tree) and `<binary's dir>/../share/senrei/<what>` (an
  // installed senrei).  "sources" (declarative sources, $SENREI_SOURCES_PATH) and "sample" (the
  // pages `senrei sources --check` runs on, $SENREI_SAMPLE_PATH).
  static std::vector<std::filesystem::path> data_path(const std::string& what, const char* env_var);

  // Loads every plugin found on `search_path`.  `config_dirs` is passed to each SourceLibrary's
  // configure() (where declarative sources look for their TOML files).
  void load(const std::vector<std::filesystem::path>& search_path,
            const std::vector<std::string>& config_dirs = {});
  // Loads one library file; false (and an entry in refused()) when it is refused.
  bool load_library(const std::filesystem::path& file, const std::vector<std::string>& config_dirs = {});

  const std::vector<LoadedSource>& sources() const { return sources_; }
  const std::vector<RefusedPlugin>& refused() const { return refused_; }
  // The source of that name, or nullptr.
  const LoadedSource* find(const std::string& name) const;

 private:
  void add_source(std::shared_ptr<Source> source, const std::filesystem::path& file);

  std::vector<LoadedSource> sources_;
  std::vector<RefusedPlugin> refused_;
};

}  // namespace senrei
