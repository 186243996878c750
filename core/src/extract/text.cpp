// extract/text.cpp — whitespace collapse and 「ラベル：値」 lines.
#include "extract/text.hpp"

#include <algorithm>
#include "senrei/ja.hpp"

namespace senrei::extract_text {
namespace {

// Decodes one code point at s[i] (advancing i); invalid bytes give U+FFFD and advance by one.
char32_t next_cp(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char t = static_cast<unsigned char>(s[i + k]);
    if ((t & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (t & 0x3F);
  }
  i += len;
  return cp;
}

// The last code point of s (0 when empty).
char32_t last_cp(std::string_view s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  size_t i = start;
  return next_cp(s, i);
}

// East Asian Wide, Fullwidth or Halfwidth, and not Hangul (CSS Text 3 §4.1.2).
bool is_east_asian(char32_t c) {
  return (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFDC) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  // ASCII whitespace and U+3000 at both ends
  while (true) {
    if (!s.empty() && is_space_byte(s.front())) {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == "\u3000") {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  while (true) {
    if (!s.empty() && is_space_byte(s.back())) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000") {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace

void append_raw(std::string& raw, std::string_view text) {
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && !is_space_byte(ch)) || c == 0x7F) continue;
    raw += ch;
  }
}

std::string collapse(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  const size_t n = raw.size();
  while (i < n) {
    char c = raw[i];
    bool nbsp = c == '\xC2' && i + 1 < n && raw[i + 1] == '\xA0';
    if (is_space_byte(c) || nbsp) {
      bool segment_break = false;
      while (i < n) {
        if (raw[i] == '\n' || raw[i] == '\r') segment_break = true;
        if (is_space_byte(raw[i])) {
          ++i;
        } else if (raw[i] == '\xC2' && i + 1 < n && raw[i + 1] == '\xA0') {
          i += 2;
        } else {
          break;
        }
      }
      if (out.empty() || out.back() == '\n' || i >= n || raw[i] == kBreak) continue;
      if (segment_break) {
        size_t j = i;
        if (is_east_asian(last_cp(out)) && is_east_asian(next_cp(raw, j))) continue;
      }
      out += ' ';
      continue;
    }
    if (c == kBreak) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty() && out.back() != '\n') out += '\n';
      ++i;
      continue;
    }
    if (std::size_t skip = ja::reorder_control_at(raw, i)) {
      // C1 and bidi controls carry no text and would act on a terminal or reorder a report's
      // line (F9 of the reliability report): dropped from every page text, title and value.
      i += skip;
      continue;
    }
    if ((static_cast<unsigned char>(c) < 0x20 && c != kBreak) || c == 0x7F) {
      ++i;  // other C0 controls (text that did not come through append_raw: attributes, PDF info)
      continue;
    }
    out += c;
    ++i;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

std::string collapse_one_line(std::string_view raw) {
  std::string s = collapse(raw);
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

size_t count_chars(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<std::pair<std::string, std::string>> split_label_line(std::string_view line) {
  // 「【構築費用】約９８１，３９８千円」: a bracketed label needs no colon.
  static constexpr std::string_view kOpen = "\u3010", kClose = "\u3011";  // 【 】
  if (std::string_view t = trim(line); t.starts_with(kOpen)) {
    const size_t close = t.find(kClose);
    if (close != std::string_view::npos) {
      std::string_view label = trim(t.substr(kOpen.size(), close - kOpen.size()));
      std::string_view value = trim(t.substr(close + kClose.size()));
      for (std::string_view colon : {"\uFF1A", ":"})
        if (value.starts_with(colon)) value = trim(value.substr(colon.size()));
      if (!label.empty() && !value.empty() && count_chars(label) <= 20) return std::make_pair(std::string(label), std::string(value));
    }
  }
  static constexpr std::string_view kFullColon = "\uFF1A";
  size_t pos = std::string_view::npos;
  size_t colon_len = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line.compare(i, kFullColon.size(), kFullColon) == 0) {
      pos = i;
      colon_len = kFullColon.size();
      break;
    }
    if (line[i] == ':') {
      bool url = line.compare(i + 1, 2, "//") == 0;
      bool time = i > 0 && i + 1 < line.size() && line[i - 1] >= '0' && line[i - 1] <= '9' &&
                  line[i + 1] >= '0' && line[i + 1] <= '9';
      if (url || time) return std::nullopt;  // "詳細はhttp://…", "9:00〜": not a label line
      pos = i;
      colon_len = 1;
      break;
    }
  }
  if (pos == std::string_view::npos) return std::nullopt;
  std::string_view label = trim(line.substr(0, pos));
  std::string_view value = trim(line.substr(pos + colon_len));
  if (label.empty() || value.empty() || count_chars(label) > 20) return std::nullopt;
  // 「不明／負担者：県」: what stands before ／ is a value, the line a value with a note.
  for (std::string_view p : {"。", "、", "！", "？", "「", "」", "『", "』", "!", "?", "\uFF0F"})
    if (label.find(p) != std::string_view::npos) return std::nullopt;
  // 「3億1,200万円／負担者：県」: text before the colon that states an amount (a figure followed by
  // its unit) is a value with a note after it, not a label; 「65歳以上人口割合」 is a label.
  auto digit_at = [&](size_t i) -> size_t {  // the byte length of a digit at i (ASCII or ０..９), else 0
    if (label[i] >= '0' && label[i] <= '9') return 1;
    if (i + 2 < label.size() && label.compare(i, 2, "\xEF\xBC") == 0 && static_cast<unsigned char>(label[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(label[i + 2]) <= 0x99)
      return 3;
    return 0;
  };
  for (size_t i = 0; i < label.size();) {
    size_t n = digit_at(i);
    if (n == 0) {
      ++i;
      continue;
    }
    while (i < label.size()) {  // the figure: digits, commas, points
      if (size_t m = digit_at(i)) i += m;
      else if (label[i] == ',' || label[i] == '.') ++i;
      else if (label.compare(i, 3, "\uFF0C") == 0 || label.compare(i, 3, "\uFF0E") == 0) i += 3;
      else break;
    }
    while (i < label.size() && label[i] == ' ') ++i;
    for (std::string_view unit : {"円", "万", "億", "千", "人", "施設", "機関", "%", "％"})
      if (label.compare(i, unit.size(), unit) == 0) return std::nullopt;
  }
  return std::make_pair(std::string(label), std::string(value));
}

}  // namespace senrei::extract_text
