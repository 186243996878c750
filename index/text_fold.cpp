#include "index/text_fold.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <atomic>
#include <stdexcept>

#include "senrei/ja.hpp"

namespace senrei::index {

namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || n == nullptr)
    throw std::runtime_error(std::string("ICU NFKC_Casefold is unavailable: ") + u_errorName(status));
  return *n;
}

// NFKC_Casefold drops default-ignorable code points; whitespace runs stay as written (words
// never contain whitespace, and MeCab skips it).
void fold_into(const icu::Normalizer2& n, std::string_view in, std::string& out) {
  bool ascii = true;
  for (unsigned char c : in)
    if (c >= 0x80) { ascii = false; break; }
  if (ascii) {
    for (char c : in) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  // fromUTF8 replaces ill-formed sequences with U+FFFD.
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString r = n.normalize(s, status);
  if (U_FAILURE(status)) r = s;
  r.toUTF8String(out);
}

// NFKC_Casefold's hasBoundaryBefore (kBoundary) and isInert (kInert) of each BMP character,
// asked of ICU the first time the character is met.  Thread-safe (relaxed atomics: every
// thread computes the same value).
class CasefoldBits {
 public:
  explicit CasefoldBits(const icu::Normalizer2& n) : n_(n) {}
  static constexpr unsigned char kKnown = 4, kBoundary = 1, kInert = 2;
  unsigned char of(UChar32 c) {
    if (c < 0 || c > 0xFFFF) return compute(c);
    unsigned char b = bits_[static_cast<std::size_t>(c)].load(std::memory_order_relaxed);
    if (b == 0) bits_[static_cast<std::size_t>(c)].store(b = compute(c), std::memory_order_relaxed);
    return b;
  }

 private:
  unsigned char compute(UChar32 c) const {
    return static_cast<unsigned char>(kKnown | (n_.hasBoundaryBefore(c) ? kBoundary : 0) | (n_.isInert(c) ? kInert : 0));
  }
  const icu::Normalizer2& n_;
  std::array<std::atomic<unsigned char>, 0x10000> bits_{};
};

CasefoldBits& casefold_bits() {
  static CasefoldBits bits(nfkc_casefold());
  return bits;
}

}  // namespace

std::string fold(std::string_view utf8) { return ja::fold(utf8); }

FoldedText fold_with_map(std::string_view original) {
  const icu::Normalizer2& n = nfkc_casefold();
  CasefoldBits& bits = casefold_bits();
  FoldedText ft;
  ft.folded.reserve(original.size());
  ft.orig_begin.reserve(original.size());
  ft.orig_end.reserve(original.size());
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const auto len = static_cast<int32_t>(original.size());
  int32_t chunk_begin = 0;
  bool chunk_inert = true;  // every character of the chunk is its own NFKC_Casefold form
  auto flush = [&](int32_t chunk_end) {
    if (chunk_end <= chunk_begin) return;
    if (chunk_inert) {
      // Most of a Japanese page (kanji, kana, lower-case ASCII): copied, no ICU round trip.
      ft.folded.append(original.substr(chunk_begin, chunk_end - chunk_begin));
    } else {
      fold_into(n, original.substr(chunk_begin, chunk_end - chunk_begin), ft.folded);
    }
    while (ft.orig_begin.size() < ft.folded.size()) {
      ft.orig_begin.push_back(static_cast<std::size_t>(chunk_begin));
      ft.orig_end.push_back(static_cast<std::size_t>(chunk_end));
    }
    chunk_begin = chunk_end;
    chunk_inert = true;
  };
  int32_t i = 0;
  while (i < len) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool bad = c < 0;
    if (bad) c = 0xFFFD;
    // A new chunk starts where normalization cannot reach back across (ASCII always can't).
    const unsigned char b = bits.of(c);
    if (at > chunk_begin && (c < 0x80 || (b & CasefoldBits::kBoundary))) {
      if (chunk_inert) {
        // The common case, one kanji or kana or lower-case letter: copied, mapped to itself.
        ft.folded.append(original.data() + chunk_begin, static_cast<std::size_t>(at - chunk_begin));
        for (int32_t k = chunk_begin; k < at; ++k) {
          ft.orig_begin.push_back(static_cast<std::size_t>(chunk_begin));
          ft.orig_end.push_back(static_cast<std::size_t>(at));
        }
        chunk_begin = at;
      } else {
        flush(at);
      }
    }
    if (bad || !(b & CasefoldBits::kInert)) chunk_inert = false;
  }
  flush(len);
  return ft;
}

}  // namespace senrei::index
