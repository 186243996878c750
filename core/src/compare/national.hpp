// compare/national.hpp — national reference figures (DOMAIN.md §5), read from data at run time.
//
// Surveys and audits, not precedent pages: each figure is cited by its source and year, shown
// beside the checks that rest on it (by id) and, with a metric, beside the plan's figure — never
// mixed into a precedent median.  They live in share/reference/national.toml (installed as
// share/senrei/reference/national.toml), so a new survey is a data change, not a rebuild.
// read_national() is strict: a missing key or a wrong type throws std::runtime_error with the
// file and line, in one line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace senrei::compare {

struct NationalFigure {
  std::string id;
  std::string source_ja, source_en;  // publisher, document, date
  int year = 0;
  std::string url;                   // "" when the document's address is not confirmed
  std::string text_ja, text_en;      // the finding, figures as published
  std::string metric;                // build_cost, running_cost_per_year, … or ""
  std::optional<double> value;       // with a metric: base units (yen, a fraction for share)
  bool approximate = false;
};

std::vector<NationalFigure> read_national(const std::filesystem::path& file);

// The figure of that id in `figures`, or nullptr.
const NationalFigure* national_figure(const std::vector<NationalFigure>& figures, const std::string& id);

}  // namespace senrei::compare
