#include "crawl/crash_note.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace senrei {
namespace {

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
constexpr int kSignalCount = sizeof kSignals / sizeof kSignals[0];
int note_fd = -1;
struct sigaction previous[kSignalCount];

// A stack of its own, so a stack overflow on the main thread can still leave its note.
alignas(16) char alt_stack[64 * 1024];

extern "C" void on_fatal_signal(int sig) {
  if (note_fd >= 0) {
    char buf[16];
    int n = 0;
    char digits[8];
    int d = 0;
    for (int v = sig; v > 0 && d < 8; v /= 10) digits[d++] = static_cast<char>('0' + v % 10);
    while (d > 0) buf[n++] = digits[--d];
    buf[n++] = '\n';
    ssize_t w = ::pwrite(note_fd, buf, static_cast<size_t>(n), 0);
    (void)w;
  }
  // Die of the same signal, as without the handler.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

CrashNote::CrashNote(const std::filesystem::path& file) {
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::runtime_error("cannot open " + file.string() + ": " + std::strerror(errno));
  char buf[16] = {};
  ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
  if (n > 0) previous_signal_ = std::atoi(buf);
  if (n != 0 && ::ftruncate(fd_, 0) != 0) {
    int saved = errno;
    ::close(fd_);
    throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(saved));
  }
  stack_t ss{};
  ss.ss_sp = alt_stack;
  ss.ss_size = sizeof alt_stack;
  ::sigaltstack(&ss, nullptr);
  note_fd = fd_;
  struct sigaction sa{};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
  for (int i = 0; i < kSignalCount; ++i) ::sigaction(kSignals[i], &sa, &previous[i]);
}

CrashNote::~CrashNote() {
  for (int i = 0; i < kSignalCount; ++i) ::sigaction(kSignals[i], &previous[i], nullptr);
  note_fd = -1;
  ::close(fd_);
}

}  // namespace senrei
