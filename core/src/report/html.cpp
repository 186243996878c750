// HTML: one self-contained file (no script, no external resource), printable on A4 landscape.
// Page 1 is the summary box; then the tables, each chart after its table (the projection's
// cumulative balance, running costs, per-capita build cost, institutions); the numbered sources
// whose sentences were read; the appendix (付録: method detail) last.  Every text that came
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
body { font-family: "Meiryo", "メイリオ", "Yu Gothic", "YuGothic", "游ゴシック", "IPAexGothic", "IPAGothic", "Noto Sans CJK JP", "Hiragino Sans", sans-serif; font-size: 10pt; color: #222; margin: 1.5em; }
section#summary { border: 2px solid #2a6a9e; border-radius: 4px; padding: .4em .8em .8em; margin: 0 0 1em; page-break-inside: avoid; }
section#summary h2 { margin-top: .2em; }
section#summary td:first-child { width: 14em; font-weight: bold; }
.page-break { page-break-before: always; }
h1.appendix { page-break-before: always; }
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
td.pass, td.warn, td.fail { min-width: 4.5em; }
td.pass { background: #e3f4e3; } td.warn { background: #fff4d6; } td.fail { background: #fbe0e0; font-weight: bold; }
tr.plan td { background: #eef5fb; font-weight: bold; }
sup.src { font-size: 7pt; } sup.src a { text-decoration: none; }
a { color: #1d5a8a; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; page-break-inside: avoid; }
svg.chart { font-size: 11px; }
.chart-title { font-weight: bold; font-size: 12px; } .chart-note { fill: #555; font-size: 10px; }
.bar { fill: #5b8fbd; } .bar-pale { fill: #c8d6e3; } .bar-plan { fill: #d9534f; } .bar-gap { fill: #c9302c; } .median { stroke: #333; stroke-dasharray: 4 3; } .zero { stroke: #333; }
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

// The chart that follows the table of that id ("" for none).
std::string chart_after(const std::string& id, const compare::Comparison& c, Lang lang) {
  using detail::Bar;
  std::string plan_label = tr(lang, "計画", "Plan") + std::string(": ") +
                           (c.plan.plan.network_name.empty() ? c.plan.region.name : c.plan.plan.network_name);
  auto man = [&](double v) { return format_number(v, Num::man_yen, lang) + tr(lang, "万円", "0k yen"); };
  if (id == "projection") {
    std::vector<detail::YearValue> values;
    for (const auto& y : c.projection.rows) values.push_back({y.year, y.cumulative, format_number(y.cumulative, Num::man_yen, lang)});
    return detail::svg_year_chart(tr(lang, "累計収支の見通し（万円）", "Cumulative balance (10,000 yen)"), values,
                                  tr(lang, "赤: 累計がマイナスの年", "red: years with a negative cumulative balance"));
  }
  const char* metric = id == "running_costs" ? "running_cost_per_year" : id == "benchmarks_per_unit" ? "build_cost_per_capita" : nullptr;
  if (metric) {
    std::string out;
    for (const auto& bm : c.benchmarks) {
      if (bm.metric != metric) continue;
      const bool total = bm.metric == "running_cost_per_year";
      auto shown = [&](double v) { return total ? man(v) : format_number(v, Num::yen_unit, lang); };
      std::vector<Bar> bars;
      if (bm.plan) bars.push_back(Bar{plan_label, *bm.plan, shown(*bm.plan), Bar::Kind::plan});
      for (const auto& f : bm.figures) {
        if (!f.value) continue;
        bars.push_back(Bar{c.precedents[f.precedent].name, *f.value, shown(*f.value),
                           f.incomparable.empty() ? Bar::Kind::comparable : Bar::Kind::incomparable});
      }
      out += detail::svg_bar_chart(label("metric", bm.metric, lang), bars, bm.median,
                                   tr(lang, "中央値 ", "median ") + (bm.median ? shown(*bm.median) : ""),
                                   tr(lang, "※ 比較できない数値（中央値に含めない）", "※ incomparable figure (not in the median)"));
    }
    return out;
  }
  if (id != "achievements") return "";
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
  // A median only from enough figures (the plan's comparison.min_figures).
  std::optional<double> med;
  if (values.size() >= static_cast<size_t>(c.plan.comparison.min_figures)) med = compare::median(values);
  return detail::svg_bar_chart(tr(lang, "参加機関数（人口10万人あたり）", "Participating institutions per 100,000 people"), bars, med,
                               tr(lang, "中央値 ", "median ") + (med ? format_number(*med, Num::rate, lang) : ""),
                               tr(lang, "先例は記載の時点の実績、計画は目標", "Precedents: as achieved at the date stated; plan: target"));
}

std::string table_html(const Table& t, Lang lang, Footnotes& notes) {
  std::string out = "<section id=\"" + html_escape(t.id) + "\">\n<h2>" + html_escape(t.title) + "</h2>\n";
  if (!t.note.empty()) out += "<p class=\"note\">" + html_escape(t.note) + "</p>\n";
  out += "<table>\n<thead><tr>";
  for (const auto& col : t.columns) out += "<th>" + html_escape(col) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    bool plan_row = !row.empty() && row.front().mark == "plan";
    out += plan_row ? "<tr class=\"plan\">" : "<tr>";
    for (const auto& cell : row) {
      std::string cls = cell.number ? "num" : "";
      if (cell.mark == "pass" || cell.mark == "warn" || cell.mark == "fail") cls += (cls.empty() ? "" : " ") + cell.mark;
      out += (cls.empty() ? "<td>" : "<td class=\"" + cls + "\">") + cell_html(cell, lang, notes) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void write_html(const Report& r, const compare::Comparison& c, std::ostream& out) {
  Footnotes notes;
  out << "<!DOCTYPE html>\n<html lang=\"" << (r.lang == Lang::ja ? "ja" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"generator\" content=\"senrei compare\">\n<title>" << html_escape(r.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<h1>" << html_escape(r.title) << "</h1>\n";
  // Page 1: the summary box and the facts; the body starts on page 2.
  std::string body, appendix;
  for (const auto& t : r.tables) {
    if (t.id == "summary") {
      out << table_html(t, r.lang, notes);
      continue;
    }
    std::string& into = t.appendix ? appendix : body;
    into += table_html(t, r.lang, notes);
    if (std::string chart = chart_after(t.id, c, r.lang); !chart.empty()) into += "<div class=\"charts\">" + chart + "</div>\n";
  }
  out << "<dl class=\"facts\">\n";
  for (const auto& [k, v] : r.facts) out << "<dt>" << html_escape(k) << "</dt><dd>" << html_escape(v) << "</dd>\n";
  out << "</dl>\n<div class=\"page-break\"></div>\n" << body;
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
  out << "</footer>\n";
  if (!appendix.empty())
    out << "<h1 class=\"appendix\" id=\"appendix\">" << html_escape(tr(r.lang, "付録", "Appendix")) << "</h1>\n" << appendix;
  out << "</body>\n</html>\n";
}

}  // namespace senrei::report
