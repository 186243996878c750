// extract/charset_japanese.cpp — the WHATWG decoders and encoders for Japanese (§13.1–13.3).
#include "extract/charset_japanese.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace senrei::charset_index {
// Generated from the WHATWG indexes (cmake/jis_index.cmake); 0 means no code point.
extern const std::uint16_t kJis0208[];
extern const std::size_t kJis0208_size;
extern const std::uint16_t kJis0212[];
extern const std::size_t kJis0212_size;
}  // namespace senrei::charset_index

namespace senrei::japanese_charset {
namespace {

using charset_index::kJis0208;
using charset_index::kJis0208_size;
using charset_index::kJis0212;
using charset_index::kJis0212_size;

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_error(std::string& out, bool& replaced) {
  out += "\xEF\xBF\xBD";
  replaced = true;
}

char32_t jis0208_at(unsigned pointer) {
  return pointer < kJis0208_size ? kJis0208[pointer] : 0;
}
char32_t jis0212_at(unsigned pointer) {
  return pointer < kJis0212_size ? kJis0212[pointer] : 0;
}

bool in(unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; }

// Code point → first pointer in index jis0208; `shift_jis` leaves out pointers 8272–8835
// ("index Shift_JIS pointer").  0xFFFF = none.
const std::vector<std::uint16_t>& jis0208_pointers(bool shift_jis) {
  static const auto build = [](bool sjis) {
    std::vector<std::uint16_t> v(0x10000, 0xFFFF);
    for (unsigned p = kJis0208_size; p-- > 0;) {  // backwards: the first pointer wins
      if (sjis && p >= 8272 && p <= 8835) continue;
      if (char32_t cp = kJis0208[p]) v[cp] = static_cast<std::uint16_t>(p);
    }
    return v;
  };
  static const std::vector<std::uint16_t> sjis = build(true);
  static const std::vector<std::uint16_t> all = build(false);
  return shift_jis ? sjis : all;
}

}  // namespace

std::string decode_shift_jis(std::string_view bytes, bool& replaced, bool input_was_cut) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2 + 4);
  unsigned lead = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned b = static_cast<unsigned char>(bytes[i]);
    if (lead != 0) {
      unsigned l = lead;
      lead = 0;
      char32_t cp = 0;
      if (in(b, 0x40, 0x7E) || in(b, 0x80, 0xFC)) {
        unsigned offset = b < 0x7F ? 0x40 : 0x41;
        unsigned lead_offset = l < 0xA0 ? 0x81 : 0xC1;
        unsigned pointer = (l - lead_offset) * 188 + b - offset;
        cp = in(pointer, 8836, 10715) ? 0xE000 + pointer - 8836 : jis0208_at(pointer);
      }
      if (cp != 0) {
        append_utf8(out, cp);
        continue;
      }
      append_error(out, replaced);
      if (b < 0x80) --i;  // an ASCII byte is read again on its own
      continue;
    }
    if (b <= 0x80) {
      append_utf8(out, b);
    } else if (in(b, 0xA1, 0xDF)) {
      append_utf8(out, 0xFF61 - 0xA1 + b);
    } else if (in(b, 0x81, 0x9F) || in(b, 0xE0, 0xFC)) {
      lead = b;
    } else {
      append_error(out, replaced);
    }
  }
  if (lead != 0 && !input_was_cut) append_error(out, replaced);
  return out;
}

std::string decode_euc_jp(std::string_view bytes, bool& replaced, bool input_was_cut) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2 + 4);
  unsigned lead = 0;
  bool jis0212 = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned b = static_cast<unsigned char>(bytes[i]);
    if (lead == 0x8E && in(b, 0xA1, 0xDF)) {
      lead = 0;
      append_utf8(out, 0xFF61 - 0xA1 + b);
      continue;
    }
    if (lead == 0x8F && in(b, 0xA1, 0xFE)) {
      jis0212 = true;
      lead = b;
      continue;
    }
    if (lead != 0) {
      unsigned l = lead;
      lead = 0;
      char32_t cp = 0;
      if (in(l, 0xA1, 0xFE) && in(b, 0xA1, 0xFE)) {
        unsigned pointer = (l - 0xA1) * 94 + b - 0xA1;
        cp = jis0212 ? jis0212_at(pointer) : jis0208_at(pointer);
      }
      jis0212 = false;
      if (cp != 0) {
        append_utf8(out, cp);
        continue;
      }
      append_error(out, replaced);
      if (b < 0x80) --i;
      continue;
    }
    if (b < 0x80) {
      append_utf8(out, b);
    } else if (b == 0x8E || b == 0x8F || in(b, 0xA1, 0xFE)) {
      lead = b;
    } else {
      append_error(out, replaced);
    }
  }
  if (lead != 0 && !input_was_cut) append_error(out, replaced);
  return out;
}

std::string decode_iso_2022_jp(std::string_view bytes, bool& replaced, bool input_was_cut) {
  enum class State { ascii, roman, katakana, lead_byte, trail_byte, escape_start, escape };
  std::string out;
  out.reserve(bytes.size() * 3 / 2 + 4);
  State state = State::ascii, output_state = State::ascii;
  unsigned lead = 0;
  bool output_flag = false;
  const size_t n = bytes.size();
  // `i` may step back (the standard's "prepend to the stream"); i == n is end-of-queue.
  for (size_t i = 0; i <= n; ++i) {
    const bool eof = i == n;
    const unsigned b = eof ? 0 : static_cast<unsigned char>(bytes[i]);
    switch (state) {
      case State::ascii:
      case State::roman:
      case State::katakana:
      case State::lead_byte:
        if (eof) return out;
        if (b == 0x1B) {
          state = State::escape_start;
          break;
        }
        output_flag = false;
        if (state == State::ascii && b <= 0x7F && b != 0x0E && b != 0x0F) {
          append_utf8(out, b);
        } else if (state == State::roman && b <= 0x7F && b != 0x0E && b != 0x0F) {
          append_utf8(out, b == 0x5C ? 0xA5 : b == 0x7E ? 0x203E : b);
        } else if (state == State::katakana && in(b, 0x21, 0x5F)) {
          append_utf8(out, 0xFF61 - 0x21 + b);
        } else if (state == State::lead_byte && in(b, 0x21, 0x7E)) {
          lead = b;
          state = State::trail_byte;
        } else {
          append_error(out, replaced);
        }
        break;
      case State::trail_byte:
        if (eof) {
          state = State::lead_byte;
          if (input_was_cut) return out;
          append_error(out, replaced);
          --i;
        } else if (b == 0x1B) {
          state = State::escape_start;
          append_error(out, replaced);
        } else if (in(b, 0x21, 0x7E)) {
          state = State::lead_byte;
          char32_t cp = jis0208_at((lead - 0x21) * 94 + b - 0x21);
          if (cp != 0)
            append_utf8(out, cp);
          else
            append_error(out, replaced);
        } else {
          state = State::lead_byte;
          append_error(out, replaced);
        }
        break;
      case State::escape_start:
        if (!eof && (b == 0x24 || b == 0x28)) {
          lead = b;
          state = State::escape;
          break;
        }
        if (eof && input_was_cut) return out;
        output_flag = false;
        state = output_state;
        append_error(out, replaced);
        --i;  // the byte (or the end) is read again in the output state
        break;
      case State::escape: {
        if (eof && input_was_cut) return out;
        unsigned l = lead;
        lead = 0;
        bool found = true;
        State next = State::ascii;
        if (l == 0x28 && b == 0x42 && !eof) {
          next = State::ascii;
        } else if (l == 0x28 && b == 0x4A && !eof) {
          next = State::roman;
        } else if (l == 0x28 && b == 0x49 && !eof) {
          next = State::katakana;
        } else if (l == 0x24 && (b == 0x40 || b == 0x42) && !eof) {
          next = State::lead_byte;
        } else {
          found = false;
        }
        if (found) {
          state = output_state = next;
          bool was = output_flag;
          output_flag = true;
          if (was) append_error(out, replaced);  // two escapes in a row
          break;
        }
        // Prepend lead (and byte): step back so both are read again in the output state.
        output_flag = false;
        state = output_state;
        append_error(out, replaced);
        i -= 2;  // lead (0x24 or 0x28, the byte before) is read again, then byte or the end
        break;
      }
    }
  }
  return out;
}

std::optional<std::string> encode_shift_jis(char32_t cp) {
  if (cp <= 0x80) return std::string(1, static_cast<char>(cp));
  if (cp == 0xA5) return std::string("\x5C");
  if (cp == 0x203E) return std::string("\x7E");
  if (cp >= 0xFF61 && cp <= 0xFF9F) return std::string(1, static_cast<char>(cp - 0xFF61 + 0xA1));
  if (cp == 0x2212) cp = 0xFF0D;
  if (cp > 0xFFFF) return std::nullopt;
  unsigned pointer = jis0208_pointers(true)[cp];
  if (pointer == 0xFFFF) return std::nullopt;
  unsigned lead = pointer / 188, trail = pointer % 188;
  unsigned lead_offset = lead < 0x1F ? 0x81 : 0xC1;
  unsigned offset = trail < 0x3F ? 0x40 : 0x41;
  return std::string{static_cast<char>(lead + lead_offset), static_cast<char>(trail + offset)};
}

std::optional<std::string> encode_euc_jp(char32_t cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  if (cp == 0xA5) return std::string("\x5C");
  if (cp == 0x203E) return std::string("\x7E");
  if (cp >= 0xFF61 && cp <= 0xFF9F)
    return std::string{'\x8E', static_cast<char>(cp - 0xFF61 + 0xA1)};
  if (cp == 0x2212) cp = 0xFF0D;
  if (cp > 0xFFFF) return std::nullopt;
  unsigned pointer = jis0208_pointers(false)[cp];
  if (pointer == 0xFFFF) return std::nullopt;
  return std::string{static_cast<char>(pointer / 94 + 0xA1),
                     static_cast<char>(pointer % 94 + 0xA1)};
}

namespace {

// Half-width katakana U+FF61..U+FF9F → the full-width form ISO-2022-JP writes: the character's
// compatibility decomposition, with the combining sound marks U+3099/U+309A as the spacing
// ゛゜ (U+309B/U+309C), which is the standard's index ISO-2022-JP katakana.
char32_t full_width_katakana(char32_t cp) {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> t(0xFF9F - 0xFF61 + 1, 0);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    for (char32_t c = 0xFF61; c <= 0xFF9F; ++c) {
      icu::UnicodeString d;
      if (U_SUCCESS(status) && nfkd->getDecomposition(static_cast<UChar32>(c), d) && d.countChar32() == 1) {
        char32_t full = static_cast<char32_t>(d.char32At(0));
        if (full == 0x3099) full = 0x309B;
        if (full == 0x309A) full = 0x309C;
        t[c - 0xFF61] = full;
      }
    }
    return t;
  }();
  return table[cp - 0xFF61];
}

}  // namespace

bool Iso2022JpEncoder::encode(char32_t cp, std::string& out) {
  while (true) {
    if ((state_ == State::ascii || state_ == State::roman) && (cp == 0x0E || cp == 0x0F || cp == 0x1B))
      return false;  // the standard's error with U+FFFD
    if (state_ == State::ascii && cp < 0x80) {
      out += static_cast<char>(cp);
      return true;
    }
    if (state_ == State::roman && ((cp < 0x80 && cp != 0x5C && cp != 0x7E) || cp == 0xA5 || cp == 0x203E)) {
      out += cp == 0xA5 ? '\x5C' : cp == 0x203E ? '\x7E' : static_cast<char>(cp);
      return true;
    }
    if (cp < 0x80) {
      out += "\x1B(B";
      state_ = State::ascii;
      continue;
    }
    if (cp == 0xA5 || cp == 0x203E) {
      out += "\x1B(J";
      state_ = State::roman;
      continue;
    }
    if (cp == 0x2212) cp = 0xFF0D;
    if (cp >= 0xFF61 && cp <= 0xFF9F) cp = full_width_katakana(cp);
    const unsigned pointer = cp <= 0xFFFF ? jis0208_pointers(false)[cp] : 0xFFFF;
    if (pointer == 0xFFFF) {
      if (state_ == State::jis0208) {
        out += "\x1B(B";
        state_ = State::ascii;
      }
      return false;
    }
    if (state_ != State::jis0208) {
      out += "\x1B$B";
      state_ = State::jis0208;
    }
    out += static_cast<char>(pointer / 94 + 0x21);
    out += static_cast<char>(pointer % 94 + 0x21);
    return true;
  }
}

void Iso2022JpEncoder::finish(std::string& out) {
  if (state_ != State::ascii) out += "\x1B(B";
  state_ = State::ascii;
}

}  // namespace senrei::japanese_charset
