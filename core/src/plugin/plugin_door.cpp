#include "plugin/plugin_door.hpp"

#include <exception>
#include <optional>
#include <sstream>
#include <utility>

#include "plugin/plugin_output.hpp"
#include "plugin/plugin_worker.hpp"

namespace senrei {

const char* to_string(PluginErrorKind kind) {
  switch (kind) {
    case PluginErrorKind::timeout: return "timeout";
    case PluginErrorKind::threw: return "threw";
    case PluginErrorKind::bad_output: return "bad_output";
    case PluginErrorKind::abi: return "abi";
  }
  return "threw";
}

const char* failure_reason(PluginErrorKind kind) {
  return kind == PluginErrorKind::timeout ? "plugin_timeout" : "plugin";
}

std::chrono::milliseconds plugin_limit(double seconds) {
  return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
}

namespace {

std::string seconds_text(std::chrono::milliseconds ms) {
  std::ostringstream s;
  s << static_cast<double>(ms.count()) / 1000.0;
  return s.str();
}

// What a call gave: its value, or what it threw (as one clean line; an exception of an unknown
// type has an empty `what`).  Shared with the worker, which may outlive the caller.
template <class T>
struct Outcome {
  std::optional<T> value;
  bool threw = false;
  std::string what;
};

// Runs `fn` (which must own what it reads) under `limit`.  nullopt: abandoned at the deadline.
template <class T, class Fn>
std::optional<Outcome<T>> call(Fn fn, std::chrono::milliseconds limit) {
  auto out = std::make_shared<Outcome<T>>();
  bool in_time = run_within(
      [fn = std::move(fn), out]() mutable {
        try {
          out->value.emplace(fn());
        } catch (const std::exception& e) {
          out->threw = true;
          out->what = clean_message(e.what());
        } catch (...) {
          out->threw = true;
        }
      },
      limit);
  if (!in_time) return std::nullopt;
  return std::move(*out);
}

PluginError timed_out(const std::string& plugin, const std::string& what, std::chrono::milliseconds limit) {
  return {plugin, what, PluginErrorKind::timeout,
          "plugin '" + plugin + "' did not return from " + what + " within " + seconds_text(limit) +
              " s (--plugin-timeout); the plugin is disabled for the rest of this run"};
}

template <class T>
PluginError threw(const std::string& plugin, const std::string& what, const Outcome<T>& o) {
  return {plugin, what, PluginErrorKind::threw,
          "plugin '" + plugin + "' failed in " + what +
              (o.what.empty() ? std::string(" with an unknown exception") : ": " + o.what)};
}

}  // namespace

PluginDoor::PluginDoor(const Source& source, SourceInfo info, std::chrono::milliseconds limit)
    : source_(&source), info_(std::move(info)), limit_(limit) {}

PluginResult<SourceInfo> PluginDoor::describe(const Source& source, std::chrono::milliseconds limit,
                                              const std::string& known_as) {
  const Source* s = &source;
  auto o = call<SourceInfo>([s] { return s->info(); }, limit);
  if (!o) return timed_out(known_as, "info()", limit);
  if (o->threw) return threw(known_as, "info()", *o);
  return std::move(*o->value);
}

PluginDoor PluginDoor::open(const Source& source, std::chrono::milliseconds limit) {
  auto info = describe(source, limit);
  if (!info) throw PluginFailure(info.error());
  return PluginDoor(source, std::move(*info), limit);
}

PluginResult<CrawlPolicy> PluginDoor::policy() const {
  const Source* s = source_;
  auto o = call<CrawlPolicy>([s] { return s->policy(); }, limit_);
  if (!o) return timed_out(name(), "policy()", limit_);
  if (o->threw) return threw(name(), "policy()", *o);
  return std::move(*o->value);
}

PluginResult<std::vector<std::string>> PluginDoor::seeds() const {
  const Source* s = source_;
  auto o = call<std::vector<std::string>>([s] { return s->seeds(); }, limit_);
  if (!o) return timed_out(name(), "seeds()", limit_);
  if (o->threw) return threw(name(), "seeds()", *o);
  return std::move(*o->value);
}

PluginResult<std::vector<char>> PluginDoor::in_scope(std::vector<std::string> urls) const {
  if (urls.empty()) return std::vector<char>{};
  const Source* s = source_;
  auto list = std::make_shared<const std::vector<std::string>>(std::move(urls));
  auto o = call<std::vector<char>>(
      [s, list] {
        std::vector<char> in(list->size(), 0);
        for (size_t i = 0; i < list->size(); ++i) {
          try {
            in[i] = s->in_scope((*list)[i]) ? 1 : 0;
          } catch (...) {
            in[i] = 0;  // a plugin that throws on a URL does not get it
          }
        }
        return in;
      },
      limit_);
  if (!o) {
    return timed_out(name(),
                     "in_scope() (" + std::to_string(list->size()) + " URLs, the first " +
                         clean_message(list->front()) + ")",
                     limit_);
  }
  return std::move(*o->value);
}

bool PluginDoor::claims(const std::string& url) const {
  auto in = in_scope({url});
  return in.ok() && in->at(0) != 0;
}

PluginResult<std::vector<Record>> PluginDoor::extract(std::shared_ptr<const ParsedPage> page) const {
  const Source* s = source_;
  const std::string what = "extract() on " + page->url;
  // The job owns the page, so an abandoned worker never reads freed memory.
  auto o = call<std::vector<Record>>([s, page] { return s->extract(*page); }, limit_);
  if (!o) {
    return PluginError{name(), what, PluginErrorKind::timeout,
                       "plugin '" + name() + "' did not return from extract() on " + page->url + " within " +
                           seconds_text(limit_) + " s; the plugin is disabled for the rest of this run"};
  }
  if (o->threw) {
    return PluginError{name(), what, PluginErrorKind::threw,
                       "plugin '" + name() + "' failed on " + page->url +
                           (o->what.empty() ? std::string(" with an unknown exception") : ": " + o->what)};
  }
  std::vector<Record> records = std::move(*o->value);
  if (auto problem = validate_records(info_, page->url, records); !problem.empty()) {
    return PluginError{name(), what, PluginErrorKind::bad_output,
                       "plugin '" + name() + "' returned an invalid record for " + page->url + ": " + problem};
  }
  return records;
}

}  // namespace senrei
