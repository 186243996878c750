// site — declarative sources: one Source per TOML file, no compilation.
//
// The host passes the folders to read (SourceLibrary::configure): the workspace's sources/ first, then
// $SENREI_SOURCES_PATH, the build tree's sources/ and <prefix>/share/senrei/sources.  Every
// `*.toml` there becomes a DeclaredSource (sources()); a file with a mistake is refused
// on its own with "<file>:<line>:<column>: what was expected" (refusals()) and the others load.
// A name defined in an earlier folder wins, so a workspace file replaces a shipped one.
// The file format: site_spec.hpp and docs/plugins.md.
#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "senrei/documents.hpp"
#include "senrei/case_page.hpp"
#include "senrei/fields.hpp"
#include "senrei/ja.hpp"
#include "senrei/plugin.hpp"
#include "senrei/source_library.hpp"
#include "senrei/url.hpp"
#include "site_spec.hpp"

namespace {

using namespace senrei;
using senrei_site::SiteSpec;
namespace fs = std::filesystem;

bool matches(const std::vector<senrei_site::UrlPattern>& patterns, const std::string& url) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const senrei_site::UrlPattern& p) { return p.found_in(url); });
}

// One TOML file's source.  Immutable after construction, so in_scope() and extract() are safe
// from several threads.
class DeclaredSource final : public Source {
 public:
  explicit DeclaredSource(SiteSpec spec) : spec_(std::move(spec)) {}

  SourceInfo info() const override { return spec_.info; }
  std::vector<std::string> seeds() const override { return spec_.seeds; }
  CrawlPolicy policy() const override { return spec_.policy; }

  bool in_scope(std::string_view url) const override {
    auto u = parse_url(url);
    if (!u || (u->scheme != "http" && u->scheme != "https")) return false;
    const std::string s = u->str();
    bool allowed = spec_.allow.empty() ? s.rfind(spec_.info.base_url, 0) == 0 : matches(spec_.allow, s);
    return allowed && !matches(spec_.deny, s);
  }

  std::vector<Record> extract(const ParsedPage& page) const override {
    std::optional<RecordKind> kind = spec_.default_kind;
    bool forced = false;
    for (const auto& rule : spec_.kinds) {
      if (rule.url.found_in(page.url)) {
        kind = rule.kind;
        forced = rule.force;
        break;
      }
    }
    if (!kind) return {};  // "none": an index page, followed for its links only

    Record r;
    r.kind = *kind;
    r.url = page.url;
    r.title = title_of(page);
    r.text = page.main_text();
    for (const auto& lv : page.labels) {
      const std::string key = senrei_site::label_key(lv.label);
      auto rule = std::find_if(spec_.labels.begin(), spec_.labels.end(),
                               [&](const senrei_site::LabelRule& l) { return l.label == key; });
      if (rule == spec_.labels.end()) continue;
      Provenance from{page.url, lv.sentence.empty() ? lv.label + "：" + lv.value : lv.sentence};
      if (rule->field == "as_of") {
        if (auto d = ja::parse_date(lv.value); d && r.as_of.empty()) r.as_of = *d;
        continue;
      }
      merge_fields(r.fields, read_fields(rule->field, lv.value, from));
    }
    if (r.kind == RecordKind::case_overview) {
      // What any case page states, read as every source reads it (senrei/case_page.hpp): the
      // heading, labels, prose facts, per-value dates and consistency flags.  A page under a
      // case URL that does not read as one (an "about" or list page) is other.
      // An <h1> on another site may be a page title (「とねっとの運営のしくみと費用」): a name
      // label wins over it.  A heading that reads as a case's (「Xネット（平成24年稼働）」) gives
      // the name and the start year at once.
      std::vector<Field> fields = std::move(r.fields);  // the source's own [labels] first
      std::vector<Field> heading = read_case_heading(page);
      if (std::any_of(heading.begin(), heading.end(), [](const Field& f) { return f.name == "start_year"; }))
        merge_fields(fields, std::move(heading));
      if (spec_.builtin_labels) merge_fields(fields, read_labelled_fields(page));
      // No label names the network: the case page's heading does when it reads as a name (the
      // source declared this URL a case page), else its title; flagged derived, since no label
      // said so.  A heading that names a topic (「…の運営のしくみと費用」) gives no name.
      if (std::none_of(fields.begin(), fields.end(), [](const Field& f) { return f.name == "network_name"; })) {
        std::string said;
        for (const auto& b : page.blocks)
          if (b.role == Block::Role::heading && b.level == 1) {
            said = b.text;
            break;
          }
        std::string name_text = name_from_title(said);
        if (name_text.empty() && said.empty()) name_text = name_from_title(page.title), said = page.title;
        if (!name_text.empty()) {
          Field name;
          name.name = "network_name";
          name.text = name_text;
          name.raw = said;
          name.provenance = {page.url, said};
          name.flags.emplace_back("derived");
          fields.push_back(std::move(name));
        }
      }
      std::vector<Field> probe = fields;
      if (std::none_of(fields.begin(), fields.end(), [](const Field& f) { return f.name == "network_name"; })) {
        Field name;  // for the reading only: the record title stands for a name
        name.name = "network_name";
        name.text = r.title;
        probe.push_back(std::move(name));
      }
      if (!forced && !reads_as_case_overview(probe)) r.kind = RecordKind::other;
      merge_fields(fields, read_stated_facts(page));
      const AsOfNote note = read_as_of_note(page);
      if (r.as_of.empty()) r.as_of = note.date;
      date_values(fields, note);
      r.flags = check_consistency(fields);
      r.fields = std::move(fields);
    } else if (spec_.builtin_labels) {
      merge_fields(r.fields, read_labelled_fields(page));
    }
    if (spec_.document_fields) {
      // A ministry's document page: its edition and publication date as the ministry plugins
      // read them; the publication date is the record's date unless a label gave one.
      merge_fields(r.fields, read_document_fields(page, r.title, spec_.info.publisher));
      if (const Field* date = r.field("publication_date"); date && r.as_of.empty()) r.as_of = date->text;
    }
    return {r};
  }

 private:
  std::string title_of(const ParsedPage& page) const {
    // A ministry's document is titled as the ministry plugins title it (PDF info, <h1>, <title>).
    std::string title = spec_.document_fields ? document_title(page) : std::string();
    if (title.empty() && spec_.title_from == "h1") {
      for (const auto& b : page.blocks)
        if (b.role == Block::Role::heading && b.level == 1) {
          title = b.text;
          break;
        }
    }
    if (title.empty()) title = page.title;
    for (const auto& suffix : spec_.title_strip) {
      if (title.size() > suffix.size() && title.compare(title.size() - suffix.size(), suffix.size(), suffix) == 0) {
        title.resize(title.size() - suffix.size());
        break;
      }
    }
    while (!title.empty() && (title.back() == ' ')) title.pop_back();
    if (title.empty()) title = page.url;
    return title;
  }

  SiteSpec spec_;
};

class Site final : public SourceLibrary {
 public:
  void configure(const std::vector<std::string>& search_dirs) override {
    std::map<std::string, fs::path> defined;  // name → file
    for (const auto& d : search_dirs) {
      std::error_code ec;
      fs::path dir(d);
      if (!fs::is_directory(dir, ec)) continue;
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml" && entry.is_regular_file(ec)) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      std::map<std::string, fs::path> here;
      for (const auto& file : files) {
        try {
          SiteSpec spec = senrei_site::read_site_spec(file);
          const std::string name = spec.info.name;
          if (auto same = here.find(name); same != here.end()) {
            refusals_.push_back(file.string() + ": source '" + name + "' is also defined by " + same->second.string() +
                                "; give one of them another name");
            continue;
          }
          here[name] = file;
          if (defined.count(name)) continue;  // an earlier folder (the workspace) replaces this one
          defined[name] = file;
          sources_.push_back(std::make_shared<DeclaredSource>(std::move(spec)));
        } catch (const std::exception& e) {
          refusals_.push_back(e.what());
        }
      }
    }
  }
  std::vector<std::shared_ptr<Source>> sources() const override { return sources_; }
  std::vector<std::string> refusals() const override { return refusals_; }

 private:
  std::vector<std::shared_ptr<Source>> sources_;
  std::vector<std::string> refusals_;
};

}  // namespace

SENREI_PLUGIN_LIBRARY(Site)
