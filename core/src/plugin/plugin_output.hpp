// plugin/plugin_output.hpp — what a plugin returns, checked before the engine keeps any of it.
//
// validate_records() is the check plugin/plugin_door.cpp applies to every extract() result (a
// failure is a PluginError of kind bad_output); clean_message() makes whatever a plugin says
// (an exception's what()) one line of valid UTF-8 of modest length, since it is printed, stored
// in the crawl state and written as JSON.  Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/plugin.hpp"

namespace senrei {

inline constexpr size_t kMaxRecordsPerPage = 10000;

// Checks and completes a plugin's records for one page: fills id, source and url when empty;
// refuses empty titles, ids of another source, duplicate ids, fields without a name, numbers
// that are not finite, text that is not UTF-8, and more than kMaxRecordsPerPage records.
// Returns the problem, or an empty string when all records are acceptable.
std::string validate_records(const SourceInfo& info, const std::string& url, std::vector<Record>& records);

// At most 400 bytes of `text`, ill-formed UTF-8 replaced by U+FFFD (a sequence cut at the end
// dropped), on one line (senrei/ja.hpp's one_line).
std::string clean_message(std::string_view text);

}  // namespace senrei
