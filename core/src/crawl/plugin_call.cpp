#include "crawl/plugin_call.hpp"

#include <signal.h>

#include <atomic>
#include <functional>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "extract/charset.hpp"
#include "senrei/ja.hpp"

namespace senrei {
namespace {

std::atomic<int> abandoned{0};

std::string seconds_text(std::chrono::milliseconds ms) {
  std::ostringstream s;
  s << static_cast<double>(ms.count()) / 1000.0;
  return s.str();
}

// A plugin's exception message as one line of valid UTF-8 of modest length: it is printed,
// stored in the crawl state and written as JSON.
std::string one_line(std::string_view what) {
  bool replaced = false;
  return ja::one_line(decode_as(what.substr(0, 400), "utf-8", replaced, what.size() > 400));
}

// Runs the call and turns what it throws into an error naming the plugin and the URL.
PluginCall guarded(const Source& source, const SourceInfo& info, const ParsedPage& page) {
  PluginCall out;
  try {
    out.records = source.extract(page);
  } catch (const std::exception& e) {
    out.records.clear();
    out.error_kind = "plugin";
    out.error = "plugin '" + info.name + "' failed on " + page.url + ": " + one_line(e.what());
  } catch (...) {
    out.records.clear();
    out.error_kind = "plugin";
    out.error = "plugin '" + info.name + "' failed on " + page.url + " with an unknown exception";
  }
  return out;
}

// The thread plugin calls run on: one per calling thread, kept while its calls return in time
// (a thread per call cost ~0.1 ms, several times per page).  A worker still inside a plugin at
// the deadline is abandoned — it keeps its own state alive — and the next call starts another.
struct Worker {
  std::mutex m;
  std::condition_variable cv;
  std::function<void()> job;
  bool has_job = false;
  bool finished = false;
  bool quit = false;
};

void work(std::shared_ptr<Worker> w) {
  // A stack overflow inside the plugin must still reach the crash handler (crawl/crash_note.hpp),
  // which cannot run on the exhausted stack: this thread gets an alternate signal stack.
  std::vector<char> alt(64 * 1024);
  stack_t ss{};
  ss.ss_sp = alt.data();
  ss.ss_size = alt.size();
  ::sigaltstack(&ss, nullptr);
  std::unique_lock lock(w->m);
  for (;;) {
    w->cv.wait(lock, [&] { return w->has_job || w->quit; });
    if (w->quit) break;
    auto job = std::move(w->job);
    w->has_job = false;
    lock.unlock();
    job();
    lock.lock();
    w->finished = true;
    w->cv.notify_all();
  }
  lock.unlock();
  ss.ss_flags = SS_DISABLE;
  ::sigaltstack(&ss, nullptr);
}

// This thread's worker; told to end when the thread ends (end_plugin_worker() waits for it).
struct WorkerSlot {
  std::shared_ptr<Worker> worker;
  std::thread thread;
  ~WorkerSlot() {
    if (!worker) return;
    {
      std::lock_guard lock(worker->m);
      worker->quit = true;
      worker->cv.notify_all();
    }
    if (thread.joinable()) thread.detach();
  }
};
thread_local WorkerSlot slot;

// Runs `fn` on this thread's worker and waits at most `limit`; its result (what it throws is
// rethrown here), or nullopt when the call is abandoned.  `fn` must own everything it reads.
template <class T>
std::optional<T> bounded(std::function<T()> fn, std::chrono::milliseconds limit) {
  if (limit.count() <= 0) return fn();
  if (!slot.worker) {
    slot.worker = std::make_shared<Worker>();
    slot.thread = std::thread(work, slot.worker);
  }
  auto result = std::make_shared<std::optional<T>>();
  auto error = std::make_shared<std::exception_ptr>();
  std::shared_ptr<Worker> w = slot.worker;
  std::unique_lock lock(w->m);
  w->job = [fn = std::move(fn), result, error] {
    try {
      result->emplace(fn());
    } catch (...) {
      *error = std::current_exception();
    }
  };
  w->has_job = true;
  w->finished = false;
  w->cv.notify_all();
  if (!w->cv.wait_for(lock, limit, [&] { return w->finished; })) {
    lock.unlock();
    if (slot.thread.joinable()) slot.thread.detach();
    slot.worker.reset();  // still inside the plugin: left to itself
    abandoned.fetch_add(1);
    return std::nullopt;
  }
  lock.unlock();
  if (*error) std::rethrow_exception(*error);
  return std::move(*result);
}

std::string timeout_message(const SourceInfo& info, const std::string& call, std::chrono::milliseconds limit) {
  return "plugin '" + info.name + "' did not return from " + call + " within " + seconds_text(limit) +
         " s (--plugin-timeout); the plugin is disabled for the rest of this run";
}

}  // namespace

void end_plugin_worker() {
  if (!slot.worker) return;
  {
    std::lock_guard lock(slot.worker->m);
    slot.worker->quit = true;
    slot.worker->cv.notify_all();
  }
  if (slot.thread.joinable()) slot.thread.join();
  slot.worker.reset();
}

int abandoned_plugin_calls() { return abandoned.load(); }

ScopeCall call_in_scope(const Source& source, const SourceInfo& info, std::vector<std::string> urls,
                        std::chrono::milliseconds limit) {
  ScopeCall out;
  if (urls.empty()) return out;
  auto list = std::make_shared<const std::vector<std::string>>(std::move(urls));
  auto answers = bounded<std::vector<char>>(
      [&source, list] {
        std::vector<char> in(list->size(), 0);
        for (size_t i = 0; i < list->size(); ++i) {
          try {
            in[i] = source.in_scope((*list)[i]) ? 1 : 0;
          } catch (...) {
            in[i] = 0;  // a plugin that throws on a URL does not get it
          }
        }
        return in;
      },
      limit);
  if (!answers) {
    out.error_kind = "plugin_timeout";
    out.error = timeout_message(info, "in_scope() (" + std::to_string(list->size()) + " URLs, the first " +
                                          one_line(list->front()) + ")", limit);
    return out;
  }
  out.in = std::move(*answers);
  return out;
}

std::vector<std::string> call_seeds(const Source& source, const SourceInfo& info, std::chrono::milliseconds limit) {
  auto seeds = bounded<std::vector<std::string>>([&source] { return source.seeds(); }, limit);
  if (!seeds) throw PluginTimeout(timeout_message(info, "seeds()", limit));
  return std::move(*seeds);
}

CrawlPolicy call_policy(const Source& source, const SourceInfo& info, std::chrono::milliseconds limit) {
  auto policy = bounded<CrawlPolicy>([&source] { return source.policy(); }, limit);
  if (!policy) throw PluginTimeout(timeout_message(info, "policy()", limit));
  return std::move(*policy);
}

PluginCall call_extract(const Source& source, const SourceInfo& info, std::shared_ptr<const ParsedPage> page,
                        std::chrono::milliseconds limit) {
  if (limit.count() <= 0) return guarded(source, info, *page);
  // The task owns what the worker reads, so an abandoned worker never reads freed memory; the
  // Source itself lives until the process ends (plugins are never unloaded).
  auto result = bounded<PluginCall>([&source, info, page] { return guarded(source, info, *page); }, limit);
  if (result) return std::move(*result);
  PluginCall out;
  out.error_kind = "plugin_timeout";
  out.error = "plugin '" + info.name + "' did not return from extract() on " + page->url + " within " +
              seconds_text(limit) + " s; the plugin is disabled for the rest of this run";
  return out;
}

}  // namespace senrei
