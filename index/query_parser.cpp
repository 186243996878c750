#include "index/query_parser.hpp"
#include "i18n/i18n.hpp"

#include <cctype>

#include <algorithm>
#include <map>
#include <optional>

#include "index/ngrams.hpp"
#include "index/schema.hpp"
#include "index/text_fold.hpp"
#include "index/word_bounds.hpp"
#include "ja/nearest.hpp"
#include "senrei/ja.hpp"
#include "senrei/record.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::index {

namespace {

// Words weigh more than n-grams when a query uses both.
constexpr double kNgramWeight = 0.5;

// Bounds on one query (F4 of the reliability report: 10,000 nested parentheses or 30,000 NOTs
// overflowed the stack, 100,000 ORs ran for minutes, a 1 MB query took gigabytes).  A person's
// query is far inside them; docs/query.md lists them.
constexpr std::size_t kMaxQueryBytes = 4096;
constexpr std::size_t kMaxQueryTokens = 256;  // words, phrases, filters, operators, parentheses
constexpr int kMaxQueryDepth = 32;            // nested parentheses and NOTs

constexpr RecordKind kKinds[] = {RecordKind::case_overview, RecordKind::case_step, RecordKind::step_guide,
                                 RecordKind::point, RecordKind::faq, RecordKind::glossary,
                                 RecordKind::statistics, RecordKind::guideline, RecordKind::standard,
                                 RecordKind::notice, RecordKind::other};

template <class Range>
std::string join(const Range& r) {
  std::string out;
  for (const auto& s : r) {
    if (!out.empty()) out += ", ";
    out += std::string_view(s);
  }
  return out;
}

// " — did you mean kind:faq?" for a mistyped value, or "" when nothing is near (ja/nearest.hpp).
template <class Range>
std::string did_you_mean(std::string_view word, const Range& known, std::string_view suffix = "",
                         std::string_view prefix = "") {
  std::vector<std::string_view> names(std::begin(known), std::end(known));
  const auto best = ja::nearest(word, names);
  return best ? " — did you mean " + std::string(prefix) + *best + std::string(suffix) + "?" : std::string();
}

// ---- lexer ---------------------------------------------------------------------------------

enum class Tok { word, phrase, lparen, rparen, op_and, op_or, op_not };
struct Token {
  Tok type;
  std::string text;
};

// Length of the UTF-8 sequence at s[i] when it is one of `chars`, else 0.
std::size_t match_any(std::string_view s, std::size_t i, std::initializer_list<std::string_view> chars) {
  for (auto c : chars)
    if (s.substr(i).starts_with(c)) return c.size();
  return 0;
}
std::size_t space_at(std::string_view s, std::size_t i) {
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') return 1;
  return match_any(s, i, {"\u3000"});
}
std::size_t lparen_at(std::string_view s, std::size_t i) { return match_any(s, i, {"(", "（"}); }
std::size_t rparen_at(std::string_view s, std::size_t i) { return match_any(s, i, {")", "）"}); }
std::size_t quote_at(std::string_view s, std::size_t i) { return match_any(s, i, {"\"", "“", "”", "＂", "「", "」"}); }
std::size_t minus_at(std::string_view s, std::size_t i) { return match_any(s, i, {"-", "－"}); }

// Reads a quoted run starting after its opening quote; returns its text, moves i past the close.
std::string read_quoted(std::string_view s, std::size_t& i) {
  std::size_t begin = i;
  while (i < s.size() && !quote_at(s, i)) ++i;
  std::string text(s.substr(begin, i - begin));
  if (i < s.size()) i += quote_at(s, i);
  return text;
}

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::size_t n = space_at(s, i)) { i += n; continue; }
    if (std::size_t n = lparen_at(s, i)) { out.push_back({Tok::lparen, {}}); i += n; continue; }
    if (std::size_t n = rparen_at(s, i)) { out.push_back({Tok::rparen, {}}); i += n; continue; }
    if (std::size_t n = quote_at(s, i)) {
      i += n;
      out.push_back({Tok::phrase, read_quoted(s, i)});
      continue;
    }
    if (s.compare(i, 2, "--") == 0 && i + 2 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 2]))) {
      // "--sort year" inside the quotes: an option the shell passed as query text, which would
      // silently search for "not -sort".
      std::size_t end = i;
      while (end < s.size() && !space_at(s, end)) ++end;
      const std::string opt(s.substr(i, end - i));
      throw QueryError("'" + opt + "' is inside the query: put options outside the quotes, e.g. senrei search '会費' " + opt + " …");
    }
    if (std::size_t n = minus_at(s, i)) {
      // A leading minus negates what follows it directly; a lone one is ignored.
      if (i + n < s.size() && !space_at(s, i + n)) out.push_back({Tok::op_not, {}});
      i += n;
      continue;
    }
    std::string word;
    while (i < s.size() && !space_at(s, i) && !lparen_at(s, i) && !rparen_at(s, i)) {
      if (std::size_t n = quote_at(s, i)) {
        // filter:"value with spaces"
        if (word.find(':') == std::string::npos && word.find("：") == std::string::npos) break;
        i += n;
        word += read_quoted(s, i);
        continue;
      }
      word.push_back(s[i++]);
    }
    if (word == "AND" || word == "ＡＮＤ") out.push_back({Tok::op_and, {}});
    else if (word == "OR" || word == "ＯＲ") out.push_back({Tok::op_or, {}});
    else if (word == "NOT" || word == "ＮＯＴ") out.push_back({Tok::op_not, {}});
    else out.push_back({Tok::word, std::move(word)});
  }
  return out;
}

// ---- parser --------------------------------------------------------------------------------

enum class Role { text, filter, negative };
struct Node {
  Xapian::Query query;
  Role role = Role::text;
  std::string filter;  // filter name, for grouping repeated filters in one AND
};

Xapian::Query weightless(const Xapian::Query& q) { return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0); }

// A negative standing alone means "everything but".
Xapian::Query positive_form(const Node& n) {
  if (n.role != Role::negative) return n.query;
  return weightless(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, n.query));
}

class Parser {
 public:
  Parser(const Xapian::Database& db, const Tokenizer& tok, const Synonyms* synonyms, std::vector<Token> tokens,
         ParsedQuery& out)
      : db_(db), tok_(tok), synonyms_(synonyms), t_(std::move(tokens)), out_(out) {}

  std::optional<Node> parse() {
    auto n = parse_or(false);
    if (i_ < t_.size()) {
      if (t_[i_].type == Tok::rparen) throw QueryError(tr("unmatched ')' in the query"));
      throw QueryError(trf("cannot read the query near token {1}", {std::to_string(i_ + 1)}));
    }
    return n;
  }

 private:
  bool at(Tok type) const { return i_ < t_.size() && t_[i_].type == type; }

  std::optional<Node> parse_or(bool negated) {
    std::vector<Node> parts;
    bool after_or = false;
    for (;;) {
      auto n = parse_and(negated);
      if (!n && after_or) throw QueryError(tr("OR needs a term on both sides"));
      if (n) parts.push_back(std::move(*n));
      if (!at(Tok::op_or)) break;
      if (parts.empty()) throw QueryError(tr("OR needs a term on both sides"));
      ++i_;
      after_or = true;
    }
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) return std::move(parts.front());
    std::vector<Xapian::Query> qs;
    bool any_text = false;
    for (const auto& p : parts) {
      qs.push_back(positive_form(p));
      any_text |= p.role == Role::text;
    }
    return Node{Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end()), any_text ? Role::text : Role::filter, {}};
  }

  std::optional<Node> parse_and(bool negated) {
    std::vector<Node> parts;
    while (i_ < t_.size() && !at(Tok::op_or) && !at(Tok::rparen)) {
      if (at(Tok::op_and)) {
        ++i_;
        continue;
      }
      if (auto n = parse_unary(negated)) parts.push_back(std::move(*n));
    }
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) return std::move(parts.front());

    std::vector<Xapian::Query> texts, negatives;
    std::map<std::string, std::vector<Xapian::Query>> filters;  // by filter name
    for (auto& p : parts) {
      if (p.role == Role::text) texts.push_back(p.query);
      else if (p.role == Role::negative) negatives.push_back(p.query);
      else filters[p.filter].push_back(p.query);
    }
    std::vector<Xapian::Query> filter_qs;
    for (auto& [name, qs] : filters) {
      // A record has one kind, source, prefecture and form: repeating one of those means either.
      bool either = name == "kind" || name == "source" || name == "pref" || name == "form";
      filter_qs.emplace_back(either ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, qs.begin(), qs.end());
    }
    Node n;
    Xapian::Query filter_q(Xapian::Query::OP_AND, filter_qs.begin(), filter_qs.end());
    if (!texts.empty()) {
      n.query = Xapian::Query(Xapian::Query::OP_AND, texts.begin(), texts.end());
      if (!filter_qs.empty()) n.query = Xapian::Query(Xapian::Query::OP_FILTER, n.query, filter_q);
      n.role = Role::text;
    } else {
      n.query = filter_qs.empty() ? Xapian::Query::MatchAll : filter_q;
      n.query = weightless(n.query);
      n.role = Role::filter;
    }
    if (!negatives.empty())
      n.query = Xapian::Query(Xapian::Query::OP_AND_NOT, n.query,
                              Xapian::Query(Xapian::Query::OP_OR, negatives.begin(), negatives.end()));
    return n;
  }

  std::optional<Node> parse_unary(bool negated) {
    if (at(Tok::op_not) || at(Tok::lparen)) {
      // Every recursion passes here: the stack stays bounded whatever the query.
      if (depth_ >= kMaxQueryDepth)
        throw QueryError(trf("the query nests parentheses and NOTs more than {1} deep; write it flatter",
                             {std::to_string(kMaxQueryDepth)}));
      ++depth_;
      auto n = parse_nested(negated);
      --depth_;
      return n;
    }
    return parse_term(negated);
  }

  std::optional<Node> parse_nested(bool negated) {
    if (at(Tok::op_not)) {
      ++i_;
      if (i_ >= t_.size() || at(Tok::op_or) || at(Tok::rparen) || at(Tok::op_and))
        throw QueryError("NOT (or a leading -) needs a term after it");
      auto n = parse_unary(!negated);
      if (!n) return std::nullopt;
      return Node{positive_form(*n), Role::negative, {}};
    }
    if (at(Tok::lparen)) {
      ++i_;
      auto n = parse_or(negated);
      if (!at(Tok::rparen)) throw QueryError(tr("missing ')' in the query"));
      ++i_;
      return n;
    }
    return parse_term(negated);
  }

  std::optional<Node> parse_term(bool negated) {
    if (at(Tok::rparen)) throw QueryError(tr("unmatched ')' in the query"));
    const Token& t = t_[i_++];
    if (t.type == Tok::word) {
      if (auto f = filter_of(t.text)) return filter(f->first, f->second);
    }
    return text(t.text, negated);
  }

  // "name:value" with an ASCII name → {name, value}.
  static std::optional<std::pair<std::string, std::string>> filter_of(const std::string& word) {
    std::string folded = fold(word);  // ｋｉｎｄ：ｆａｑ → kind:faq
    std::size_t colon = folded.find(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    for (std::size_t k = 0; k < colon; ++k)
      if (!(folded[k] >= 'a' && folded[k] <= 'z')) return std::nullopt;
    // The value as typed (unfolded), after the first colon of either width.
    std::size_t raw_colon = std::min(word.find(':'), word.find("："));
    std::size_t width = word.compare(raw_colon, 1, ":") == 0 ? 1 : 3;
    return std::make_pair(folded.substr(0, colon), word.substr(raw_colon + width));
  }

  Node filter(const std::string& name, const std::string& value) {
    if (value.empty()) throw QueryError(trf("filter '{1}:' needs a value, e.g. {1}:{2}", {name, example(name)}));
    for (const auto& nf : kNumericFields)
      if (nf.filter == name) return Node{range(nf, value), Role::filter, name};
    const KeywordFilter* kf = nullptr;
    for (const auto& k : kKeywordFilters)
      if (k.filter == name) kf = &k;
    if (!kf)
      throw QueryError("unknown filter '" + name + ":'" + did_you_mean(name, known_filters(), ":") +
                       " — known: " + join(known_filters()));
    std::vector<Xapian::Query> alternatives;
    std::string rest = value;
    for (std::size_t start = 0; start <= rest.size();) {
      std::size_t comma = rest.find(',', start);
      if (comma == std::string::npos) comma = rest.size();
      std::string one = rest.substr(start, comma - start);
      start = comma + 1;
      if (one.empty()) continue;
      std::vector<Xapian::Query> terms;
      for (const auto& v : keyword_values_or_synonyms(name, one)) terms.emplace_back(bounded_term(kf->prefix, v));
      alternatives.emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
    }
    if (alternatives.empty()) throw QueryError(trf("filter '{1}:' needs a value, e.g. {1}:{2}", {name, example(name)}));
    return Node{Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()), Role::filter, name};
  }

  static std::string example(const std::string& name) {
    if (name == "kind") return "case_overview";
    if (name == "pref") return "長崎県";
    if (name == "form") return "npo";
    if (name == "fund") return "regional_revitalization_fund";
    if (name == "product") return "ID-Link";
    if (name == "source") return "renkei-navi";
    if (name == "year") return "2010..2015";
    if (name == "build" || name == "run") return "1億..5億";
    return "100..1000";
  }

  // keyword_values(), and when it knows the value under none of its names, the first synonym it
  // knows (fund:確保基金 → 地域医療介護総合確保基金 → comprehensive_care_fund).
  std::vector<std::string> keyword_values_or_synonyms(const std::string& name, const std::string& raw) const {
    try {
      return keyword_values(name, raw);
    } catch (const QueryError&) {
      if (synonyms_)
        for (const auto& other : synonyms_->of(raw)) {
          try {
            return keyword_values(name, other);
          } catch (const QueryError&) {
          }
        }
      throw;
    }
  }

  // The folded keyword(s) a filter value stands for.
  static std::vector<std::string> keyword_values(const std::string& name, const std::string& raw) {
    const std::string v = fold(raw);
    if (name == "kind") {
      if (parse_record_kind(v)) return {v};
      std::vector<std::string_view> names;
      for (auto k : kKinds) names.push_back(to_string(k));
      throw QueryError("unknown kind '" + raw + "'" + did_you_mean(raw, names, "", "kind:") + " — known: " + join(names));
    }
    if (name == "source") return {v};
    if (name == "pref") {
      for (std::string_view p : vocabulary::prefectures()) {
        const std::string_view stem = p == "北海道" ? p : p.substr(0, p.size() - 3);  // drop 県/府/都
        if (v == p || v == stem) return {fold(p)};
      }
      throw QueryError("unknown prefecture '" + raw + "' — write it as 長崎 or 長崎県");
    }
    if (name == "product") {
      // A product keyword (id_link) or any wording of it (ID-Link, ＩＤ－Ｌｉｎｋ, カルテコ).
      std::vector<std::string_view> known;
      for (const auto& t : vocabulary::terms(vocabulary::Concept::product)) {
        known.push_back(t.keyword);
        if (v == t.keyword) return {v};
        for (auto w : t.wordings)
          if (v == fold(w)) return {std::string(t.keyword)};
      }
      throw QueryError("unknown product '" + raw + "'" + did_you_mean(raw, known, "", "product:") + " — known: " +
                       join(known) + " (or ID-Link, HumanBridge, カルテコ, ...)");
    }
    // form, fund: a keyword of senrei/vocabulary.hpp, or a Japanese wording read as extraction
    // reads it (一般社団法人 → general_association, 参加費 → member_fees).
    const auto concept_ = name == "form" ? vocabulary::Concept::operator_form : vocabulary::Concept::funding_source;
    if (vocabulary::find(concept_, v)) return {v};
    std::vector<std::string_view> known;
    for (const auto& t : vocabulary::terms(concept_)) known.push_back(t.keyword);
    if (name == "form") {
      if (auto f = ja::parse_operator_form(v)) return {*f};
      throw QueryError("unknown operator form '" + raw + "'" + did_you_mean(raw, known, "", "form:") + " — known: " +
                       join(known) + " (or 一般社団法人, NPO法人, ...)");
    }
    auto funds = ja::parse_funding_sources(v);
    if (!funds.empty()) return funds;
    throw QueryError("unknown funding source '" + raw + "'" + did_you_mean(raw, known, "", "fund:") + " — known: " +
                     join(known) + " (or 地域医療再生基金, 会費, 参加費, ...)");
  }

  static Xapian::Query range(const NumericField& nf, const std::string& raw) {
    const std::string v = fold(raw);
    auto malformed = [&]() {
      return QueryError(trf("malformed range '{1}:{2}' — write {1}:{3}, {1}:a.. or {1}:..b",
                            {nf.filter, raw, example(std::string(nf.filter))}));
    };
    std::string lo_s, hi_s;
    bool is_range = false;
    for (std::string_view sep : {"..", "~", "〜"}) {
      if (auto at = v.find(sep); at != std::string::npos) {
        lo_s = v.substr(0, at);
        hi_s = v.substr(at + sep.size());
        is_range = true;
        break;
      }
    }
    if (!is_range) lo_s = hi_s = v;
    if (lo_s.empty() && hi_s.empty()) throw malformed();
    std::optional<double> lo, hi;
    auto value = [&](const std::string& s) {
      if (nf.slot != kSlotStartYear) return ja::parse_whole_number(s);
      const auto y = ja::parse_whole_year(s);
      return y ? std::optional<double>(*y) : std::nullopt;
    };
    if (!lo_s.empty() && !(lo = value(lo_s))) throw malformed();
    if (!hi_s.empty() && !(hi = value(hi_s))) throw malformed();
    if (lo && hi && *lo > *hi)
      throw QueryError(trf("range '{1}:{2}' is empty: its low end is above its high end", {nf.filter, raw}));
    if (lo && hi)
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, nf.slot, Xapian::sortable_serialise(*lo),
                           Xapian::sortable_serialise(*hi));
    if (lo) return Xapian::Query(Xapian::Query::OP_VALUE_GE, nf.slot, Xapian::sortable_serialise(*lo));
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, nf.slot, Xapian::sortable_serialise(*hi));
  }

  bool matches_any(const Xapian::Query& q) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return !enquire.get_mset(0, 1).empty();
  }

  // Free text, with its synonyms: each name searched as below, all ranked as one term.
  std::optional<Node> text(const std::string& raw, bool negated) {
    std::vector<std::string> names{raw};
    if (synonyms_)
      for (auto& other : synonyms_->of(raw)) names.push_back(std::move(other));
    // Words first, for every name; then the n-gram fallback for the names the words miss, which
    // does not read the pages a name found as words already matches (word_bounds.hpp): the set
    // matched is the same, and a synonym whose pages all say the longer name costs nothing.
    std::vector<std::optional<Xapian::Query>> qs(names.size());
    std::vector<Xapian::Query> found;
    for (std::size_t k = 0; k < names.size(); ++k)
      if ((qs[k] = word_text(names[k], negated))) found.push_back(*qs[k]);
    const Xapian::Query found_already =
        found.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, found.begin(), found.end());
    for (std::size_t k = 0; k < names.size(); ++k)
      if (!qs[k]) qs[k] = ngram_text(names[k], negated, found_already);
    std::vector<Xapian::Query> all;
    for (auto& q : qs)
      if (q) all.push_back(std::move(*q));
    if (all.empty()) return std::nullopt;  // nothing searchable (only symbols)
    if (all.size() == 1) return Node{all.front(), Role::text, {}};
    // OP_SYNONYM weighs its words and phrases as one term; an n-gram fallback (scaled and
    // filtered) is ORed instead.
    const bool words_only = std::all_of(all.begin(), all.end(), [](const Xapian::Query& q) {
      return q.get_type() == Xapian::Query::LEAF_TERM || q.get_type() == Xapian::Query::OP_PHRASE;
    });
    return Node{Xapian::Query(words_only ? Xapian::Query::OP_SYNONYM : Xapian::Query::OP_OR, all.begin(), all.end()),
                Role::text, {}};
  }

  // One name by its MeCab words: their phrase, when it matches a document (or the index is empty).
  // A symbol between two of them (ss-mix2, 運用、費用) widens the phrase by the position the
  // index leaves empty there, so SS-MIX2 finds the pages that write it so (before, the phrase
  // of ss mix 2 matched none of them, and the slow n-gram fallback read every page).
  std::optional<Xapian::Query> word_text(const std::string& raw, bool negated) {
    const std::string folded = fold(raw);
    std::vector<std::string> words;
    Xapian::termcount span = 0;
    std::size_t last_end = 0;
    for (auto& w : tok_.words(folded)) {
      if (!words.empty() && symbol_between(folded, last_end, w.begin)) ++span;
      last_end = w.end;
      ++span;
      words.push_back(std::move(w.text));
    }
    if (words.empty()) return std::nullopt;
    Xapian::Query q = words.size() == 1
                          ? Xapian::Query(words.front())
                          : Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), span);
    if (db_.get_doccount() != 0 && !(words.size() == 1 ? db_.term_exists(words.front()) : matches_any(q)))
      return std::nullopt;
    if (!negated) {
      out_.word_phrases.push_back(words);
      out_.has_text = true;
    }
    return q;
  }

  // One name by its n-grams, where the words match nothing: only where the string is not part of
  // a longer word of the document (word_bounds.hpp), and not in `found_already`'s documents.
  std::optional<Xapian::Query> ngram_text(const std::string& raw, bool negated, const Xapian::Query& found_already) {
    const std::string folded = fold(raw);
    auto ngram = ngram_candidates(folded, kPrefixNgram);
    if (!ngram) return std::nullopt;  // nothing searchable (only symbols)
    std::string compact;
    for (std::size_t k = 0; k < folded.size();) {
      if (std::size_t n = space_at(folded, k)) { k += n; continue; }
      compact.push_back(folded[k++]);
    }
    if (!negated) {
      out_.ngram_strings.push_back(compact);
      out_.has_text = true;
    }
    Xapian::Query q = on_word_boundaries(db_, *ngram, compact, tok_, found_already);
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, kNgramWeight);
  }

  const Xapian::Database& db_;
  const Tokenizer& tok_;
  const Synonyms* synonyms_;
  std::vector<Token> t_;
  std::size_t i_ = 0;
  int depth_ = 0;
  ParsedQuery& out_;
};

}  // namespace

const std::vector<std::string>& known_filters() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& k : kKeywordFilters) v.emplace_back(k.filter);
    for (const auto& n : kNumericFields) v.emplace_back(n.filter);
    return v;
  }();
  return names;
}

QueryParser::QueryParser(const Xapian::Database& db, std::shared_ptr<const Tokenizer> tokenizer,
                         std::shared_ptr<const Synonyms> synonyms)
    : db_(db), tokenizer_(tokenizer ? std::move(tokenizer) : Tokenizer::shared()), synonyms_(std::move(synonyms)) {}

ParsedQuery QueryParser::parse(std::string_view query) const {
  ParsedQuery out;
  if (query.size() > kMaxQueryBytes)
    throw QueryError(trf("the query is {1} bytes long; a query may have at most {2} — split it into several searches",
                         {std::to_string(query.size()), std::to_string(kMaxQueryBytes)}));
  auto tokens = lex(query);
  if (tokens.size() > kMaxQueryTokens)
    throw QueryError(trf("the query has {1} words, operators and parentheses; a query may have at most {2} — split it "
                         "into several searches",
                         {std::to_string(tokens.size()), std::to_string(kMaxQueryTokens)}));
  if (tokens.empty())
    throw QueryError(tr("empty query — type some words, a \"phrase\" or a filter such as kind:case_overview"));
  Parser p(db_, *tokenizer_, synonyms_.get(), std::move(tokens), out);
  auto node = p.parse();
  if (!node) throw QueryError(trf("the query '{1}' has no searchable words", {query}));
  out.query = positive_form(*node);
  return out;
}

}  // namespace senrei::index
