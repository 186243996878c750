// record/field_flags.hpp — a Field's consistency flags (senrei/record.hpp: Field::flags), each at
// most once.  Internal to the SDK's readers (fields.cpp, fees.cpp); pure, header-only.
#pragma once

#include <algorithm>
#include <string_view>

#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace record_detail {

inline bool has_flag(const Field& f, std::string_view flag) {
  return std::find(f.flags.begin(), f.flags.end(), flag) != f.flags.end();
}

inline void add_flag(Field& f, std::string_view flag) {
  if (!has_flag(f, flag)) f.flags.emplace_back(flag);
}

}  // namespace record_detail
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
