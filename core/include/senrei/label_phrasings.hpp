// senrei/label_phrasings.hpp — a C++ plugin's own label phrasings: what its site writes as a
// label, and the field that label names.
//
// The built-in label → field table (senrei/fields.hpp, read_labelled_fields) knows the phrasings
// found on many sites.  A site with its own (「システム維持費」 for the running cost, 「加入者」
// for the patients) adds them here, as a TOML source does in its [labels] table, without
// changing the engine:
//
//     LabelPhrasings own;
//     own.add("システム維持費", "running_cost_yen").add("加入者", "patients");
//     record.fields = own.read_labelled_fields(page);   // own phrasings first, then the built-in table
//
// Labels are compared by label_key(): NFKC, without spaces, cut at the first ":", "(", "【" or
// "[" (「構築費用（税込）」 is 構築費用).  A field must be one of known_field_names(), or "as_of"
// (the record's date, not a field).  A value is read as read_fields() reads that field, with the
// label and value as its provenance.  Build the table once (in the constructor); reading is
// const and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "senrei/page.hpp"
#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

// A label as the phrasing tables compare it (see above).
std::string label_key(std::string_view label);

class LabelPhrasings {
 public:
  // Adds a phrasing; a later one for the same label replaces it.  Throws std::invalid_argument
  // for an empty label or a field that is neither a known field name nor "as_of".
  LabelPhrasings& add(std::string_view label, std::string_view field);
  // The field this table gives `label`, or nullopt.
  std::optional<std::string> field_for(std::string_view label) const;
  bool empty() const { return phrasings_.empty(); }

  // The page's labels this table names, read as their fields (list fields merged, the first
  // value of another field wins).  An "as_of" label sets *as_of (when given and still empty).
  std::vector<Field> read(const ParsedPage& page, std::string* as_of = nullptr) const;
  // read(), then every other label of the page by the built-in table (read_labelled_fields).
  std::vector<Field> read_labelled_fields(const ParsedPage& page, std::string* as_of = nullptr) const;

 private:
  std::vector<std::pair<std::string, std::string>> phrasings_;  // label_key → field
};

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
