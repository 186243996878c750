// Helpers shared by the libFuzzer targets: carve a fuzzer's bytes into parts.
//
// A target gets one byte string.  Targets that need several inputs (a charset label and a body,
// a base URL and a reference) split it at the first "\n--\n", so a seed file reads naturally.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace senrei_fuzz {

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// {before, after} the first separator; {all, ""} when there is none.
inline std::pair<std::string_view, std::string_view> split2(std::string_view in) {
  constexpr std::string_view sep = "\n--\n";
  size_t at = in.find(sep);
  if (at == std::string_view::npos) return {in, {}};
  return {in.substr(0, at), in.substr(at + sep.size())};
}

// Writes the input to a file of this process under /dev/shm (for readers that take a path) and
// returns its name.
std::string input_file(std::string_view input, const char* suffix);

// Aborts with a message when a property the target checks does not hold; libFuzzer then saves
// the input as a crash.
[[noreturn]] void property_failed(const char* what, std::string_view input);

}  // namespace senrei_fuzz
