// JSON of a comparison (docs/json.md, "senrei compare --format json"): numbers and keywords,
// no language; absent values are omitted, never null.
#include <ostream>

#include <nlohmann/json.hpp>

#include "compare/national.hpp"
#include "report/report.hpp"

namespace senrei::report {
namespace {

using nlohmann::json;
using namespace senrei::compare;

constexpr int kCompareSchemaVersion = 1;

template <class T>
void put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
void put(json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

json to_json(const SourcedValue& v) {
  json j;
  j["field"] = v.field;
  put(j, "value", v.value);
  if (v.state != ValueState::stated) j["state"] = std::string(to_string(v.state));
  if (v.approximate) j["approximate"] = true;
  put(j, "period", v.period);
  put(j, "text", v.text);
  if (!v.items.empty()) j["items"] = v.items;
  put(j, "raw", v.raw);
  put(j, "as_of", v.as_of);
  put(j, "url", v.url);
  put(j, "sentence", v.sentence);
  if (!v.flags.empty()) j["flags"] = v.flags;
  return j;
}

json precedent_ref(const Comparison& c, size_t i) {
  const auto& p = c.precedents[i];
  return {{"id", p.record.id}, {"name", p.name}, {"url", p.record.url}};
}

json plan_json(const Plan& p) {
  json region = {{"name", p.region.name}, {"population", p.region.population}, {"scope", p.region.scope}};
  put(region, "prefecture", p.region.prefecture);
  put(region, "aging_rate", p.region.aging_rate);
  if (!p.region.secondary_areas.empty()) region["secondary_areas"] = p.region.secondary_areas;
  put(region, "hospitals", p.region.hospitals);
  put(region, "clinics", p.region.clinics);
  const auto& n = p.plan;
  json plan = {{"operator_form", n.operator_form}, {"start_year", n.start_year}, {"issues", n.issues}};
  put(plan, "network_name", n.network_name);
  put(plan, "operator_name", n.operator_name);
  put(plan, "promoter_type", n.promoter_type);
  if (!n.services.empty()) plan["services"] = n.services;
  if (!n.standards.empty()) plan["standards"] = n.standards;
  put(plan, "consent_method", n.consent_method);
  put(plan, "target_institutions", n.target_institutions);
  put(plan, "target_hospitals", n.target_hospitals);
  put(plan, "target_clinics", n.target_clinics);
  put(plan, "target_patients", n.target_patients);
  put(plan, "target_year", n.target_year);
  put(plan, "usage_monitoring", n.usage_monitoring);
  put(plan, "acceptance_test_planned", n.acceptance_test_planned);
  put(plan, "renewal_year", n.renewal_year);
  const auto& b = p.budget;
  json budget = {{"build_cost_yen", b.build_cost_yen},
                 {"build_cost_includes_data_output", b.build_cost_includes_data_output},
                 {"running_cost_yen", b.running_cost_yen},
                 {"running_cost_period", b.running_cost_period},
                 {"funding", json::array()},
                 {"fees", json::array()}};
  put(budget, "renewal_reserve_yen_per_year", b.renewal_reserve_yen_per_year);
  for (const auto& f : b.funding) {
    json j = {{"source", f.source}, {"use", f.use}, {"amount_yen", f.amount_yen}, {"period", f.period}};
    put(j, "name", f.name);
    put(j, "from_year", f.from_year);
    put(j, "until_year", f.until_year);
    budget["funding"].push_back(j);
  }
  for (const auto& f : b.fees) {
    json j = {{"payer_type", f.payer_type}, {"yen", f.yen}, {"period", f.period}};
    put(j, "label", f.label);
    put(j, "expected_payers", f.expected_payers);
    budget["fees"].push_back(j);
  }
  const auto& w = p.weights;
  json weights = {{"score", {{"similarity", w.similarity}, {"achievements", w.achievements}, {"risk_checks", w.risk_checks}, {"budget", w.budget}}},
                  {"similarity",
                   {{"population", w.population}, {"aging_rate", w.aging_rate}, {"scope", w.scope}, {"operator_form", w.operator_form}, {"issues", w.issues}}}};
  json comparison = {{"min_figures", p.comparison.min_figures}, {"similar_precedents", p.comparison.similar_precedents}};
  json projection = {{"years", p.projection.years}, {"renewal_interval_years", p.projection.renewal_interval_years}};
  put(projection, "start_year", p.projection.start_year);
  put(projection, "renewal_cost_yen", p.projection.renewal_cost_yen);
  put(projection, "renewal_cost_share", p.projection.renewal_cost_share);
  return {{"file", p.file},         {"region", region},         {"plan", plan},           {"budget", budget},
          {"weights", weights},     {"comparison", comparison}, {"projection", projection}};
}

json achievement_json(const Comparison& c, const Achievement& a) {
  json j = precedent_ref(c, a.precedent);
  put(j, "start_year", a.start_year);
  put(j, "as_of", a.as_of);
  put(j, "years_running", a.years_running);
  if (a.population) j["population"] = to_json(*a.population);
  if (a.institutions) j["institutions"] = to_json(*a.institutions);
  if (a.patients) j["patients"] = to_json(*a.patients);
  put(j, "institutions_per_100k", a.institutions_per_100k);
  put(j, "patients_per_100k", a.patients_per_100k);
  return j;
}

}  // namespace

void write_json(const Comparison& c, std::ostream& out) {
  json j;
  j["schema"] = kCompareSchemaVersion;
  j["plan"] = plan_json(c.plan);
  j["options"] = {{"top", c.options.top}, {"include_incomparable", c.options.include_incomparable}};
  j["precedents"] = json::array();
  for (size_t i = 0; i < c.precedents.size(); ++i) {
    json p = precedent_ref(c, i);
    const auto& pr = c.precedents[i];
    put(p, "prefecture", pr.text("prefecture"));
    put(p, "operator_form", pr.text("operator_form"));
    put(p, "area_scope", pr.text("area_scope"));
    put(p, "start_year", pr.start_year());
    j["precedents"].push_back(p);
  }

  json score = {{"total", c.score.total},
                {"precedents_compared", c.score.precedents_compared},
                {"min_figures", c.score.min_figures},
                {"confidence", {{"level", c.score.confidence.level}, {"reasons", json::array()}}},
                {"parts", json::array()}};
  for (const auto& r : c.score.confidence.reasons) {
    json x = {{"id", r.id}, {"count", r.count}};
    put(x, "detail", r.detail);
    score["confidence"]["reasons"].push_back(x);
  }
  for (const auto& p : c.score.parts) {
    json part = {{"name", p.name}, {"weight", p.weight}, {"share", p.share}, {"figures", p.figures}};
    put(part, "score", p.score);
    put(part, "left_out", p.left_out);
    score["parts"].push_back(part);
  }
  j["score"] = score;
  j["comparison_set"] = json::array();
  for (const auto& s : c.comparison_set) j["comparison_set"].push_back(precedent_ref(c, s.precedent));

  const auto& pr = c.projection;
  json projection = {{"start_year", pr.start_year},
                     {"years", pr.years},
                     {"renewal_interval_years", pr.renewal_interval_years},
                     {"renewal_basis", pr.renewal_basis},
                     {"rows", json::array()}};
  put(projection, "renewal_cost_yen", pr.renewal_cost);
  put(projection, "first_negative_year", pr.first_negative_year);
  if (pr.first_negative_year) projection["first_negative_cumulative_yen"] = pr.first_negative_cumulative;
  put(projection, "first_gap_year", pr.first_gap_year);
  for (const auto& y : pr.rows)
    projection["rows"].push_back({{"year", y.year}, {"build_yen", y.build}, {"running_yen", y.running},
                                  {"renewal_yen", y.renewal}, {"funding_yen", y.funding}, {"income_yen", y.income},
                                  {"cost_yen", y.cost}, {"balance_yen", y.balance}, {"cumulative_yen", y.cumulative}});
  j["projection"] = projection;

  j["national"] = json::array();
  for (const auto& f : c.options.national) {
    json x = {{"id", f.id}, {"source_ja", f.source_ja}, {"source_en", f.source_en}, {"year", f.year},
              {"text_ja", f.text_ja}, {"text_en", f.text_en}};
    put(x, "url", f.url);
    put(x, "metric", f.metric);
    put(x, "value", f.value);
    if (f.approximate) x["approximate"] = true;
    j["national"].push_back(x);
  }

  j["similar"] = json::array();
  int rank = 0;
  for (const auto& s : c.similar) {
    json x = precedent_ref(c, s.precedent);
    x["rank"] = ++rank;
    x["similarity"] = s.similarity;
    x["plan_parts"] = s.plan_parts;
    x["compared_parts"] = s.compared_parts;
    x["parts"] = json::array();
    for (const auto& p : s.parts) {
      json part = {{"name", p.name}, {"weight", p.weight}};
      put(part, "score", p.score);
      if (p.figure) part["figure"] = to_json(*p.figure);
      x["parts"].push_back(part);
    }
    x["issues"] = json::array();
    for (const auto& m : s.issues)
      x["issues"].push_back({{"issue", m.issue}, {"words", m.words}, {"weights", m.weights}, {"found", m.found},
                             {"coverage", m.coverage}, {"urls", m.urls}});
    j["similar"].push_back(x);
  }

  json targets = json::object();
  put(targets, "institutions_per_100k", c.targets.institutions_per_100k);
  put(targets, "patients_per_100k", c.targets.patients_per_100k);
  put(targets, "years_to_target", c.targets.years_to_target);
  j["targets"] = targets;
  j["achievements"] = json::array();
  for (const auto& a : c.all_achievements) j["achievements"].push_back(achievement_json(c, a));

  j["checks"] = json::array();
  for (const auto& ch : c.checks) {
    json x = {{"id", ch.id}, {"result", std::string(to_string(ch.result))}, {"values", ch.values}, {"evidence", json::array()}};
    for (const auto& e : ch.evidence) {
      if (const auto* f = national_figure(c.options.national, e.national)) {
        x["evidence"].push_back({{"national", f->id}, {"source_ja", f->source_ja}, {"text_ja", f->text_ja},
                                 {"source_en", f->source_en}, {"text_en", f->text_en}});
      } else if (e.precedent && e.figure) {
        json p = precedent_ref(c, *e.precedent);
        p["figure"] = to_json(*e.figure);
        x["evidence"].push_back({{"precedent", p}});
      }
    }
    j["checks"].push_back(x);
  }

  j["benchmarks"] = json::array();
  for (const auto& bm : c.benchmarks) {
    json x = {{"metric", bm.metric}, {"unit", bm.unit}, {"plan_numerator", bm.plan_numerator}, {"used", bm.used},
              {"incomparable", bm.incomparable}, {"figures", json::array()}};
    put(x, "plan", bm.plan);
    put(x, "plan_denominator", bm.plan_denominator);
    put(x, "median", bm.median);
    put(x, "min", bm.min);
    put(x, "max", bm.max);
    put(x, "percentile", bm.percentile);
    if (bm.withheld) x["withheld"] = true;
    for (const auto& f : bm.figures) {
      json fig = {{"precedent", precedent_ref(c, f.precedent)}, {"numerator", to_json(f.numerator)},
                  {"incomparable", f.incomparable}, {"used", f.used}};
      put(fig, "value", f.value);
      if (f.denominator) fig["denominator"] = to_json(*f.denominator);
      if (f.converted_from_month) fig["converted_from_month"] = true;
      x["figures"].push_back(fig);
    }
    j["benchmarks"].push_back(x);
  }

  j["funding"] = json::array();
  for (const auto& m : c.funding) {
    json x = {{"source", m.source}, {"time_limited", m.time_limited}, {"plan_build_yen", m.plan_build},
              {"plan_running_yen_per_year", m.plan_running}, {"plan_build_share", m.plan_build_share},
              {"plan_running_share", m.plan_running_share}, {"plan_names", m.plan_names}, {"precedents", json::array()}};
    for (const auto& [i, v] : m.precedents) {
      json p = precedent_ref(c, i);
      p["figure"] = to_json(v);
      x["precedents"].push_back(p);
    }
    j["funding"].push_back(x);
  }
  j["fees"] = json::array();
  for (const auto& f : c.fees) {
    json x = json::object();
    if (f.precedent) x["precedent"] = precedent_ref(c, *f.precedent);
    else x["plan"] = true;
    put(x, "payer_type", f.payer_type);
    put(x, "label", f.label);
    put(x, "yen", f.yen);
    put(x, "period", f.period);
    put(x, "expected_payers", f.expected_payers);
    if (f.figure) x["figure"] = to_json(*f.figure);
    j["fees"].push_back(x);
  }
  j["operator_forms"] = json::array();
  for (const auto& row : c.operator_forms) {
    json x = {{"form", row.form}, {"plan", row.plan}, {"precedents", json::array()}};
    for (const auto& [i, v] : row.precedents) {
      json p = precedent_ref(c, i);
      p["figure"] = to_json(v);
      x["precedents"].push_back(p);
    }
    j["operator_forms"].push_back(x);
  }
  out << j.dump(2) << "\n";
}

}  // namespace senrei::report
