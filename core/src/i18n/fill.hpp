// i18n/fill.hpp — a translated message with its values put in: fill(tr("unknown option {1}"), {arg}).
//
// A message is translated whole (one msgid with {1}, {2}, … where the values go), never glued
// from translated fragments, so a Japanese catalog can put the values where Japanese puts them.
// {N} with no Nth value is left as written.  Header-only; throws nothing but std::bad_alloc.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace senrei {

inline std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9' &&
        pattern[i + 2] == '}') {
      const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (n < values.size()) {
        out += *(values.begin() + n);
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace senrei
