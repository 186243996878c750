// toml/toml_guard.hpp — what a TOML file must satisfy before toml++ reads it.
//
// toml++ bounds the nesting of arrays and inline tables (256) but not the parts of a dotted key:
// `a.a.a.…` with 50,000 parts overflowed its stack and killed every command that loaded the
// file (F3 of the reliability report).  Plans (compare/plan.cpp) and declarative sources
// (plugins/site) therefore read a file through read_toml_text(), which refuses, before any
// parsing, a file larger than kMaxTomlBytes and a line whose dotted chain (key parts joined by
// dots, outside strings and comments) has more than kMaxTomlKeyParts parts.  The scan is
// linear, allocation-free and conservative: it never refuses a file toml++ would read into a
// key of at most kMaxTomlKeyParts parts.  Thread-safe; throws nothing but std::bad_alloc.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace senrei::toml_guard {

inline constexpr std::size_t kMaxTomlBytes = 4u << 20;  // plans and source files are a few KB
inline constexpr std::size_t kMaxTomlKeyParts = 64;     // a.b.c: 3 parts; senrei's deepest is 2

struct Problem {
  unsigned line = 1;    // 1-based
  std::string message;  // one line: what was found, what the limit is
};

// The first problem of `text`, or nullopt when toml++ may read it.
std::optional<Problem> check(std::string_view text);

// The file's bytes, or a Problem (line 1 for "cannot be read" and "too large"); reads at most
// kMaxTomlBytes + 1 bytes, then check()s them.
struct Loaded {
  std::string text;
  std::optional<Problem> problem;
};
Loaded read_toml_text(const std::filesystem::path& file);

}  // namespace senrei::toml_guard
