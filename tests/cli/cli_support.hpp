// Runs the built senrei binary as a person would, capturing its output and exit status.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace senrei_test {

// The tests assert English messages: every senrei they start, however started, speaks English
// unless the test asks for Japanese (i18n/i18n.hpp).  ctest sets the same; this keeps a test
// binary run by hand the same.
inline const bool kEnglishMessages = (::setenv("SENREI_LANG", "en", 0), true);

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs a shell command line (stdin from /dev/null), capturing its output and exit status.
inline CliRun run_shell(const std::string& command) {
  static int n = 0;
  auto base = std::filesystem::temp_directory_path() /
              ("senrei-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
  std::string cmd = command + " >" + base.string() + ".out 2>" + base.string() + ".err </dev/null";
  int rc = std::system(cmd.c_str());
  CliRun r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc);
  r.out = slurp(base.string() + ".out");
  r.err = slurp(base.string() + ".err");
  std::filesystem::remove(base.string() + ".out");
  std::filesystem::remove(base.string() + ".err");
  return r;
}

// `env` is prepended as VAR=value words.  Messages are English (SENREI_LANG=en, as ctest also
// sets) unless `env` sets SENREI_LANG or the arguments hold --lang: tests assert English text,
// and the tests of Japanese output ask for it.
inline CliRun senrei(const std::vector<std::string>& args, const std::string& env = "") {
  std::string cmd = (env.find("SENREI_LANG=") == std::string::npos ? "SENREI_LANG=en " : "") + env + " " +
                    shell_quote(std::string(SENREI_BINARY_DIR) + "/senrei");
  for (const auto& a : args) cmd += " " + shell_quote(a);
  return run_shell(cmd);
}

// XORs `n` bytes spread over the second half of `file` (damage for the doctor and crawl tests).
inline void flip_bytes(const std::filesystem::path& file, size_t n) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  const auto size = static_cast<size_t>(std::filesystem::file_size(file));
  ASSERT_GT(size, n * 2);
  for (size_t i = 0; i < n; ++i) {
    const auto at = static_cast<std::streamoff>(size / 2 + i * 7 % (size / 2 - 1));
    f.seekg(at);
    char c = 0;
    f.read(&c, 1);
    c = static_cast<char>(c ^ 0x5a);
    f.seekp(at);
    f.write(&c, 1);
  }
}

inline size_t count_lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

inline const std::string kSample = std::string(SENREI_SOURCE_DIR) + "/corpus/sample/renkei-support.mhlw.go.jp";
inline const std::string kNavi = "http://renkei-support.mhlw.go.jp/";

}  // namespace senrei_test
