// HTML: one self-contained file (no script, no external resource), printable on A4, with two
// SVG charts and numbered sources whose sentences are listed at the end.  Every text that came
// from a page or the plan is escaped; only http(s) URLs become links.
#include <map>
#include <ostream>

#include "compare/stats.hpp"
#include "report/format.hpp"
#include "report/labels.hpp"
#include "report/links.hpp"
#include "report/svg_chart.hpp"

namespace senrei::report {
namespace {

constexpr const char* kStyle = R"css(
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "IPAexGothic", "IPAGothic", "Noto Sans CJK JP", "Hiragino Sans", sans-serif; font-size: 10pt; color: #222; margin: 1.5em; }
h1 { font-size: 16pt; margin: 0 0 .5em; }
h2 { font-size: 12pt; margin: 1.6em 0 .3em; border-bottom: 2px solid #2a6a9e; page-break-after: avoid; }
p.note { margin: .2em 0 .6em; color: #555; font-size: 9pt; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; margin: 0 0 1em; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; }
th { background: #e8f0f7; text-align: left; }
td.num { text-align: right; white-space: nowrap; }
td.pass { background: #e3f4e3; } td.warn { background: #fff4d6; } td.fail { background: #fbe0e0; font-weight: bold; }
tr.plan td { background: #eef5fb; font-weight: bold; }
sup.src { font-size: 7pt; } sup.src a { text-decoration: none; }
a { color: #1d5a8a; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; page-break-inside: avoid; }
svg.chart { font-size: 11px; }
.chart-title { font-weight: bold; font-size: 12px; } .chart-note { fill: #555; font-size: 10px; }
.bar { fill: #5b8fbd; } .bar-pale { fill: #c8d6e3; } .bar-plan { fill: #d9534f; } .median { stroke: #333; stroke-dasharray: 4 3; }
ol.sources { font-size: 8pt; color: #444; } ol.sources li { margin-bottom: .2em; word-break: break-all; }
footer { margin-top: 1.5em; font-size: 8pt; color: #555; }
)css";

class Footnotes {
 public:
  // The number of a source (one per URL and sentence).
  size_t number(const Source& s) {
    auto key = std::make_pair(s.url, s.sentence);
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    list_.push_back(s);
    return index_[key] = list_.size();
  }
  const std::vector<Source>& list() const { return list_; }

 private:
  std::map<std::pair<std::string, std::string>, size_t> index_;
  std::vector<Source> list_;
};

// A numbered reference to the sentence a figure was read from; nothing for a plain page link.
std::string ref(Footnotes& notes, const Source& s) {
  if (s.sentence.empty()) return "";
  size_t n = notes.number(s);
  return "<sup class=\"src\"><a href=\"#src" + std::to_string(n) + "\">" + std::to_string(n) + "</a></sup>";
}

std::string anchor(const std::string& text, const std::string& url) {
  return "<a href=\"" + html_escape(url) + "\">" + html_escape(text) + "</a>";
}

std::string cell_html(const Cell& cell, Lang lang, Footnotes& notes) {
  auto sources = detail::web_sources(cell);
  if (sources.empty()) return html_escape(cell.text);
  if (sources.size() == 1) return anchor(cell.text, sources[0].url) + ref(notes, sources[0]);
  std::string out;
  if (size_t start = detail::source_list_start(cell, sources); start != std::string::npos) {
    out = html_escape(cell.text.substr(0, start));
    for (size_t i = 0; i < sources.size(); ++i)
      out += (i ? html_escape(tr(lang, "、", ", ")) : "") + anchor(sources[i].label, sources[i].url) + ref(notes, sources[i]);
    return out;
  }
  out = html_escape(cell.text) + " ";
  for (const auto& s : sources) out += ref(notes, s);
  return out;
}

std::string charts(const compare::Comparison& c, Lang lang) {
  using detail::Bar;
  std::string plan_label = tr(lang, "計画", "Plan") + std::string(": ") +
                           (c.plan.plan.network_name.empty() ? c.plan.region.name : c.plan.plan.network_name);
  std::string out;
  for (const auto& bm : c.benchmarks) {
    if (bm.metric != "build_cost_per_capita") continue;
    std::vector<Bar> bars;
    if (bm.plan) bars.push_back(Bar{plan_label, *bm.plan, format_number(*bm.plan, Num::yen_unit, lang), Bar::Kind::plan});
    for (const auto& f : bm.figures) {
      if (!f.value) continue;
      bars.push_back(Bar{c.precedents[f.precedent].name, *f.value, format_number(*f.value, Num::yen_unit, lang),
                         f.incomparable.empty() ? Bar::Kind::comparable : Bar::Kind::incomparable});
    }
    out += detail::svg_bar_chart(label("metric", bm.metric, lang), bars, bm.median,
                                 tr(lang, "中央値 ", "median ") + (bm.median ? format_number(*bm.median, Num::yen_unit, lang) : ""),
                                 tr(lang, "※ 比較できない数値（中央値に含めない）", "※ incomparable figure (not in the median)"));
  }
  std::vector<Bar> bars;
  if (c.targets.institutions_per_100k)
    bars.push_back(Bar{plan_label + tr(lang, "（目標）", " (target)"), *c.targets.institutions_per_100k,
                       format_number(*c.targets.institutions_per_100k, Num::rate, lang), Bar::Kind::plan});
  std::vector<double> values;
  for (const auto& a : c.all_achievements) {
    if (!a.institutions_per_100k) continue;
    values.push_back(*a.institutions_per_100k);
    bars.push_back(Bar{c.precedents[a.precedent].name, *a.institutions_per_100k,
                       format_number(*a.institutions_per_100k, Num::rate, lang), Bar::Kind::comparable});
  }
  std::optional<double> med = compare::median(values);
  out += detail::svg_bar_chart(tr(lang, "参加機関数（人口10万人あたり）", "Participating institutions per 100,000 people"), bars, med,
                               tr(lang, "中央値 ", "median ") + (med ? format_number(*med, Num::rate, lang) : ""),
                               tr(lang, "先例は記載の時点の実績、計画は目標", "Precedents: as achieved at the date stated; plan: target"));
  return out;
}

}  // namespace

void write_html(const Report& r, const compare::Comparison& c, std::ostream& out) {
  Footnotes notes;
  out << "<!DOCTYPE html>\n<html lang=\"" << (r.lang == Lang::ja ? "ja" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"generator\" content=\"senrei compare\">\n<title>" << html_escape(r.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<h1>" << html_escape(r.title) << "</h1>\n<dl class=\"facts\">\n";
  for (const auto& [k, v] : r.facts) out << "<dt>" << html_escape(k) << "</dt><dd>" << html_escape(v) << "</dd>\n";
  out << "</dl>\n<div class=\"charts\">" << charts(c, r.lang) << "</div>\n";
  for (const auto& t : r.tables) {
    out << "<section id=\"" << html_escape(t.id) << "\">\n<h2>" << html_escape(t.title) << "</h2>\n";
    if (!t.note.empty()) out << "<p class=\"note\">" << html_escape(t.note) << "</p>\n";
    out << "<table>\n<thead><tr>";
    for (const auto& col : t.columns) out << "<th>" << html_escape(col) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      bool plan_row = !row.empty() && row.front().mark == "plan";
      out << (plan_row ? "<tr class=\"plan\">" : "<tr>");
      for (const auto& cell : row) {
        std::string cls = cell.number ? "num" : "";
        if (cell.mark == "pass" || cell.mark == "warn" || cell.mark == "fail") cls += (cls.empty() ? "" : " ") + cell.mark;
        out << (cls.empty() ? "<td>" : "<td class=\"" + cls + "\">") << cell_html(cell, r.lang, notes) << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
  }
  if (!notes.list().empty()) {
    out << "<section id=\"sources\">\n<h2>" << html_escape(tr(r.lang, "出典（読み取った文）", "Sources (the sentences read)"))
        << "</h2>\n<ol class=\"sources\">\n";
    size_t n = 0;
    for (const auto& s : notes.list()) {
      out << "<li id=\"src" << ++n << "\">";
      if (!s.sentence.empty()) out << html_escape(tr(r.lang, "「", "“")) << html_escape(s.sentence) << html_escape(tr(r.lang, "」", "”")) << " ";
      out << "<a href=\"" << html_escape(s.url) << "\">" << html_escape(s.url) << "</a></li>\n";
    }
    out << "</ol>\n</section>\n";
  }
  out << "<footer>\n";
  for (const auto& note : r.notes) out << "<p>" << html_escape(note) << "</p>\n";
  out << "</footer>\n</body>\n</html>\n";
}

}  // namespace senrei::report
