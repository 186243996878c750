// Shared by the safety tests: scratch folders, mirrors written page by page, and the records a
// workspace holds as read back through the real binary.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_support.hpp"

namespace senrei_test {

// A folder under the temp dir, removed with its contents at the end of the test.
struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const std::string& name) {
    static int n = 0;
    path = std::filesystem::temp_directory_path() /
           ("senrei-safety-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string str() const { return path.string(); }
  std::filesystem::path operator/(const std::string& p) const { return path / p; }
};

// Writes one mirror page: `path` "" or ending in "/" is a folder's index.html.
inline void write_page(const std::filesystem::path& mirror, const std::string& path, const std::string& title,
                       const std::string& body) {
  auto file = mirror / path;
  if (path.empty() || path.back() == '/') file /= "index.html";
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" << title
                                        << "</title></head><body><h1>" << title << "</h1><p>" << body
                                        << "</p></body></html>";
}

// Every record of a workspace, id → JSON, through `senrei export` (what a user would get).
inline std::map<std::string, nlohmann::json> exported_records(const std::string& data, const std::string& env = "") {
  auto r = senrei({"--data", data, "export", "--format", "jsonl"}, env);
  std::map<std::string, nlohmann::json> out;
  if (r.status != 0) return out;
  size_t start = 0;
  while (start < r.out.size()) {
    size_t end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    if (end > start) {
      auto j = nlohmann::json::parse(r.out.substr(start, end - start));
      out[j["id"].get<std::string>()] = j;
    }
    start = end + 1;
  }
  return out;
}

inline std::set<std::string> keys(const std::map<std::string, nlohmann::json>& m) {
  std::set<std::string> out;
  for (const auto& [k, v] : m) out.insert(k);
  return out;
}

}  // namespace senrei_test
