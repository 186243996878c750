// rank_similar(): how close each precedent is to the region, part by part.
//
// Parts, each 0..1 (docs/plan.md):
//   population     1 − |ln(plan / precedent)| / ln 10, floor 0 (ten times larger or smaller → 0)
//   aging_rate     1 − |plan − precedent| / 0.10, floor 0 (ten points apart → 0)
//   scope          1 when the area scope is the same, else 0
//   operator_form  1 when the same; 0.5 when both are incorporated (npo, general_association,
//                  public_interest_association) or both unincorporated (voluntary_association,
//                  council); else 0
//   issues         the mean over the plan's issues of the share of the issue's words found in
//                  the precedent's pages, each word weighted by its rarity among the precedents
//                  (BM25 idf), so 情報 or 連携, on every page, decide little
// Only the parts both sides state are averaged: a part the plan gives no value for, or the
// precedent has no figure for, is left out of the weights (a missing figure is not a
// difference), and the coverage — parts compared of parts the plan states — is kept.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "compare/comparison.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::compare {
namespace {

using vocabulary::incorporated_form;
using vocabulary::unincorporated_form;

double form_score(const std::string& a, const std::string& b) {
  if (a == b) return 1;
  if ((incorporated_form(a) && incorporated_form(b)) || (unincorporated_form(a) && unincorporated_form(b))) return 0.5;
  return 0;
}

std::optional<SourcedValue> figure_of(const Precedent& p, std::string_view name) {
  const Field* f = p.field(name);
  if (!f) return std::nullopt;
  return sourced(*f);
}

// Which precedents' pages hold each word, and where.
struct WordHits {
  std::set<size_t> owners;
  std::map<size_t, std::vector<std::string>> urls;
};

}  // namespace

SourcedValue sourced(const Field& f) {
  SourcedValue v;
  v.field = f.name;
  if (f.state == ValueState::stated) v.value = f.number;
  v.state = f.state;
  v.approximate = f.approximate;
  v.period = f.period;
  v.text = f.text;
  v.items = f.items;
  v.raw = f.raw;
  v.as_of = f.as_of;
  v.url = f.provenance.url;
  v.sentence = f.provenance.sentence;
  v.flags = f.flags;
  return v;
}

std::vector<Similar> rank_similar(const Plan& plan, const std::vector<Precedent>& precedents, IssueSearch& search) {
  const Weights& w = plan.weights;
  const double n = static_cast<double>(precedents.size());

  // Words of each issue, and the precedents whose pages hold each word.
  std::vector<std::pair<std::string, std::vector<std::string>>> issue_words;
  std::map<std::string, WordHits> hits;
  for (const auto& issue : plan.plan.issues) {
    auto words = search.words(issue);
    std::vector<std::string> unique;
    for (auto& word : words)
      if (std::find(unique.begin(), unique.end(), word) == unique.end()) unique.push_back(word);
    for (const auto& word : unique) {
      if (hits.count(word)) continue;
      WordHits& h = hits[word];
      for (const auto& rec : search.records_with(word)) {
        auto owner = owner_of(rec, precedents);
        if (!owner) continue;
        h.owners.insert(*owner);
        auto& u = h.urls[*owner];
        if (std::find(u.begin(), u.end(), rec.url) == u.end()) u.push_back(rec.url);
      }
    }
    if (!unique.empty()) issue_words.emplace_back(issue, std::move(unique));
  }
  auto idf = [&](const std::string& word) {
    double df = static_cast<double>(hits[word].owners.size());
    return std::log(1 + (n - df + 0.5) / (df + 0.5));
  };

  std::vector<Similar> out;
  for (size_t i = 0; i < precedents.size(); ++i) {
    const Precedent& p = precedents[i];
    Similar s;
    s.precedent = i;
    double weighted = 0, weights = 0;
    auto part = [&](std::string name, bool plan_has, std::optional<double> score, double weight,
                    std::optional<SourcedValue> figure) {
      SimilarityPart sp{std::move(name), score, weight, std::move(figure)};
      if (plan_has && weight > 0) {
        ++s.plan_parts;
        if (score) {
          ++s.compared_parts;
          weights += weight;
          weighted += weight * *score;
        }
      }
      s.parts.push_back(std::move(sp));
    };

    auto pop = p.number("population");
    part("population", true,
         pop && *pop > 0 ? std::optional<double>(std::max(0.0, 1 - std::fabs(std::log(plan.region.population / *pop)) / std::log(10.0)))
                         : std::nullopt,
         w.population, figure_of(p, "population"));
    auto aging = p.number("aging_rate");
    part("aging_rate", plan.region.aging_rate.has_value(),
         aging && plan.region.aging_rate ? std::optional<double>(std::max(0.0, 1 - std::fabs(*plan.region.aging_rate - *aging) / 0.10))
                                         : std::nullopt,
         w.aging_rate, figure_of(p, "aging_rate"));
    std::string scope = p.text("area_scope");
    part("scope", true, scope.empty() ? std::nullopt : std::optional<double>(scope == plan.region.scope ? 1 : 0), w.scope,
         figure_of(p, "area_scope"));
    std::string form = p.text("operator_form");
    part("operator_form", true, form.empty() ? std::nullopt : std::optional<double>(form_score(plan.plan.operator_form, form)),
         w.operator_form, figure_of(p, "operator_form"));

    double coverage_sum = 0;
    for (const auto& [issue, words] : issue_words) {
      IssueMatch m;
      m.issue = issue;
      m.words = words;
      double total = 0, found = 0;
      for (const auto& word : words) {
        const WordHits& h = hits[word];
        bool here = h.owners.count(i) > 0;
        double weight = idf(word);
        m.weights.push_back(weight);
        m.found.push_back(here);
        total += weight;
        if (here) {
          found += weight;
          for (const auto& u : h.urls.at(i))
            if (std::find(m.urls.begin(), m.urls.end(), u) == m.urls.end()) m.urls.push_back(u);
        }
      }
      m.coverage = total > 0 ? found / total : 0;
      coverage_sum += m.coverage;
      s.issues.push_back(std::move(m));
    }
    part("issues", !issue_words.empty(),
         issue_words.empty() ? std::nullopt : std::optional<double>(coverage_sum / static_cast<double>(issue_words.size())),
         w.issues, std::nullopt);

    s.similarity = weights > 0 ? weighted / weights : 0;
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const Similar& a, const Similar& b) { return a.similarity > b.similarity; });
  return out;
}

}  // namespace senrei::compare
