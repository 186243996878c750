// ja/text_util.hpp — internal helpers shared by the Japanese parsers (not part of the SDK API).
//
// Every parser reads text the same way: NFKC-normalised (full-width digits, commas, brackets,
// ～, ％, ＋ become ASCII), decoded to code points, and cut to kMaxParseBytes so a fuzzer's
// megabytes cost bounded work.  Invalid UTF-8 decodes to U+FFFD.  Nothing here throws.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace ja {
namespace detail {

// Table cells and sentences are short; a parser never reads more than this many bytes.
inline constexpr std::size_t kMaxParseBytes = 64 * 1024;

// UTF-8 → code points; an invalid or truncated sequence, a surrogate or an overlong form
// becomes one U+FFFD and decoding resumes at the next byte.
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view text);
// One code point appended as UTF-8 (a surrogate or a value past U+10FFFF as U+FFFD).
void append_utf8(std::string& out, char32_t c);

// ICU NFKC of a (possibly invalid) UTF-8 string; never throws (returns "" on ICU failure).
std::string nfkc_utf8(std::string_view utf8);

// The form every parser reads: the first kMaxParseBytes of `text` (cut at a character
// boundary), NFKC-normalised, as code points.
std::u32string prepare(std::string_view text);

// 0–9 for ASCII digits and kanji digits (〇/零 一 二 三 四 五 六 七 八 九), else -1.  The
// formal 大字 (壱 弐 参 拾) are not read: 参加, 壱岐 are far commoner in these pages than 参千.
int digit_value(char32_t c);
bool is_ascii_digit(char32_t c);
bool is_kanji_digit(char32_t c);
// 十 → 10, 百 → 100, 千 → 1000, else 0.
int small_multiplier(char32_t c);
// 万 → 1e4, 億 → 1e8, 兆 → 1e12, else 0.
double big_multiplier(char32_t c);
bool is_space(char32_t c);
bool is_ascii_alpha(char32_t c);
bool is_open_bracket(char32_t c);
bool is_close_bracket(char32_t c);

bool starts_with_at(std::u32string_view s, std::size_t pos, std::u32string_view word);
bool ends_with_at(std::u32string_view s, std::size_t end, std::u32string_view word);
bool contains(std::u32string_view s, std::u32string_view word);
// Position of `word` at or after `from`, or npos.
std::size_t find(std::u32string_view s, std::u32string_view word, std::size_t from = 0);
std::u32string_view trim(std::u32string_view s);

// A number as written: Arabic ("1,200", "12.5"), kanji ("二千五百", "二〇一六") or mixed
// ("2億1,281万", "3億5千万").  `end` is one past its last character.
struct NumberToken {
  std::size_t begin = 0;
  std::size_t end = 0;
  double value = 0;
  // The multiplier of the last unit in the token (1e4 for "3,500万", 1000 for "29,925千"), or 0
  // when it ends in a plain number: lets "2,500~3,500万" give the low end its unit.
  double trailing_multiplier = 0;
  bool has_multiplier = false;  // any of 十百千万億兆
  bool has_decimal_point = false;
  bool arabic = false;  // holds an Arabic digit
};
// A number starting exactly at `pos`, or nullopt.  Kanji digits are only read as a number
// when the token holds a multiplier, an Arabic digit or more than one kanji digit unless
// `allow_single_kanji` (so 一 in 一般 or 一括 is not a number for the money and count parsers).
std::optional<NumberToken> scan_number(std::u32string_view s, std::size_t pos,
                                       bool allow_single_kanji = true);
// The next number at or after `from`.  Tokens preceded by 数 (数千万 = "some ten millions")
// are not numbers.
std::optional<NumberToken> find_number(std::u32string_view s, std::size_t from,
                                       bool allow_single_kanji = true);

// A date in 西暦 or 和暦 at or after `from`: year, optional month and day.
struct DateMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  int year = 0;
  int month = 0;  // 0 = not stated
  int day = 0;    // 0 = not stated
  bool fiscal = false;      // 年度
  bool fiscal_end = false;  // 年度末
};
std::optional<DateMatch> find_date(std::u32string_view s, std::size_t from = 0);
// "2017-02", "2019-03-31", "2018"; 年度末 → March of the next year.
std::string format_date(const DateMatch& d);

// 約, 概ね, およそ, 凡そ, 推定 immediately before `pos` (spaces allowed); returns where it starts.
std::optional<std::size_t> approx_prefix_before(std::u32string_view s, std::size_t pos);
// 程度, 前後, ほど, 強, 弱 immediately at `pos`; returns its length or 0.
std::size_t approx_suffix_at(std::u32string_view s, std::size_t pos);

// Whole-keyword match against lower-case ASCII words in s (for the English keywords the
// normalizers accept: "npo", "secondary_area").
bool has_ascii_keyword(std::u32string_view s, std::string_view keyword);

}  // namespace detail
}  // namespace ja
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
