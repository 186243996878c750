// crawl/plugin_call.hpp — the older name of the door into plugin code, for the callers that ask
// only for a scope list.
//
// Everything here goes through plugin/plugin_door.hpp (the one door: deadline, exceptions,
// checks, typed errors); new code uses PluginDoor directly.  call_in_scope() is
// PluginDoor::in_scope() with the answer as a ScopeCall; abandoned_plugin_calls() and
// end_plugin_worker() come from plugin/plugin_worker.hpp.  Header-only.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "plugin/plugin_door.hpp"
#include "plugin/plugin_worker.hpp"

namespace senrei {

struct ScopeCall {
  std::vector<char> in;    // in[i] answers urls[i]; empty when the call failed
  std::string error_kind;  // "" or failure_reason() of the error ("plugin_timeout")
  std::string error;       // one line naming the plugin and the call
  bool ok() const { return error_kind.empty(); }
};

inline ScopeCall call_in_scope(const Source& source, const SourceInfo& info, std::vector<std::string> urls,
                               std::chrono::milliseconds limit) {
  ScopeCall out;
  auto in = PluginDoor(source, info, limit).in_scope(std::move(urls));
  if (in) {
    out.in = std::move(*in);
  } else {
    out.error_kind = failure_reason(in.error().kind);
    out.error = in.error().message;
  }
  return out;
}

}  // namespace senrei
