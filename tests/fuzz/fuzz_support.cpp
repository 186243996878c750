#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>

namespace senrei_fuzz {

void property_failed(const char* what, std::string_view input) {
  std::fprintf(stderr, "property failed: %s\ninput (%zu bytes): %.*s\n", what, input.size(),
               static_cast<int>(input.size() > 400 ? 400 : input.size()), input.data());
  std::abort();
}

}  // namespace senrei_fuzz
