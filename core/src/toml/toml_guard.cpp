#include "toml/toml_guard.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace senrei::toml_guard {

namespace {

bool bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '+';  // '+' for exponents (1e+5), harmless to count
}

}  // namespace

std::optional<Problem> check(std::string_view s) {
  if (s.size() > kMaxTomlBytes)
    return Problem{1, "the file is " + std::to_string(s.size()) + " bytes long; at most " +
                          std::to_string(kMaxTomlBytes >> 20) + " MiB is read"};
  unsigned line = 1;
  std::size_t parts = 0;      // parts of the current dotted chain
  bool in_part = false;       // inside a bare part or just after a quoted one
  auto end_chain = [&] {
    parts = 0;
    in_part = false;
  };
  auto too_deep = [&]() -> std::optional<Problem> {
    return Problem{line, "a dotted key with more than " + std::to_string(kMaxTomlKeyParts) +
                             " parts (a.b.c…); senrei's keys have at most 2"};
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\n') {
      ++line;
      end_chain();
      ++i;
      continue;
    }
    if (c == '#') {  // comment to the end of the line
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      const bool multi = s.compare(i, 3, std::string(3, c)) == 0;
      const std::size_t open = multi ? 3 : 1;
      std::size_t j = i + open;
      for (;;) {
        if (j >= s.size()) return std::nullopt;  // unterminated: toml++ reports it
        if (s[j] == '\n') {
          if (!multi) break;  // toml++ reports the broken string
          ++line;
        }
        if (c == '"' && s[j] == '\\' && j + 1 < s.size()) {
          if (s[j + 1] == '\n') ++line;
          j += 2;
          continue;
        }
        if (multi ? s.compare(j, 3, std::string(3, c)) == 0 : s[j] == c) {
          j += open;
          break;
        }
        ++j;
      }
      // A quoted string is one part of a chain (a."b".c), or a value, which ends none.
      if (!in_part) {
        if (++parts > kMaxTomlKeyParts) return too_deep();
        in_part = true;
      }
      i = j;
      continue;
    }
    if (bare_key_char(c)) {
      if (!in_part) {
        if (++parts > kMaxTomlKeyParts) return too_deep();
        in_part = true;
      }
      ++i;
      continue;
    }
    if (c == '.') {
      in_part = false;  // the next part continues the chain
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t') {
      ++i;
      continue;  // a.b . c is still one key
    }
    end_chain();  // '=', ',', brackets, braces, anything else
    ++i;
  }
  return std::nullopt;
}

Loaded read_toml_text(const std::filesystem::path& file) {
  Loaded out;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    out.problem = Problem{1, std::string("cannot be read: ") + std::strerror(errno)};
    return out;
  }
  struct stat st{};
  if (::fstat(fd, &st) == 0 && static_cast<unsigned long long>(st.st_size) > kMaxTomlBytes) {
    ::close(fd);  // refused without reading
    out.problem = Problem{1, "the file is " + std::to_string(st.st_size) + " bytes long; at most " +
                                 std::to_string(kMaxTomlBytes >> 20) + " MiB is read (plans and source files are a few KB)"};
    return out;
  }
  out.text.resize(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 0) + 1);
  std::size_t got = 0;
  while (got < out.text.size()) {
    ssize_t n = ::read(fd, out.text.data() + got, out.text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.problem = Problem{1, std::string("cannot be read: ") + std::strerror(errno)};
      ::close(fd);
      out.text.clear();
      return out;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got == out.text.size() && got <= kMaxTomlBytes) out.text.resize(std::min(got * 2, kMaxTomlBytes + 1));
  }
  ::close(fd);
  out.text.resize(got);
  if (got > kMaxTomlBytes) {
    out.problem = Problem{1, "the file is larger than " + std::to_string(kMaxTomlBytes >> 20) +
                                 " MiB; plans and source files are a few KB"};
    out.text.clear();
    return out;
  }
  out.problem = check(out.text);
  return out;
}

}  // namespace senrei::toml_guard
