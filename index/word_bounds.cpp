#include "index/word_bounds.hpp"

#include <string>
#include <vector>

#include "index/index_writer.hpp"
#include "index/schema.hpp"

namespace senrei::index {

namespace {

bool inside(const Word& w, std::size_t at) { return w.known && w.begin < at && at < w.end; }

}  // namespace

bool occurs_on_word_boundaries(std::string_view text, std::string_view needle, const Tokenizer& tokenizer) {
  return occurs_on_word_boundaries(text, needle, tokenizer, nullptr);
}

bool occurs_on_word_boundaries(std::string_view text, std::string_view needle, const Tokenizer& tokenizer,
                               PieceWords* cache) {
  if (needle.empty()) return false;
  std::vector<std::size_t> starts;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    starts.push_back(at);
  if (starts.empty()) return false;
  auto on_bounds = [](const std::vector<Word>& words, std::size_t s, std::size_t e, std::size_t shift) {
    for (const Word& w : words) {
      if (w.begin + shift >= e) break;  // words are in text order
      if (inside(w, s - shift) || inside(w, e - shift)) return false;
    }
    return true;
  };
  if (cache != nullptr) {
    // One piece at a time (the unit MeCab reads): a piece's words depend on its text alone, and
    // the pages of one site repeat their sentences, so each distinct piece is read once.
    std::vector<std::size_t> spanning;  // occurrences running over a piece's end
    auto next = starts.begin();
    for (std::size_t begin = 0; begin < text.size() && next != starts.end();) {
      const std::size_t end = Tokenizer::piece_end(text, begin);
      if (*next >= end) {
        begin = end;
        continue;
      }
      const std::string_view piece = text.substr(begin, end - begin);
      auto it = cache->find(std::string(piece));
      if (it == cache->end()) {
        std::vector<Word> words = tokenizer.words(piece);
        if (cache->size() >= kMaxCachedPieces) {
          for (; next != starts.end() && *next < end; ++next) {
            const std::size_t e = *next + needle.size();
            if (e > end) spanning.push_back(*next);
            else if (on_bounds(words, *next, e, begin)) return true;
          }
          begin = end;
          continue;
        }
        it = cache->emplace(std::string(piece), std::move(words)).first;
      }
      for (; next != starts.end() && *next < end; ++next) {
        const std::size_t e = *next + needle.size();
        if (e > end) spanning.push_back(*next);
        else if (on_bounds(it->second, *next, e, begin)) return true;
      }
      begin = end;
    }
    if (spanning.empty()) return false;
    starts = std::move(spanning);
  }
  std::vector<std::size_t> places = starts;  // the pieces holding each start and each end
  for (std::size_t s : starts) places.push_back(s + needle.size() - 1);
  const std::vector<Word> words = tokenizer.words_around(text, places);
  for (std::size_t s : starts)
    if (on_bounds(words, s, s + needle.size(), 0)) return true;
  return false;
}

Xapian::Query on_word_boundaries(const Xapian::Database& db, const Xapian::Query& candidates,
                                 std::string_view needle, const Tokenizer& tokenizer,
                                 const Xapian::Query& found_already) {
  // The candidates' terms without their phrase, restricted first: the phrase then reads the
  // positions of the documents left (the pages a synonym found as words are most of them).
  const bool has_terms = candidates.get_unique_terms_begin() != candidates.get_unique_terms_end();
  const Xapian::Query terms = has_terms ? Xapian::Query(Xapian::Query::OP_AND, candidates.get_unique_terms_begin(),
                                                        candidates.get_unique_terms_end())
                                        : candidates;
  Xapian::Enquire enquire(db);
  enquire.set_query(found_already.empty()
                        ? candidates
                        : Xapian::Query(Xapian::Query::OP_AND,
                                        Xapian::Query(Xapian::Query::OP_AND_NOT, terms, found_already), candidates));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet found = enquire.get_mset(0, db.get_doccount());
  std::vector<std::string> ids;
  std::string title, text;
  PieceWords pieces;
  for (auto it = found.begin(); it != found.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    searchable_text(decode_document_data(doc.get_data()), title, text);
    if (occurs_on_word_boundaries(title, needle, tokenizer, &pieces) ||
        occurs_on_word_boundaries(text, needle, tokenizer, &pieces))
      ids.push_back(bounded_term(kPrefixId, doc.get_value(kSlotId)));
  }
  if (ids.empty()) return Xapian::Query::MatchNothing;
  // Weighed by the candidates' terms, without their phrase: the documents are known now, and a
  // phrase would read their positions a second time in the search itself.
  return Xapian::Query(Xapian::Query::OP_FILTER, terms, Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
}

}  // namespace senrei::index
