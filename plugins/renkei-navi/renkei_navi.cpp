// renkei-navi — the ministry's 医療情報連携ネットワーク支援Navi (renkei-support.mhlw.go.jp).
//
// Page kinds follow the site's paths (DOMAIN.md §2): /<slug>/ is a case overview, /<slug>_N/
// its Step N page, /process/ and /processN/ the procedure, /processN_M/ a 実施のポイント page,
// /faq/, /pc-terms/, /statistics/.  Everything else is the SDK's (senrei/case_page.hpp): the
// heading with its start year, the as-of note, labelled and prose facts, and whether a page
// under a case path reads as a case overview at all.  Only the site's paths and title are here.
#include <regex>
#include <string>

#include "senrei/case_page.hpp"
#include "senrei/ja.hpp"
#include "senrei/plugin.hpp"
#include "senrei/url.hpp"

namespace {

using namespace senrei;

constexpr const char* kHost = "renkei-support.mhlw.go.jp";
constexpr const char* kSiteTitle = "医療情報連携ネットワーク支援Navi";

std::string first_segment_path(const std::string& path) {
  // "/ajisai/" → "ajisai"; "/" → ""; "/a/b/" → "a/b"
  std::string p = path;
  while (!p.empty() && p.front() == '/') p.erase(p.begin());
  while (!p.empty() && p.back() == '/') p.pop_back();
  if (p.size() > 11 && p.compare(p.size() - 11, 11, "/index.html") == 0) p.resize(p.size() - 11);
  if (p == "index.html") p.clear();
  return p;
}

RecordKind kind_for(const std::string& seg) {
  static const std::regex step_guide("process[0-9]?");
  static const std::regex point("process[0-9]_[0-9]+");
  static const std::regex case_step("[a-z][a-z0-9-]*_[0-9]");
  static const std::regex case_overview("[a-z][a-z0-9-]*");
  if (seg.empty()) return RecordKind::other;
  if (seg == "faq") return RecordKind::faq;
  if (seg == "pc-terms") return RecordKind::glossary;
  if (seg == "statistics") return RecordKind::statistics;
  if (seg == "pc-pickupcase") return RecordKind::other;
  if (std::regex_match(seg, step_guide)) return RecordKind::step_guide;
  if (std::regex_match(seg, point)) return RecordKind::point;
  if (std::regex_match(seg, case_step)) return RecordKind::case_step;
  if (std::regex_match(seg, case_overview)) return RecordKind::case_overview;
  return RecordKind::other;
}

std::string strip_site_title(std::string title) {
  for (std::string_view sep : {"｜", "|", " - ", "－"}) {
    auto pos = title.rfind(sep);
    if (pos != std::string::npos && title.find(kSiteTitle, pos) != std::string::npos) {
      title.resize(pos);
      break;
    }
  }
  while (!title.empty() && title.back() == ' ') title.pop_back();
  return title;
}

class RenkeiNavi final : public Source {
 public:
  SourceInfo info() const override {
    return {"renkei-navi", kSiteTitle, "厚生労働省", "2", std::string("http://") + kHost + "/"};  // 2: case facts exact (operator name, parts, states)
  }
  std::vector<std::string> seeds() const override { return {std::string("http://") + kHost + "/"}; }
  bool in_scope(std::string_view url) const override {
    auto u = parse_url(url);
    return u && (u->scheme == "http" || u->scheme == "https") && u->host == kHost;
  }
  CrawlPolicy policy() const override { return {8, 5000, 1.0}; }

  std::vector<Record> extract(const ParsedPage& page) const override {
    auto u = parse_url(page.url);
    if (!u) return {};
    std::string seg = first_segment_path(u->path);
    Record r;
    r.kind = kind_for(seg);
    r.url = page.url;
    r.title = strip_site_title(page.title);
    if (r.title.empty()) r.title = seg.empty() ? kSiteTitle : seg;
    r.text = page.main_text();
    r.as_of = read_as_of_note(page).date;
    if (r.kind == RecordKind::case_overview) {
      // The path says "a case"; the content must too: an "about this site" or list page under
      // a case-like path is other.
      CaseReading c = read_case_overview(page);
      if (c.is_case_overview) {
        r.fields = std::move(c.fields);
        r.flags = std::move(c.flags);
      } else {
        r.kind = RecordKind::other;
      }
    } else if (r.kind == RecordKind::case_step) {
      // The network a step page belongs to: its heading names it.
      r.fields = read_case_heading(page);
    }
    return {r};
  }
};

}  // namespace

SENREI_PLUGIN(RenkeiNavi)
