#include "index/text_fold.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <stdexcept>
#include <string>
#include <unordered_map>

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
  ft.original_ = original;
  ft.folded.reserve(original.size());
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const auto len = static_cast<int32_t>(original.size());
  int32_t chunk_begin = 0;
  bool chunk_inert = true;  // every character of the chunk is its own NFKC_Casefold form
  // original[0, copied) is folded; original[copied, chunk_begin) is a run of inert chunks (most
  // of a Japanese page: kanji, kana, lower-case ASCII), copied in one append when it ends.
  int32_t copied = 0;
  auto copy_inert = [&](int32_t upto) {
    if (upto <= copied) return;
    ft.pieces_.push_back({ft.folded.size(), static_cast<std::size_t>(copied), static_cast<std::size_t>(upto), true});
    ft.folded.append(original.data() + copied, static_cast<std::size_t>(upto - copied));
    copied = upto;
  };
  // The folded form of a chunk of one character (（, ：, Ａ, ５ — most chunks that are not
  // inert), asked of ICU once per thread: the round trip through UTF-16 cost more than all the
  // rest of a snippet's folding.
  thread_local std::unordered_map<std::string, std::string> one_char;
  auto flush = [&](int32_t chunk_end) {
    if (chunk_end <= chunk_begin) return;
    if (!chunk_inert) {
      copy_inert(chunk_begin);
      const std::size_t folded_begin = ft.folded.size();
      const std::string_view chunk = original.substr(chunk_begin, chunk_end - chunk_begin);
      if (static_cast<uint8_t>(chunk[0]) >= 0x80 && chunk.size() <= 4 &&
          U8_COUNT_TRAIL_BYTES(static_cast<uint8_t>(chunk[0])) + 1u == chunk.size()) {
        const std::string key(chunk);
        if (auto it = one_char.find(key); it != one_char.end()) {
          ft.folded += it->second;
        } else {
          std::string f;
          fold_into(n, chunk, f);
          ft.folded += f;
          if (one_char.size() < 4096) one_char.emplace(key, std::move(f));
        }
      } else {
        fold_into(n, chunk, ft.folded);
      }
      if (ft.folded.size() > folded_begin)  // (a default-ignorable character folds to nothing)
        ft.pieces_.push_back(
            {folded_begin, static_cast<std::size_t>(chunk_begin), static_cast<std::size_t>(chunk_end), false});
      copied = chunk_end;
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
    if (at > chunk_begin && (c < 0x80 || (b & CasefoldBits::kBoundary))) flush(at);
    if (bad || !(b & CasefoldBits::kInert)) chunk_inert = false;
  }
  flush(len);
  copy_inert(len);
  return ft;
}

const FoldedText::Piece& FoldedText::piece_of(std::size_t i) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), i,
                             [](std::size_t at, const Piece& p) { return at < p.folded_begin; });
  return *(it - 1);  // pieces_ starts at folded byte 0 whenever folded is not empty
}

std::size_t FoldedText::orig_begin(std::size_t i) const {
  const Piece& p = piece_of(i);
  if (!p.same) return p.orig_begin;
  std::size_t o = p.orig_begin + (i - p.folded_begin);
  while (o > p.orig_begin && (static_cast<unsigned char>(original_[o]) & 0xC0) == 0x80) --o;
  return o;  // the start of the character holding it
}

std::size_t FoldedText::orig_end(std::size_t i) const {
  const Piece& p = piece_of(i);
  if (!p.same) return p.orig_end;
  std::size_t o = p.orig_begin + (i - p.folded_begin) + 1;
  while (o < p.orig_end && (static_cast<unsigned char>(original_[o]) & 0xC0) == 0x80) ++o;
  return o;  // the end of the character holding it
}

}  // namespace senrei::index
