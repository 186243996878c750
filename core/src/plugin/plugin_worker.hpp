// plugin/plugin_worker.hpp — the thread a plugin call runs on, so that a stuck plugin cannot stop
// the engine.  Only plugin/plugin_door.cpp uses it.
//
// run_within() hands a job to this calling thread's worker and waits at most `limit`.  A job
// that finishes in time has done its work; one still running at the deadline is abandoned: the
// worker is detached and keeps running inside the plugin, the next call starts another worker,
// and abandoned_plugin_calls() counts it.  A thread inside a plugin cannot be stopped safely, so
// a job must own everything it reads (shared_ptr, copies; the plugin itself lives until the
// process ends), and a process with abandoned calls must not destroy a plugin under it: it ends
// with std::_Exit once its work is committed (cmd_crawl does).  One worker per calling thread,
// reused while its calls return in time (a thread per call cost ~0.1 ms, several times per
// page).  Thread-safe.
#pragma once

#include <chrono>
#include <functional>

namespace senrei {

// Runs `job` (which must not throw: it catches what the plugin throws) on this thread's worker;
// true when it finished within `limit`, false when it was abandoned.  `limit` zero or
// negative: runs `job` on this thread, without a deadline, and returns true.
bool run_within(std::function<void()> job, std::chrono::milliseconds limit);

// How many calls this process abandoned (their threads may still run inside a plugin).
int abandoned_plugin_calls();

// Ends this thread's idle worker and waits for it (a command's end: no thread is left running
// inside the process but abandoned ones).  Cheap when there is none.
void end_plugin_worker();

}  // namespace senrei
