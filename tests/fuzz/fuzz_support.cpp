#include "fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace senrei_fuzz {

std::string input_file(std::string_view input, const char* suffix) {
  const std::string file = "/dev/shm/senrei-fuzz-" + std::to_string(::getpid()) + suffix;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(input.data(), static_cast<std::streamsize>(input.size()));
  return file;
}

void property_failed(const char* what, std::string_view input) {
  std::fprintf(stderr, "property failed: %s\ninput (%zu bytes): %.*s\n", what, input.size(),
               static_cast<int>(input.size() > 400 ? 400 : input.size()), input.data());
  std::abort();
}

}  // namespace senrei_fuzz
