#include "index/searcher.hpp"
#include "i18n/i18n.hpp"

#include "ja/nearest.hpp"

#include <algorithm>
#include <map>
#include <system_error>

#include "index/index_writer.hpp"
#include "index/query_parser.hpp"
#include "index/schema.hpp"
#include "index/snippet.hpp"
#include "record/record_json.hpp"

namespace senrei::index {

namespace {

constexpr int kAttempts = 3;

// Thrown when a KeyMaker sort meets a remote shard: search again with a plain value sort.
struct RetrySorted {};

[[noreturn]] void throw_open_error(const std::filesystem::path& p, const Xapian::Error& e) {
  const std::string dir = p.string();
  const std::string type = e.get_type();  // Xapian::Error is not polymorphic
  // A truncated or overwritten table reads as a plain DatabaseError ("EOF reading block N").
  if (type == "DatabaseCorruptError" || type == "DatabaseError")
    throw IndexError(trf("index at {1} is damaged ({2})", {dir, e.get_msg()}) + repair_advice());
  if (type.starts_with("Network"))
    throw IndexError(trf("cannot reach the index server named in {1} ({2}) — start xapian-tcpsrv or fix the stub file",
                         {dir, e.get_msg()}));
  if (type == "DatabaseNotFoundError" || type == "DatabaseOpeningError" || type == "DatabaseVersionError")
    throw IndexError(trf("no index at {1} ({2}) — run `senrei crawl` first", {dir, e.get_msg()}));
  throw IndexError(trf("cannot open index at {1}: {2}", {dir, e.get_description()}));
}

struct SortKey {
  Xapian::valueno slot;
  bool descending;
};

std::optional<SortKey> parse_sort(const std::string& sort) {
  if (sort.empty() || sort == "relevance") return std::nullopt;
  std::string_view name = sort;
  bool desc = false;
  if (name.front() == '-') desc = true, name.remove_prefix(1);
  else if (name.front() == '+') name.remove_prefix(1);
  for (const auto& nf : kNumericFields)
    if (nf.filter == name || nf.field == name) return SortKey{nf.slot, desc};
  std::string known = "relevance";
  std::vector<std::string_view> names = {"relevance"};
  for (const auto& nf : kNumericFields) known += ", " + std::string(nf.filter), names.push_back(nf.filter);
  const auto best = ja::nearest(name, names);
  if (best)
    throw QueryError(trf("unknown sort '{1}' — did you mean {2}? — known: {3} (a leading - sorts descending)",
                         {sort, std::string(desc ? "-" : "") + *best, known}));
  throw QueryError(trf("unknown sort '{1}' — known: {2} (a leading - sorts descending)", {sort, known}));
}

Record decode(const Xapian::Document& doc, const std::string& where) {
  try {
    return decode_document_data(doc.get_data());
  } catch (const std::exception& e) {
    throw IndexError(trf("index at {1} holds a record senrei cannot read ({2})", {where, e.what()}) + repair_advice());
  }
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& path, std::shared_ptr<const Tokenizer> tokenizer)
    : Searcher(std::vector<std::filesystem::path>{path}, std::move(tokenizer)) {}

Searcher::Searcher(std::vector<std::filesystem::path> paths, std::shared_ptr<const Tokenizer> tokenizer)
    : paths_(std::move(paths)), tokenizer_(tokenizer ? std::move(tokenizer) : Tokenizer::shared()) {
  if (paths_.empty()) throw IndexError(tr("no index given to search"));
  for (const auto& p : paths_) {
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) throw IndexError(trf("no index at {1} — run `senrei crawl` first", {p.string()}));
    Xapian::Database shard;
    for (int attempt = 1;; ++attempt) {
      try {
        shard = Xapian::Database(p.string());
        check_index_metadata(shard, p.string(), *tokenizer_);
        break;
      } catch (const Xapian::DatabaseModifiedError& e) {
        // A writer committed twice between the open and the metadata read: open the new revision.
        if (attempt >= kAttempts) throw_open_error(p, e);
      } catch (const Xapian::Error& e) {
        throw_open_error(p, e);
      }
    }
    db_.add_database(shard);
  }
}

std::string Searcher::where() const {
  std::string out;
  for (const auto& p : paths_) out += (out.empty() ? "" : ", ") + p.string();
  return out;
}

void Searcher::reopen() {
  try {
    db_.reopen();
  } catch (const Xapian::Error& e) {
    throw_open_error(paths_.size() == 1 ? paths_.front() : std::filesystem::path(where()), e);
  }
}

template <class F>
auto Searcher::with_retry(F&& f) -> decltype(f()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return f();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kAttempts)
        throw IndexError(trf("index at {1} kept changing during the search ({2}) — try again", {where(), e.get_msg()}));
      reopen();
    } catch (const Xapian::DatabaseCorruptError& e) {
      throw IndexError(trf("index at {1} is damaged ({2})", {where(), e.get_msg()}) + repair_advice());
    } catch (const Xapian::NetworkError& e) {
      throw IndexError(trf("lost the index server for {1} ({2})", {where(), e.get_msg()}));
    } catch (const Xapian::Error& e) {
      throw IndexError(trf("searching index at {1} failed: {2}", {where(), e.get_description()}));
    }
  }
}

SearchResult Searcher::search(const SearchRequest& req) {
  try {
    return search_once(req);
  } catch (const RetrySorted&) {
    return search_once(req);
  }
}

SearchResult Searcher::search_once(const SearchRequest& req) {
  const auto sort = parse_sort(req.sort);
  return with_retry([&] {
    ParsedQuery pq = QueryParser(db_, tokenizer_, synonyms_).parse(req.query);
    Xapian::Enquire enquire(db_);
    enquire.set_query(pq.query);
    if (!pq.has_text) enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MultiValueKeyMaker keymaker;
    if (sort && !remote_sort_) {
      // Missing values sort last: "\xff" is above every sortable_serialise() ascending, and ""
      // is below every one descending.
      keymaker.add_value(sort->slot, sort->descending, sort->descending ? std::string() : std::string("\xff"));
      enquire.set_sort_by_key_then_relevance(&keymaker, false);
    } else if (sort) {
      // The remote backend (xapian-tcpsrv shards) has no KeyMaker: a plain value sort, where a
      // record without the value sorts first ascending (docs/scale.md).
      enquire.set_sort_by_value_then_relevance(sort->slot, sort->descending);
    }

    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    // Remote shards with a value sort count some matches twice in match spies (Xapian 1.4:
    // the sorted top of the MSet is spied again when merged), so there the facets are counted
    // in a pass of their own, unsorted.
    Xapian::Enquire facet_enquire(db_);
    const bool separate_facets = req.facets && sort && remote_sort_;
    if (req.facets) {
      if (separate_facets) {
        facet_enquire.set_query(pq.query);
        facet_enquire.set_weighting_scheme(Xapian::BoolWeight());
      }
      for (const auto& kf : kKeywordFilters) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(kf.slot));
        (separate_facets ? facet_enquire : enquire).add_matchspy(spies.back().get());
      }
    }
    const Xapian::doccount doccount = db_.get_doccount();
    // Facets and exact_total count every match; otherwise up to kExactCountUpTo, then Xapian
    // estimates (and can skip documents that cannot reach the top).
    const Xapian::doccount check = std::max<Xapian::doccount>(
        req.facets || req.exact_total ? doccount : static_cast<Xapian::doccount>(kExactCountUpTo),
        static_cast<Xapian::doccount>(req.offset + req.limit));
    Xapian::MSet mset;
    try {
      mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset), static_cast<Xapian::doccount>(req.limit),
                              check);
    } catch (const Xapian::UnimplementedError&) {
      if (!sort || remote_sort_) throw;
      remote_sort_ = true;  // a remote shard: sort by plain value from now on, in a new Enquire
      throw RetrySorted{};
    }

    if (separate_facets) facet_enquire.get_mset(0, 0, doccount);
    SearchResult result;
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    result.total = mset.get_matches_estimated();
    SnippetTerms terms{pq.word_phrases, pq.ngram_strings};
    std::size_t rank = req.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      SearchHit hit;
      hit.rank = ++rank;
      hit.weight = it.get_weight();
      hit.percent = pq.has_text ? it.get_percent() : 0;
      hit.record = decode(it.get_document(), where());
      if (req.snippet_chars > 0) hit.snippet = make_snippet(hit.record.text, terms, *tokenizer_, req.snippet_chars);
      result.hits.push_back(std::move(hit));
    }
    for (std::size_t k = 0; k < spies.size(); ++k) {
      std::map<std::string, Xapian::doccount> counts;
      for (auto v = spies[k]->values_begin(); v != spies[k]->values_end(); ++v) {
        const std::string joined = *v;
        // fund holds several keywords joined; every other slot one.
        for (std::size_t b = 0; b <= joined.size();) {
          std::size_t e = joined.find(kListSeparator, b);
          if (e == std::string::npos) e = joined.size();
          if (e > b) counts[joined.substr(b, e - b)] += v.get_termfreq();
          b = e + 1;
        }
      }
      Facet facet{std::string(kKeywordFilters[k].filter), {}};
      for (auto& [value, count] : counts) facet.values.push_back({value, count});
      std::stable_sort(facet.values.begin(), facet.values.end(),
                       [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
      result.facets.push_back(std::move(facet));
    }
    return result;
  });
}

std::optional<Record> Searcher::first_with_term(const std::string& term) {
  return with_retry([&]() -> std::optional<Record> {
    auto it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return decode(db_.get_document(*it), where());
  });
}

std::optional<Record> Searcher::get(std::string_view id) { return first_with_term(bounded_term(kPrefixId, id)); }

std::optional<Record> Searcher::get_by_url(std::string_view url) {
  return first_with_term(bounded_term(kPrefixUrl, url));
}

Xapian::doccount Searcher::doc_count() {
  return with_retry([&] { return db_.get_doccount(); });
}

}  // namespace senrei::index
