// index/errors.hpp — the two exceptions the index throws.  Each what() is one line a person can
// act on: what is wrong, where, and what to do.
#pragma once

#include <stdexcept>
#include <string>

#include "i18n/i18n.hpp"

namespace senrei::index {

// Appended to an IndexError about a damaged or unreadable index: the one command that says what
// is wrong and repairs it (`senrei doctor`, cli/cmd_doctor.cpp).
inline constexpr const char* kRepairAdvice = N_(" — run `senrei doctor` to check the workspace, `senrei doctor --repair` to rebuild the index");
// kRepairAdvice in the chosen language (i18n/i18n.hpp).
inline const char* repair_advice() { return tr(kRepairAdvice); }

// The index cannot be opened, read or written: missing, damaged, locked, built with another
// MeCab dictionary or schema, or no usable MeCab dictionary on this machine.
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A search query that cannot be understood (empty, unknown filter, malformed range, ...).
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace senrei::index
