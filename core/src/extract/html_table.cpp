// extract/html_table.cpp — table cells, spans and label rows.
#include "extract/html_table.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "extract/html_dom.hpp"
#include "extract/text.hpp"

namespace senrei::html_table {
namespace {

using namespace html_dom;
namespace tx = extract_text;

int int_attr(const GumboNode* n, const char* name, int fallback) {
  const char* v = attr(n, name);
  if (!v) return fallback;
  while (*v == ' ' || *v == '\t' || *v == '\n') ++v;
  if (*v < '0' || *v > '9') return fallback;
  long x = 0;
  while (*v >= '0' && *v <= '9' && x < 1000000) x = x * 10 + (*v++ - '0');
  return static_cast<int>(x);
}

// A figure in a cell makes it a value, except an age in a label (65歳以上人口割合, 75歳以上).
bool has_figure(std::string_view s) {
  auto digit_at = [&](size_t i) -> size_t {  // the byte length of a digit at i (ASCII or ０..９), else 0
    if (s[i] >= '0' && s[i] <= '9') return 1;
    if (i + 2 < s.size() && s.compare(i, 2, "\xEF\xBC") == 0 && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(s[i + 2]) <= 0x99)
      return 3;
    return 0;
  };
  for (size_t i = 0; i < s.size();) {
    if (digit_at(i) == 0) {
      ++i;
      continue;
    }
    while (i < s.size() && digit_at(i) > 0) i += digit_at(i);
    if (s.compare(i, std::string_view("歳").size(), "歳") != 0) return true;
  }
  return false;
}

bool reads_as_label(const TableCell& c) {
  if (c.text.empty() || c.text.find('\n') != std::string::npos) return false;
  size_t len = tx::count_chars(c.text);
  if (c.header) return len <= 40;
  if (len > 20 || has_figure(c.text)) return false;
  for (std::string_view p : {"。", "！", "？", "!", "?", "：", ":"})
    if (c.text.find(p) != std::string::npos) return false;
  return true;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

struct Slot {
  const TableCell* cell;
  int col;
  bool inherited;  // a rowspan from a row above
};

struct ActiveSpan {
  const TableCell* cell;
  int col;
  int colspan;
  int rows_left;
};

}  // namespace

Table read_table(const GumboNode* table) {
  Table t;
  std::vector<std::vector<const GumboNode*>> groups;  // rows per row group
  const GumboVector& children = table->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* c = static_cast<const GumboNode*>(children.data[i]);
    if (!is_html_element(c)) continue;
    GumboTag tag = c->v.element.tag;
    if (tag == GUMBO_TAG_CAPTION) {
      if (t.caption.empty()) t.caption = tx::collapse_one_line(collect_raw(c));
    } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
      groups.emplace_back();
      const GumboVector& rows = c->v.element.children;
      for (unsigned j = 0; j < rows.length; ++j) {
        auto* r = static_cast<const GumboNode*>(rows.data[j]);
        if (is_html_element(r) && r->v.element.tag == GUMBO_TAG_TR) groups.back().push_back(r);
      }
    } else if (tag == GUMBO_TAG_TR) {
      if (groups.empty()) groups.emplace_back();
      groups.back().push_back(c);
    }
  }
  for (const auto& group : groups) {
    for (size_t r = 0; r < group.size(); ++r) {
      const int rows_left = static_cast<int>(group.size() - r);
      std::vector<TableCell> row;
      const GumboVector& cells = group[r]->v.element.children;
      for (unsigned k = 0; k < cells.length; ++k) {
        auto* cell = static_cast<const GumboNode*>(cells.data[k]);
        if (!is_html_element(cell)) continue;
        GumboTag tag = cell->v.element.tag;
        if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
        TableCell tc;
        tc.text = tx::collapse(collect_raw(cell));
        tc.header = tag == GUMBO_TAG_TH;
        int rs = int_attr(cell, "rowspan", 1);
        tc.rowspan = (rs == 0 || rs > rows_left) ? rows_left : rs;
        int cs = int_attr(cell, "colspan", 1);
        tc.colspan = cs < 1 ? 1 : cs > 1000 ? 1000 : cs;
        row.push_back(std::move(tc));
      }
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

void table_labels(const Table& table, const std::string& heading, std::vector<LabelValue>& out) {
  constexpr size_t kMaxActiveSpans = 64;
  int width = 0;
  for (const auto& row : table.rows) {
    int w = 0;
    for (const auto& c : row) w += c.colspan;
    width = std::max(width, w);
  }
  if (width < 2) return;  // a one-column table states no label rows
  std::vector<ActiveSpan> active;  // cells from rows above that reach into this one, by column
  std::string group_label;
  std::vector<Slot> slots;
  for (const auto& row : table.rows) {
    // Lay out this row's cells between the spans coming from above.
    slots.clear();
    size_t a = 0;
    int col = 0;
    std::vector<ActiveSpan> started;
    for (const auto& cell : row) {
      while (a < active.size() && active[a].col <= col) {
        slots.push_back({active[a].cell, active[a].col, true});
        col = std::max(col, active[a].col + active[a].colspan);
        ++a;
      }
      slots.push_back({&cell, col, false});
      if (cell.rowspan > 1) started.push_back({&cell, col, cell.colspan, cell.rowspan});
      col += cell.colspan;
    }
    for (; a < active.size(); ++a) slots.push_back({active[a].cell, active[a].col, true});
    // Spans move down one row; new ones join.
    std::vector<ActiveSpan> next;
    for (auto s : active)
      if (--s.rows_left > 0) next.push_back(s);
    for (auto s : started) {
      if (next.size() >= kMaxActiveSpans) break;
      s.rows_left -= 1;
      auto pos = std::find_if(next.begin(), next.end(), [&](const ActiveSpan& x) { return x.col > s.col; });
      next.insert(pos, s);
    }
    active = std::move(next);

    if (slots.empty()) continue;
    if (slots.size() == 1) {
      const TableCell& only = *slots[0].cell;
      if (!slots[0].inherited && reads_as_label(only) &&
          (only.header || only.colspan > 1))
        group_label = only.text;  // 費用負担 spanning the table: the rows below belong to it
      continue;
    }
    size_t k = 0;
    while (k < slots.size() && reads_as_label(*slots[k].cell)) ++k;
    if (k == 0) continue;
    if (k > slots.size() - 1) k = slots.size() - 1;
    std::string label = slots[k - 1].cell->text;
    std::string context = k >= 2 ? slots[k - 2].cell->text : !group_label.empty() ? group_label : heading;
    if (slots.size() - k == 1) {
      // A value made only of 「ラベル：値」 lines: each line is a label under this row's label.
      const std::string& v = slots[k].cell->text;
      std::vector<std::pair<std::string, std::string>> lines;
      std::vector<std::string> sentences;
      bool all = !v.empty();
      size_t start = 0;
      while (all && start <= v.size()) {
        size_t end = v.find('\n', start);
        if (end == std::string::npos) end = v.size();
        std::string_view line(v.data() + start, end - start);
        if (auto lv = tx::split_label_line(line)) {
          lines.push_back(std::move(*lv));
          sentences.emplace_back(line);
        } else {
          all = false;
        }
        start = end + 1;
      }
      if (all && !lines.empty()) {
        for (size_t i = 0; i < lines.size(); ++i)
          out.push_back({lines[i].first, lines[i].second, label, sentences[i]});
        continue;
      }
    }
    std::string value;
    for (size_t i = k; i < slots.size(); ++i) {
      if (slots[i].cell->text.empty()) continue;
      if (!value.empty()) value += " | ";
      value += one_line(slots[i].cell->text);
    }
    if (value.empty()) continue;
    out.push_back({label, value, context, label + "：" + value});
  }
}

}  // namespace senrei::html_table
