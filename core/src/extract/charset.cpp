// extract/charset.cpp — charset decision (HTTP → BOM → <meta> → detector → UTF-8) and decoding.
#include "extract/charset.hpp"

#include <errno.h>
#include <iconv.h>
#include <unicode/ucsdet.h>

#include <array>
#include <memory>

namespace senrei {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_ascii_space(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string lower_trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && is_ascii_space(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i) out += ascii_lower(s[i]);
  return out;
}

struct LabelGroup {
  std::string_view charset;
  std::initializer_list<std::string_view> labels;
};

// WHATWG Encoding Standard labels for the charsets senrei decodes, plus the names Japanese
// sites and servers actually send (cp932, euc-jp-ms, x-euc-jp).
const std::array<LabelGroup, 7> kLabels = {{
    {"utf-8", {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
               "x-unicode20utf8"}},
    {"windows-31j", {"csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
                     "windows-31j", "x-sjis", "cp932", "ibm-943", "sjis-win", "sjis-open"}},
    {"euc-jp", {"cseucpkdfmtjapanese", "euc-jp", "x-euc-jp", "eucjp", "euc-jp-ms", "eucjp-ms",
                "ujis"}},
    {"iso-2022-jp", {"csiso2022jp", "iso-2022-jp"}},
    {"windows-1252", {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
                      "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
                      "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
                      "x-cp1252"}},
    {"utf-16le", {"csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16",
                  "utf-16le"}},
    {"utf-16be", {"unicodefffe", "utf-16be"}},
}};

const char* iconv_name(std::string_view charset) {
  if (charset == "windows-31j") return "CP932";
  if (charset == "euc-jp") return "EUC-JP-MS";
  if (charset == "iso-2022-jp") return "ISO-2022-JP-2";
  if (charset == "windows-1252") return "CP1252";
  if (charset == "utf-16le") return "UTF-16LE";
  if (charset == "utf-16be") return "UTF-16BE";
  return nullptr;
}

// UTF-8 with the WHATWG decoder's error handling: each maximal invalid subpart is one U+FFFD.
std::string decode_utf8(std::string_view in, bool& replaced, bool input_was_cut) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      out += kReplacement;
      replaced = true;
      ++i;
      continue;
    }
    size_t j = i + 1;
    int got = 0;
    while (got < need && j < n) {
      unsigned char t = static_cast<unsigned char>(in[j]);
      if (t < lo || t > hi) break;
      lo = 0x80;
      hi = 0xBF;
      ++j;
      ++got;
    }
    if (got == need) {
      out.append(in.substr(i, j - i));
    } else if (j == n && input_was_cut) {
      break;  // a character cut by the size limit, not a wrong byte
    } else {
      out += kReplacement;
      replaced = true;
    }
    i = j;
  }
  return out;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

std::string decode_iconv(std::string_view in, const char* from, bool& replaced,
                         bool input_was_cut) {
  iconv_t raw = iconv_open("UTF-8", from);
  if (raw == reinterpret_cast<iconv_t>(-1)) {
    replaced = true;  // no converter: cannot happen on glibc, but never return the bytes raw
    return std::string(kReplacement);
  }
  std::unique_ptr<void, IconvCloser> cd(raw);
  std::string out;
  out.reserve(in.size() * 3 / 2 + 16);
  char buf[8192];
  char* inp = const_cast<char*>(in.data());
  size_t inleft = in.size();
  while (inleft > 0) {
    char* outp = buf;
    size_t outleft = sizeof buf;
    size_t r = iconv(raw, &inp, &inleft, &outp, &outleft);
    int err = errno;
    out.append(buf, static_cast<size_t>(outp - buf));
    if (r != static_cast<size_t>(-1) || err == E2BIG) continue;
    if (err == EINVAL && input_was_cut) break;  // a character cut by the size limit
    // EILSEQ, or EINVAL (an incomplete character at the real end): one U+FFFD for the byte,
    // then go on with the next one, so an ASCII trail byte survives (as WHATWG decoders do).
    out += kReplacement;
    replaced = true;
    ++inp;
    --inleft;
  }
  char* outp = buf;
  size_t outleft = sizeof buf;
  iconv(raw, nullptr, nullptr, &outp, &outleft);  // back to the initial shift state
  out.append(buf, static_cast<size_t>(outp - buf));
  return out;
}

// <meta ...> attribute reader of the HTML standard's prescan.
struct PrescanCursor {
  std::string_view s;
  size_t pos = 0;
  bool at_end() const { return pos >= s.size(); }
  unsigned char cur() const { return static_cast<unsigned char>(s[pos]); }
};

bool get_attribute(PrescanCursor& c, std::string& name, std::string& value) {
  name.clear();
  value.clear();
  while (!c.at_end() && (is_ascii_space(c.cur()) || c.cur() == '/')) ++c.pos;
  if (c.at_end() || c.cur() == '>') return false;
  while (true) {
    if (c.at_end()) return false;
    unsigned char b = c.cur();
    if (b == '=' && !name.empty()) {
      ++c.pos;
      break;
    }
    if (is_ascii_space(b)) {
      while (!c.at_end() && is_ascii_space(c.cur())) ++c.pos;
      if (c.at_end()) return false;
      if (c.cur() != '=') return true;
      ++c.pos;
      break;
    }
    if (b == '/' || b == '>') return true;
    name += ascii_lower(static_cast<char>(b));
    ++c.pos;
  }
  while (!c.at_end() && is_ascii_space(c.cur())) ++c.pos;
  if (c.at_end()) return false;
  unsigned char b = c.cur();
  if (b == '"' || b == '\'') {
    ++c.pos;
    while (true) {
      if (c.at_end()) return false;
      if (c.cur() == b) {
        ++c.pos;
        return true;
      }
      value += ascii_lower(static_cast<char>(c.cur()));
      ++c.pos;
    }
  }
  if (b == '>') return true;
  value += ascii_lower(static_cast<char>(b));
  ++c.pos;
  while (true) {
    if (c.at_end()) return false;
    if (is_ascii_space(c.cur()) || c.cur() == '>') return true;
    value += ascii_lower(static_cast<char>(c.cur()));
    ++c.pos;
  }
}

// "Extracting a character encoding from a meta element" (content="text/html; charset=...").
std::optional<std::string> charset_from_meta_content(std::string_view v) {
  size_t pos = 0;
  while (true) {
    size_t at = v.find("charset", pos);
    if (at == std::string_view::npos) return std::nullopt;
    size_t p = at + 7;
    while (p < v.size() && is_ascii_space(static_cast<unsigned char>(v[p]))) ++p;
    if (p >= v.size() || v[p] != '=') {
      pos = at + 7;
      continue;
    }
    ++p;
    while (p < v.size() && is_ascii_space(static_cast<unsigned char>(v[p]))) ++p;
    if (p >= v.size()) return std::nullopt;
    if (v[p] == '"' || v[p] == '\'') {
      size_t close = v.find(v[p], p + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(v.substr(p + 1, close - p - 1));
    }
    size_t e = p;
    while (e < v.size() && !is_ascii_space(static_cast<unsigned char>(v[e])) && v[e] != ';') ++e;
    return std::string(v.substr(p, e - p));
  }
}

bool starts_with_ci(std::string_view s, size_t pos, std::string_view what) {
  if (pos + what.size() > s.size()) return false;
  for (size_t i = 0; i < what.size(); ++i)
    if (ascii_lower(s[pos + i]) != what[i]) return false;
  return true;
}

bool is_ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::optional<std::string> detect(std::string_view bytes, bool is_html) {
  // Cheap, certain answers first: ASCII without escapes is ASCII whatever the label;
  // valid UTF-8 with non-ASCII is UTF-8 (Shift_JIS or EUC-JP text is practically never valid
  // UTF-8).  ICU's detector guesses short Japanese text wrong, so it comes last.
  bool ascii = true, esc = false;
  for (unsigned char c : bytes) {
    if (c >= 0x80) ascii = false;
    if (c == 0x1B) esc = true;
  }
  if (ascii && !esc) return std::nullopt;
  if (!ascii) {
    bool replaced = false;
    decode_utf8(bytes.substr(0, 64 * 1024), replaced, bytes.size() > 64 * 1024);
    if (!replaced) return std::string("utf-8");
  }
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return std::nullopt;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, ucsdet_close);
  std::string_view sample = bytes.substr(0, 64 * 1024);
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(det, is_html);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &status);
  if (U_FAILURE(status) || !matches) return std::nullopt;
  for (int32_t i = 0; i < found; ++i) {
    UErrorCode st = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &st);
    int32_t confidence = ucsdet_getConfidence(matches[i], &st);
    if (U_FAILURE(st) || !name || confidence < 10) continue;
    if (auto cs = charset_for_label(name)) return cs;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> charset_for_label(std::string_view label) {
  std::string l = lower_trimmed(label);
  if (l.size() >= 2 && (l.front() == '"' || l.front() == '\'') && l.back() == l.front())
    l = lower_trimmed(std::string_view(l).substr(1, l.size() - 2));
  for (const auto& group : kLabels)
    for (auto name : group.labels)
      if (l == name) return std::string(group.charset);
  return std::nullopt;
}

std::string charset_param(std::string_view ct) {
  size_t pos = 0;
  while ((pos = ct.find(';', pos)) != std::string_view::npos) {
    ++pos;
    size_t p = pos;
    while (p < ct.size() && is_ascii_space(static_cast<unsigned char>(ct[p]))) ++p;
    if (!starts_with_ci(ct, p, "charset")) continue;
    p += 7;
    while (p < ct.size() && is_ascii_space(static_cast<unsigned char>(ct[p]))) ++p;
    if (p >= ct.size() || ct[p] != '=') continue;
    ++p;
    while (p < ct.size() && is_ascii_space(static_cast<unsigned char>(ct[p]))) ++p;
    if (p < ct.size() && ct[p] == '"') {
      size_t close = ct.find('"', p + 1);
      return std::string(ct.substr(p + 1, close == std::string_view::npos ? std::string_view::npos
                                                                          : close - p - 1));
    }
    size_t e = p;
    while (e < ct.size() && ct[e] != ';' && !is_ascii_space(static_cast<unsigned char>(ct[e]))) ++e;
    return std::string(ct.substr(p, e - p));
  }
  return {};
}

std::optional<std::string> prescan_meta_charset(std::string_view bytes) {
  PrescanCursor c{bytes.substr(0, 1024)};
  const std::string_view s = c.s;
  std::string name, value;
  while (c.pos < s.size()) {
    if (starts_with_ci(s, c.pos, "<!--")) {
      size_t end = s.find("-->", c.pos + 2);
      if (end == std::string_view::npos) return std::nullopt;
      c.pos = end + 3;
      continue;
    }
    if (starts_with_ci(s, c.pos, "<meta") && c.pos + 5 < s.size() &&
        (is_ascii_space(static_cast<unsigned char>(s[c.pos + 5])) || s[c.pos + 5] == '/')) {
      c.pos += 6;
      bool got_pragma = false, seen_http_equiv = false, seen_content = false,
           seen_charset = false;
      int need_pragma = -1;  // -1 null, 0 false, 1 true
      std::optional<std::string> charset;
      while (get_attribute(c, name, value)) {
        if (name == "http-equiv") {
          if (seen_http_equiv) continue;
          seen_http_equiv = true;
          if (value == "content-type") got_pragma = true;
        } else if (name == "content") {
          if (seen_content) continue;
          seen_content = true;
          if (!charset) {
            if (auto cs = charset_from_meta_content(value)) {
              charset = std::move(cs);
              need_pragma = 1;
            }
          }
        } else if (name == "charset") {
          if (seen_charset) continue;
          seen_charset = true;
          charset = value;
          need_pragma = 0;
        }
      }
      if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || !charset) continue;
      auto mapped = charset_for_label(*charset);
      if (!mapped) continue;
      if (*mapped == "utf-16le" || *mapped == "utf-16be") return std::string("utf-8");
      return *charset;
    }
    if (s[c.pos] == '<' && c.pos + 1 < s.size() &&
        (is_ascii_alpha(static_cast<unsigned char>(s[c.pos + 1])) ||
         (s[c.pos + 1] == '/' && c.pos + 2 < s.size() &&
          is_ascii_alpha(static_cast<unsigned char>(s[c.pos + 2]))))) {
      while (c.pos < s.size() && !is_ascii_space(c.cur()) && c.cur() != '>') ++c.pos;
      while (get_attribute(c, name, value)) {
      }
      ++c.pos;
      continue;
    }
    if (starts_with_ci(s, c.pos, "<!") || starts_with_ci(s, c.pos, "</") ||
        starts_with_ci(s, c.pos, "<?")) {
      size_t end = s.find('>', c.pos + 2);
      if (end == std::string_view::npos) return std::nullopt;
      c.pos = end + 1;
      continue;
    }
    ++c.pos;
  }
  return std::nullopt;
}

std::string decode_as(std::string_view bytes, std::string_view charset, bool& replaced,
                      bool input_was_cut) {
  if (charset == "utf-8") return decode_utf8(bytes, replaced, input_was_cut);
  const char* name = iconv_name(charset);
  if (!name) return decode_utf8(bytes, replaced, input_was_cut);
  return decode_iconv(bytes, name, replaced, input_was_cut);
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view http_charset, bool is_html,
                       bool input_was_cut) {
  Decoded d;
  std::string_view body = bytes;
  // BOM: wins over everything but a usable HTTP label in senrei's order, and is never text.
  std::optional<std::string> bom;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    bom = "utf-8";
  } else if (body.substr(0, 2) == "\xFF\xFE") {
    bom = "utf-16le";
  } else if (body.substr(0, 2) == "\xFE\xFF") {
    bom = "utf-16be";
  }
  std::optional<std::string> chosen;
  if (!http_charset.empty()) {
    if ((chosen = charset_for_label(http_charset))) d.source = "http";
  }
  if (!chosen && bom) {
    chosen = bom;
    d.source = "bom";
  }
  if (bom && chosen && *chosen == *bom) body.remove_prefix(*bom == "utf-8" ? 3 : 2);
  if (!chosen && is_html) {
    if (auto label = prescan_meta_charset(body)) {
      chosen = charset_for_label(*label);
      if (chosen) d.source = "meta";
    }
  }
  if (!chosen) {
    if ((chosen = detect(body, is_html))) d.source = "detector";
  }
  if (!chosen) {
    chosen = "utf-8";
    d.source = "default";
  }
  d.charset = *chosen;
  d.utf8 = decode_as(body, d.charset, d.replaced, input_was_cut);
  return d;
}

}  // namespace senrei
