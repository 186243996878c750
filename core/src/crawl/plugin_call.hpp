// crawl/plugin_call.hpp — calling a plugin's extract() so that a stuck plugin cannot stop a crawl.
//
// call_extract() runs Source::extract() on a worker thread and waits at most `limit`; so do
// call_in_scope(), call_seeds() and call_policy(), so no call into a plugin is unbounded.  A call
// that returns or throws in time gives its records or its error.  A call still running at the
// deadline is abandoned: its thread is detached and keeps the page it reads alive (shared_ptr),
// the caller gets error_kind "plugin_timeout", and abandoned_plugin_calls() counts it.  A thread
// inside a plugin cannot be stopped safely, so a process with abandoned calls must not destroy
// the plugin under it: it ends with std::_Exit once its work is committed (cmd_crawl does).
// Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <stdexcept>
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
// Ends this thread's idle worker and waits for it (a command's end: no thread is left running
// inside the process but abandoned ones).  Cheap when there is none.
void end_plugin_worker();

// The other calls into a plugin run under the same deadline (F5 of the reliability report: an
// in_scope() that never returned hung a crawl holding the workspace lock).  in_scope() is
// asked for a whole list of URLs in one call (one thread per list, not per link): in[i] answers
// urls[i]; a URL on which the plugin throws is out of scope.  When the plugin does not return
// in time, error_kind is "plugin_timeout", `in` is empty and nothing may be concluded about
// any URL (in particular, no page may be removed as out of scope).
struct ScopeCall {
  std::vector<char> in;
  std::string error_kind;  // "" or "plugin_timeout"
  std::string error;       // one line naming the plugin and the call
  bool ok() const { return error_kind.empty(); }
};
ScopeCall call_in_scope(const Source& source, const SourceInfo& info, std::vector<std::string> urls,
                        std::chrono::milliseconds limit);

// A plugin's seeds() or policy() that did not return within the deadline.
class PluginTimeout : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// seeds() and policy() under the deadline; an exception from the plugin passes through, a call
// still running at the deadline throws PluginTimeout.
std::vector<std::string> call_seeds(const Source& source, const SourceInfo& info, std::chrono::milliseconds limit);
CrawlPolicy call_policy(const Source& source, const SourceInfo& info, std::chrono::milliseconds limit);

}  // namespace senrei
