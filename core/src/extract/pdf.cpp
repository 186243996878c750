// extract/pdf.cpp — poppler-cpp: page text, info dictionary, errors by kind.
#include "extract/pdf.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <mutex>
#include <vector>

#include "extract/garbled_text.hpp"
#include "extract/html_dom.hpp"
#include "extract/html_table.hpp"
#include "extract/pdf_guard.hpp"
#include "extract/pdf_table.hpp"
#include "extract/text.hpp"

namespace senrei {
namespace {

namespace tx = extract_text;

void quiet(const std::string&, void*) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&quiet, nullptr); });
}

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

std::string iso8601(time_t t) {
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return {};
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Columns of vertical writing (a font in Identity-V or another -V CMap): words that share an
// x band, top to bottom; the columns read right to left.
std::string vertical_text(std::vector<const poppler::text_box*> boxes) {
  struct Column {
    double left = 0, right = 0;
    std::vector<const poppler::text_box*> words;
  };
  std::vector<Column> columns;
  for (const auto* b : boxes) {
    const double left = b->bbox().x(), right = left + b->bbox().width();
    Column* home = nullptr;
    for (auto& c : columns) {
      const double overlap = std::min(right, c.right) - std::max(left, c.left);
      if (overlap > 0.5 * std::min(right - left, c.right - c.left)) {
        home = &c;
        break;
      }
    }
    if (!home) {
      columns.push_back({left, right, {}});
      home = &columns.back();
    }
    home->left = std::min(home->left, left);
    home->right = std::max(home->right, right);
    home->words.push_back(b);
  }
  std::stable_sort(columns.begin(), columns.end(),
                   [](const Column& a, const Column& b) { return a.right > b.right; });
  std::string out;
  for (auto& c : columns) {
    std::stable_sort(c.words.begin(), c.words.end(),
                     [](auto* a, auto* b) { return a->bbox().y() < b->bbox().y(); });
    std::string column;
    for (const auto* w : c.words) tx::append_raw(column, utf8(w->text()));
    if (column.empty()) continue;
    if (!out.empty()) out += '\n';
    out += column;
  }
  return out;
}

// The page laid out (extract/pdf_table.hpp): lines top to bottom, words left to right, tables
// as rows of whole cells.  Content-stream order (raw_order_layout) follows how the producer drew
// the page, not how it reads; poppler's own reading-order mode splits a line at a wide gap into
// separate blocks.  Vertical writing comes after the lines, as columns read right to left
// (vertical_text).
pdf_table::PageLayout lay_out_page(const poppler::page& page) {
  // With the font information poppler also sets each box's writing mode.
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  std::vector<pdf_table::Word> words;
  std::vector<const poppler::text_box*> vertical;
  for (const auto& b : boxes) {
    if (b.get_wmode() == poppler::text_box::vertical_wmode) {
      vertical.push_back(&b);
      continue;
    }
    const auto r = b.bbox();
    words.push_back({r.x(), r.y(), r.x() + r.width(), r.y() + r.height(), utf8(b.text()), b.has_space_after()});
  }
  pdf_table::PageLayout layout = pdf_table::lay_out(std::move(words));
  // Vertical writing after the horizontal lines (a title above the columns reads first).
  if (std::string columns = vertical_text(std::move(vertical)); !columns.empty())
    layout.lines.push_back({std::move(columns), false});
  return layout;
}

}  // namespace

void extract_pdf(std::string_view bytes, const ExtractLimits& limits, ParsedPage& page) {
  silence_poppler();
  page.content_type = "application/pdf";
  if (bytes.size() > limits.max_pdf_bytes || bytes.size() > 0x7fffffff)
    throw ExtractError("too_large", page.url + ": PDF exceeds the size limit");
  check_pdf_streams(bytes, limits, page.url);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    // poppler also returns null for an encrypted file it cannot open without a password
    if (bytes.find("/Encrypt") != std::string_view::npos)
      throw ExtractError("encrypted_pdf", page.url + ": the PDF is encrypted and needs a password");
    throw ExtractError("broken_pdf", page.url + ": not a readable PDF");
  }
  if (doc->is_locked())
    throw ExtractError("encrypted_pdf", page.url + ": the PDF is encrypted and needs a password");

  for (const char* key : {"Title", "Author", "Subject", "Keywords", "Creator", "Producer"}) {
    std::string v = tx::collapse_one_line(utf8(doc->info_key(key)));
    if (!v.empty()) page.meta[key] = v;
  }
  for (const char* key : {"CreationDate", "ModDate"}) {
    time_t t = doc->info_date_t(key);
    if (t > 0)
      if (std::string iso = iso8601(t); !iso.empty()) page.meta[key] = iso;
  }

  const int pages = doc->pages();
  const int count = pages > limits.max_pdf_pages ? limits.max_pdf_pages : pages;
  if (pages > count) html_dom::add_flag(page, "truncated");
  bool any_text = false;
  std::vector<pdf_table::PageLayout> layouts;
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    pdf_table::PageLayout layout;
    if (p) layout = lay_out_page(*p);
    std::string text;
    for (const auto& l : layout.lines) {
      if (!text.empty()) text += '\n';
      text += l.text;
    }
    any_text = any_text || !text.empty();
    // A page whose font had no usable ToUnicode map: flagged, its codes kept out of the text,
    // the tables, the labels and the index (extract/garbled_text.hpp).
    if (garbled_text(text)) {
      html_dom::add_flag(page, "garbled_text");
      layout = {};
    }
    layouts.push_back(std::move(layout));
  }
  if (!any_text) html_dom::add_flag(page, "no_text_layer");
  // Tables continued over pages become one, the header repeated on each page dropped.
  for (auto& t : pdf_table::join_tables(layouts)) {
    html_table::table_labels(t.table, "", page.labels);
    page.tables.push_back(std::move(t.table));
  }
  for (const auto& layout : layouts) {
    std::string text;
    for (const auto& l : layout.lines) {
      if (!text.empty()) text += '\n';
      text += l.text;
      // 「発行：令和5年5月」 lines read as labels, as they do in plain text; table rows gave
      // theirs above.
      if (!l.table_row)
        if (auto lv = tx::split_label_line(l.text)) page.labels.push_back({lv->first, lv->second, "", l.text});
    }
    page.pdf_pages.push_back(std::move(text));
  }

  auto title = page.meta.find("Title");
  if (title != page.meta.end()) {
    page.title = title->second;
  } else {
    for (const auto& p : page.pdf_pages) {
      if (p.empty()) continue;
      page.title = tx::collapse_one_line(p.substr(0, p.find('\n')));
      break;
    }
  }
}

}  // namespace senrei
