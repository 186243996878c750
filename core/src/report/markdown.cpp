// Markdown for council papers: one pipe table per table, precedent figures linked to their page.
#include <ostream>

#include "report/format.hpp"
#include "report/links.hpp"

namespace senrei::report {
namespace {

// A URL inside (…): parentheses percent-encoded so the link ends where it should.
std::string link_target(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else out += c;
  }
  return out;
}

std::string link(const std::string& text, const std::string& url) {
  return "[" + markdown_escape(text) + "](" + link_target(url) + ")";
}

std::string cell_markdown(const Cell& cell, Lang lang) {
  auto sources = detail::web_sources(cell);
  if (sources.empty()) return markdown_escape(cell.text);
  if (sources.size() == 1) return link(cell.text, sources[0].url);
  std::string out;
  if (size_t start = detail::source_list_start(cell, sources); start != std::string::npos) {
    out = markdown_escape(cell.text.substr(0, start));
    for (size_t i = 0; i < sources.size(); ++i) out += (i ? tr(lang, "、", ", ") : "") + link(sources[i].label, sources[i].url);
    return out;
  }
  out = markdown_escape(cell.text);
  for (size_t i = 0; i < sources.size(); ++i) out += (i ? " " : " — ") + link(sources[i].label, sources[i].url);
  return out;
}

}  // namespace

void write_markdown(const Report& r, std::ostream& out) {
  out << "# " << markdown_escape(r.title) << "\n\n";
  for (const auto& [k, v] : r.facts) out << "- " << markdown_escape(k) << ": " << markdown_escape(v) << "\n";
  // The notes close the body; the appendix comes last.
  auto notes = [&] {
    if (r.notes.empty()) return;
    out << "\n---\n\n";
    for (const auto& n : r.notes) out << "- " << markdown_escape(n) << "\n";
  };
  bool appendix = false;
  for (const auto& t : r.tables) {
    if (t.appendix && !appendix) {
      appendix = true;
      notes();
      out << "\n# " << tr(r.lang, "付録", "Appendix") << "\n";
    }
    out << "\n## " << markdown_escape(t.title) << "\n\n";
    if (!t.note.empty()) out << markdown_escape(t.note) << "\n\n";
    out << "|";
    for (const auto& c : t.columns) out << " " << markdown_escape(c) << " |";
    out << "\n|";
    for (bool numeric : detail::numeric_columns(t)) out << (numeric ? "---:|" : "---|");
    out << "\n";
    if (t.rows.empty()) out << "| " << tr(r.lang, "（該当なし）", "(none)") << std::string(t.columns.size() > 1 ? t.columns.size() - 1 : 0, '|') << " |\n";
    for (const auto& row : t.rows) {
      out << "|";
      for (const auto& cell : row) out << " " << cell_markdown(cell, r.lang) << " |";
      out << "\n";
    }
  }
  if (!appendix) notes();
}

}  // namespace senrei::report
