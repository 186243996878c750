// Starting the senrei binary as a child process the test can kill, and waiting for it.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace senrei_test {

// Starts `senrei ARGS...` with stdout going to `out` and stderr to `err` (appended; the same
// file for both when `err` is empty); returns its pid.  Safe to call from several threads.
inline pid_t spawn_senrei(const std::vector<std::string>& args, const std::string& out, const std::string& err = "") {
  std::vector<std::string> argv_s = {std::string(SENREI_BINARY_DIR) + "/senrei"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (err.empty())
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
  else
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("cannot start " + argv_s[0]);
  return pid;
}

// Waits for the child; returns its wait status.
inline int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  return status;
}

// Waits up to `seconds` for the child to end by itself; kills it with SIGKILL otherwise.
// Returns true when it was killed (it was still running).
inline bool kill_after(pid_t pid, double seconds, int& status) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return false;
    if (std::chrono::steady_clock::now() >= deadline) break;
    ::usleep(2000);
  }
  ::kill(pid, SIGKILL);
  status = wait_for(pid);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

}  // namespace senrei_test
