// index/snippet.hpp — a short passage of a record's text around the query's matches.
//
// The passage (about max_chars characters, newlines and runs of whitespace made one space) is
// the window holding the most matches; "…" marks a cut at either end.  Each match is wrapped in
// kMarkStart … kMarkEnd (bytes 0x01 and 0x02, never present otherwise: they are removed from the
// text first), which the CLI turns into colour, **bold** or nothing (strip_marks()).  Matching is
// done in folded form (NFKC + case fold) and mapped back, so the passage shows the text as
// written (ＩＤ－Ｌｉｎｋ stays full-width).  Word phrases match whole MeCab words only (京都 is
// not marked inside 東京都); n-gram strings match anywhere.  Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "index/tokenizer.hpp"

namespace senrei::index {

inline constexpr char kMarkStart = '\x01';
inline constexpr char kMarkEnd = '\x02';

struct SnippetTerms {
  std::vector<std::vector<std::string>> word_phrases;  // folded MeCab words, in order
  std::vector<std::string> ngram_strings;              // folded substrings
};

std::string make_snippet(std::string_view text, const SnippetTerms& terms, const Tokenizer& tokenizer,
                         std::size_t max_chars = 120);

// Replaces kMarkStart/kMarkEnd with the given strings ("" and "" for plain text).
std::string render_marks(std::string_view snippet, std::string_view start, std::string_view end);
inline std::string strip_marks(std::string_view snippet) { return render_marks(snippet, "", ""); }

}  // namespace senrei::index
