// ja::fold looks most characters up in a table and folds only the pieces between normalization
// boundaries with ICU (issue 18 item 4: fold was most of the writer's text work).  These tests
// compare it with the plain definition — NFKC, lower case, NFKC again, whitespace runs made one
// space and trimmed — on text drawn from every character class that behaves differently.
#include <gtest/gtest.h>

#include <unicode/uchar.h>

#include <random>
#include <string>
#include <vector>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;

namespace {

std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

std::string encode(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

// The definition, on the whole text at once (ja::nfkc is ICU's NFKC; valid UTF-8 only here).
std::string reference_fold(const std::string& text) {
  std::string lowered;
  for (char32_t c : decode(ja::nfkc(text))) lowered += encode(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  std::string out;
  bool pending_space = false;
  for (char32_t c : decode(ja::nfkc(lowered))) {
    const bool space = c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
                       c == U'\u3000' || c == U'\u00A0' || u_isUWhiteSpace(static_cast<UChar32>(c));
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out += encode(c);
  }
  return out;
}

// Characters whose fold depends on their neighbours or changes them, and plain ones.
const std::vector<std::u32string>& pieces() {
  static const std::vector<std::u32string> p = {
      U"会", U"費", U"地域医療", U"あ", U"か", U"は", U"カ", U"ハ", U"ウ", U"ー", U"、", U"。", U"「", U"」",
      U"\u3099", U"\u309A", U"\u309B", U"\u309C",            // combining and spacing (han)dakuten
      U"ｶ", U"ﾞ", U"ﾟ", U"ﾊ", U"ｱ", U"ｰ", U"｡",             // half-width katakana and marks
      U"Ａ", U"ｚ", U"１", U"（", U"）", U"－", U"：", U"～", U"〜",  // full-width forms
      U"A", U"Z", U"a", U"1", U"-", U".", U"(",              // ASCII
      U" ", U"  ", U"\t", U"\n", U"\r\n", U"\u3000", U"\u00A0", U"\u2003", U"\u200B",
      U"e", U"\u0301", U"\u0308", U"\u00A8", U"\u00C5", U"\u212B", U"\u1100", U"\u1161", U"\u11A8",  // combining, jamo
      U"ß", U"Σ", U"ς", U"İ", U"ﬁ", U"Ⅻ", U"㌔", U"㍻", U"①", U"㈱", U"\uFDFA", U"\uF900", U"\uFA10",
      U"\U00020B9F", U"\U0001D400", U"\U0001F600", U"\uFFFD", U"\u00AD", U"\u2028",
  };
  return p;
}

}  // namespace

TEST(FoldEquivalence, EveryPieceAloneAndBesideEveryOther) {
  for (const auto& a : pieces()) {
    std::string s;
    for (char32_t c : a) s += encode(c);
    EXPECT_EQ(ja::fold(s), reference_fold(s)) << s;
    for (const auto& b : pieces()) {
      std::string t = s;
      for (char32_t c : b) t += encode(c);
      ASSERT_EQ(ja::fold(t), reference_fold(t)) << t;
    }
  }
}

TEST(FoldEquivalence, RandomTextOfEveryClass) {
  std::mt19937 rng(18);
  const auto& p = pieces();
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k)
      for (char32_t c : p[rng() % p.size()]) s += encode(c);
    ASSERT_EQ(ja::fold(s), reference_fold(s)) << s;
  }
}

TEST(FoldEquivalence, InvalidBytesAsBefore) {
  // Each invalid byte is one U+FFFD, wherever it stands, also between a base and its mark.
  EXPECT_EQ(ja::fold(std::string("か\xE3\x82") + "\xE3\x82\x99"), "か\xEF\xBF\xBD\xEF\xBF\xBD\xE3\x82\x99");
  EXPECT_EQ(ja::fold(std::string("\xFF") + "ＡＢ\x80"), "\xEF\xBF\xBD" "ab\xEF\xBF\xBD");
  EXPECT_EQ(ja::fold("か\u3099"), "が");
  EXPECT_EQ(ja::fold("ｶﾞｲﾄﾞ"), "ガイド");
}
