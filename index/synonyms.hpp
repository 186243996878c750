// index/synonyms.hpp — names that mean the same thing, as data (issue 18 item 2).
//
// A synonym table is TOML, one group per array of names:
//
//   groups = [
//     ["NPO法人", "特定非営利活動法人"],
//     ["地連NW", "地域医療情報連携ネットワーク"],
//   ]
//
// senrei ships share/synonyms.toml; a workspace adds WS/synonyms.toml (cli::load_synonyms finds
// both).  Groups sharing a name become one group.  Names compare folded (text_fold.hpp), so
// ＮＰＯ法人 and npo法人 are NPO法人.  The query parser applies the table at query time: a search
// term, or a filter value, that is a name of a group searches for every name of it (no reindex
// when the table changes).  Immutable once loaded; thread-safe to share.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "index/errors.hpp"

namespace senrei::index {

class Synonyms {
 public:
  // Reads a table and adds its groups.  Throws IndexError naming the file and line: a file
  // that is not TOML, a `groups` that is not an array of arrays of strings, over 1 MB.
  void load(const std::filesystem::path& file);
  // Adds one group (names as typed; folded here).  A group of fewer than two names adds nothing.
  void add(const std::vector<std::string>& names);

  // The other names of `term`'s group, folded, in the order first given; empty when it has none.
  std::vector<std::string> of(std::string_view term) const;
  std::size_t group_count() const;

 private:
  std::vector<std::vector<std::string>> groups_;   // folded names; merged groups left empty
  std::map<std::string, std::size_t> group_of_;    // folded name → index in groups_
};

}  // namespace senrei::index
