// extract/xlsx.cpp — workbook parts through libzip and expat, cells as Excel shows them
// (extract/xlsx.hpp).
#include "extract/xlsx.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>

#include "extract/extract.hpp"
#include "extract/html_dom.hpp"
#include "extract/html_table.hpp"
#include "extract/pdf_table.hpp"
#include "extract/text.hpp"
#include "i18n/i18n.hpp"

namespace senrei {
namespace {

// ---- the container ---------------------------------------------------------------------------

class Archive {
 public:
  explicit Archive(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src) {
      zip_ = zip_open_from_source(src, ZIP_RDONLY, &error);
      if (!zip_) zip_source_free(src);
    }
    zip_error_fini(&error);
  }
  ~Archive() {
    if (zip_) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  bool ok() const { return zip_ != nullptr; }

  // The part's bytes; nullopt when there is no such part; cut at kMaxXlsxPartBytes (`cut`).
  std::optional<std::string> part(const std::string& name, bool& cut) {
    zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (!f) return std::nullopt;
    std::string out;
    char buf[65536];
    while (true) {
      zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n <= 0) break;
      if (out.size() + static_cast<size_t>(n) > kMaxXlsxPartBytes) {
        out.append(buf, kMaxXlsxPartBytes - out.size());
        cut = true;
        break;
      }
      out.append(buf, static_cast<size_t>(n));
    }
    zip_fclose(f);
    return out;
  }

 private:
  zip_t* zip_ = nullptr;
};

// ---- XML -------------------------------------------------------------------------------------

std::string_view local(const char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(const char** atts, std::string_view name) {
  for (size_t i = 0; atts[i]; i += 2)
    if (local(atts[i]) == name) return atts[i + 1];
  return nullptr;
}

// A SAX walk over one part: element starts, ends and text, with local names.  A part that is
// not well-formed XML keeps what was read before the error.
struct Sax {
  std::function<void(std::string_view, const char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;

  void run(const std::string& xml) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p) return;
    XML_SetUserData(p, this);
    XML_SetElementHandler(
        p,
        [](void* self, const char* name, const char** atts) {
          auto* s = static_cast<Sax*>(self);
          if (s->start) s->start(local(name), atts);
        },
        [](void* self, const char* name) {
          auto* s = static_cast<Sax*>(self);
          if (s->end) s->end(local(name));
        });
    XML_SetCharacterDataHandler(p, [](void* self, const char* s, int len) {
      auto* sax = static_cast<Sax*>(self);
      if (sax->text && len > 0) sax->text(std::string_view(s, static_cast<size_t>(len)));
    });
    // In pieces: XML_Parse takes an int length.
    size_t at = 0;
    bool ok = true;
    while (ok && at < xml.size()) {
      const size_t n = std::min<size_t>(xml.size() - at, 1 << 20);
      ok = XML_Parse(p, xml.data() + at, static_cast<int>(n), 0) == XML_STATUS_OK;
      at += n;
    }
    if (ok) XML_Parse(p, "", 0, 1);
    XML_ParserFree(p);
  }
};

// ---- number formats --------------------------------------------------------------------------

const char* builtin_code(int id) {
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 14: return "yyyy/m/d";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mmss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: break;
  }
  // The Japanese locale's built-in dates (和暦 and 年月日 forms).
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "yyyy/m/d";
  return "General";
}

std::vector<std::string_view> sections(std::string_view code) {
  std::vector<std::string_view> out;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '\\') ++i;
    else if (!quoted && c == ';') {
      out.push_back(code.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(code.substr(std::min(start, code.size())));
  return out;
}

std::string general(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.11g", v);
  return buf;
}

// The days since 1899-12-30 (1900 system, Excel's phantom 1900-02-29 skipped) or 1904-01-01.
std::string date_text(double serial, bool date1904, bool with_date, bool with_time) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958466) return general(serial);
  double days = std::floor(serial);
  double seconds = std::round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  long d = static_cast<long>(days);
  if (date1904) d += 1462;
  else if (d < 61) d += 1;  // before Excel's phantom 1900-02-29
  // Civil date from days since 1899-12-30 (Howard Hinnant's algorithm, from 1970-01-01).
  long z = d - 25569 + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long dd = doy - (153 * mp + 2) / 5 + 1;
  const long mm = mp < 10 ? mp + 3 : mp - 9;
  if (mm <= 2) ++y;
  char buf[128];
  const long s = static_cast<long>(seconds);
  if (with_date && with_time)
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld %02ld:%02ld", y, mm, dd, s / 3600, s / 60 % 60);
  else if (with_date)
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, mm, dd);
  else
    std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

std::string group_thousands(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string format_number(double v, int builtin, std::string_view code, bool date1904) {
  if (code.empty()) code = builtin_code(builtin);
  if (!std::isfinite(v)) return general(v);
  std::vector<std::string_view> secs = sections(code);
  std::string_view sec = secs[0];
  bool negative_section = false;
  if (v < 0 && secs.size() >= 2 && !secs[1].empty()) {
    sec = secs[1];
    negative_section = true;
  } else if (v == 0 && secs.size() >= 3) {
    sec = secs[2];
  }
  // What the section holds, outside quotes, escapes and [brackets].
  bool date = false, time = false, percent = false, scientific = false, text_only = true;
  int decimals = 0, scale = 0;
  bool grouping = false, in_decimals = false, seen_digit = false;
  std::string lower;
  for (char c : sec) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (lower == "general" || lower.empty()) return general(v);
  for (size_t i = 0; i < sec.size(); ++i) {
    const char c = sec[i], l = lower[i];
    if (c == '"') {
      size_t close = sec.find('"', i + 1);
      i = close == std::string_view::npos ? sec.size() : close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '[') {
      size_t close = sec.find(']', i);
      std::string_view inside = sec.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'm' || inside[0] == 's' ||
                              inside[0] == 'H' || inside[0] == 'M' || inside[0] == 'S'))
        time = true;
      i = close == std::string_view::npos ? sec.size() : close;
      continue;
    }
    if (l == 'y' || l == 'd' || l == 'e' || l == 'g') {
      if (l == 'e' && i + 1 < sec.size() && (sec[i + 1] == '+' || sec[i + 1] == '-')) {
        scientific = true;
        text_only = false;
        continue;
      }
      date = true;
    } else if (l == 'h' || l == 's') {
      time = true;
    } else if (l == 'm') {
      date = true;  // month or minute: either way a date/time code
    } else if (c == '0' || c == '#' || c == '?') {
      text_only = false;
      seen_digit = true;
      if (in_decimals) ++decimals;
      scale = 0;
    } else if (c == '.') {
      in_decimals = true;
    } else if (c == ',') {
      if (seen_digit) {
        // Between digit placeholders: thousands; after the last one: ÷1000 each.
        bool more = false;
        for (size_t j = i + 1; j < sec.size() && !more; ++j) more = sec[j] == '0' || sec[j] == '#' || sec[j] == '?';
        if (more) grouping = true;
        else ++scale;
      }
    } else if (c == '%') {
      percent = true;
    } else if (c == '@') {
      return general(v);
    }
  }
  if (date || time) {
    const bool has_date = date && (lower.find('y') != std::string::npos || lower.find('d') != std::string::npos ||
                                   lower.find('e') != std::string::npos || lower.find('g') != std::string::npos ||
                                   !time);
    return date_text(v, date1904, has_date, time || !has_date);
  }
  if (scientific) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*E", decimals, v);
    return buf;
  }
  double x = std::fabs(v);
  if (percent) x *= 100;
  for (int k = 0; k < scale; ++k) x /= 1000;
  if (decimals <= 9 && x < 1e15) {  // half away from zero, as Excel rounds (printf rounds to even)
    const double p = std::pow(10.0, decimals);
    x = std::round(x * p) / p;
  }
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", std::min(decimals, 30), x);
  std::string number = buf;
  if (x >= 1e300) number = general(x);
  if (grouping) {
    size_t dot = number.find('.');
    number = group_thousands(number.substr(0, dot)) + (dot == std::string::npos ? "" : number.substr(dot));
  }
  // A value rounded to zero drops the minus sign, as Excel does.
  bool all_zero = true;
  for (char c : number) all_zero = all_zero && (c == '0' || c == '.' || c == ',');
  std::string out;
  if (v < 0 && !negative_section && !all_zero) out += '-';
  bool placed = false;
  for (size_t i = 0; i < sec.size(); ++i) {
    const char c = sec[i];
    if (c == '"') {
      size_t close = sec.find('"', i + 1);
      out += sec.substr(i + 1, (close == std::string_view::npos ? sec.size() : close) - i - 1);
      i = close == std::string_view::npos ? sec.size() : close;
    } else if (c == '\\') {
      if (i + 1 < sec.size()) out += sec[++i];
    } else if (c == '_') {
      ++i;
      out += ' ';
    } else if (c == '*') {
      ++i;
    } else if (c == '[') {
      size_t close = sec.find(']', i);
      std::string_view inside = sec.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      // [$¥-411] and the like: the currency symbol before the hyphen.
      if (!inside.empty() && inside[0] == '$') out += inside.substr(1, inside.find('-') == std::string_view::npos ? std::string_view::npos : inside.find('-') - 1);
      i = close == std::string_view::npos ? sec.size() : close;
    } else if (c == '0' || c == '#' || c == '?' || c == '.' || c == ',') {
      if (!placed && c != ',') {
        out += number;
        placed = true;
      }
    } else {
      out += c;
    }
  }
  if (!placed && !text_only) out += number;
  return out;
}

namespace {

// ---- cells -----------------------------------------------------------------------------------

// A small non-negative number from an attribute; `fallback` when it is none or out of range.
int small_int(const char* s, int fallback = 0) {
  if (!s) return fallback;
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s, &end, 10);
  if (end == s || errno == ERANGE || v < 0 || v > 1 << 24) return fallback;
  return static_cast<int>(v);
}

// "AB12" → column 27, row 11 (0-based); false when it is not a cell reference.
bool cell_ref(std::string_view ref, size_t& col, size_t& row) {
  size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    c = c * 26 + static_cast<size_t>((ref[i] | 0x20) - 'a' + 1);
    if (c > 16384) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + static_cast<size_t>(ref[i] - '0');
    if (r > 1048576) return false;
    ++i;
  }
  if (i != ref.size() || r == 0) return false;
  col = c - 1;
  row = r - 1;
  return true;
}

struct Styles {
  std::vector<int> xf_format;         // cellXfs index → numFmtId
  std::map<int, std::string> codes;   // numFmtId → formatCode (custom formats)
};

Styles read_styles(const std::string& xml) {
  Styles st;
  int depth_xfs = 0;
  Sax sax;
  sax.start = [&](std::string_view name, const char** atts) {
    if (name == "numFmt") {
      const char* id = attr(atts, "numFmtId");
      const char* code = attr(atts, "formatCode");
      if (id && code) st.codes[small_int(id)] = code;
    } else if (name == "cellXfs") {
      ++depth_xfs;
    } else if (name == "xf" && depth_xfs > 0) {
      const char* id = attr(atts, "numFmtId");
      st.xf_format.push_back(small_int(id));
    }
  };
  sax.end = [&](std::string_view name) {
    if (name == "cellXfs") --depth_xfs;
  };
  sax.run(xml);
  return st;
}

std::vector<std::string> read_shared_strings(const std::string& xml) {
  std::vector<std::string> out;
  bool in_si = false, in_t = false;
  int phonetic = 0;
  std::string current;
  Sax sax;
  sax.start = [&](std::string_view name, const char**) {
    if (name == "si") {
      in_si = true;
      current.clear();
    } else if (name == "rPh" || name == "phoneticPr") {
      ++phonetic;
    } else if (name == "t") {
      in_t = in_si && phonetic == 0;
    }
  };
  sax.end = [&](std::string_view name) {
    if (name == "si") {
      in_si = false;
      out.push_back(std::move(current));
      current.clear();
    } else if (name == "rPh" || name == "phoneticPr") {
      --phonetic;
    } else if (name == "t") {
      in_t = false;
    }
  };
  sax.text = [&](std::string_view s) {
    if (in_t && current.size() < kMaxXlsxPartBytes) current.append(s);
  };
  sax.run(xml);
  return out;
}

struct Merge {
  size_t r0, c0, r1, c1;
};

struct SheetCells {
  std::map<std::pair<size_t, size_t>, std::string> cells;  // (row, col) → shown text
  std::vector<Merge> merges;
};

SheetCells read_sheet(const std::string& xml, const std::vector<std::string>& shared, const Styles& styles,
                      bool date1904, size_t& budget, bool& truncated) {
  SheetCells out;
  size_t row = 0, col = 0;
  bool have_row = false;
  std::string type, value, inline_text;
  int style = 0;
  bool in_v = false, in_is_t = false, in_is = false, in_cell = false;
  int phonetic = 0;
  Sax sax;
  sax.start = [&](std::string_view name, const char** atts) {
    if (name == "row") {
      const int n = small_int(attr(atts, "r"));
      if (n >= 1 && n <= 1048576) row = static_cast<size_t>(n - 1);
      else if (have_row) ++row;
      have_row = true;
      col = 0;
    } else if (name == "c") {
      in_cell = true;
      const char* r = attr(atts, "r");
      size_t rc = 0, rr = 0;
      if (r && cell_ref(r, rc, rr)) {
        col = rc;
        row = rr;
      }
      const char* t = attr(atts, "t");
      type = t ? t : "n";
      style = small_int(attr(atts, "s"));
      value.clear();
      inline_text.clear();
    } else if (name == "v" && in_cell) {
      in_v = true;
    } else if (name == "is" && in_cell) {
      in_is = true;
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t" && in_is) {
      in_is_t = phonetic == 0;
    } else if (name == "mergeCell") {
      const char* ref = attr(atts, "ref");
      if (!ref) return;
      std::string_view rv(ref);
      size_t colon = rv.find(':');
      if (colon == std::string_view::npos) return;
      Merge m{};
      if (cell_ref(rv.substr(0, colon), m.c0, m.r0) && cell_ref(rv.substr(colon + 1), m.c1, m.r1)) {
        if (m.r1 < m.r0) std::swap(m.r0, m.r1);
        if (m.c1 < m.c0) std::swap(m.c0, m.c1);
        out.merges.push_back(m);
      }
    }
  };
  sax.end = [&](std::string_view name) {
    if (name == "v") {
      in_v = false;
    } else if (name == "is") {
      in_is = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "t") {
      in_is_t = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      std::string shown;
      if (type == "s") {
        char* end = nullptr;
        unsigned long k = std::strtoul(value.c_str(), &end, 10);
        if (end != value.c_str() && k < shared.size()) shown = shared[k];
      } else if (type == "inlineStr") {
        shown = inline_text;
      } else if (type == "str" || type == "e" || type == "d") {
        shown = value;
      } else if (type == "b") {
        shown = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
      } else if (!value.empty()) {
        char* end = nullptr;
        double d = std::strtod(value.c_str(), &end);
        if (end == value.c_str()) {
          shown = value;
        } else {
          int id = style >= 0 && static_cast<size_t>(style) < styles.xf_format.size()
                       ? styles.xf_format[static_cast<size_t>(style)]
                       : 0;
          auto code = styles.codes.find(id);
          shown = format_number(d, id, code == styles.codes.end() ? std::string_view{} : code->second, date1904);
        }
      }
      if (!shown.empty()) {
        if (budget == 0) {
          truncated = true;
        } else {
          --budget;
          out.cells[{row, col}] = std::move(shown);
        }
      }
      ++col;
    }
  };
  sax.text = [&](std::string_view s) {
    if (in_v && value.size() < 4096) value.append(s);
    else if (in_is_t && inline_text.size() < kMaxXlsxPartBytes) inline_text.append(s);
  };
  sax.run(xml);
  return out;
}

// Workbook-relative part name of a relationship target ("worksheets/sheet1.xml" or
// "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml").
std::string part_name(std::string target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string base = "xl/";
  while (target.compare(0, 3, "../") == 0) {
    target = target.substr(3);
    base.clear();
  }
  return base + target;
}

}  // namespace

std::vector<Sheet> read_xlsx(std::string_view bytes, bool& truncated) {
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    throw ExtractError("encrypted_xlsx",
                       tr("the workbook is encrypted or an old .xls: save it as .xlsx without a password"));
  Archive zip(bytes);
  if (!zip.ok()) throw ExtractError("broken_xlsx", tr("not a readable .xlsx file (a damaged ZIP): open it and save it again"));
  auto workbook = zip.part("xl/workbook.xml", truncated);
  if (!workbook)
    throw ExtractError("broken_xlsx", tr("not an Excel workbook (it has no xl/workbook.xml): save it as .xlsx again"));
  struct Entry {
    std::string name, rel;
  };
  std::vector<Entry> entries;
  bool date1904 = false;
  Sax wb;
  wb.start = [&](std::string_view name, const char** atts) {
    if (name == "sheet") {
      const char* n = attr(atts, "name");
      const char* id = attr(atts, "id");
      if (id) entries.push_back({n ? n : "", id});
    } else if (name == "workbookPr") {
      const char* d = attr(atts, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  };
  wb.run(*workbook);
  std::map<std::string, std::string> targets;
  if (auto rels = zip.part("xl/_rels/workbook.xml.rels", truncated)) {
    Sax rs;
    rs.start = [&](std::string_view name, const char** atts) {
      if (name != "Relationship") return;
      const char* id = attr(atts, "Id");
      const char* target = attr(atts, "Target");
      const char* type = attr(atts, "Type");
      if (id && target && (!type || std::string_view(type).find("/worksheet") != std::string_view::npos))
        targets[id] = part_name(target);
    };
    rs.run(*rels);
  }
  std::vector<std::string> shared;
  if (auto ss = zip.part("xl/sharedStrings.xml", truncated)) shared = read_shared_strings(*ss);
  Styles styles;
  if (auto st = zip.part("xl/styles.xml", truncated)) styles = read_styles(*st);

  std::vector<Sheet> out;
  size_t budget = kMaxXlsxCells;
  for (const auto& e : entries) {
    auto target = targets.find(e.rel);
    if (target == targets.end()) continue;  // a chart sheet or a dangling relationship
    auto xml = zip.part(target->second, truncated);
    if (!xml) continue;
    SheetCells cells = read_sheet(*xml, shared, styles, date1904, budget, truncated);
    // The used range: from the first to the last row and column that hold a value.
    Sheet sheet;
    sheet.name = e.name;
    if (cells.cells.empty()) {
      out.push_back(std::move(sheet));
      continue;
    }
    size_t r0 = SIZE_MAX, r1 = 0, c0 = SIZE_MAX, c1 = 0;
    for (const auto& [rc, text] : cells.cells) {
      r0 = std::min(r0, rc.first);
      r1 = std::max(r1, rc.first);
      c0 = std::min(c0, rc.second);
      c1 = std::max(c1, rc.second);
    }
    // A merged range's value (its top-left cell's) stands in every cell it spans, within the
    // used range and the cell budget.
    for (const auto& m : cells.merges) {
      auto top_left = cells.cells.find({m.r0, m.c0});
      if (top_left == cells.cells.end()) continue;
      const std::string value = top_left->second;
      for (size_t r = m.r0; r <= std::min(m.r1, r1); ++r)
        for (size_t c = m.c0; c <= std::min(m.c1, c1); ++c) {
          if (budget == 0) {
            truncated = true;
            break;
          }
          if (cells.cells.emplace(std::make_pair(r, c), value).second) --budget;
        }
    }
    const size_t width = c1 - c0 + 1;
    if ((r1 - r0 + 1) * width > kMaxXlsxCells * 2) {  // a sparse sheet with far corners
      truncated = true;
      r1 = r0 + kMaxXlsxCells * 2 / width - 1;
    }
    sheet.rows.assign(r1 - r0 + 1, std::vector<std::string>(width));
    for (auto& [rc, text] : cells.cells)
      if (rc.first >= r0 && rc.first <= r1 && rc.second >= c0 && rc.second <= c1)
        sheet.rows[rc.first - r0][rc.second - c0] = std::move(text);
    out.push_back(std::move(sheet));
  }
  return out;
}

void extract_xlsx(std::string_view bytes, ParsedPage& page) {
  bool truncated = false;
  std::vector<Sheet> sheets;
  try {
    sheets = read_xlsx(bytes, truncated);
  } catch (const ExtractError& e) {
    throw ExtractError(e.kind(), page.url + ": " + e.what());
  }
  if (truncated) html_dom::add_flag(page, "truncated");
  namespace tx = extract_text;
  for (auto& sheet : sheets) {
    Table table;
    table.caption = tx::collapse_one_line(sheet.name);
    std::vector<std::string> titles;  // rows above the header with one value (a merged title)
    bool header = true;
    for (auto& row : sheet.rows) {
      std::vector<TableCell> cells;
      for (auto& text : row) {
        TableCell cell;
        std::string clean;
        tx::append_raw(clean, text);
        cell.text = tx::collapse(clean);
        cells.push_back(std::move(cell));
      }
      // Views into `cells`, taken once it no longer grows.
      std::vector<std::string_view> distinct;
      for (const auto& c : cells)
        if (!c.text.empty() && std::find(distinct.begin(), distinct.end(), c.text) == distinct.end())
          distinct.push_back(c.text);
      if (distinct.empty()) continue;
      if (header && distinct.size() == 1 && cells.size() > 1) {
        titles.emplace_back(distinct.front());
        continue;
      }
      for (auto& c : cells) c.header = header;
      header = false;
      table.rows.push_back(std::move(cells));
    }
    if (table.rows.empty()) {  // one column, or titles only: the rows as a table all the same
      for (auto& t : titles) table.rows.push_back({TableCell{t, table.rows.empty(), 1, 1}});
      titles.clear();
    }
    if (table.rows.empty()) continue;
    if (page.title.empty()) page.title = titles.empty() ? table.caption : titles.front();
    page.blocks.push_back({Block::Role::heading, 2, table.caption});
    for (auto& t : titles) page.blocks.push_back({Block::Role::paragraph, 0, std::move(t)});
    for (const auto& row : table.rows) page.blocks.push_back({Block::Role::table_row, 0, pdf_table::row_text(row)});
    html_table::table_labels(table, table.caption, page.labels);
    page.tables.push_back(std::move(table));
  }
}

}  // namespace senrei
