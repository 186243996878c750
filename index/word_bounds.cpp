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
  if (needle.empty()) return false;
  std::vector<std::size_t> starts;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    starts.push_back(at);
  if (starts.empty()) return false;
  std::vector<std::size_t> places = starts;  // the pieces holding each start and each end
  for (std::size_t s : starts) places.push_back(s + needle.size() - 1);
  const std::vector<Word> words = tokenizer.words_around(text, places);
  for (std::size_t s : starts) {
    const std::size_t e = s + needle.size();
    bool cut = false;
    for (const Word& w : words) {
      if (w.begin >= e) break;  // words are in text order
      if (inside(w, s) || inside(w, e)) {
        cut = true;
        break;
      }
    }
    if (!cut) return true;
  }
  return false;
}

Xapian::Query on_word_boundaries(const Xapian::Database& db, const Xapian::Query& candidates,
                                 std::string_view needle, const Tokenizer& tokenizer) {
  Xapian::Enquire enquire(db);
  enquire.set_query(candidates);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet found = enquire.get_mset(0, db.get_doccount());
  std::vector<std::string> ids;
  std::string title, text;
  for (auto it = found.begin(); it != found.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    searchable_text(decode_document_data(doc.get_data()), title, text);
    if (occurs_on_word_boundaries(title, needle, tokenizer) || occurs_on_word_boundaries(text, needle, tokenizer))
      ids.push_back(bounded_term(kPrefixId, doc.get_value(kSlotId)));
  }
  if (ids.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_FILTER, candidates,
                       Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
}

}  // namespace senrei::index
