// senrei compare PLAN: the plan scored against the precedents in the workspace's index
// (issue 5; docs/plan.md).  Glue only: read the plan, load the precedents, compare, write.
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "compare/comparison.hpp"
#include "compare/index_issue_search.hpp"
#include "compare/plan.hpp"
#include "report/report.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

std::string no_precedents(const fs::path& dir, const std::string& why) {
  return "no precedents to compare with: " + why + " in " + dir.string() +
         " — ingest case studies first, e.g. senrei crawl renkei-navi --mirror corpus/sample/renkei-support.mhlw.go.jp "
         "(or senrei crawl renkei-navi over the network)";
}

std::string format_from(const Args& args) {
  if (args.has("format")) {
    std::string f = args.get("format");
    if (f == "markdown") f = "md";
    if (f != "md" && f != "csv" && f != "html" && f != "xlsx" && f != "json")
      throw UsageError("--format takes md, csv, html, xlsx or json, not '" + f + "'");
    return f;
  }
  // No --format: the extension of -o decides, else Markdown.
  std::string ext = fs::path(args.get("output")).extension().string();
  for (const char* f : {"csv", "html", "xlsx", "json"})
    if (ext == std::string(".") + f) return f;
  if (ext == ".htm") return "html";
  return "md";
}

}  // namespace

int run_compare(Context& ctx, const Args& args) {
  if (args.positional.size() != 1)
    throw UsageError("compare takes one plan file, e.g. senrei compare corpus/sample/plan-example.toml (docs/plan.md)");
  const std::string format = format_from(args);
  const std::string lang_name = args.get("lang", "ja");
  if (lang_name != "ja" && lang_name != "en") throw UsageError("--lang takes ja or en, not '" + lang_name + "'");
  const auto lang = lang_name == "en" ? report::Lang::en : report::Lang::ja;
  compare::Options options;
  options.top = static_cast<size_t>(args.get_int("top", 5, 1, 1000));
  options.include_incomparable = args.has("include-incomparable");

  compare::Plan plan;
  try {
    plan = compare::read_plan(args.positional[0]);
  } catch (const compare::PlanError& e) {
    throw UsageError(e.what());
  }

  const fs::path dir = ctx.data_dir();
  std::error_code ec;
  if (!fs::exists(dir / "index", ec)) throw Failure(no_precedents(dir, "there is no index"));
  auto ws = Workspace::open_existing(dir);
  std::optional<index::Searcher> searcher;
  std::vector<compare::Precedent> precedents;
  try {
    searcher.emplace(ws.index_dir());
    precedents = compare::load_precedents(*searcher);
  } catch (const index::IndexError& e) {
    throw Failure(e.what());
  }
  if (precedents.empty()) throw Failure(no_precedents(dir, "the index holds no case overviews (kind:case_overview)"));

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
      if (::isatty(STDOUT_FILENO)) throw UsageError("an XLSX file is binary: give -o FILE.xlsx (or redirect standard output)");
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
