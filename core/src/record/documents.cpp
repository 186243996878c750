#include "senrei/documents.hpp"

#include <algorithm>
#include <array>

#include "senrei/ja.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

namespace {

bool has(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The lines where a document states what it is: the title, and the cover — the first PDF page,
// or an HTML page's blocks before its first section heading (h2).
std::vector<std::string> cover_lines(const ParsedPage& page) {
  std::vector<std::string> lines;
  if (!page.pdf_pages.empty()) {
    const std::string& first = page.pdf_pages.front();
    for (size_t start = 0; start < first.size();) {
      size_t end = first.find('\n', start);
      if (end == std::string::npos) end = first.size();
      if (end > start) lines.push_back(first.substr(start, end - start));
      start = end + 1;
    }
    return lines;
  }
  for (const auto& b : page.blocks) {
    if (b.role == Block::Role::heading && b.level >= 2 && !lines.empty()) break;
    lines.push_back(b.text);
    if (lines.size() >= 12) break;
  }
  return lines;
}

Field text_field(std::string name, std::string text, const std::string& url, std::string sentence) {
  Field f;
  f.name = std::move(name);
  f.raw = text;
  f.text = std::move(text);
  f.provenance = {url, std::move(sentence)};
  return f;
}

// A line that is a date and little else: 「令和5年5月」, 「令和2年8月21日」, 「2023年5月」.
bool is_date_line(const std::string& line) {
  std::string n = ja::nfkc(line);
  if (n.size() > 40 || !has(n, "年")) return false;
  for (std::string_view word : {"版", "章", "条", "号"})
    if (has(n, word)) return false;
  return ja::parse_date(n).has_value();
}

}  // namespace

std::optional<std::string> parse_edition(std::string_view text) {
  const std::string s = ja::nfkc(text);
  auto version_at = [&](size_t i) -> std::optional<std::string> {
    size_t j = i;
    while (j < s.size() && (is_digit(s[j]) || (s[j] == '.' && j > i && j + 1 < s.size() && is_digit(s[j + 1])))) ++j;
    if (j == i) return std::nullopt;
    return s.substr(i, j - i);
  };
  for (size_t pos = s.find("第"); pos != std::string::npos; pos = s.find("第", pos + 1)) {
    size_t i = pos + std::string_view("第").size();
    while (i < s.size() && s[i] == ' ') ++i;
    auto v = version_at(i);
    if (!v) continue;
    size_t after = i + v->size();
    while (after < s.size() && s[after] == ' ') ++after;
    if (s.compare(after, std::string_view("版").size(), "版") == 0) return v;
  }
  for (std::string_view mark : {"Ver.", "ver.", "Ver", "version ", "Version "}) {
    size_t pos = s.find(mark);
    if (pos == std::string::npos) continue;
    size_t i = pos + mark.size();
    while (i < s.size() && s[i] == ' ') ++i;
    if (auto v = version_at(i)) return v;
  }
  return std::nullopt;
}

std::optional<RecordKind> document_kind(std::string_view title) {
  const std::string t = ja::nfkc(title);
  for (std::string_view w : {"通知", "事務連絡", "報道発表", "報道資料", "お知らせ", "ニュースリリース"})
    if (has(t, w)) return RecordKind::notice;
  for (std::string_view w : {"標準規格", "規格"})
    if (has(t, w)) return RecordKind::standard;
  for (std::string_view w : {"ガイドライン", "指針", "手引き", "手引"})
    if (has(t, w)) return RecordKind::guideline;
  return std::nullopt;
}

std::string document_title(const ParsedPage& page) {
  if (!page.pdf_pages.empty() || page.content_type == "application/pdf") {
    if (auto t = page.meta.find("Title"); t != page.meta.end() && !t->second.empty()) return t->second;
    if (!page.title.empty()) return page.title;
  } else {
    for (const auto& b : page.blocks)
      if (b.role == Block::Role::heading && b.level == 1 && !b.text.empty()) return b.text;
    std::string title = page.title;
    for (std::string_view sep : {"｜", "|"}) {
      auto pos = title.rfind(sep);
      if (pos != std::string::npos && pos > 0) {
        title.resize(pos);
        break;
      }
    }
    while (!title.empty() && title.back() == ' ') title.pop_back();
    if (!title.empty()) return title;
  }
  std::string url = page.url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url.substr(url.find_last_of('/') + 1);
}

std::vector<Field> read_document_fields(const ParsedPage& page, std::string_view title_view,
                                        std::string_view publisher) {
  const std::string title(title_view);
  const std::vector<std::string> cover = cover_lines(page);
  std::vector<Field> out;
  if (!title.empty()) out.push_back(text_field("title", title, page.url, title));

  Field ministry = text_field("ministry", std::string(publisher), page.url, title);
  // Who issues it: the ministries the title names, else those on the cover's short lines
  // (「総務省　経済産業省」), else those in the first sentence that names one (「総務省及び
  // 経済産業省は、…を策定した。」) — not every ministry the text mentions further on.
  static constexpr std::array<std::string_view, 7> kMinistries = {
      "厚生労働省", "総務省", "経済産業省", "内閣府", "デジタル庁", "個人情報保護委員会", "文部科学省"};
  auto named_in = [&](const std::string& line) {
    std::vector<std::pair<size_t, std::string>> found;
    for (std::string_view m : kMinistries)
      if (size_t pos = line.find(m); pos != std::string::npos) found.emplace_back(pos, std::string(m));
    std::sort(found.begin(), found.end());
    std::vector<std::string> names;
    for (auto& [pos, m] : found) names.push_back(std::move(m));
    return names;
  };
  std::vector<std::string> candidates = {title};
  for (const auto& line : cover)
    if (ja::nfkc(line).size() <= 60) candidates.push_back(line);  // about 20 characters
  for (const auto& line : cover) {
    const std::string first = line.substr(0, line.find("。"));
    if (!named_in(first).empty()) {
      candidates.push_back(first);
      break;
    }
  }
  for (const auto& line : candidates) {
    for (auto& m : named_in(line)) {
      if (std::find(ministry.items.begin(), ministry.items.end(), m) != ministry.items.end()) continue;
      if (ministry.items.empty()) ministry.provenance.sentence = line;
      ministry.items.push_back(std::move(m));
    }
    if (!ministry.items.empty()) break;
  }
  if (ministry.items.empty()) ministry.items.emplace_back(publisher);
  ministry.raw = ministry.provenance.sentence;
  out.push_back(std::move(ministry));

  // Version: the title, else the cover.
  std::optional<std::string> version;
  std::string version_line;
  if ((version = parse_edition(title))) version_line = title;
  for (size_t i = 0; !version && i < cover.size(); ++i)
    if ((version = parse_edition(cover[i]))) version_line = cover[i];
  if (version) {
    Field f = text_field("version", *version, page.url, version_line);
    f.raw = version_line;
    out.push_back(std::move(f));
  }

  // Publication date: a label that says so, a date line on the cover, a date in the title.
  std::optional<std::string> date;
  std::string date_line, date_raw;
  for (const auto& lv : page.labels) {
    const std::string label = ja::nfkc(lv.label);
    bool dated = false;
    for (std::string_view w : {"公表", "発行", "策定", "改定", "掲載", "発表", "公開", "日付"}) dated = dated || has(label, w);
    if (!dated) continue;
    if ((date = ja::parse_date(lv.value))) {
      date_line = lv.sentence.empty() ? lv.label + "：" + lv.value : lv.sentence;
      date_raw = lv.value;
      break;
    }
  }
  for (size_t i = 0; !date && i < cover.size(); ++i)
    if (is_date_line(cover[i]) && (date = ja::parse_date(cover[i]))) date_line = date_raw = cover[i];
  if (!date && (date = ja::parse_date(title))) date_line = date_raw = title;
  if (date) {
    Field f = text_field("publication_date", *date, page.url, date_line);
    f.raw = date_raw;
    out.push_back(std::move(f));
  }
  return out;
}

Record read_document(const ParsedPage& page, std::string_view publisher, RecordKind html_kind) {
  Record r;
  r.url = page.url;
  r.title = document_title(page);
  r.text = page.main_text();
  r.kind = page.content_type == "application/pdf" ? document_kind(r.title).value_or(RecordKind::guideline) : html_kind;
  r.fields = read_document_fields(page, r.title, publisher);
  if (const Field* date = r.field("publication_date")) r.as_of = date->text;
  return r;
}

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
