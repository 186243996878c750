// plugin/plugin_door.hpp — the one door into plugin code.
//
// Every call the engine makes into a loaded Source (info, seeds, policy, in_scope, extract) goes
// through a PluginDoor; nothing else calls a Source's methods (tests/plugin/plugin_door_test.cpp
// checks the tree for it).  Each call runs on a worker thread under the door's deadline
// (plugin/plugin_worker.hpp), what the plugin throws is caught, what it returns is checked
// (plugin/plugin_output.hpp), and the answer is a PluginResult: the value, or a typed PluginError
// (plugin/plugin_error.hpp) whose message names the plugin and the call.  So a caller never
// writes its own try/catch around plugin code, and a plugin that throws, hangs or returns
// garbage fails only what it was asked.
//
// in_scope() is asked for a list of URLs in one call (one thread hand-off per list): a URL on
// which the plugin throws is out of scope, not an error; only a call that does not return in
// time is one, and then nothing may be concluded about any URL (no page may be removed as out of
// scope).  A door is a small value (the Source, its cached info, the deadline): copy it freely;
// the Source must live until the process ends (plugins are never unloaded).  Thread-safe as the
// Source is (plugin.hpp: in_scope() and extract() may run on several threads).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "plugin/plugin_error.hpp"
#include "senrei/plugin.hpp"

namespace senrei {

// --plugin-timeout's default, in seconds.
inline constexpr double kDefaultPluginTimeoutSeconds = 30;

class PluginDoor {
 public:
  // `limit` zero or negative: calls run on the caller's thread without a deadline.
  PluginDoor(const Source& source, SourceInfo info, std::chrono::milliseconds limit);
  // A door whose info is asked of the plugin itself (under the deadline).  Throws PluginFailure.
  static PluginDoor open(const Source& source, std::chrono::milliseconds limit);
  // The plugin's info(), under `limit`: what the plugin host asks once at load time.  `known_as`
  // names the plugin in an error (its library file: its name is what failed to come).
  static PluginResult<SourceInfo> describe(const Source& source, std::chrono::milliseconds limit,
                                           const std::string& known_as = "?");

  const SourceInfo& info() const { return info_; }
  const std::string& name() const { return info_.name; }
  std::chrono::milliseconds limit() const { return limit_; }

  PluginResult<CrawlPolicy> policy() const;
  PluginResult<std::vector<std::string>> seeds() const;
  // in[i] answers urls[i] (1: in scope).  An empty list makes no call.
  PluginResult<std::vector<char>> in_scope(std::vector<std::string> urls) const;
  // One URL; false when the plugin says no, throws or does not answer in time.
  bool claims(const std::string& url) const;
  // The page's records, checked by validate_records() (ids, source and url filled in).
  PluginResult<std::vector<Record>> extract(std::shared_ptr<const ParsedPage> page) const;

 private:
  const Source* source_;
  SourceInfo info_;
  std::chrono::milliseconds limit_;
};

// Seconds (a CrawlOptions or command-line value) as the door's deadline.
std::chrono::milliseconds plugin_limit(double seconds);

}  // namespace senrei
