// report/report.hpp — a Comparison as council tables, and the writers for each format.
//
// build_report() turns a compare::Comparison into language-resolved tables (Japanese labels by
// default, English on request); each writer renders the same tables, so a figure reads the same
// in every format.  A Cell keeps its number apart from its display text (CSV and XLSX store the
// number, Markdown and HTML show the text) and carries the sources of precedent figures: the
// URL everywhere, and the sentence in HTML.  Writers escape everything taken from pages.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "compare/comparison.hpp"

namespace senrei::report {

enum class Lang { ja, en };

// How a number is shown (and which XLSX number format it gets).
enum class Num {
  none,
  yen,        // 4億8,000万円 / ¥480,000,000
  man_yen,    // an amount in a 万円 column: 48,000 (the Cell's number is in 万円 too; the
              // column title carries the unit, so one column has one unit)
  yen_unit,   // a per-unit amount: 505円 / ¥505, one decimal under 100
  count,      // 1,234
  rate,       // per 100,000 people: 31.6
  ratio,      // similarity 0..1: 0.83
  percent,    // 66.7%  (the number is in percent points; XLSX stores the fraction with a % format)
  score,      // 0..100 with one decimal
  year,       // 2027
};

struct Source {
  std::string label;     // what the link names (a network, a figure)
  std::string url;
  std::string sentence;  // the sentence the figure was read from
};

struct Cell {
  std::string text;               // as displayed
  std::optional<double> number;   // numeric cells: the value stored in CSV and XLSX
  Num format = Num::none;
  std::vector<Source> sources;    // precedent figures: where they were read
  std::string mark;               // "pass", "warn", "fail" (check results), "plan" (the plan's row)
};

struct Table {
  std::string id;     // stable: summary, score, similar, projection, running_costs, checks,
                      // benchmarks, benchmarks_per_unit, benchmark_figures, achievements, funding,
                      // fees, operator_forms, national; appendix: similarity_parts, issues, method
                      // (summary is page 1: the score, its confidence, every failed and warned
                      // check in one line, the cost positions, the first negative year)
  std::string title;
  std::string note;   // one paragraph under the title: how to read it
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  bool appendix = false;  // method detail: printed last, under 付録 / Appendix
};

struct Report {
  Lang lang = Lang::ja;
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;  // label → value (plan, region, counts)
  std::vector<Table> tables;
  std::vector<std::string> notes;
};

Report build_report(const compare::Comparison& comparison, Lang lang);

void write_markdown(const Report& report, std::ostream& out);
// UTF-8 with BOM, CRLF; the tables one after another, each with its title line; a last column
// lists the sources of the row's figures.  Formula-like cells are neutralised (csv_cell).
void write_csv(const Report& report, std::ostream& out);
// One self-contained file, A4 print CSS, inline SVG charts drawn from the comparison.
void write_html(const Report& report, const compare::Comparison& comparison, std::ostream& out);
// One worksheet per table; numbers as numbers with yen formats.  Throws std::runtime_error.
void write_xlsx(const Report& report, const std::filesystem::path& file);
// The comparison itself (docs/json.md, "compare"), independent of the language.
void write_json(const compare::Comparison& comparison, std::ostream& out);

}  // namespace senrei::report
