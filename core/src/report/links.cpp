#include "report/links.hpp"

#include <algorithm>

#include "report/format.hpp"

namespace senrei::report::detail {

std::vector<Source> web_sources(const Cell& cell) {
  std::vector<Source> out;
  for (const auto& s : cell.sources) {
    if (!is_web_url(s.url)) continue;
    bool seen = std::any_of(out.begin(), out.end(), [&](const Source& o) { return o.url == s.url && o.sentence == s.sentence && o.label == s.label; });
    if (!seen) out.push_back(s);
  }
  return out;
}

size_t source_list_start(const Cell& cell, const std::vector<Source>& sources) {
  if (sources.size() < 2) return std::string::npos;
  for (const char* sep : {"、", ", "}) {
    std::string joined;
    for (const auto& s : sources) joined += (joined.empty() ? "" : sep) + s.label;
    const std::string& t = cell.text;
    if (t.size() >= joined.size() && t.compare(t.size() - joined.size(), joined.size(), joined) == 0)
      return t.size() - joined.size();
  }
  return std::string::npos;
}

std::vector<bool> numeric_columns(const Table& table) {
  std::vector<bool> out(table.columns.size(), true);
  std::vector<bool> any(table.columns.size(), false);
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size() && c < out.size(); ++c) {
      if (row[c].number) any[c] = true;
      else if (row[c].text != "—" && !row[c].text.empty()) out[c] = false;
    }
  }
  for (size_t c = 0; c < out.size(); ++c) out[c] = out[c] && any[c];
  return out;
}

std::vector<std::string> row_urls(const std::vector<Cell>& row) {
  std::vector<std::string> out;
  for (const auto& cell : row)
    for (const auto& s : cell.sources)
      if (!s.url.empty() && std::find(out.begin(), out.end(), s.url) == out.end()) out.push_back(s.url);
  return out;
}

}  // namespace senrei::report::detail
