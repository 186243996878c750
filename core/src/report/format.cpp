#include "report/format.hpp"

#include <cmath>
#include <cstdio>

#include "senrei/ja.hpp"

namespace senrei::report {

std::string grouped(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string s = buf;
  std::string frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    frac = s.substr(dot);
    s.resize(dot);
  }
  std::string out;
  int n = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it, ++n) {
    if (n && n % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
  }
  bool negative = value < 0 && (out + frac).find_first_not_of("0,.") != std::string::npos;
  return (negative ? "-" : "") + out + frac;
}

std::string format_number(double v, Num f, Lang lang) {
  char buf[64];
  switch (f) {
    case Num::yen:
      if (lang == Lang::ja) return ja::format_money(std::round(v));
      return "¥" + grouped(v);
    case Num::man_yen: {
      double man = v / 1e4;
      return grouped(man, std::fabs(man) < 10 && std::round(man) != man ? 1 : 0);
    }
    case Num::yen_unit: {
      int decimals = std::fabs(v) < 100 ? 1 : 0;
      return lang == Lang::ja ? grouped(v, decimals) + "円" : "¥" + grouped(v, decimals);
    }
    case Num::count: return grouped(v);
    case Num::rate: return grouped(v, 1);
    case Num::ratio: std::snprintf(buf, sizeof buf, "%.2f", v); return buf;
    case Num::percent: std::snprintf(buf, sizeof buf, "%.1f%%", v); return buf;
    case Num::score: std::snprintf(buf, sizeof buf, "%.1f", v); return buf;
    case Num::year: std::snprintf(buf, sizeof buf, "%.0f", v); return buf;
    case Num::none: break;
  }
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string format_number(double v, Num f, Lang lang, bool approximate) {
  return (approximate ? tr(lang, "約", "~") : "") + format_number(v, f, lang);
}

std::string csv_cell(std::string_view text) {
  std::string s(text);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    s.insert(s.begin(), '\'');
  bool quote = s.find_first_of(",\"\n\r") != std::string::npos || s != std::string(text);
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\': out += "\\\\"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '[': case ']': case '*': case '_': case '`':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

bool is_web_url(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    return true;
  };
  return (starts("http://") || starts("https://")) && url.find_first_of(" \t\r\n\"'<>") == std::string_view::npos;
}

}  // namespace senrei::report
