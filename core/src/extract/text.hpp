// extract/text.hpp — text rules shared by the HTML, PDF and plain-text extractors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace senrei::extract_text {

// Marks a hard line break (<br>, a block boundary) in raw text before collapse().  Control
// characters are stripped from page text, so it cannot come from the page.
inline constexpr char kBreak = '\x01';

// Appends page text to raw text, dropping C0 controls other than whitespace and DEL.
void append_raw(std::string& raw, std::string_view text);

// Collapses raw text as a browser renders it: runs of ASCII whitespace (and no-break spaces)
// become one space, or nothing when the run holds a line break between two East Asian wide
// characters (CSS Text 3 segment-break rule: 「構築\n費用」 reads 構築費用); kBreak becomes
// '\n'; lines are trimmed and empty lines dropped.  U+3000 is kept as written.  Controls that
// carry no text are dropped: C0 and DEL (other than white space) and ja::reorder_control_at
// (C1, bidi overrides and isolates).
std::string collapse(std::string_view raw);

// The same with line breaks turned into spaces: for a cell, a label or a title.
std::string collapse_one_line(std::string_view raw);

// 「ラベル：値」: the text before the first full-width or half-width colon, when it reads as a
// label (1–20 characters, no sentence punctuation); a colon in "://" or between ASCII digits
// (10:30) does not count.  A line that opens with a bracketed label 「【構築費用】約98万円」 is
// one too, colon or not.  Returns {label, value}, both trimmed and non-empty.
std::optional<std::pair<std::string, std::string>> split_label_line(std::string_view line);

// Code points in a UTF-8 string (invalid bytes count one each).
size_t count_chars(std::string_view s);

}  // namespace senrei::extract_text
