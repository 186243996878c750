// nfkc() and fold(): the normal forms text is compared and indexed in.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <atomic>
#include <mutex>

#include "ja/text_util.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {

std::string nfkc(std::string_view utf8) { return detail::nfkc_utf8(utf8); }

std::size_t reorder_control_at(std::string_view text, std::size_t i) {
  if (i + 1 < text.size() && text[i] == '\xC2') {
    const auto b = static_cast<unsigned char>(text[i + 1]);
    if (b >= 0x80 && b <= 0x9F) return 2;  // U+0080–U+009F
  }
  if (i + 2 < text.size() && text[i] == '\xE2') {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 3;  // U+202A–U+202E
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;  // U+2066–U+2069
  }
  return 0;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t n = reorder_control_at(text, i)) {
      out += "\uFFFD";
      i += n;
      continue;
    }
    const char c = text[i++];
    out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
  }
  return out;
}

namespace {

// The slow, exact fold of one piece, before whitespace is collapsed: NFKC, lower case, NFKC
// again (lower-casing can leave text NFKC would change: fold(fold(x)) == fold(x)).
std::u32string fold_piece(std::string_view utf8) {
  std::u32string cps = detail::decode_utf8(detail::nfkc_utf8(utf8));
  for (char32_t& c : cps) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return detail::decode_utf8(detail::nfkc_utf8(detail::encode_utf8(cps)));
}


bool folds_to_space(char32_t c) { return detail::is_space(c) || u_isUWhiteSpace(static_cast<UChar32>(c)); }

// What fold() makes of one BMP character standing between two normalization boundaries,
// computed with fold_piece the first time the character is met (a search meets a few dozen, a
// crawl a few thousand).  Thread-safe: an entry is written under a mutex, then published by
// its flags and never written again.
class FoldTable {
 public:
  static constexpr unsigned char kKnown = 0x80;    // the entry is filled
  static constexpr unsigned char kBoundary = 1;    // NFKC has a boundary before the character
  static constexpr unsigned char kFast = 2;        // its fold is out() (or white space), no context
  static constexpr unsigned char kSame = 4;        // … and that is the character itself
  static constexpr unsigned char kSpace = 8;       // … and it is white space

  static FoldTable& get() {
    static FoldTable t;
    return t;
  }
  // The flags of c (0 for a character outside the BMP: folded by ICU with its neighbours).
  unsigned char flags(char32_t c) {
    if (c > 0xFFFF) return 0;
    const unsigned char f = flags_[c].load(std::memory_order_acquire);
    return f != 0 ? f : fill(c);
  }
  std::string_view out(char32_t c) const { return {out_[c].data(), len_[c]}; }

 private:
  unsigned char fill(char32_t c) {
    std::lock_guard<std::mutex> lock(mu_);
    if (const unsigned char f = flags_[c].load(std::memory_order_relaxed)) return f;
    unsigned char f = kKnown;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status) && nfkc != nullptr && !(c >= 0xD800 && c <= 0xDFFF) &&
        nfkc->hasBoundaryBefore(static_cast<UChar32>(c))) {
      f |= kBoundary;
      const char32_t one[1] = {c};
      const std::u32string folded = fold_piece(detail::encode_utf8(std::u32string_view(one, 1)));
      if (folded.size() == 1 && folds_to_space(folded[0])) {
        f |= kFast | kSpace;
      } else if (!std::any_of(folded.begin(), folded.end(), folds_to_space)) {
        const std::string utf8 = detail::encode_utf8(folded);
        if (utf8.size() <= out_[c].size()) {
          f |= kFast;
          if (folded.size() == 1 && folded[0] == c) f |= kSame;
          std::memcpy(out_[c].data(), utf8.data(), utf8.size());
          len_[c] = static_cast<unsigned char>(utf8.size());
        }
      }
    }
    flags_[c].store(f, std::memory_order_release);
    return f;
  }
  std::array<std::atomic<unsigned char>, 0x10000> flags_{};
  std::array<unsigned char, 0x10000> len_{};
  std::array<std::array<char, 15>, 0x10000> out_{};
  std::mutex mu_;
};

// The code point at text[i] as detail::decode_utf8 steps through the text (one byte for an
// invalid sequence, returned as kInvalid, which the table leaves to ICU's U+FFFD); sets len.
constexpr char32_t kInvalid = 0x110000;
inline char32_t next_code_point(std::string_view text, std::size_t i, std::size_t& len) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char b = p[i];
  if (b < 0x80) {
    len = 1;
    return b;
  }
  std::size_t n = 0;
  char32_t cp = 0, min = 0;
  if (b >= 0xC2 && b <= 0xDF) n = 2, cp = b & 0x1F, min = 0x80;
  else if (b >= 0xE0 && b <= 0xEF) n = 3, cp = b & 0x0F, min = 0x800;
  else if (b >= 0xF0 && b <= 0xF4) n = 4, cp = b & 0x07, min = 0x10000;
  bool ok = n > 0 && i + n <= text.size();
  for (std::size_t k = 1; ok && k < n; ++k) {
    const unsigned char c = p[i + k];
    if ((c & 0xC0) != 0x80) ok = false;
    else cp = (cp << 6) | (c & 0x3F);
  }
  if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
  len = ok ? n : 1;
  return ok ? cp : kInvalid;
}

}  // namespace

// fold = collapse_whitespace(NFKC(lower(NFKC(text)))).  Where NFKC has a boundary before a
// character and before the next one, the character folds on its own, so each BMP character's
// fold is looked up in a table made by the exact fold (most of a page: kanji and kana as they
// are, full-width ASCII to ASCII, upper case to lower); the characters between (a combining
// mark and its base, astral characters, invalid bytes) are folded together by ICU.  A cut falls
// only where NFKC has a boundary, so the result equals folding the whole text at once
// (tests/ja/fold_equivalence_test.cpp compares the two on text of every character class).
std::string fold(std::string_view utf8) {
  FoldTable& table = FoldTable::get();
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  std::size_t copy_begin = 0, copy_end = 0;  // characters kept as they are, not yet copied
  auto copy_pending = [&] {
    if (copy_end > copy_begin) out.append(utf8.data() + copy_begin, copy_end - copy_begin);
    copy_begin = copy_end = 0;
  };
  auto put = [&](const char* bytes, std::size_t n) {
    copy_pending();
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(bytes, n);
  };
  auto emit_piece = [&](std::string_view piece) {
    copy_pending();
    for (char32_t c : fold_piece(piece)) {
      if (folds_to_space(c)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out.push_back(' ');
      pending_space = false;
      detail::append_utf8(out, c);
    }
  };
  std::size_t slow_begin = std::string_view::npos;  // start of the piece not yet folded
  std::size_t len = 0;
  char32_t c = utf8.empty() ? 0 : next_code_point(utf8, 0, len);
  unsigned char f = utf8.empty() ? 0 : table.flags(c);
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t next = i + len;
    std::size_t next_len = 0;
    char32_t next_c = 0;
    unsigned char next_f = 0;
    bool boundary_after = true;
    if (next < utf8.size()) {
      next_c = next_code_point(utf8, next, next_len);
      next_f = table.flags(next_c);
      boundary_after = next_f & FoldTable::kBoundary;
    }
    if ((f & FoldTable::kFast) && boundary_after) {
      if (slow_begin != std::string_view::npos) {
        emit_piece(utf8.substr(slow_begin, i - slow_begin));
        slow_begin = std::string_view::npos;
      }
      if (f & FoldTable::kSpace) {
        copy_pending();
        pending_space = !out.empty();
      } else if (f & FoldTable::kSame) {
        if (copy_end == i && copy_end > copy_begin) {
          copy_end = i + len;  // the run goes on
        } else {
          copy_pending();
          if (pending_space) out.push_back(' ');
          pending_space = false;
          copy_begin = i;
          copy_end = i + len;
        }
      } else {
        const std::string_view o = table.out(c);
        put(o.data(), o.size());
      }
    } else if (slow_begin == std::string_view::npos) {
      slow_begin = i;  // a piece starts after a fast character, so at a boundary
    }
    i = next;
    len = next_len;
    c = next_c;
    f = next_f;
  }
  if (slow_begin != std::string_view::npos) emit_piece(utf8.substr(slow_begin));
  copy_pending();
  return out;
}

}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
