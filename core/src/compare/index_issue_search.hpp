// compare/index_issue_search.hpp — IssueSearch over a senrei index: an issue's content words
// by MeCab (the index's own tokenizer), and the case pages holding each word through the
// Searcher (words first, CJK n-grams when no page holds the word; docs/query.md).
#pragma once

#include <memory>

#include "compare/comparison.hpp"
#include "index/searcher.hpp"
#include "index/tokenizer.hpp"

namespace senrei::compare {

class IndexIssueSearch final : public IssueSearch {
 public:
  IndexIssueSearch(index::Searcher& searcher, std::shared_ptr<const index::Tokenizer> tokenizer = index::Tokenizer::shared())
      : searcher_(searcher), tokenizer_(std::move(tokenizer)) {}

  // Words of the folded phrase, without particles and auxiliaries (words all in hiragana) and
  // without symbols.
  std::vector<std::string> words(const std::string& phrase) override;
  std::vector<Record> records_with(const std::string& word) override;

 private:
  index::Searcher& searcher_;
  std::shared_ptr<const index::Tokenizer> tokenizer_;
};

}  // namespace senrei::compare
