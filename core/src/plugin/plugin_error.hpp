// plugin/plugin_error.hpp — what can go wrong when the engine calls into plugin code, as a type.
//
// Every call into a plugin goes through plugin/plugin_door.hpp, which answers with a
// PluginResult<T>: the call's value, or a PluginError naming the plugin, the call
// ("extract() on http://…", "seeds()") and one of four kinds:
//   timeout     the call did not return within the deadline (--plugin-timeout); its thread was
//               abandoned, and the caller disables the plugin for the rest of the run;
//   threw       the plugin threw (any type); only that call fails;
//   bad_output  it returned something the engine cannot store (plugin/plugin_output.hpp);
//   abi         the library could not be used at all (wrong ABI or build identity, no factory):
//               the plugin host refuses it at load time.
// `message` is one line of valid UTF-8 that already names the plugin, the call and what to do;
// it is what a person reads.  The strings the crawl stores and prints as failure reasons
// ("plugin", "plugin_timeout") come from failure_reason(), the one place that spells them.
// Plain values; no I/O.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace senrei {

enum class PluginErrorKind { timeout, threw, bad_output, abi };

struct PluginError {
  std::string plugin;  // the source's name, e.g. "renkei-navi"
  std::string call;    // "extract() on http://…", "in_scope() (12 URLs, the first …)", "policy()"
  PluginErrorKind kind = PluginErrorKind::threw;
  std::string message;  // one line, for a person
};

// "timeout", "threw", "bad_output", "abi".
const char* to_string(PluginErrorKind kind);

// The failure reason a page gets in the crawl summary, `crawl --json` and the crawl state
// (docs/json.md): "plugin_timeout" for a timeout, "plugin" for the others.
const char* failure_reason(PluginErrorKind kind);

// A call's value or its error (std::expected is C++23).
template <class T>
class PluginResult {
 public:
  PluginResult(T value) : v_(std::move(value)) {}
  PluginResult(PluginError error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const PluginError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, PluginError> v_;
};

// Thrown by a step that cannot go on without the plugin's answer (the crawl's start: policy(),
// seeds() and the stored pages' scope; an HTTP fetcher's policy()).  The caller fails that
// source only and goes on with the others.
class PluginFailure : public std::runtime_error {
 public:
  explicit PluginFailure(PluginError e) : std::runtime_error(e.message), error_(std::move(e)) {}
  const PluginError& error() const { return error_; }

 private:
  PluginError error_;
};

}  // namespace senrei
