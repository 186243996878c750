#include "cli/commands.hpp"
#include "cli/engine.hpp"
#include "i18n/i18n.hpp"

#include "store/workspace.hpp"

namespace senrei::cli {

std::filesystem::path Context::data_dir() const { return Workspace::resolve(data_flag); }

PluginHost& Context::plugins() {
  if (!plugins_) {
    plugins_ = std::make_unique<PluginHost>();
    // Where declarative sources (plugins/site) look for TOML files: the workspace's own first,
    // so a file there replaces a shipped one of the same name.
    std::vector<std::string> config_dirs;
    config_dirs.push_back((data_dir() / "sources").string());
    for (const auto& p : PluginHost::data_path("sources", "SENREI_SOURCES_PATH")) config_dirs.push_back(p.string());
    plugins_->load(PluginHost::default_search_path(), config_dirs);
  }
  return *plugins_;
}

const std::vector<OptionSpec>& global_options() {
  static const std::vector<OptionSpec> opts = {
      {"data", 0, "DIR", N_("workspace: crawl state, stored pages and index (default $SENREI_DATA, else ./senrei-data)"),
       false, {}, Complete::dir},
      {"color", 0, "WHEN", N_("colour the output: auto (on a terminal), always or never"), false, "auto always never"},
      {"lang", 0, "LANG", N_("language of messages and reports: ja (default) or en"), false, "ja en"},
      {"help", 'h', "", N_("show this help, or a command's help")},
      {"version", 'V', "", N_("print the version")},
  };
  return opts;
}

const Command* find_command(std::string_view name) {
  for (const auto& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"crawl", "[SOURCE...]",
       N_("fetch the sources' pages (or read a mirror), store them and update the index"),
       {
           {"mirror", 0, "DIR", N_("read pages from a local mirror (wget -m layout) instead of the network"), false, {},
            Complete::dir},
           {"base-url", 0, "URL", N_("fetch from URL instead of the source's real site; records keep the real URLs")},
           {"allow-private", 0, "", N_("allow loopback and private addresses (test servers, a local mirror)")},
           {"delay", 0, "SECONDS", N_("delay between requests to one host (default: the source's, else 1)")},
           {"connections", 0, "N", N_("connections to one host at a time (default 1)")},
           {"contact", 0, "URL", N_("contact sent in the User-Agent (default $SENREI_CONTACT, else the project page)")},
           {"max-pages", 0, "N", N_("stop a source after N pages (default: the source's limit)")},
           {"max-depth", 0, "N", N_("follow links at most N steps from the seeds (default: the source's, else 50)")},
           {"max-pages-per-host", 0, "N", N_("queue at most N pages of one host from links (default 50000)")},
           {"max-query-variants", 0, "N", N_("queue at most N query strings of one path from links (default 100)")},
           {"skip-source", 0, "NAME", N_("leave this source out (repeatable)"), true, {}, Complete::source},
           {"prune", 0, "", N_("remove pages missing now (404/410, file gone) at once, even more than 20 % of a source")},
           {"commit-pages", 0, "N", N_("commit the index and crawl state at least every N changed pages (default 200; unchanged ones every 50 N; fewer lose less to a crash)")},
           {"commit-seconds", 0, "S", N_("... and at least every S seconds (default 2)")},
           {"plugin-timeout", 0, "SECONDS", N_("fail a page whose plugin takes longer, and disable that plugin (default 30; 0: none)")},
           {"json", 0, "", N_("print the summary as JSON")},
       },
       engine_crawl, Complete::source},
      {"search", "QUERY | --queries FILE",
       N_("search the precedents: Japanese text, \"phrases\", AND/OR/NOT, filters and ranges (docs/query.md)"),
       {
           {"limit", 'n', "N", N_("show N results (default 10)")},
           {"offset", 0, "N", N_("skip the first N results")},
           {"sort", 0, "FIELD", N_("sort by year, build, run, pop, patients or inst (-FIELD: descending)"), false,
            "relevance year -year build -build run -run pop -pop patients -patients inst -inst"},
           {"facets", 0, "", N_("count results by kind, source, prefecture, operator form and funding (exact)")},
           {"exact", 0, "", N_("count every match (by default, past 300 the total is an estimate: \"about N\")")},
           {"json", 0, "", N_("print results as JSON (docs/json.md)")},
           {"with-text", 0, "", N_("with --json: include each record's whole text (by default only the snippet)")},
           {"queries", 0, "FILE", N_("answer every query in FILE (one a line) in one process, with the time each took"),
            false, {}, Complete::file},
       },
       run_search, Complete::query},
      {"show", "ID|URL", N_("print one record (found by its id, URL or any alias URL) with its aliases, all its fields and where each came from"),
       {{"json", 0, "", N_("print the record as JSON")}}, run_show},
      {"export", "", N_("write every record"),
       {
           {"format", 0, "FORMAT", N_("jsonl (default) or csv (default from the -o extension: .jsonl, .csv)"), false,
            "jsonl csv"},
           {"output", 'o', "FILE", N_("write to FILE instead of standard output"), false, {}, Complete::file},
       },
       run_export},
      {"compare", "PLAN",
       N_("score the region's plan (TOML, docs/plan.md) against the precedents: feasibility and budget benchmarks"),
       {
           {"format", 0, "FORMAT", N_("md (default), csv, html, xlsx or json (default from the -o extension)"), false,
            "md csv html xlsx json"},
           {"output", 'o', "FILE", N_("write to FILE instead of standard output"), false, {}, Complete::file},
           {"top", 0, "N", N_("show the N most similar precedents (default 5)")},
           {"include-incomparable", 0, "", N_("let incomparable figures into medians, ranges and percentiles")},
       },
       engine_compare, Complete::file},
      {"stats", "", N_("what is in the store and the index"), {{"json", 0, "", N_("print as JSON")}}, run_stats},
      {"reindex", "[SOURCE...]",
       N_("rebuild the index from the stored pages without fetching (after damage, a MeCab dictionary or schema change)"),
       {}, engine_reindex, Complete::source},
      {"doctor", "",
       N_("check the crawl state, the stored pages and the index against each other, and say what repairs them"),
       {{"repair", 0, "", N_("repair: rebuild the index from the stored pages, remove damaged stored pages")}},
       engine_doctor},
      {"sources", "[--check NAME [URL|FILE]]",
       N_("list the source plugins found (and the ones refused, with the reason), or try one on a page"),
       {
           {"check", 0, "NAME", N_("run source NAME on its bundled sample pages, or on URL|FILE, and print the records "
                                "and fields it makes with the sentence each came from; stores nothing"),
            false, {}, Complete::source},
           {"names", 0, "", N_("print only the sources' names, one a line (for scripts and shell completion)")},
           {"url", 0, "URL", N_("with --check FILE: the real URL the file was saved from")},
           {"base-url", 0, "URL", N_("with --check URL: fetch it from URL instead of the real site; records keep the real URL")},
           {"allow-private", 0, "", N_("with --check URL: allow loopback and private addresses")},
           {"plugin-timeout", 0, "SECONDS", N_("with --check: fail a page whose plugin takes longer (default 30; 0: none)")},
           {"json", 0, "", N_("print as JSON")},
       },
       engine_sources},
      {"plugin", "new NAME [DIR]",
       N_("write a ready-to-build source plugin project (CMake, commented source, test, sample page) into DIR "
       "(default ./NAME); docs/plugins.md walks through it"),
       {}, run_plugin},
      {"check-url", "URL", N_("say whether a URL would be fetched, and why (exit 0 allowed, 3 refused)"),
       {
           {"robots", 0, "FILE", N_("judge against this robots.txt file"), false, {}, Complete::file},
           {"agent", 0, "TOKEN", N_("the robots.txt product token (default senrei)")},
           {"source", 0, "NAME", N_("check against this source's scope"), false, {}, Complete::source},
           {"allow-private", 0, "", N_("allow loopback and private addresses")},
           {"plugin-timeout", 0, "SECONDS", N_("give up on a source whose scope check takes longer (default 30; 0: none)")},
       },
       engine_check_url},
      {"help", "[COMMAND]", N_("describe senrei or one command"),
       {{"man", 0, "", N_("print the manual page senrei(1) as roff (what `man senrei` shows)")}}, run_help},
      {"completion", "bash|zsh",
       N_("print the shell completion script (installed by cmake --install; eval \"$(senrei completion bash)\" "
       "loads it by hand)"),
       {}, run_completion},
  };
  return table;
}

}  // namespace senrei::cli
