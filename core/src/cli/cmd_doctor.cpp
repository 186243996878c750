// `senrei doctor [--repair]`: checks the crawl state, the stored bodies and the index against each
// other, and names the one command that repairs what it finds.
//
//   state    SQLite's quick_check; every page row readable
//   index    present; Xapian's own check (Xapian::Database::check); every document's data
//            readable; every record the state lists is in the index, and every document in the
//            index was made by a page of the state
//   bodies   every body the state names is stored, and its bytes match its sha256
//
// Exit 0 when all is well, 1 when something was found.  --repair deletes damaged bodies (so the
// next crawl fetches them again) and rebuilds the index from the stored bodies (cli/reindex.hpp).
#include <iostream>
#include <set>
#include <sstream>

#include <xapian.h>

#include "cli/commands.hpp"
#include "i18n/i18n.hpp"
#include "cli/reindex.hpp"
#include "index/schema.hpp"
#include "store/body_store.hpp"
#include "store/crawl_state.hpp"
#include "store/workspace.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

struct Findings {
  std::vector<std::string> lines;
  bool index_needs_rebuild = false;
  std::set<std::string> refetch_sources;  // sources with bodies missing or damaged
  std::vector<std::string> damaged_bodies;
  bool state_damaged = false;
  void add(std::string line) { lines.push_back(std::move(line)); }
};

struct StatePage {
  std::string source, url, sha256;
  std::vector<std::string> record_ids;
};

std::string example(const std::vector<std::string>& v) { return v.empty() ? "" : " " + trf("(e.g. {1})", {v.front()}); }

// The ids of the index's documents, or nullopt (with a finding) when it cannot be read whole.
std::optional<std::set<std::string>> check_index(const fs::path& dir, Findings& f) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    f.add(trf("index: missing ({1})", {dir.string()}));
    f.index_needs_rebuild = true;
    return std::nullopt;
  }
  if (fs::is_regular_file(dir, ec)) {
    f.add(trf("index: {1} is a stub naming other indexes; check each shard's workspace instead", {dir.string()}));
    return std::nullopt;
  }
  try {
    std::ostringstream detail;
    size_t errors = Xapian::Database::check(dir.string(), 0, &detail);
    if (errors > 0) {
      f.add(trf("index: Xapian's check found {1} errors in {2}", {std::to_string(errors), dir.string()}));
      f.index_needs_rebuild = true;
      return std::nullopt;
    }
  } catch (const Xapian::Error& e) {
    f.add(trf("index: damaged ({1})", {e.get_description()}));
    f.index_needs_rebuild = true;
    return std::nullopt;
  }
  std::set<std::string> ids;
  int64_t unreadable = 0;
  try {
    Xapian::Database db(dir.string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      ids.insert(doc.get_value(index::kSlotId));
      try {
        (void)index::decode_document_data(doc.get_data());
      } catch (const std::exception&) {
        ++unreadable;
      }
    }
  } catch (const Xapian::Error& e) {
    f.add(trf("index: cannot be read whole ({1})", {e.get_description()}));
    f.index_needs_rebuild = true;
    return std::nullopt;
  }
  if (unreadable > 0) {
    f.add(trf("index: {1} documents hold data senrei cannot read", {std::to_string(unreadable)}));
    f.index_needs_rebuild = true;
  }
  return ids;
}

std::vector<StatePage> read_state(const fs::path& file, Findings& f) {
  std::vector<StatePage> out;
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    f.add(trf("state: no crawl state ({1}): nothing crawled yet", {file.string()}));
    return out;
  }
  try {
    CrawlState state(file, true);
    if (std::string problem = state.integrity_problem(); !problem.empty()) {
      f.add(trf("state: damaged ({1})", {problem}));
      f.state_damaged = true;
      return out;
    }
    for (const auto& [source, states] : state.counts())
      for (auto& p : state.pages(source)) out.push_back({p.source, p.url, p.sha256, std::move(p.record_ids)});
  } catch (const std::exception& e) {
    f.add(trf("state: {1}", {e.what()}));
    f.state_damaged = true;
  }
  return out;
}

void check_bodies(const std::vector<StatePage>& pages, const BodyStore& bodies, Findings& f) {
  std::set<std::string> checked;
  std::vector<std::string> missing, damaged;
  for (const auto& p : pages) {
    if (p.sha256.empty() || !checked.insert(p.sha256).second) continue;
    if (!bodies.has(p.sha256)) {
      missing.push_back(p.url);
      f.refetch_sources.insert(p.source);
    } else if (!bodies.get(p.sha256)) {
      damaged.push_back(p.url);
      f.damaged_bodies.push_back(p.sha256);
      f.refetch_sources.insert(p.source);
    }
  }
  if (!missing.empty()) f.add(trf("bodies: {1} stored pages are missing", {std::to_string(missing.size())}) + example(missing));
  if (!damaged.empty())
    f.add(trf("bodies: {1} stored pages do not match their sha256", {std::to_string(damaged.size())}) + example(damaged));
}

void compare(const std::vector<StatePage>& pages, const std::set<std::string>& index_ids, Findings& f) {
  std::set<std::string> state_ids;
  std::vector<std::string> lacking;
  for (const auto& p : pages)
    for (const auto& id : p.record_ids) {
      state_ids.insert(id);
      if (!index_ids.count(id)) lacking.push_back(trf("{1} of {2}", {id, p.url}));
    }
  std::vector<std::string> orphans;
  for (const auto& id : index_ids)
    if (!state_ids.count(id)) orphans.push_back(id);
  if (!lacking.empty()) {
    f.add(trf("index: {1} records the crawl state lists are not in the index", {std::to_string(lacking.size())}) +
          example(lacking));
    f.index_needs_rebuild = true;
  }
  if (!orphans.empty()) {
    f.add(trf("index: {1} documents no page of the crawl state made", {std::to_string(orphans.size())}) +
          example(orphans));
    f.index_needs_rebuild = true;
  }
}

}  // namespace

int run_doctor(Context& ctx, const Args& args) {
  if (!args.positional.empty()) throw UsageError(tr("doctor takes no arguments (--repair to repair)"));
  auto ws = Workspace::open_existing(ctx.data_dir());
  const bool repair = args.has("repair");
  if (repair) ws.lock_for_writing("senrei doctor --repair");
  Findings f;
  const auto pages = read_state(ws.state_db(), f);
  BodyStore bodies(ws.bodies_dir());
  check_bodies(pages, bodies, f);
  auto index_ids = check_index(ws.index_dir(), f);
  if (index_ids && !f.state_damaged) compare(pages, *index_ids, f);

  auto& out = *ctx.out;
  out << trf("workspace {1}: {2} pages in the crawl state", {ws.dir().string(), std::to_string(pages.size())});
  if (index_ids) out << trf(", {1} records in the index", {std::to_string(index_ids->size())});
  out << "\n";
  if (f.lines.empty()) {
    out << tr("all is well: the state, the stored bodies and the index agree") << "\n";
    return 0;
  }
  for (const auto& l : f.lines) out << "  " << l << "\n";
  std::string refetch;
  for (const auto& s : f.refetch_sources) refetch += " " + s;
  if (!repair) {
    if (f.state_damaged)
      out << trf("repair: the crawl state cannot be repaired here — move {1} away and run `senrei crawl` (pages are "
                 "fetched again)",
                 {ws.state_db().string()})
          << "\n";
    else if (f.index_needs_rebuild || !f.damaged_bodies.empty())
      out << tr("repair:") << " senrei doctor --repair\n";
    if (!refetch.empty() && !f.state_damaged)
      out << tr("then:") << " senrei crawl" << refetch << "  " << tr("(fetches the missing pages again)") << "\n";
    return 1;
  }
  if (f.state_damaged) {
    out << trf("not repaired: the crawl state is damaged — move {1} away and run `senrei crawl` (pages are fetched "
               "again)",
               {ws.state_db().string()})
        << "\n";
    return 1;
  }
  for (const auto& sha : f.damaged_bodies) {
    std::error_code ec;
    fs::remove(bodies.path_of(sha), ec);
  }
  if (!f.damaged_bodies.empty())
    out << trf("removed {1} damaged bodies (the next crawl fetches them again)", {std::to_string(f.damaged_bodies.size())})
        << "\n";
  int status = 0;
  if (f.index_needs_rebuild) {
    out << tr("rebuilding the index from the stored bodies:") << "\n";
    status = reindex_workspace(ctx, ws, {});
  }
  if (!refetch.empty()) {
    out << tr("still to do:") << " senrei crawl" << refetch << "  " << tr("(fetches the missing pages again)") << "\n";
    status = 1;
  }
  return status;
}

}  // namespace senrei::cli
