// extract/pdf_table.cpp — lines, columns, row anchors and cells from a page's words
// (extract/pdf_table.hpp).
#include "extract/pdf_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "extract/text.hpp"

namespace senrei::pdf_table {
namespace {

namespace tx = extract_text;

// A run of words on one line with no cell-wide gap inside.
struct Segment {
  double x0 = 0, x1 = 0;
  std::string text;
  int column = -1;
  int spans = 0;  // columns it overlaps
};

struct Line {
  double top = 0, bottom = 0;
  std::vector<const Word*> words;
  std::string text;
  std::vector<Segment> segments;
  double mid() const { return (top + bottom) / 2; }
  double height() const { return bottom - top; }
};

struct Column {
  double x0 = 0, x1 = 0;
};

// What a column holds on one line: its segments there, joined.
struct Piece {
  size_t line = 0;
  double top = 0, bottom = 0, x0 = 0, x1 = 0;
  std::string text;
  double mid() const { return (top + bottom) / 2; }
};

std::string word_text(const Word& w) {
  // poppler-data maps Adobe-Japan1's underscore (CID 64) to U+0332 COMBINING LOW LINE: in a
  // non-embedded Japanese font "0000516275_00006" would read "0000516275̲00006".
  std::string word;
  word.reserve(w.text.size());
  for (size_t i = 0; i < w.text.size(); ++i) {
    if (w.text.compare(i, 2, "\xCC\xB2") == 0) {
      word += '_';
      ++i;
    } else {
      word += w.text[i];
    }
  }
  return word;
}

void trim_right(std::string& s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

// Words that share a baseline band, top to bottom, each left to right; their text with one space
// where the page leaves a gap (a full-width space is often a gap, not a glyph, in poppler's
// words) and their segments.
std::vector<Line> lines_of(const std::vector<Word>& words) {
  std::vector<const Word*> sorted;
  for (const auto& w : words) sorted.push_back(&w);
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->y0 < b->y0; });
  std::vector<Line> lines;
  for (const auto* w : sorted) {
    const double top = w->y0, bottom = w->y1;
    Line* home = nullptr;
    for (auto& l : lines) {
      const double overlap = std::min(bottom, l.bottom) - std::max(top, l.top);
      if (overlap > 0.5 * std::min(bottom - top, l.bottom - l.top)) {
        home = &l;
        break;
      }
    }
    if (!home) {
      lines.push_back({top, bottom, {}, {}, {}});
      home = &lines.back();
    }
    home->top = std::min(home->top, top);
    home->bottom = std::max(home->bottom, bottom);
    home->words.push_back(w);
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.top < b.top; });
  for (auto& l : lines) {
    std::stable_sort(l.words.begin(), l.words.end(), [](auto* a, auto* b) { return a->x0 < b->x0; });
    const double h = l.height();
    const Word* prev = nullptr;
    for (const auto* w : l.words) {
      const double gap = prev ? w->x0 - prev->x1 : 0;
      if (prev && (prev->space_after || gap > 0.2 * h)) l.text += ' ';
      if (!prev || gap > 0.6 * h) {
        if (!l.segments.empty()) trim_right(l.segments.back().text);
        l.segments.push_back({w->x0, w->x1, {}, -1, 0});
      } else if (prev->space_after || gap > 0.2 * h) {
        l.segments.back().text += ' ';
      }
      const std::string word = word_text(*w);
      tx::append_raw(l.text, word);
      tx::append_raw(l.segments.back().text, word);
      l.segments.back().x1 = std::max(l.segments.back().x1, w->x1);
      prev = w;
    }
    trim_right(l.text);
    if (!l.segments.empty()) trim_right(l.segments.back().text);
    std::erase_if(l.segments, [](const Segment& s) { return s.text.empty(); });
  }
  std::erase_if(lines, [](const Line& l) { return l.text.empty(); });
  return lines;
}

// The x ranges covered by the segments of lines with three or more segments.
std::vector<Column> columns_of(const std::vector<Line>& lines) {
  std::vector<std::pair<double, double>> spans;
  size_t rows = 0;
  for (const auto& l : lines) {
    if (l.segments.size() < 3) continue;
    ++rows;
    for (const auto& s : l.segments) spans.emplace_back(s.x0, s.x1);
  }
  if (rows < 2) return {};
  std::sort(spans.begin(), spans.end());
  std::vector<Column> columns;
  for (const auto& [x0, x1] : spans) {
    if (!columns.empty() && x0 <= columns.back().x1 + 0.5) {
      columns.back().x1 = std::max(columns.back().x1, x1);
    } else {
      columns.push_back({x0, x1});
    }
  }
  return columns;
}

void place(Segment& s, const std::vector<Column>& columns) {
  const double centre = (s.x0 + s.x1) / 2;
  double best = std::numeric_limits<double>::max();
  for (size_t c = 0; c < columns.size(); ++c) {
    const double d = centre < columns[c].x0 ? columns[c].x0 - centre
                     : centre > columns[c].x1 ? centre - columns[c].x1
                                              : 0;
    if (d < best) {
      best = d;
      s.column = static_cast<int>(c);
    }
    if (std::min(s.x1, columns[c].x1) - std::max(s.x0, columns[c].x0) > 1.0) ++s.spans;
  }
}

int widest_span(const Line& l) {
  int w = 0;
  for (const auto& s : l.segments) w = std::max(w, s.spans);
  return w;
}

int columns_used(const Line& l) {
  std::vector<int> used;
  for (const auto& s : l.segments)
    if (std::find(used.begin(), used.end(), s.column) == used.end()) used.push_back(s.column);
  return static_cast<int>(used.size());
}

bool is_wide(unsigned char lead) { return lead >= 0xE0; }  // CJK and kana are 3-byte UTF-8

bool has_digit(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') return true;
    if (i + 2 < s.size() && s.compare(i, 2, "\xEF\xBC") == 0 &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99)
      return true;
  }
  return false;
}

// The line leaves no room in the cell for the next line's first two characters (one, and one
// more for the Japanese line-breaking rule that moves a character to the next line rather than
// start it with ッ, ー or a closing bracket).
bool fills(const Piece& line, const Piece& next, double room, double h) {
  const bool next_wide = !next.text.empty() && is_wide(static_cast<unsigned char>(next.text[0]));
  return line.x1 - line.x0 + 2 * (next_wide ? h : 0.55 * h) > room;
}

// Joins a cell's next line: wrapped (the lines filled the cell) or a break the writer put.
void join_line(std::string& cell, const Piece& before, const Piece& next, bool wrapped) {
  if (cell.empty()) {
    cell = next.text;
    return;
  }
  const bool next_wide = !next.text.empty() && is_wide(static_cast<unsigned char>(next.text[0]));
  if (!wrapped) {
    cell += '\n';
  } else {
    // A wrap: nothing between wide characters or inside a word that has no space to break at
    // (an URL), else a space.
    const unsigned char last = static_cast<unsigned char>(cell.back());
    const bool last_wide = (last & 0xC0) == 0x80 && cell.size() >= 3 &&
                           is_wide(static_cast<unsigned char>(cell[cell.size() - 3]));
    const bool no_space = before.text.find(' ') == std::string::npos &&
                          next.text.find(' ') == std::string::npos;
    if (!(last_wide || next_wide || no_space)) cell += ' ';
  }
  cell += next.text;
}

// Per column: which row each of its pieces belongs to, -1 for none.  A row's pieces are
// consecutive and their middle is the row's anchor (within `tolerance`); a piece may stay
// without a row at a cost, so that one off-centre line does not pull a whole cell away.
std::vector<int> rows_of(const std::vector<Piece>& pieces, const std::vector<double>& anchors,
                         double tolerance) {
  const size_t n = pieces.size(), m = anchors.size();
  std::vector<int> row(n, -1);
  if (n == 0 || m == 0 || n * (m + 1) > 4000000) return row;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  constexpr double kAlone = 1000;
  // cost[i][r]: the best for pieces [0, i) using rows [0, r); from[i][r] how it was reached.
  struct Step {
    double cost = kInf;
    int kind = 0;  // 1 row skipped, 2 piece alone, 3 group [prev, i) in row r - 1
    size_t prev = 0;
  };
  std::vector<Step> table((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t r) -> Step& { return table[i * (m + 1) + r]; };
  at(0, 0).cost = 0;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t r = 0; r <= m; ++r) {
      const double here = at(i, r).cost;
      if (here == kInf) continue;
      if (r < m && here < at(i, r + 1).cost) at(i, r + 1) = {here, 1, i};
      if (i < n && here + kAlone < at(i + 1, r).cost) at(i + 1, r) = {here + kAlone, 2, i};
      if (r >= m || i >= n) continue;
      const double low = r > 0 ? anchors[r - 1] : -kInf, high = r + 1 < m ? anchors[r + 1] : kInf;
      if (pieces[i].mid() <= low) continue;
      for (size_t j = i + 1; j <= n && pieces[j - 1].mid() < high; ++j) {
        const double off = std::fabs((pieces[i].top + pieces[j - 1].bottom) / 2 - anchors[r]);
        if (off > tolerance) continue;
        if (here + off < at(j, r + 1).cost) at(j, r + 1) = {here + off, 3, i};
      }
    }
  }
  size_t i = n, r = m;
  while (i > 0 || r > 0) {
    const Step s = at(i, r);
    if (s.kind == 1) {
      --r;
    } else if (s.kind == 2) {
      i = s.prev;
    } else if (s.kind == 3) {
      for (size_t k = s.prev; k < i; ++k) row[k] = static_cast<int>(r - 1);
      i = s.prev;
      --r;
    } else {
      break;
    }
  }
  return row;
}

struct Region {
  size_t first = 0, last = 0;    // line indexes, inclusive
  std::vector<size_t> anchors;   // line indexes
};

double median_height(const std::vector<Line>& lines, const std::vector<size_t>& which) {
  std::vector<double> h;
  for (size_t i : which) h.push_back(lines[i].height());
  if (h.empty()) return 10;
  std::nth_element(h.begin(), h.begin() + h.size() / 2, h.end());
  return std::max(h[h.size() / 2], 1.0);
}

PageTable build_table(const std::vector<Line>& lines, const std::vector<Column>& columns,
                      const Region& region, double h) {
  const size_t ncols = columns.size();
  std::vector<double> anchors;
  for (size_t a : region.anchors) anchors.push_back(lines[a].mid());
  // Rows above the first anchor that no cell reaches (a group heading) come first, one a line.
  std::vector<size_t> heading_lines;
  std::vector<std::vector<std::vector<Piece>>> cells(anchors.size(),
                                                     std::vector<std::vector<Piece>>(ncols));
  std::vector<std::vector<std::vector<Piece>>> heading;  // per heading line, per column
  for (size_t c = 0; c < ncols; ++c) {
    std::vector<Piece> pieces;
    for (size_t li = region.first; li <= region.last; ++li) {
      Piece p;
      bool any = false;
      for (const auto& s : lines[li].segments) {
        if (s.column != static_cast<int>(c)) continue;
        if (!any) {
          p = {li, lines[li].top, lines[li].bottom, s.x0, s.x1, s.text};
        } else {
          p.text += ' ';
          p.text += s.text;
          p.x1 = s.x1;
        }
        any = true;
      }
      if (any) pieces.push_back(std::move(p));
    }
    std::vector<int> row = rows_of(pieces, anchors, 0.35 * h);
    // A piece that no row centres joins the lines it touches (a cell with a blank line, a
    // top-aligned cell): the nearest piece with a row in its run of touching lines, else the
    // nearest anchor.
    std::vector<int> settled = row;
    for (size_t k = 0; k < pieces.size(); ++k) {
      if (row[k] >= 0) continue;
      size_t first = k, last = k;
      while (first > 0 && pieces[first].top - pieces[first - 1].bottom <= 0.6 * h) --first;
      while (last + 1 < pieces.size() && pieces[last + 1].top - pieces[last].bottom <= 0.6 * h) ++last;
      size_t best = SIZE_MAX;
      for (size_t j = first; j <= last; ++j)
        if (row[j] >= 0 && (best == SIZE_MAX || (j > k ? j - k : k - j) < (best > k ? best - k : k - best))) best = j;
      if (best != SIZE_MAX) settled[k] = row[best];
    }
    bool before_any = true;
    for (size_t k = 0; k < pieces.size(); ++k) {
      int r = settled[k];
      if (r >= 0) {
        before_any = false;
      } else if (before_any && pieces[k].mid() < anchors.front()) {
        auto found = std::find(heading_lines.begin(), heading_lines.end(), pieces[k].line);
        size_t hl = static_cast<size_t>(found - heading_lines.begin());
        if (found == heading_lines.end()) {
          heading_lines.push_back(pieces[k].line);
          heading.emplace_back(ncols);
        }
        heading[hl][c].push_back(pieces[k]);
        continue;
      } else {
        // Alone: the row whose anchor is nearest.
        r = 0;
        for (size_t a = 1; a < anchors.size(); ++a)
          if (std::fabs(anchors[a] - pieces[k].mid()) < std::fabs(anchors[static_cast<size_t>(r)] - pieces[k].mid()))
            r = static_cast<int>(a);
      }
      cells[static_cast<size_t>(r)][c].push_back(pieces[k]);
    }
  }
  // Heading lines in page order.
  std::vector<size_t> order(heading_lines.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return heading_lines[a] < heading_lines[b]; });
  std::vector<std::vector<std::vector<Piece>>> all;
  for (size_t k : order) all.push_back(std::move(heading[k]));
  for (auto& r : cells) all.push_back(std::move(r));

  PageTable out;
  for (auto& r : all) {
    std::vector<TableCell> row(ncols);
    bool blank = true;
    for (size_t c = 0; c < ncols; ++c) {
      // The widest text in the column is about what its cell holds: a line with no room left
      // for the next line's first character was wrapped.
      const double room = columns[c].x1 - columns[c].x0 + 0.3 * h;
      auto& pieces = r[c];
      std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.line < b.line; });
      // A line that fills the cell was wrapped there; a shorter one the writer ended.
      for (size_t k = 0; k < pieces.size(); ++k)
        join_line(row[c].text, k > 0 ? pieces[k - 1] : pieces[k], pieces[k],
                  k > 0 && fills(pieces[k - 1], pieces[k], room, h));
      blank = blank && row[c].text.empty();
    }
    if (!blank) out.table.rows.push_back(std::move(row));
  }
  // Leading rows without a figure are the header, if a row follows.
  size_t header = 0;
  while (header + 1 < out.table.rows.size()) {
    bool figure = false;
    for (const auto& cell : out.table.rows[header]) figure = figure || has_digit(cell.text);
    if (figure) break;
    ++header;
  }
  for (size_t k = 0; k < header; ++k)
    for (auto& cell : out.table.rows[k]) cell.header = true;
  out.header_rows = static_cast<int>(header);
  return out;
}

// Cells equal but for white space and line breaks (a header wraps by the page's column widths).
bool same_row(const std::vector<TableCell>& a, const std::vector<TableCell>& b) {
  auto bare = [](const std::string& s) {
    std::string out;
    for (char c : s)
      if (c != ' ' && c != '\n') out += c;
    return out;
  };
  if (a.size() != b.size()) return false;
  for (size_t c = 0; c < a.size(); ++c)
    if (bare(a[c].text) != bare(b[c].text)) return false;
  return true;
}

}  // namespace

std::string row_text(const std::vector<TableCell>& row) {
  std::string text;
  for (size_t c = 0; c < row.size(); ++c) {
    if (c > 0) text += " | ";
    text += row[c].text;
  }
  for (char& ch : text)
    if (ch == '\n' || ch == '\r') ch = ' ';
  return text;
}

PageLayout lay_out(std::vector<Word> words) {
  if (words.size() > kMaxWords) words.resize(kMaxWords);
  std::erase_if(words, [](const Word& w) {
    return w.text.empty() || !(w.x1 >= w.x0) || !(w.y1 >= w.y0) || !std::isfinite(w.x0) ||
           !std::isfinite(w.x1) || !std::isfinite(w.y0) || !std::isfinite(w.y1);
  });
  std::vector<Line> lines = lines_of(words);
  PageLayout out;
  std::vector<Column> columns = columns_of(lines);
  std::vector<Region> regions;
  if (columns.size() >= 3) {
    for (auto& l : lines)
      for (auto& s : l.segments) place(s, columns);
    const int need = std::max(3, static_cast<int>(std::ceil(0.4 * static_cast<double>(columns.size()))));
    std::vector<size_t> anchors;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (widest_span(lines[i]) > 2 || columns_used(lines[i]) < need) continue;
      if (!anchors.empty()) {
        const Line& prev = lines[anchors.back()];
        if (lines[i].mid() - prev.mid() < 1.2 * std::max(prev.height(), lines[i].height())) {
          if (columns_used(lines[i]) > columns_used(prev)) anchors.back() = i;
          continue;
        }
      }
      anchors.push_back(i);
    }
    // A line across three columns or more between two anchors (a paragraph) ends a table.
    for (size_t a = 0; a < anchors.size();) {
      Region g;
      g.anchors.push_back(anchors[a]);
      size_t b = a + 1;
      for (; b < anchors.size(); ++b) {
        bool crossed = false;
        for (size_t li = anchors[b - 1] + 1; li < anchors[b]; ++li) crossed = crossed || widest_span(lines[li]) >= 3;
        if (crossed) break;
        g.anchors.push_back(anchors[b]);
      }
      a = b;
      if (g.anchors.size() >= 2) regions.push_back(std::move(g));
    }
    const double left = columns.front().x0, right = columns.back().x1;
    for (size_t k = 0; k < regions.size(); ++k) {
      Region& g = regions[k];
      const double h = median_height(lines, g.anchors);
      const size_t floor = k > 0 ? regions[k - 1].last + 1 : 0;
      auto inside = [&](const Line& l) {
        for (const auto& s : l.segments)
          if (s.x0 < left - h || s.x1 > right + h) return false;
        return true;
      };
      g.first = g.anchors.front();
      while (g.first > floor && lines[g.first].top - lines[g.first - 1].bottom <= 2.2 * h &&
             widest_span(lines[g.first - 1]) < 3 && inside(lines[g.first - 1]))
        --g.first;
      g.last = g.anchors.back();
      const size_t ceiling = k + 1 < regions.size() ? regions[k + 1].anchors.front() : lines.size();
      while (g.last + 1 < ceiling && lines[g.last + 1].top - lines[g.last].bottom <= 1.4 * h &&
             widest_span(lines[g.last + 1]) < 2 && inside(lines[g.last + 1]))
        ++g.last;
    }
  }
  size_t li = 0;
  for (const auto& g : regions) {
    for (; li < g.first; ++li) out.lines.push_back({lines[li].text, false});
    PageTable t = build_table(lines, columns, g, median_height(lines, g.anchors));
    t.first_line = out.lines.size();
    for (const auto& row : t.table.rows) out.lines.push_back({row_text(row), true});
    out.tables.push_back(std::move(t));
    li = g.last + 1;
  }
  for (; li < lines.size(); ++li) out.lines.push_back({lines[li].text, false});
  return out;
}

std::vector<PageTable> join_tables(std::vector<PageLayout>& pages) {
  std::vector<PageTable> out;
  for (auto& page : pages) {
    size_t removed = 0;  // lines dropped from this page so far
    for (auto& t : page.tables) {
      t.first_line -= removed;
      if (!out.empty() && !t.table.rows.empty() && !out.back().table.rows.empty() &&
          out.back().table.rows.front().size() == t.table.rows.front().size()) {
        PageTable& into = out.back();
        const auto h = static_cast<size_t>(t.header_rows);
        bool repeated = h <= static_cast<size_t>(into.header_rows);
        for (size_t r = 0; repeated && r < h; ++r) repeated = same_row(t.table.rows[r], into.table.rows[r]);
        if (repeated) {
          // The repeated header leaves the table and the page's text.
          auto& lines = page.lines;
          const size_t from = std::min(t.first_line, lines.size());
          const size_t to = std::min(from + h, lines.size());
          lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(from), lines.begin() + static_cast<std::ptrdiff_t>(to));
          removed += to - from;
          for (size_t r = h; r < t.table.rows.size(); ++r) into.table.rows.push_back(std::move(t.table.rows[r]));
          continue;
        }
      }
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace senrei::pdf_table
