// compare/precedent.hpp — a precedent network as compare sees it: one case_overview Record.
//
// Precedents are read from the index (the Record JSON in each document), so compare works on
// whatever the sources extracted, by field name (DOMAIN.md §3), and every figure keeps the
// provenance its Field carries.  Plain values; load_precedents() uses the Searcher given.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/searcher.hpp"
#include "senrei/record.hpp"

namespace senrei::compare {

struct Precedent {
  Record record;
  std::string name;  // network_name, else the record's title

  const Field* field(std::string_view name) const { return record.field(name); }
  // A stated number of that field, or nullopt (absent, 非公開, 不明).
  std::optional<double> number(std::string_view name) const;
  // The field's keyword or text ("" when absent).
  std::string text(std::string_view name) const;
  // Whether a list field (funding_sources, running_payers, …) holds this item.
  bool has_item(std::string_view name, std::string_view item) const;
  std::optional<int> start_year() const;
  // The date the precedent's figures are current to: the record's as_of, else the latest as_of
  // of its counts.  "" when the page gives none.
  std::string as_of() const;
};

// Every case_overview record of the index, ordered by id (stable output).
std::vector<Precedent> load_precedents(index::Searcher& searcher);

// The precedent a record belongs to: a case_overview is its own; a case step page (or any other
// record) belongs to the precedent whose network name begins its network_name or title (the
// longest such name).  nullopt when none does.
std::optional<size_t> owner_of(const Record& record, const std::vector<Precedent>& precedents);

}  // namespace senrei::compare
