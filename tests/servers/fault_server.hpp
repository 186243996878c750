// tests/servers/fault_server.py as a GoogleTest environment: started once per test binary on
// 127.0.0.1 (it prints its port), asked for its request counts over HTTP, killed at the end.
// Register it in the test file:
//   const auto* const kServer = ::testing::AddGlobalTestEnvironment(new senrei::FaultServer);
#pragma once

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

extern char** environ;

namespace senrei {

class FaultServer : public ::testing::Environment {
 public:
  void SetUp() override {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::string script = std::string(SENREI_SOURCE_DIR) + "/tests/servers/fault_server.py";
    const char* python = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
    char* argv[] = {const_cast<char*>(python), script.data(), nullptr};
    int rc = posix_spawnp(&pid_, python, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    ASSERT_EQ(rc, 0) << "cannot start " << python;
    std::string line;
    char c;
    while (line.size() < 16 && read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    close(fds[0]);
    port_ = std::atoi(line.c_str());
    ASSERT_GT(port_, 0) << "fault_server.py did not print its port";
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  static int port() { return port_; }
  static std::string base() { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

  // Requests the server has received for `path`, read through a plain curl request.
  static int count(const std::string& path) { return ask("__count?path=" + path); }
  // The most requests for /<prefix>/slow the server was answering at once ("" for all).
  static int max_in_flight(const std::string& prefix) { return ask("__max?key=" + prefix); }
  static int ask(const std::string& what) {
    CURL* e = curl_easy_init();
    std::string body;
    std::string url = base() + what;
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_PROXY, "");
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* u) {
      static_cast<std::string*>(u)->append(d, s * n);
      return s * n;
    });
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &body);
    CURLcode rc = curl_easy_perform(e);
    curl_easy_cleanup(e);
    return rc == CURLE_OK ? std::atoi(body.c_str()) : -1;
  }

 private:
  static inline pid_t pid_ = -1;
  static inline int port_ = 0;
};

}  // namespace senrei
