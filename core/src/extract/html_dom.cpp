// extract/html_dom.cpp — node predicates, text collection and the nesting guard.
#include "extract/html_dom.hpp"

#include <cstring>
#include <vector>

#include "extract/text.hpp"

namespace senrei::html_dom {
namespace {

namespace tx = extract_text;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// "gNav global-nav footerArea" → g, nav, global, nav, footer, area
std::vector<std::string> name_tokens(std::string_view v) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (!is_alnum(c)) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (is_upper(c) && !cur.empty() && i > 0 && !is_upper(v[i - 1])) {
      out.push_back(std::move(cur));
      cur.clear();
    }
    cur += static_cast<char>(is_upper(c) ? c + 32 : c);
    if (out.size() > 64) break;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool names_boilerplate(const char* value) {
  if (!value) return false;
  static constexpr std::string_view kWords[] = {"nav",   "navi",      "menu",    "breadcrumb",
                                                "bread", "topicpath", "pankuzu", "footer",
                                                "sidebar", "skip"};
  for (const auto& t : name_tokens(std::string_view(value).substr(0, 512))) {
    for (auto w : kWords) {
      if (t.size() < w.size()) continue;
      if (t.compare(0, w.size(), w) == 0 || t.compare(t.size() - w.size(), w.size(), w) == 0)
        return true;
    }
  }
  return false;
}

bool names_site_header(const char* id) {
  if (!id) return false;
  auto tokens = name_tokens(std::string_view(id).substr(0, 512));
  return !tokens.empty() && tokens.front().compare(0, 6, "header") == 0;
}

size_t find_ci(std::string_view s, std::string_view what, size_t from) {
  for (size_t i = from; i + what.size() <= s.size(); ++i) {
    i = s.find_first_of(std::string{what[0], static_cast<char>(what[0] - 32)}, i);
    if (i == std::string_view::npos || i + what.size() > s.size()) return std::string_view::npos;
    bool ok = true;
    for (size_t k = 0; k < what.size() && ok; ++k) {
      char c = s[i + k];
      ok = (is_upper(c) ? c + 32 : c) == what[k];
    }
    if (ok) return i;
  }
  return std::string_view::npos;
}

// A light tokenizer over markup, enough to count nesting and strip tags: it knows comments,
// raw-text elements and quoted attribute values, nothing else.
struct TagScan {
  std::string_view s;
  size_t pos = 0;

  enum class Kind { text, start, end, other, end_of_input };
  Kind kind = Kind::text;
  size_t start = 0;  // where the token began
  std::string name;
  bool self_closing = false;

  Kind next() {
    start = pos;
    name.clear();
    self_closing = false;
    if (pos >= s.size()) return kind = Kind::end_of_input;
    if (s[pos] != '<') {
      size_t lt = s.find('<', pos);
      pos = lt == std::string_view::npos ? s.size() : lt;
      return kind = Kind::text;
    }
    if (s.compare(pos, 4, "<!--") == 0) {
      size_t e = s.find("-->", pos + 4);
      pos = e == std::string_view::npos ? s.size() : e + 3;
      return kind = Kind::other;
    }
    bool end_tag = pos + 1 < s.size() && s[pos + 1] == '/';
    size_t p = pos + (end_tag ? 2 : 1);
    if (p >= s.size() || !is_alpha(s[p])) {
      if (p < s.size() && (s[pos + 1] == '!' || s[pos + 1] == '?' || end_tag)) {
        size_t e = s.find('>', p);
        pos = e == std::string_view::npos ? s.size() : e + 1;
        return kind = Kind::other;
      }
      ++pos;  // a lone '<' is text
      return kind = Kind::text;
    }
    while (p < s.size() && !(s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r' ||
                             s[p] == '\f' || s[p] == '/' || s[p] == '>')) {
      if (name.size() < 16) name += static_cast<char>(is_upper(s[p]) ? s[p] + 32 : s[p]);
      ++p;
    }
    char quote = 0;
    while (p < s.size()) {
      char c = s[p];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      ++p;
    }
    self_closing = p > 0 && p < s.size() && s[p - 1] == '/';
    pos = p < s.size() ? p + 1 : s.size();
    if (end_tag) return kind = Kind::end;
    return kind = Kind::start;
  }

  bool is_raw_text() const {
    for (std::string_view r : {"script", "style", "textarea", "title", "xmp", "iframe",
                               "noembed", "noframes", "noscript"})
      if (name == r) return true;
    return false;
  }
  // After a raw-text start tag: jump past its end tag.
  void skip_raw_text() {
    std::string close = "</" + name;
    size_t e = find_ci(s, close, pos);
    if (e == std::string_view::npos) {
      pos = s.size();
      return;
    }
    size_t gt = s.find('>', e);
    pos = gt == std::string_view::npos ? s.size() : gt + 1;
  }
};

// Elements that do not deepen the tree however many are open: void elements, and those whose
// end tag is optional (the parser closes them on the next sibling).
bool nests(const std::string& name) {
  for (std::string_view n : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                             "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                             "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
                             "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body",
                             "basefont", "bgsound", "keygen", "frame", "image"})
    if (name == n) return false;
  return true;
}

}  // namespace

bool is_html_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

const char* attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (is_upper(c)) c = static_cast<char>(c + 32);
  return out;
}

bool has_token(const char* value, std::string_view token) {
  if (!value) return false;
  std::string_view v(value);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f')) ++i;
    size_t b = i;
    while (i < v.size() && !(v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f')) ++i;
    if (i > b && ascii_lower(v.substr(b, i - b)) == token) return true;
  }
  return false;
}

bool is_never_text(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return n->type == GUMBO_NODE_TEMPLATE;
  if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // svg, math
  switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_DATALIST: case GUMBO_TAG_APPLET:
      return true;
    default:
      return false;
  }
}

bool is_block_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_FRAMESET:
      return true;
    default:
      return false;
  }
}

bool is_sectioning(GumboTag tag) {
  return tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV ||
         tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_MAIN;
}

int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

bool is_boilerplate(const GumboNode* n, bool in_section) {
  if (!is_html_element(n)) return false;
  GumboTag tag = n->v.element.tag;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_MAIN) return false;
  if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER) return true;
  if (tag == GUMBO_TAG_HEADER && !in_section) return true;
  const char* role = attr(n, "role");
  for (std::string_view r : {"navigation", "banner", "contentinfo", "menu", "menubar", "search"})
    if (has_token(role, r)) return true;
  if (has_token(role, "main")) return false;
  const char* id = attr(n, "id");
  if (names_boilerplate(id) || names_boilerplate(attr(n, "class"))) return true;
  return !in_section && names_site_header(id);
}

bool names_main(const char* value) {
  if (!value) return false;
  std::string_view v(value);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n')) ++i;
    std::string name;
    while (i < v.size() && !(v[i] == ' ' || v[i] == '\t' || v[i] == '\n')) {
      if (v[i] != '-' && v[i] != '_' && name.size() < 32)
        name += static_cast<char>(is_upper(v[i]) ? v[i] + 32 : v[i]);
      ++i;
    }
    for (std::string_view m : {"main", "content", "contents", "maincontent", "maincontents",
                               "maincol", "maincolumn", "mainarea", "contentarea",
                               "contentsarea", "pagebody"})
      if (name == m) return true;
  }
  return false;
}

std::string collect_raw(const GumboNode* root, bool skip_nested_dl) {
  std::string raw;
  if (root->type == GUMBO_NODE_TEXT || root->type == GUMBO_NODE_WHITESPACE) {
    tx::append_raw(raw, root->v.text.text);
    return raw;
  }
  if (root->type != GUMBO_NODE_ELEMENT) return raw;
  std::vector<const GumboNode*> stack;  // nullptr: a block ends here
  auto push_children = [&](const GumboNode* n) {
    const GumboVector& c = n->v.element.children;
    for (unsigned i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
  };
  push_children(root);
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!n) {
      raw += tx::kBreak;
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      if (n->type != GUMBO_NODE_CDATA) tx::append_raw(raw, n->v.text.text);
      continue;
    }
    if (!is_html_element(n) || is_never_text(n)) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      raw += tx::kBreak;
    } else if (tag == GUMBO_TAG_IMG) {
      if (const char* alt = attr(n, "alt")) tx::append_raw(raw, alt);
    } else if (tag == GUMBO_TAG_DL && skip_nested_dl) {
      continue;
    } else if (is_block_level(tag)) {
      raw += tx::kBreak;
      stack.push_back(nullptr);
      push_children(n);
    } else {
      push_children(n);
    }
  }
  return raw;
}

std::string preformatted_text(const GumboNode* n) {
  std::string raw = collect_raw(n);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == tx::kBreak) c = '\n';
    if (c == '\n')
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\n')) out.pop_back();
  size_t b = 0;
  while (b < out.size() && out[b] == '\n') ++b;
  return out.substr(b);
}

bool is_layout_table(const GumboNode* table) {
  const char* role = attr(table, "role");
  if (has_token(role, "presentation") || has_token(role, "none")) return true;
  size_t cells = 0;
  std::vector<const GumboNode*> stack;
  const GumboVector& top = table->v.element.children;
  for (unsigned i = top.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(top.data[i]));
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!is_html_element(n)) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_TABLE || heading_level(tag) > 0) return true;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) ++cells;
    const GumboVector& c = n->v.element.children;
    for (unsigned i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
  }
  return cells <= 1;
}

std::optional<size_t> deep_nesting_offset(std::string_view html, int max_depth) {
  TagScan scan;
  scan.s = html;
  int depth = 0;
  while (true) {
    switch (scan.next()) {
      case TagScan::Kind::end_of_input:
        return std::nullopt;
      case TagScan::Kind::start:
        if (scan.name == "plaintext") return std::nullopt;
        if (scan.is_raw_text() && !scan.self_closing) {
          scan.skip_raw_text();
          break;
        }
        if (!scan.self_closing && nests(scan.name) && ++depth > max_depth) return scan.start;
        break;
      case TagScan::Kind::end:
        if (nests(scan.name) && depth > 0) --depth;
        break;
      default:
        break;
    }
  }
}

std::string flatten_after(std::string_view html, size_t offset) {
  std::string out(html.substr(0, offset));
  TagScan scan;
  scan.s = html;
  scan.pos = offset;
  while (true) {
    switch (scan.next()) {
      case TagScan::Kind::end_of_input:
        return out;
      case TagScan::Kind::text:
        out.append(html.substr(scan.start, scan.pos - scan.start));
        break;
      case TagScan::Kind::start:
        if (scan.is_raw_text() && !scan.self_closing) scan.skip_raw_text();
        out += '\n';
        break;
      default:
        out += '\n';
        break;
    }
  }
}

void add_flag(ParsedPage& page, const char* flag) {
  if (!page.has_flag(flag)) page.flags.emplace_back(flag);
}

}  // namespace senrei::html_dom
