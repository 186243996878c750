// crawl/crash_note.hpp — telling the next run that this process died of a crash, not a kill.
//
// The crawl leaves an in-progress marker in its state while a plugin works on a page
// (CrawlState::mark_in_progress).  A marker left behind means the process ended there, but a
// SIGKILL, a power cut and a segfault all leave one.  CrashNote tells them apart: while it
// lives, SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT write the signal number to a small file
// (pre-opened; write() is async-signal-safe) before the process dies of the signal as it would
// have.  The next run reads the number, and only then blames the page's plugin.  One per process.
#pragma once

#include <filesystem>

namespace senrei {

class CrashNote {
 public:
  // Reads the note a previous process left in `file` (0 when none), empties it, and installs
  // the handlers.  Throws std::runtime_error when the file cannot be opened.
  explicit CrashNote(const std::filesystem::path& file);
  ~CrashNote();  // restores the previous handlers
  CrashNote(const CrashNote&) = delete;
  CrashNote& operator=(const CrashNote&) = delete;

  // The fatal signal the previous process died of, or 0.
  int previous_signal() const { return previous_signal_; }

 private:
  int fd_ = -1;
  int previous_signal_ = 0;
};

}  // namespace senrei
