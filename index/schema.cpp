#include "index/schema.hpp"

#include <cstdint>
#include <cstdio>

namespace senrei::index {

namespace {
constexpr std::size_t kMaxTermBytes = 240;

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
}  // namespace

std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term.append(value);
    return term;
  }
  // Cut at a UTF-8 boundary, then '#' + 16 hex digits: 240 bytes at most.
  std::size_t keep = kMaxTermBytes - prefix.size() - 17;
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
  term.append(value.substr(0, keep));
  char hex[18];
  std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(fnv1a(value)));
  term.append(hex);
  return term;
}

}  // namespace senrei::index
