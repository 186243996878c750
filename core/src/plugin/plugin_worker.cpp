#include "plugin/plugin_worker.hpp"

#include <signal.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace senrei {
namespace {

std::atomic<int> abandoned{0};

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
    job = nullptr;  // what the job owns goes with it, before the caller is told
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

}  // namespace

bool run_within(std::function<void()> job, std::chrono::milliseconds limit) {
  if (limit.count() <= 0) {
    job();
    return true;
  }
  if (!slot.worker) {
    slot.worker = std::make_shared<Worker>();
    slot.thread = std::thread(work, slot.worker);
  }
  std::shared_ptr<Worker> w = slot.worker;
  std::unique_lock lock(w->m);
  w->job = std::move(job);
  w->has_job = true;
  w->finished = false;
  w->cv.notify_all();
  if (!w->cv.wait_for(lock, limit, [&] { return w->finished; })) {
    lock.unlock();
    if (slot.thread.joinable()) slot.thread.detach();
    slot.worker.reset();  // still inside the plugin: left to itself
    abandoned.fetch_add(1);
    return false;
  }
  return true;
}

int abandoned_plugin_calls() { return abandoned.load(); }

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

}  // namespace senrei
