// crawl/plugin_call.hpp — calling a plugin's extract() so that a stuck plugin cannot stop a crawl.
//
// call_extract() runs Source::extract() on a worker thread and waits at most `limit`.  A call
// that returns or throws in time gives its records or its error.  A call still running at the
// deadline is abandoned: its thread is detached and keeps the page it reads alive (shared_ptr),
// the caller gets error_kind "plugin_timeout", and abandoned_plugin_calls() counts it.  A thread
// inside a plugin cannot be stopped safely, so a process with abandoned calls must not destroy
// the plugin under it: it ends with std::_Exit once its work is committed (cmd_crawl does).
// Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "senrei/plugin.hpp"

namespace senrei {

struct PluginCall {
  std::vector<Record> records;
  std::string error_kind;  // "" (fine), "plugin" (it threw) or "plugin_timeout"
  std::string error;       // one line naming the plugin and the URL
  bool ok() const { return error_kind.empty(); }
};

// `limit` zero or negative: call directly on this thread, without a deadline.
PluginCall call_extract(const Source& source, const SourceInfo& info, std::shared_ptr<const ParsedPage> page,
                        std::chrono::milliseconds limit);

// How many calls this process abandoned (their threads may still run inside a plugin).
int abandoned_plugin_calls();

}  // namespace senrei
