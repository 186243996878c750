// The WHATWG Encoding Standard's reference vectors (tests/data/third_party/encoding-vectors/,
// from encoding_rs): decoding each *_in.txt must give *_in_ref.txt exactly, U+FFFD where the
// reference has it; encoding *_out.txt must give *_out_ref.txt.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "extract/charset.hpp"
#include "extract/charset_japanese.hpp"

namespace senrei {
namespace {

std::string read_vector(const std::string& name) {
  std::ifstream in(SENREI_TEST_DATA "/third_party/encoding-vectors/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

size_t count_fffd(const std::string& s) {
  size_t n = 0;
  for (size_t at = s.find("\xEF\xBF\xBD"); at != std::string::npos; at = s.find("\xEF\xBF\xBD", at + 3))
    ++n;
  return n;
}

// The first line where two texts differ, for a message a person can act on.
std::string first_difference(const std::string& got, const std::string& want) {
  std::istringstream a(got), b(want);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) return "no difference";
    if (la != lb || ga != gb)
      return "line " + std::to_string(line) + ": got '" + la + "', reference '" + lb + "'";
  }
}

void expect_decodes_as_reference(const std::string& charset, const std::string& in_file,
                                 const std::string& ref_file, size_t expected_fffd) {
  const std::string in = read_vector(in_file), ref = read_vector(ref_file);
  ASSERT_FALSE(in.empty()) << in_file;
  ASSERT_FALSE(ref.empty()) << ref_file;
  bool replaced = false;
  const std::string got = decode_as(in, charset, replaced);
  EXPECT_EQ(count_fffd(ref), expected_fffd) << ref_file;  // the vectors are what we think
  EXPECT_EQ(count_fffd(got), count_fffd(ref)) << in_file;
  EXPECT_TRUE(got == ref) << in_file << ": " << first_difference(got, ref);
  EXPECT_EQ(replaced, expected_fffd > 0);
}

TEST(CharsetVectors, ShiftJisDecodesAsTheStandard) {
  expect_decodes_as_reference("windows-31j", "shift_jis_in.txt", "shift_jis_in_ref.txt", 1676);
}

TEST(CharsetVectors, EucJpJis0208DecodesAsTheStandard) {
  expect_decodes_as_reference("euc-jp", "jis0208_in.txt", "jis0208_in_ref.txt", 1500);
}

TEST(CharsetVectors, EucJpJis0212DecodesAsTheStandard) {
  expect_decodes_as_reference("euc-jp", "jis0212_in.txt", "jis0212_in_ref.txt",
                              count_fffd(read_vector("jis0212_in_ref.txt")));
}

TEST(CharsetVectors, Iso2022JpDecodesAsTheStandard) {
  expect_decodes_as_reference("iso-2022-jp", "iso_2022_jp_in.txt", "iso_2022_jp_in_ref.txt",
                              count_fffd(read_vector("iso_2022_jp_in_ref.txt")));
}

// UTF-8 → code points, for the encoder vectors (which are valid UTF-8).
std::u32string code_points(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

template <class Encode>
void expect_encodes_as_reference(Encode encode, const std::string& out_file,
                                 const std::string& ref_file) {
  const std::string text = read_vector(out_file), ref = read_vector(ref_file);
  ASSERT_FALSE(text.empty());
  std::string got;
  size_t unencodable = 0;
  for (char32_t cp : code_points(text)) {
    if (auto bytes = encode(cp)) {
      got += *bytes;
    } else {
      ++unencodable;
      got += "&#" + std::to_string(static_cast<unsigned long>(cp)) + ";";
    }
  }
  EXPECT_TRUE(got == ref) << out_file << ": " << first_difference(got, ref);
  EXPECT_EQ(unencodable, 0u);
}

TEST(CharsetVectors, ShiftJisEncodesAsTheStandard) {
  expect_encodes_as_reference(japanese_charset::encode_shift_jis, "shift_jis_out.txt",
                              "shift_jis_out_ref.txt");
}

TEST(CharsetVectors, EucJpEncodesAsTheStandard) {
  expect_encodes_as_reference(japanese_charset::encode_euc_jp, "jis0208_out.txt",
                              "jis0208_out_ref.txt");
}

TEST(CharsetVectors, Iso2022JpEncodesAsTheStandard) {
  const std::string text = read_vector("iso_2022_jp_out.txt"), ref = read_vector("iso_2022_jp_out_ref.txt");
  ASSERT_FALSE(text.empty());
  japanese_charset::Iso2022JpEncoder encoder;
  std::string got;
  size_t unencodable = 0;
  for (char32_t cp : code_points(text)) {
    if (!encoder.encode(cp, got)) {
      ++unencodable;
      got += "&#" + std::to_string(static_cast<unsigned long>(cp)) + ";";
    }
  }
  encoder.finish(got);
  EXPECT_TRUE(got == ref) << first_difference(got, ref);
  EXPECT_EQ(unencodable, 0u);
  // The encoder's own rules: ¥ and ‾ through JIS X 0201 Roman, half-width katakana as
  // full-width, U+2212 as U+FF0D, an unknown character back in ASCII state.
  japanese_charset::Iso2022JpEncoder e;
  std::string out;
  for (char32_t cp : std::u32string(U"a\u00A5\uFF76\u2212b")) EXPECT_TRUE(e.encode(cp, out));
  EXPECT_FALSE(e.encode(U'\u20AC', out));
  e.finish(out);
  EXPECT_EQ(out, "a\x1B(J\\\x1B$B%+!]\x1B(Bb");
}

TEST(CharsetVectors, ErrorsAreExactlyWhereTheStandardSaysAndAsciiSurvives) {
  bool replaced = false;
  // A Shift_JIS lead followed by an ASCII byte that is no trail: one error, the byte kept.
  EXPECT_EQ(japanese_charset::decode_shift_jis("\x81 x", replaced), "\xEF\xBF\xBD x");
  // EUC-JP-MS's three-byte 髙 (0x8F 0xF4 0xFB) is not in index jis0212: an error, as in browsers.
  EXPECT_EQ(japanese_charset::decode_euc_jp("\x8F\xF4\xFB", replaced), "\xEF\xBF\xBD");
  // Shift_JIS user-defined area → private use, not an error.
  EXPECT_EQ(japanese_charset::decode_shift_jis("\xF0\x40", replaced), "\xEE\x80\x80");
  // EUC-JP 0x8F plane (JIS X 0212): 0x8F 0xB0 0xA1 is 丂.
  EXPECT_EQ(japanese_charset::decode_euc_jp("\x8F\xB0\xA1", replaced), "丂");
  // ISO-2022-JP: an escape to JIS X 0208, 高橋, back to ASCII.
  EXPECT_EQ(japanese_charset::decode_iso_2022_jp("\x1B$B9b66\x1B(Bx", replaced), "高橋x");
  // A lead cut by the size limit at the end is dropped, not an error.
  replaced = false;
  EXPECT_EQ(japanese_charset::decode_euc_jp("a\xA4", replaced, true), "a");
  EXPECT_FALSE(replaced);
}

}  // namespace
}  // namespace senrei
