// compare/precedent.hpp — a precedent network as compare sees it: one network, once.
//
// Precedents are read from the index (the Record JSON in each document), so compare works on
// whatever the sources extracted, by field name (DOMAIN.md §3), and every figure keeps the
// provenance its Field carries.  A precedent is a network, not a page: case overviews that
// name the same network in the same prefecture (from two pages or two sources) are merged by
// merge_networks(), so no network is ever counted twice.  Plain values; load_precedents() uses
// the Searcher given.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/searcher.hpp"
#include "senrei/record.hpp"

namespace senrei::compare {

struct Precedent {
  Record record;     // the overview that supplies the figures, plus the fields it lacked
  std::string name;  // network_name, else the record's title
  // The other overview pages merged into this network (their URLs), in id order.  A field
  // taken from one of them keeps that page's provenance.
  std::vector<std::string> merged_urls;

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

// Every network of the index's case_overview records, once (merge_networks), ordered by id.
std::vector<Precedent> load_precedents(index::Searcher& searcher);

// The network's identity: its name and prefecture ("" when not stated), folded (ja::fold) and
// without spaces.
std::string network_identity(const Precedent& p);

// Precedents of the same identity become one: the overview with the most stated fields (the
// lowest id on a tie) supplies the figures; each other one only adds the fields it lacks, with
// their own provenance (a field with no URL gets its page's URL).  Order: by the kept id.
std::vector<Precedent> merge_networks(std::vector<Precedent> precedents);

// The precedent a record belongs to: a case_overview is its own; a case step page (or any other
// record) belongs to the precedent whose network name begins its network_name or title (the
// longest such name).  nullopt when none does.
std::optional<size_t> owner_of(const Record& record, const std::vector<Precedent>& precedents);

}  // namespace senrei::compare
