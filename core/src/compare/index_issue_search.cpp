#include "compare/index_issue_search.hpp"

#include "senrei/ja.hpp"

namespace senrei::compare {
namespace {

// Each character is hiragana (U+3041–U+309F) or the long-vowel mark: a particle (の, と, を),
// an auxiliary or an ending, not a content word.
bool all_hiragana(std::string_view w) {
  if (w.empty() || w.size() % 3) return false;
  for (size_t i = 0; i < w.size(); i += 3) {
    auto a = static_cast<unsigned char>(w[i]), b = static_cast<unsigned char>(w[i + 1]),
         c = static_cast<unsigned char>(w[i + 2]);
    unsigned cp = ((a & 0x0Fu) << 12) | ((b & 0x3Fu) << 6) | (c & 0x3Fu);
    if ((a & 0xF0u) != 0xE0u || !((cp >= 0x3041 && cp <= 0x309F) || cp == 0x30FC)) return false;
  }
  return true;
}

bool has_letter_or_digit(std::string_view w) {
  for (unsigned char c : w)
    if (c >= 0x80 || std::isalnum(c)) return true;
  return false;
}

}  // namespace

std::vector<std::string> IndexIssueSearch::words(const std::string& phrase) {
  std::string folded = ja::fold(phrase);
  std::vector<std::string> out;
  for (const auto& w : tokenizer_->words(folded)) {
    if (all_hiragana(w.text) || !has_letter_or_digit(w.text) || w.text.find('"') != std::string::npos) continue;
    out.push_back(w.text);
  }
  return out;
}

std::vector<Record> IndexIssueSearch::records_with(const std::string& word) {
  index::SearchRequest req;
  req.query = "\"" + word + "\" kind:case_overview,case_step";
  req.limit = std::max<size_t>(1, searcher_.doc_count());
  req.snippet_chars = 0;
  std::vector<Record> out;
  for (auto& hit : searcher_.search(req).hits) out.push_back(std::move(hit.record));
  return out;
}

}  // namespace senrei::compare
