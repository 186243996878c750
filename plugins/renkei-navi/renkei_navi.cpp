// renkei-navi — the ministry's 医療情報連携ネットワーク支援Navi (renkei-support.mhlw.go.jp).
//
// Page kinds follow the site's paths (DOMAIN.md §2): /<slug>/ is a case overview, /<slug>_N/
// its Step N page, /process/ and /processN/ the procedure, /processN_M/ a 実施のポイント page,
// /faq/, /pc-terms/, /statistics/.  Fields are read by label (senrei/fields.hpp), so table rows,
// definition lists and 「ラベル：値」 paragraphs give the same fields.
#include <regex>
#include <string>

#include "senrei/fields.hpp"
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

// 「あじさいネット（平成16年稼働）」 → name and start year.
void read_heading(const ParsedPage& page, Record& r) {
  for (const auto& b : page.blocks) {
    if (b.role != Block::Role::heading || b.level != 1) continue;
    std::string text = b.text;
    for (std::string_view open : {"（", "("}) {
      auto pos = text.find(open);
      if (pos == std::string::npos || pos == 0) continue;
      std::string name = text.substr(0, pos);
      while (!name.empty() && name.back() == ' ') name.pop_back();
      std::string rest = text.substr(pos);
      if (rest.find("稼働") != std::string::npos || rest.find("開始") != std::string::npos) {
        merge_fields(r.fields, read_fields("network_name", name, {page.url, text}));
        merge_fields(r.fields, read_fields("start_year", rest, {page.url, text}));
        return;
      }
    }
    merge_fields(r.fields, read_fields("network_name", text, {page.url, text}));
    return;
  }
}

// 「※平成29年2月時点」 — the page's as-of date.
void read_as_of(const ParsedPage& page, Record& r) {
  for (const auto& b : page.blocks) {
    if (b.text.size() > 80) continue;
    if (b.text.find("時点") == std::string::npos && b.text.find("現在") == std::string::npos) continue;
    if (b.text.find("※") == std::string::npos) continue;
    if (auto d = ja::parse_date(b.text)) {
      r.as_of = *d;
      return;
    }
  }
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
    read_as_of(page, r);
    if (r.kind == RecordKind::case_overview) {
      read_heading(page, r);
      merge_fields(r.fields, read_labelled_fields(page));
    } else if (r.kind == RecordKind::case_step) {
      // The network a step page belongs to: its heading names it.
      read_heading(page, r);
    }
    return {r};
  }
};

}  // namespace

SENREI_PLUGIN(RenkeiNavi)
