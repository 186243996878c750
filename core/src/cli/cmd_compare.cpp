// senrei compare PLAN: the plan scored against the precedents in the workspace's index
// (issue 5; docs/plan.md).  Glue only: read the plan, load the precedents, compare, write.
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "i18n/i18n.hpp"
#include "compare/comparison.hpp"
#include "compare/index_issue_search.hpp"
#include "compare/national.hpp"
#include "compare/plan.hpp"
#include "plugin/plugin_host.hpp"
#include "report/report.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

std::string no_precedents(const fs::path& dir, const std::string& why) {
  return trf("no precedents to compare with: {1} in {2} — ingest case studies first, e.g. senrei crawl renkei-navi "
             "--mirror corpus/sample/renkei-support.mhlw.go.jp (or senrei crawl renkei-navi over the network)",
             {why, dir.string()});
}

// The formats compare writes, by -o extension.
const char* format_of_extension(const std::string& ext) {
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".csv") return "csv";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".xlsx") return "xlsx";
  if (ext == ".json") return "json";
  return nullptr;
}

std::string format_from(const Args& args) {
  // -o with an extension senrei does not write (.pdf, .docx) is refused whatever --format says.
  const std::string ext = fs::path(args.get("output")).extension().string();
  if (!ext.empty() && !format_of_extension(ext))
    throw UsageError(trf("compare writes .md, .csv, .html, .xlsx or .json files, not '{1}' (for PDF, print the "
                         ".html file from a browser)",
                         {ext}));
  if (args.has("format")) {
    std::string f = args.get("format");
    if (f == "markdown") f = "md";
    if (f != "md" && f != "csv" && f != "html" && f != "xlsx" && f != "json")
      throw UsageError(trf("--format takes md, csv, html, xlsx or json, not '{1}'", {f}));
    return f;
  }
  // No --format: the extension of -o decides, else Markdown.
  return ext.empty() ? "md" : format_of_extension(ext);
}

// The national reference figures: the first national.toml on the data path (national.hpp).
std::vector<compare::NationalFigure> national_figures() {
  const auto path = PluginHost::data_path("reference", "SENREI_REFERENCE_PATH");
  for (const auto& dir : path) {
    std::error_code ec;
    fs::path file = dir / "national.toml";
    if (!fs::is_regular_file(file, ec)) continue;
    try {
      return compare::read_national(file);
    } catch (const std::runtime_error& e) {
      throw Failure(e.what());
    }
  }
  std::string where;
  for (const auto& dir : path) where += (where.empty() ? "" : ", ") + dir.string();
  throw Failure(trf("national reference figures not found (national.toml in {1}): reinstall senrei, or set "
                    "SENREI_REFERENCE_PATH to the folder holding share/reference/national.toml",
                    {where}));
}

}  // namespace

int run_compare(Context& ctx, const Args& args) {
  if (args.positional.size() != 1)
    throw UsageError(tr("compare takes one plan file, e.g. senrei compare corpus/sample/plan-example.toml (docs/plan.md)"));
  const std::string format = format_from(args);
  // The report's headings and labels follow --lang like every message (i18n/i18n.hpp).
  const auto lang = i18n::japanese() ? report::Lang::ja : report::Lang::en;
  compare::Options options;
  options.top = static_cast<size_t>(args.get_int("top", 5, 1, 1000));
  options.include_incomparable = args.has("include-incomparable");

  compare::Plan plan;
  try {
    plan = compare::read_plan(args.positional[0]);
  } catch (const compare::PlanError& e) {
    throw UsageError(e.what());
  }
  for (const auto& note : plan.notes) *ctx.err << "senrei: " << note << "\n";
  options.national = national_figures();

  const fs::path dir = ctx.data_dir();
  std::error_code ec;
  if (!fs::exists(dir / "index", ec)) throw Failure(no_precedents(dir, tr("there is no index")));
  auto ws = Workspace::open_existing(dir);
  std::optional<index::Searcher> searcher;
  std::vector<compare::Precedent> precedents;
  try {
    searcher.emplace(ws.index_dir());
    precedents = compare::load_precedents(*searcher);
  } catch (const index::IndexError& e) {
    throw Failure(e.what());
  }
  if (precedents.empty()) throw Failure(no_precedents(dir, tr("the index holds no case overviews (kind:case_overview)")));

  compare::IndexIssueSearch issues(*searcher);
  compare::Comparison comparison;
  try {
    comparison = compare::compare(plan, std::move(precedents), issues, options);
  } catch (const index::IndexError& e) {
    throw Failure(e.what());
  }

  const std::string output = args.get("output");
  if (format == "xlsx") {
    fs::path target = output;
    if (output.empty()) {
      if (::isatty(STDOUT_FILENO)) throw UsageError(tr("an XLSX file is binary: give -o FILE.xlsx (or redirect standard output)"));
      target = fs::temp_directory_path() / ("senrei-compare-" + std::to_string(::getpid()) + ".xlsx");
    }
    try {
      if (output.empty()) {
        report::write_xlsx(report::build_report(comparison, lang), target);
      } else {
        OutputFile file(target);  // whole or not at all (F6)
        report::write_xlsx(report::build_report(comparison, lang), file.temp_path());
        file.commit();
      }
    } catch (const std::runtime_error& e) {
      throw Failure(e.what());
    }
    if (output.empty()) {
      std::ifstream in(target, std::ios::binary);
      *ctx.out << in.rdbuf();
      fs::remove(target, ec);
    }
    return 0;
  }

  std::ostringstream text;
  if (format == "json") {
    report::write_json(comparison, text);
  } else {
    auto rep = report::build_report(comparison, lang);
    if (format == "md") report::write_markdown(rep, text);
    else if (format == "csv") report::write_csv(rep, text);
    else report::write_html(rep, comparison, text);
  }
  if (output.empty() || output == "-") {
    *ctx.out << text.str();
    ctx.out->flush();
    return 0;
  }
  try {
    write_output_file(output, text.str());  // whole or not at all (F6)
  } catch (const OutputError& e) {
    throw Failure(e.what());
  }
  return 0;
}

}  // namespace senrei::cli
