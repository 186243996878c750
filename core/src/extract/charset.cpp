// extract/charset.cpp — charset decision (HTTP → BOM → <meta> → detector → UTF-8) and decoding.
#include "extract/charset.hpp"

#include <errno.h>
#include <iconv.h>

#include <array>
#include <memory>

#include "extract/charset_japanese.hpp"
#include "ja/text_util.hpp"

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

// The WHATWG Encoding Standard's labels (§4.2) for the charsets senrei decodes, plus a few
// names Japanese servers send that the standard does not list (cp932, ms932 variants,
// euc-jp-ms, eucjp, ujis); they name the same encodings, so reading them costs nothing.
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

// Only the single-byte and UTF-16 charsets go through glibc iconv; the Japanese ones are the
// standard's own decoders (charset_japanese.hpp), which glibc's CP932/EUC-JP-MS are not.
const char* iconv_name(std::string_view charset) {
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

// Halfwidth katakana (U+FF61–U+FF9F) in UTF-8: EUC-JP kana read as Shift_JIS become these.
size_t count_halfwidth_katakana(std::string_view utf8) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < utf8.size(); ++i) {
    unsigned char a = utf8[i], b = utf8[i + 1], c = utf8[i + 2];
    if (a == 0xEF && ((b == 0xBD && c >= 0xA1) || (b == 0xBE && c <= 0x9F))) ++n;
  }
  return n;
}

size_t count_replacements(std::string_view utf8) {
  size_t n = 0;
  for (size_t at = utf8.find(kReplacement); at != std::string_view::npos;
       at = utf8.find(kReplacement, at + 3))
    ++n;
  return n;
}

// A page without a declaration: the detector chooses only among the encodings a Japanese page
// can have — UTF-8, Shift_JIS, EUC-JP, ISO-2022-JP — never UTF-16 (browsers do not sniff it
// without a byte-order mark; ICU named UTF-16BE for a short EUC-JP page).
std::optional<std::string> detect(std::string_view bytes) {
  bool ascii = true, esc = false;
  for (unsigned char c : bytes) {
    if (c >= 0x80) ascii = false;
    if (c == 0x1B) esc = true;
  }
  const bool cut = bytes.size() > 64 * 1024;
  std::string_view sample = bytes.substr(0, 64 * 1024);
  bool replaced = false;
  if (ascii) {
    if (!esc) return std::nullopt;
    // Seven-bit text with escapes: ISO-2022-JP when it decodes cleanly as such.
    japanese_charset::decode_iso_2022_jp(sample, replaced, cut);
    if (!replaced) return std::string("iso-2022-jp");
    return std::nullopt;
  }
  // Valid UTF-8 with non-ASCII is UTF-8: Shift_JIS or EUC-JP text practically never is.
  decode_utf8(sample, replaced, cut);
  if (!replaced) return std::string("utf-8");
  // Shift_JIS or EUC-JP: fewer errors wins.  Short kana text is often valid in both: EUC-JP
  // bytes are 0xA1–0xFE, which Shift_JIS reads mostly as halfwidth katakana, while Shift_JIS
  // leads 0x81–0x9F are errors in EUC-JP.  So when both read cleanly, a Shift_JIS reading that
  // is largely halfwidth katakana is EUC-JP.  (ICU's detector is not asked: it named UTF-16BE
  // and Shift_JIS for such pages.)
  bool r1 = false, r2 = false;
  std::string sjis = japanese_charset::decode_shift_jis(sample, r1, cut);
  std::string euc = japanese_charset::decode_euc_jp(sample, r2, cut);
  size_t sjis_errors = count_replacements(sjis), euc_errors = count_replacements(euc);
  if (sjis_errors != euc_errors)
    return std::string(sjis_errors < euc_errors ? "windows-31j" : "euc-jp");
  size_t non_ascii = 0;
  for (unsigned char c : sample)
    if (c >= 0x80) ++non_ascii;
  return std::string(count_halfwidth_katakana(sjis) * 4 > non_ascii ? "euc-jp" : "windows-31j");
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
  if (charset == "windows-31j")
    return japanese_charset::decode_shift_jis(bytes, replaced, input_was_cut);
  if (charset == "euc-jp") return japanese_charset::decode_euc_jp(bytes, replaced, input_was_cut);
  if (charset == "iso-2022-jp")
    return japanese_charset::decode_iso_2022_jp(bytes, replaced, input_was_cut);
  const char* name = iconv_name(charset);
  if (!name) return decode_utf8(bytes, replaced, input_was_cut);
  return decode_iconv(bytes, name, replaced, input_was_cut);
}

std::string query_in_page_encoding(std::string_view href, std::string_view charset) {
  const bool sjis = charset == "windows-31j", jis = charset == "iso-2022-jp";
  if (!sjis && !jis && charset != "euc-jp") return std::string(href);
  size_t q = href.find('?');
  size_t hash = href.find('#');
  if (q == std::string_view::npos || (hash != std::string_view::npos && hash < q))
    return std::string(href);
  size_t end = hash == std::string_view::npos ? href.size() : hash;
  std::string_view query = href.substr(q + 1, end - q - 1);
  bool ascii = true;
  for (unsigned char c : query) ascii = ascii && c < 0x80;
  if (ascii) return std::string(href);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out(href.substr(0, q + 1));
  if (jis) {
    // ISO-2022-JP writes kanji as pairs of ASCII bytes between escapes: each byte outside the
    // ASCII state is percent-encoded when the URL standard's query set says so (ESC, ", #, <,
    // >, ') — & and = stay as the browser leaves them.
    japanese_charset::Iso2022JpEncoder encoder;
    auto append = [&](const std::string& bytes, bool ascii_input) {
      for (unsigned char b : bytes) {
        const bool escape = b < 0x21 || b > 0x7E || b == '"' || b == '#' || b == '<' || b == '>' || b == '\'';
        if (escape && !(ascii_input && bytes.size() == 1)) {
          out += '%';
          out += kHex[b >> 4];
          out += kHex[b & 15];
        } else {
          out += static_cast<char>(b);
        }
      }
    };
    for (char32_t cp : ja::detail::decode_utf8(query)) {
      std::string bytes;
      const bool ok = encoder.encode(cp, bytes);
      append(bytes, cp < 0x80);
      if (!ok) out += "%26%23" + std::to_string(static_cast<unsigned long>(cp)) + "%3B";
    }
    std::string tail;
    encoder.finish(tail);
    append(tail, false);
    out.append(href.substr(end));
    return out;
  }
  for (char32_t cp : ja::detail::decode_utf8(query)) {  // the page was decoded: UTF-8
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    auto bytes = sjis ? japanese_charset::encode_shift_jis(cp) : japanese_charset::encode_euc_jp(cp);
    if (!bytes) {
      out += "%26%23" + std::to_string(static_cast<unsigned long>(cp)) + "%3B";
      continue;
    }
    for (unsigned char b : *bytes) {
      if (b < 0x80) {
        out += static_cast<char>(b);
      } else {
        out += '%';
        out += kHex[b >> 4];
        out += kHex[b & 15];
      }
    }
  }
  out.append(href.substr(end));
  return out;
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
    if ((chosen = detect(body))) d.source = "detector";
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
