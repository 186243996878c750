#include "compare/plan_text.hpp"

#include "extract/charset.hpp"
#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"
#include "senrei/ja.hpp"

namespace senrei::compare {
namespace {

// Full-width forms (U+FF01–FF5E) and the ideographic space, as UTF-8 starts.
bool has_full_width(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]),
               c = static_cast<unsigned char>(s[i + 2]);
    if (a == 0xE3 && b == 0x80 && c == 0x80) return true;                        // U+3000
    if (a == 0xEF && ((b == 0xBC && c >= 0x81) || (b == 0xBD && c <= 0x9E))) return true;  // U+FF01–FF5E
  }
  return false;
}

bool has_non_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  // The ideographic space a Japanese editor leaves.
  while (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
  return s;
}

// The value without a trailing comment (a # outside quotes).
std::string_view strip_comment(std::string_view v) {
  char quote = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (quote) {
      if (v[i] == '\\' && quote == '"') ++i;
      else if (v[i] == quote) quote = 0;
    } else if (v[i] == '"' || v[i] == '\'') {
      quote = v[i];
    } else if (v[i] == '#') {
      return trim(v.substr(0, i));
    }
  }
  return trim(v);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// 950,000 / -1,200.5: digits grouped by commas, nothing else.
bool is_comma_number(std::string_view v) {
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  if (v.empty() || !is_digit(v[0]) || v.find(',') == std::string_view::npos) return false;
  bool dot = false;
  for (char c : v) {
    if (c == '.') {
      if (dot) return false;
      dot = true;
    } else if (!is_digit(c) && c != ',') {
      return false;
    }
  }
  return true;
}

// A bare word a person meant as text (npo, prefecture), not a TOML literal.
bool is_bare_word(std::string_view v) {
  if (v.empty() || !((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z'))) return false;
  if (v == "true" || v == "false" || v == "inf" || v == "nan") return false;
  for (char c : v)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-' || c == ' '))
      return false;
  return true;
}

std::string without_commas(std::string_view v) {
  std::string out;
  for (char c : v)
    if (c != ',') out += c;
  return out;
}

}  // namespace

PlanText decode_plan_bytes(std::string_view bytes, const std::string& file) {
  PlanText out;
  const Decoded d = decode_to_utf8(bytes, "", false);
  if (d.charset == "utf-8") {
    out.text = d.utf8;
    if (d.source == "bom") out.notes.push_back(fill(tr("{1}: the UTF-8 byte-order mark (BOM) at the start was skipped"), {file}));
    return out;
  }
  if (d.charset == "windows-31j" || d.charset == "euc-jp" || d.charset == "iso-2022-jp") {
    const std::string_view name = d.charset == "windows-31j" ? "Shift_JIS (CP932)" : d.charset == "euc-jp" ? "EUC-JP" : "ISO-2022-JP";
    out.text = d.utf8;
    out.notes.push_back(fill(tr("{1}: the file is in {2}, not UTF-8: read as {2}; saving it as UTF-8 avoids this note"),
                             {file, name}));
    return out;
  }
  // UTF-16 with a BOM, or bytes no Japanese charset reads: toml++ reports the first bad byte.
  out.text = d.utf8.empty() ? std::string(bytes) : d.utf8;
  if (!d.utf8.empty() && d.charset.rfind("utf-16", 0) == 0)
    out.notes.push_back(fill(tr("{1}: the file is in UTF-16: read as such; saving it as UTF-8 avoids this note"), {file}));
  return out;
}

std::vector<std::string> find_plan_mistakes(std::string_view text, const std::string& file) {
  std::vector<std::string> problems;
  std::size_t more = 0;
  auto report = [&](unsigned line, const std::string& message) {
    if (problems.size() < kMaxPlanProblems) problems.push_back(file + ":" + std::to_string(line) + ": " + message);
    else ++more;
  };
  bool in_multiline = false;  // inside """ … """ or ''' … '''
  unsigned line_no = 0;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    const bool toggles = (line.find("\"\"\"") != std::string_view::npos) != (line.find("'''") != std::string_view::npos);
    if (in_multiline) {
      if (toggles) in_multiline = false;
      continue;
    }
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == '[') continue;
    // key = value, with = or the full-width ＝.
    std::size_t eq = std::string_view::npos, eq_len = 1;
    char quote = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (quote) {
        if (t[i] == quote) quote = 0;
        continue;
      }
      if (t[i] == '"' || t[i] == '\'') quote = t[i];
      else if (t[i] == '=') {
        eq = i;
        break;
      } else if (t.substr(i, 3) == "\xEF\xBC\x9D") {  // ＝
        eq = i, eq_len = 3;
        break;
      }
    }
    if (eq == std::string_view::npos) continue;
    const std::string_view key = trim(t.substr(0, eq));
    const std::string_view value = strip_comment(t.substr(eq + eq_len));
    if (toggles && (value.substr(0, 3) == "\"\"\"" || value.substr(0, 3) == "'''")) {
      in_multiline = value.size() < 6 || value.substr(value.size() - 3) != value.substr(0, 3);
      continue;
    }
    const std::string half_key = std::string(trim(ja::nfkc(key)));
    const std::string shown_key = ja::one_line(key.front() == '"' ? key : std::string_view(half_key));
    if (has_full_width(key) || key.find("\xE3\x80\x80") != std::string_view::npos) {
      std::string fixed;
      for (char c : half_key) fixed += c == ' ' ? '_' : c;
      report(line_no, fill(tr("key '{1}' has full-width letters, digits or spaces: write it in half-width, {2}"),
                           {ja::one_line(key), fixed}));
    }
    if (eq_len == 3)
      report(line_no, fill(tr("key '{1}': the full-width ＝ is not read: write a half-width ="), {shown_key}));
    if (value.empty()) continue;
    const char first = value[0];
    if (first == '"' || first == '\'' || first == '[' || first == '{') continue;
    const std::string shown_value = ja::one_line(value);
    if (is_comma_number(value)) {
      report(line_no, fill(tr("key '{1}': numbers cannot contain commas: write {2} or \"{3}\""),
                           {shown_key, without_commas(value), shown_value}));
    } else if (has_non_ascii(value)) {
      report(line_no, fill(tr("key '{1}': the value {2} must be in quotes: {1} = \"{2}\""), {shown_key, shown_value}));
    } else if (is_bare_word(value)) {
      report(line_no, fill(tr("key '{1}': the text {2} must be in quotes: {1} = \"{2}\""), {shown_key, shown_value}));
    }
  }
  if (more)
    problems.push_back(fill(tr("{1}: {2} more problems like these (only the first {3} are listed)"),
                            {file, std::to_string(more), std::to_string(kMaxPlanProblems)}));
  return problems;
}

}  // namespace senrei::compare
