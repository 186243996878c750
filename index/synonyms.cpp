#include "index/synonyms.hpp"

#include <algorithm>
#include <system_error>

#include <toml++/toml.h>

#include "index/text_fold.hpp"

namespace senrei::index {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 1 << 20;

std::string line_of(const toml::node& n) {
  const auto& src = n.source();
  return src.begin ? " line " + std::to_string(src.begin.line) : std::string();
}

}  // namespace

void Synonyms::load(const std::filesystem::path& file) {
  const std::string where = file.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw IndexError("cannot read the synonym table " + where + ": " + ec.message());
  if (size > kMaxFileBytes)
    throw IndexError("synonym table " + where + " is " + std::to_string(size) + " bytes, over the 1 MB limit — split it or remove groups");
  toml::table table;
  try {
    table = toml::parse_file(where);
  } catch (const toml::parse_error& e) {
    throw IndexError("synonym table " + where + " line " + std::to_string(e.source().begin.line) + ": " +
                     std::string(e.description()) + " — fix the TOML (docs/query.md, 言い換え)");
  }
  const toml::node* groups = table.get("groups");
  if (!groups) return;  // an empty table is allowed
  const toml::array* outer = groups->as_array();
  const std::string shape = " — write groups = [[\"NPO法人\", \"特定非営利活動法人\"], ...]";
  if (!outer) throw IndexError("synonym table " + where + line_of(*groups) + ": groups is not an array" + shape);
  for (const toml::node& g : *outer) {
    const toml::array* inner = g.as_array();
    if (!inner) throw IndexError("synonym table " + where + line_of(g) + ": a group is not an array of names" + shape);
    std::vector<std::string> names;
    for (const toml::node& n : *inner) {
      const auto* s = n.as_string();
      if (!s) throw IndexError("synonym table " + where + line_of(n) + ": a name is not a string" + shape);
      names.push_back(s->get());
    }
    add(names);
  }
}

void Synonyms::add(const std::vector<std::string>& raw) {
  std::vector<std::string> names;
  for (const auto& r : raw) {
    std::string f = fold(r);
    if (!f.empty() && std::find(names.begin(), names.end(), f) == names.end()) names.push_back(std::move(f));
  }
  if (names.size() < 2) return;
  // Merge with every existing group that shares a name.
  std::vector<std::string> merged;
  for (const auto& n : names) {
    auto it = group_of_.find(n);
    if (it == group_of_.end()) continue;
    auto& old = groups_[it->second];
    for (auto& o : old)
      if (std::find(merged.begin(), merged.end(), o) == merged.end()) merged.push_back(o);
    old.clear();
  }
  for (auto& n : names)
    if (std::find(merged.begin(), merged.end(), n) == merged.end()) merged.push_back(n);
  const std::size_t index = groups_.size();
  for (const auto& n : merged) group_of_[n] = index;
  groups_.push_back(std::move(merged));
}

std::vector<std::string> Synonyms::of(std::string_view term) const {
  auto it = group_of_.find(fold(term));
  if (it == group_of_.end()) return {};
  std::vector<std::string> out;
  for (const auto& n : groups_[it->second])
    if (n != it->first) out.push_back(n);
  return out;
}

std::size_t Synonyms::group_count() const {
  return static_cast<std::size_t>(
      std::count_if(groups_.begin(), groups_.end(), [](const auto& g) { return !g.empty(); }));
}

}  // namespace senrei::index
