// extract/html.cpp — gumbo tree → blocks, boilerplate, tables, labels, links.
//
// Every walk over the tree is iterative or depth-bounded: gumbo builds any depth the markup
// asks for, and its own gumbo_destroy_output() recurses, so its memory is taken through an
// allocator that frees the whole tree in one loop instead.
#include "extract/html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "extract/charset.hpp"
#include "extract/html_dom.hpp"
#include "extract/html_table.hpp"
#include "extract/text.hpp"
#include "senrei/url.hpp"

namespace senrei {
namespace {

using namespace html_dom;
using namespace html_table;
namespace tx = extract_text;

// Gumbo's memory: a doubly linked list of live allocations, freed in one loop at the end.
struct alignas(16) AllocHeader {
  AllocHeader* prev;
  AllocHeader* next;
};

class GumboArena {
 public:
  GumboArena() { head_.prev = head_.next = &head_; }
  ~GumboArena() {
    AllocHeader* h = head_.next;
    while (h != &head_) {
      AllocHeader* next = h->next;
      std::free(h);
      h = next;
    }
  }
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  static void* allocate(void* self, size_t size) {
    auto* arena = static_cast<GumboArena*>(self);
    auto* h = static_cast<AllocHeader*>(std::malloc(sizeof(AllocHeader) + size));
    if (!h) std::abort();  // gumbo cannot handle a null allocation
    h->prev = &arena->head_;
    h->next = arena->head_.next;
    arena->head_.next->prev = h;
    arena->head_.next = h;
    return h + 1;
  }
  static void deallocate(void*, void* ptr) {
    if (!ptr) return;
    auto* h = static_cast<AllocHeader*>(ptr) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    std::free(h);
  }

 private:
  AllocHeader head_;
};

// What one pass over the whole document finds before the content walk.
struct DocumentFacts {
  const GumboNode* main_root = nullptr;
  std::string title;
  std::string first_h1;
  std::string base_href;
  std::string canonical_href;
  std::string lang;
};

DocumentFacts survey(const GumboNode* document, ParsedPage& page, const ExtractLimits& limits) {
  DocumentFacts facts;
  const GumboNode* candidates[4] = {};  // <main>, role=main, id main/content, class main/content
  struct Item {
    const GumboNode* node;
    bool in_boilerplate;
    int sectioning;
  };
  std::vector<Item> stack{{document, false, 0}};
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (it.node->type == GUMBO_NODE_DOCUMENT) {
      children = &it.node->v.document.children;
    } else if (is_html_element(it.node)) {
      const GumboNode* n = it.node;
      GumboTag tag = n->v.element.tag;
      if (is_never_text(n)) continue;
      bool boiler = it.in_boilerplate || is_boilerplate(n, it.sectioning > 0);
      int sectioning = it.sectioning + (is_sectioning(tag) ? 1 : 0);
      switch (tag) {
        case GUMBO_TAG_HTML:
          if (const char* l = attr(n, "lang")) facts.lang = tx::collapse_one_line(l);
          else if (const char* xl = attr(n, "xml:lang")) facts.lang = tx::collapse_one_line(xl);
          break;
        case GUMBO_TAG_TITLE:
          if (facts.title.empty()) facts.title = tx::collapse_one_line(collect_raw(n));
          continue;
        case GUMBO_TAG_BASE:
          if (const char* h = attr(n, "href"); h && facts.base_href.empty()) facts.base_href = h;
          break;
        case GUMBO_TAG_LINK:
          if (const char* h = attr(n, "href"); h && facts.canonical_href.empty() &&
                                               has_token(attr(n, "rel"), "canonical"))
            facts.canonical_href = h;
          break;
        case GUMBO_TAG_META: {
          const char* name = attr(n, "name");
          if (!name) name = attr(n, "property");
          const char* content = attr(n, "content");
          if (name && content && page.meta.size() < limits.max_meta) {
            std::string key = ascii_lower(tx::collapse_one_line(name));
            std::string value = tx::collapse_one_line(std::string_view(content).substr(0, 4096));
            if (!key.empty() && key.size() <= 128) page.meta.emplace(std::move(key), std::move(value));
          }
          break;
        }
        case GUMBO_TAG_H1:
          if (facts.first_h1.empty() && !boiler) facts.first_h1 = tx::collapse_one_line(collect_raw(n));
          break;
        default:
          break;
      }
      if (!boiler) {
        int slot = -1;
        if (tag == GUMBO_TAG_MAIN) slot = 0;
        else if (has_token(attr(n, "role"), "main")) slot = 1;
        else if (names_main(attr(n, "id"))) slot = 2;
        else if (names_main(attr(n, "class"))) slot = 3;
        if (slot >= 0 && !candidates[slot]) candidates[slot] = n;
      }
      children = &n->v.element.children;
      for (unsigned i = children->length; i-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(children->data[i]), boiler, sectioning});
      continue;
    }
    if (!children) continue;
    for (unsigned i = children->length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(children->data[i]), false, 0});
  }
  for (const GumboNode* c : candidates)
    if (c) {
      facts.main_root = c;
      break;
    }
  return facts;
}

bool followable(std::string_view href) {
  size_t b = 0;
  while (b < href.size() && static_cast<unsigned char>(href[b]) <= 0x20) ++b;
  href.remove_prefix(b);
  if (href.empty() || href.front() == '#') return false;
  std::string lower = ascii_lower(href.substr(0, 16));
  for (std::string_view scheme : {"javascript:", "mailto:", "tel:", "data:", "about:", "fax:"})
    if (lower.compare(0, scheme.size(), scheme) == 0) return false;
  return true;
}

void collect_links(const GumboNode* document, const std::string& base, ParsedPage& page,
                   const ExtractLimits& limits) {
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty() && page.links.size() < limits.max_links) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    } else if (is_html_element(n)) {
      if (is_never_text(n)) continue;
      GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_AREA) {
        const char* href = attr(n, "href");
        if (href && followable(href)) {
          // A query in the page's own encoding, as a browser sends it (Shift_JIS, EUC-JP).
          if (auto abs = resolve_url(base, query_in_page_encoding(href, page.charset))) {
            std::string text = tx::collapse_one_line(collect_raw(n));
            if (text.empty() && tag == GUMBO_TAG_AREA)
              if (const char* alt = attr(n, "alt")) text = tx::collapse_one_line(alt);
            page.links.push_back({std::move(*abs), std::move(text)});
          }
        }
      }
      children = &n->v.element.children;
    }
    if (!children) continue;
    for (unsigned i = children->length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
}

// The content walk: blocks in document order, boilerplate set apart, tables and labels.
class ContentWalker {
 public:
  ContentWalker(ParsedPage& page, const ExtractLimits& limits, const GumboNode* main_root)
      : page_(page), limits_(limits), main_root_(main_root), in_main_(main_root == nullptr) {}

  void run(const GumboNode* document) {
    for (unsigned i = 0; i < document->v.document.children.length; ++i)
      visit(static_cast<const GumboNode*>(document->v.document.children.data[i]), 1);
    flush();
  }

 private:
  void visit(const GumboNode* n, int depth) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      if (in_main_) tx::append_raw(pending_, n->v.text.text);
      return;
    }
    if (!is_html_element(n) || is_never_text(n)) return;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_HEAD) return;
    if (is_boilerplate(n, sectioning_ > 0)) {
      flush();
      std::string text = tx::collapse(collect_raw(n));
      if (!text.empty()) page_.boilerplate.push_back(std::move(text));
      return;
    }
    if (!in_main_) {
      if (n == main_root_) {
        flush();
        in_main_ = true;
        visit_children(n, depth);
        flush();
        in_main_ = false;
        return;
      }
      visit_children(n, depth);
      return;
    }
    if (depth > limits_.max_depth) {
      add_flag(page_, "depth_capped");
      pending_ += collect_raw(n);
      return;
    }
    switch (tag) {
      case GUMBO_TAG_BR:
        pending_ += tx::kBreak;
        return;
      case GUMBO_TAG_IMG:
        if (const char* alt = attr(n, "alt")) tx::append_raw(pending_, alt);
        return;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
      case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: {
        flush();
        std::string text = tx::collapse_one_line(collect_raw(n));
        if (!text.empty()) {
          page_.blocks.push_back({Block::Role::heading, heading_level(tag), text});
          heading_ = std::move(text);
        }
        return;
      }
      case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: {
        flush();
        std::string text = preformatted_text(n);
        if (!text.empty()) page_.blocks.push_back({Block::Role::preformatted, 0, std::move(text)});
        return;
      }
      case GUMBO_TAG_TABLE:
        flush();
        if (is_layout_table(n)) {
          block(n, Block::Role::paragraph, depth);
        } else {
          table(n);
        }
        return;
      case GUMBO_TAG_DL:
        flush();
        definition_list(n, depth);
        return;
      case GUMBO_TAG_LI:
        block(n, Block::Role::list_item, depth);
        return;
      case GUMBO_TAG_DT: case GUMBO_TAG_DD:
        block(n, Block::Role::definition, depth);
        return;
      default:
        break;
    }
    if (is_block_level(tag)) {
      block(n, Block::Role::paragraph, depth);
    } else {
      visit_children(n, depth);
    }
  }

  void visit_children(const GumboNode* n, int depth) {
    bool sectioning = is_sectioning(n->v.element.tag);
    sectioning_ += sectioning;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
      visit(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    sectioning_ -= sectioning;
  }

  void block(const GumboNode* n, Block::Role role, int depth) {
    flush();
    Block::Role saved = role_;
    role_ = role;
    visit_children(n, depth);
    flush();
    role_ = saved;
  }

  // The text gathered since the last block boundary becomes a block; 「ラベル：値」 lines in a
  // paragraph or list item become labels.
  void flush() {
    if (pending_.empty()) return;
    std::string text = tx::collapse(pending_);
    pending_.clear();
    if (text.empty()) return;
    if (role_ == Block::Role::paragraph || role_ == Block::Role::list_item) {
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (auto lv = tx::split_label_line(line))
          page_.labels.push_back({lv->first, lv->second, heading_, std::string(line)});
        start = end + 1;
      }
    }
    page_.blocks.push_back({role_, 0, std::move(text)});
  }

  void definition_list(const GumboNode* dl, int depth) {
    std::string term;
    auto handle = [&](const GumboNode* c) {
      if (!is_html_element(c)) return;
      GumboTag tag = c->v.element.tag;
      if (tag == GUMBO_TAG_DT) {
        term = tx::collapse_one_line(collect_raw(c, /*skip_nested_dl=*/true));
        block(c, Block::Role::definition, depth + 1);
      } else if (tag == GUMBO_TAG_DD) {
        std::string value = tx::collapse_one_line(collect_raw(c, /*skip_nested_dl=*/true));
        if (!term.empty() && !value.empty()) {
          std::string context = dl_context_.empty() ? heading_ : dl_context_.back();
          page_.labels.push_back({term, value, context, term + "：" + value});
        }
        dl_context_.push_back(term.empty() ? (dl_context_.empty() ? heading_ : dl_context_.back())
                                           : term);
        block(c, Block::Role::definition, depth + 1);
        dl_context_.pop_back();
      } else {
        visit(c, depth + 1);
      }
    };
    const GumboVector& children = dl->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (is_html_element(c) && c->v.element.tag == GUMBO_TAG_DIV &&
          !is_boilerplate(c, sectioning_ > 0)) {  // <dl><div><dt>…<dd>…</div></dl>
        const GumboVector& inner = c->v.element.children;
        for (unsigned j = 0; j < inner.length; ++j) handle(static_cast<const GumboNode*>(inner.data[j]));
      } else {
        handle(c);
      }
    }
  }

  void table(const GumboNode* n) {
    Table t = read_table(n);
    if (!t.caption.empty()) page_.blocks.push_back({Block::Role::paragraph, 0, t.caption});
    for (const auto& row : t.rows) {
      std::string text;
      bool any = false;
      for (const auto& cell : row) {
        if (!text.empty() || any) text += " | ";
        text += cell.text;
        any = true;
      }
      for (char& c : text)
        if (c == '\n') c = ' ';
      bool blank = true;
      for (const auto& cell : row) blank = blank && cell.text.empty();
      if (!blank) page_.blocks.push_back({Block::Role::table_row, 0, std::move(text)});
    }
    table_labels(t, heading_, page_.labels);
    page_.tables.push_back(std::move(t));
  }

  ParsedPage& page_;
  const ExtractLimits& limits_;
  const GumboNode* main_root_;
  bool in_main_;
  int sectioning_ = 0;
  std::string pending_;
  Block::Role role_ = Block::Role::paragraph;
  std::string heading_;
  std::vector<std::string> dl_context_;
};

}  // namespace

void extract_html(std::string_view utf8, const ExtractLimits& limits, ParsedPage& page) {
  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::allocate;
  options.deallocator = &GumboArena::deallocate;
  options.userdata = &arena;
  options.max_errors = limits.max_parse_errors;
  std::string capped;
  if (auto cut = deep_nesting_offset(utf8, limits.max_depth)) {
    // Markup nested deeper than any page needs: gumbo's scope checks walk the whole stack of
    // open elements per tag (quadratic), so the tail is given to it as text only.
    capped = flatten_after(utf8, *cut);
    utf8 = capped;
    add_flag(page, "depth_capped");
  }
  GumboOutput* out = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  if (!out) return;
  if (limits.max_parse_errors >= 0 &&
      out->errors.length >= static_cast<unsigned>(limits.max_parse_errors))
    add_flag(page, "parse_errors_capped");

  DocumentFacts facts = survey(out->document, page, limits);
  page.lang = facts.lang;
  std::string base = page.url;
  if (!facts.base_href.empty())
    if (auto b = resolve_url(page.url, facts.base_href)) base = *b;
  if (!facts.canonical_href.empty())
    if (auto c = resolve_url(base, facts.canonical_href)) page.canonical_url = *c;
  collect_links(out->document, base, page, limits);

  ContentWalker walker(page, limits, facts.main_root);
  walker.run(out->document);

  page.title = !facts.title.empty() ? facts.title : facts.first_h1;
  // The arena frees gumbo's tree; gumbo_destroy_output would recurse over it.
}

}  // namespace senrei
