// record/sentences.hpp — a block of page text as sentences, so each fact cites its own sentence.
// Internal to the SDK's readers (fields.cpp, case_page.cpp); pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace senrei::record_detail {

// Split after 。 (kept); leading spaces and line breaks dropped, empty pieces skipped.
inline std::vector<std::string> split_sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("。", start);
    end = end == std::string::npos ? text.size() : end + std::string_view("。").size();
    std::string s = text.substr(start, end - start);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.erase(s.begin());
    if (!s.empty()) out.push_back(std::move(s));
    start = end;
  }
  return out;
}

}  // namespace senrei::record_detail
