#include "index/text_fold.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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

}  // namespace

std::string fold(std::string_view utf8) { return ja::fold(utf8); }

FoldedText fold_with_map(std::string_view original) {
  const icu::Normalizer2& n = nfkc_casefold();
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
    std::size_t before = ft.folded.size();
    if (chunk_inert) {
      // Most of a Japanese page (kanji, kana, lower-case ASCII): copied, no ICU round trip.
      ft.folded.append(original.substr(chunk_begin, chunk_end - chunk_begin));
    } else {
      fold_into(n, original.substr(chunk_begin, chunk_end - chunk_begin), ft.folded);
    }
    for (std::size_t i = before; i < ft.folded.size(); ++i) {
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
    if (at > chunk_begin && (c < 0x80 || n.hasBoundaryBefore(c))) flush(at);
    if (bad || !n.isInert(c)) chunk_inert = false;
  }
  flush(len);
  return ft;
}

}  // namespace senrei::index
