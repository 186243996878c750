// read_plan(): the TOML plan file → Plan, strictly (docs/plan.md).
//
// Every table is read through a Section that knows its keys: a key it does not know is an
// error at that key's line (with the nearest known key suggested), so a misspelt
// `runing_cost_yen` is never silently ignored.  Keyword values go through senrei::ja's
// normalizers, so the plan accepts the same Japanese a page would (一般社団法人, 県費, 二次医療圏).
#include "compare/plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>

#include <toml++/toml.h>

#include "compare/plan_text.hpp"
#include "ja/nearest.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"
#include "toml/toml_guard.hpp"

namespace senrei::compare {
namespace {

// Text from the file (a quoted value, TOML's own error text) goes into messages through
// ja::one_line (a line break there made two-line errors: found by tests/fuzz/fuzz_plan.cpp).
using ja::one_line;

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "a date";
    default: return "nothing";
  }
}

class Section {
 public:
  // Refuses keys not in `known` at once.
  Section(const std::string& file, const toml::table& table, std::string path, std::vector<std::string_view> known)
      : file_(file), table_(table), path_(std::move(path)) {
    for (auto&& [k, v] : table_) {
      if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
      const auto best = ja::nearest(k.str(), known);
      std::string hint = !best ? "expected one of " + join(known) : "did you mean '" + *best + "'?";
      fail_at(k.source(), key_path(k.str()), "unknown key: " + hint + " (docs/plan.md)");
    }
  }

  std::string key_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  [[noreturn]] void fail_at(const toml::source_region& at, const std::string& key, const std::string& what) const {
    unsigned line = at.begin.line ? at.begin.line : 1;
    throw PlanError(file_ + ":" + std::to_string(line) + ": key '" + one_line(key) + "': " + one_line(what));
  }
  [[noreturn]] void fail(std::string_view key, const std::string& what) const {
    const toml::node* n = table_.get(key);
    fail_at(n ? n->source() : table_.source(), key_path(key), what);
  }

  const toml::node* node(std::string_view key) const { return table_.get(key); }
  const std::string& file() const { return file_; }

  std::optional<std::string> string(std::string_view key) const {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) fail(key, "expected a string, not " + type_name(*n));
    return n->as_string()->get();
  }

  std::vector<std::string> strings(std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* n = node(key);
    if (!n) return out;
    if (!n->is_array()) fail(key, "expected an array of strings, not " + type_name(*n));
    for (const auto& item : *n->as_array()) {
      if (!item.is_string()) fail(key, "expected an array of strings, but an item is " + type_name(item));
      out.push_back(item.as_string()->get());
    }
    return out;
  }

  std::optional<bool> boolean(std::string_view key) const {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) fail(key, "expected true or false, not " + type_name(*n));
    return n->as_boolean()->get();
  }

  // A number, or Japanese text that `parse` reads ("約95万人").  `what` names what is expected.
  // `whole`: an integer key, where a TOML float (95000.0, 1e308) is refused, not read as a
  // count (F10 of the reliability report).  Every value must lie within ±2^53, where a double
  // holds each whole number exactly: a larger one is refused, never rounded.
  std::optional<double> number(std::string_view key, const std::string& what,
                               const std::function<std::optional<double>(const std::string&)>& parse = {},
                               bool whole = false) const {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    constexpr int64_t kExact = int64_t{1} << 53;
    auto too_large = [&](const std::string& written) {
      fail(key, "expected " + what + ", not " + written + ": numbers beyond 2^53 (9,007,199,254,740,992) cannot be " +
                    "kept exactly, so they are refused rather than rounded");
    };
    if (n->is_integer()) {
      int64_t i = n->as_integer()->get();
      if (i > kExact || i < -kExact) too_large(std::to_string(i));
      return static_cast<double>(i);
    }
    if (n->is_floating_point()) {
      double v = n->as_floating_point()->get();
      if (!std::isfinite(v)) fail(key, "expected " + what + ", not " + std::to_string(v));
      if (whole)
        fail(key, "expected " + what + " written as an integer (e.g. 950000), not the decimal number " + format(v));
      if (std::fabs(v) > static_cast<double>(kExact)) too_large(format(v));
      return v;
    }
    if (n->is_string() && parse) {
      if (auto v = parse(n->as_string()->get())) {
        if (!std::isfinite(*v) || std::fabs(*v) > static_cast<double>(kExact)) too_large("'" + n->as_string()->get() + "'");
        return v;
      }
      fail(key, "expected " + what + ", but '" + n->as_string()->get() + "' holds none");
    }
    fail(key, "expected " + what + ", not " + type_name(*n));
  }

  // A count of persons or institutions: a whole number ≥ 0 (or "約95万人").
  std::optional<double> count(std::string_view key) const {
    auto v = number(key, "a whole number (or Japanese such as 約95万人)", [](const std::string& s) -> std::optional<double> {
      auto c = ja::parse_population(s);
      if (!c || !c->value) return std::nullopt;
      return c->value;
    }, /*whole=*/true);
    if (v && (*v < 0 || std::floor(*v) != *v)) fail(key, "expected a whole number ≥ 0, not " + format(*v));
    return v;
  }

  // Yen ≥ 0: a number, or Japanese money text ("4億8,000万円").  `period` receives the period a
  // text states (年額, /年, 月額), when asked for.
  std::optional<double> money(std::string_view key, std::string* period = nullptr) const {
    const toml::node* n = node(key);
    if (n && n->is_string()) {
      const std::string& s = n->as_string()->get();
      auto m = ja::parse_money(s);
      if (!m || m->state != ValueState::stated || !m->yen)
        fail(key, "expected an amount of yen ≥ 0 (a number, or text such as \"4億8,000万円\"), but '" + s + "' holds none");
      if (m->yen_high) fail(key, "expected one amount of yen, not the range '" + s + "'");
      if (period && (m->period == "year" || m->period == "month")) *period = m->period;
      if (*m->yen < 0) fail(key, "expected an amount of yen ≥ 0, not " + s);
      if (*m->yen > 9007199254740992.0)  // 2^53, as number() (F10)
        fail(key, "expected an amount of yen, not '" + s + "': numbers beyond 2^53 cannot be kept exactly, so they are refused rather than rounded");
      return m->yen;
    }
    auto v = number(key, "an amount of yen ≥ 0 (a number, or text such as \"4億8,000万円\")");
    if (v && *v < 0) fail(key, "expected an amount of yen ≥ 0, not " + format(*v) + " (costs cannot be negative)");
    return v;
  }

  std::optional<int> year(std::string_view key) const {
    auto v = number(key, "a year (2027, or 令和9年)", [](const std::string& s) -> std::optional<double> {
      if (auto y = ja::parse_year(s)) return *y;
      return std::nullopt;
    }, /*whole=*/true);
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v || *v < 1900 || *v > 2200) fail(key, "expected a year between 1900 and 2200, not " + format(*v));
    return static_cast<int>(*v);
  }

  // A keyword: `normalize` maps the text (English keyword or Japanese) to one keyword.
  std::optional<std::string> keyword(std::string_view key, const std::string& expected,
                                     const std::function<std::optional<std::string>(const std::string&)>& normalize) const {
    auto s = string(key);
    if (!s) return std::nullopt;
    if (auto k = normalize(*s)) return k;
    fail(key, "expected " + expected + ", not '" + *s + "'");
  }

  template <class T>
  T required(std::optional<T> v, std::string_view key, const std::string& what) const {
    if (!v) fail_at(table_.source(), key_path(key), "missing: expected " + what + " (docs/plan.md)");
    return *std::move(v);
  }

  static std::string format(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
  }

 private:
  static std::string join(const std::vector<std::string_view>& words) {
    std::string out;
    for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
    return out;
  }

  const std::string& file_;
  const toml::table& table_;
  std::string path_;
};

// A section that must be a table: [region], [plan], [budget].
const toml::table& table_at(const Section& parent, std::string_view key, bool required_section) {
  static const toml::table empty;
  const toml::node* n = parent.node(key);
  if (!n) {
    if (!required_section) return empty;
    throw PlanError(parent.file() + ":1: key '" + parent.key_path(key) + "': missing section: expected a [" +
                    std::string(key) + "] table (docs/plan.md)");
  }
  if (!n->is_table()) parent.fail(key, "expected a table [" + std::string(key) + "], not " + type_name(*n));
  return *n->as_table();
}

// The keyword of `allowed` (a concept of senrei/vocabulary.hpp) that `s` is, written as the
// keyword or its Japanese label (年額 for year).
std::optional<std::string> term_of(vocabulary::Concept concept_, const std::string& s,
                                   std::initializer_list<std::string_view> allowed) {
  const std::string folded = ja::fold(s);
  for (std::string_view keyword : allowed)
    if (const auto* t = vocabulary::find(concept_, keyword); t && (folded == t->keyword || folded == ja::fold(std::string(t->ja))))
      return std::string(t->keyword);
  return std::nullopt;
}

// "a, b, c or d": a concept's keywords in the vocabulary's order (for the messages of a bad value).
std::string keywords_of(vocabulary::Concept concept_, bool (*left_out)(std::string_view) = nullptr) {
  std::vector<std::string_view> keywords;
  for (const auto& t : vocabulary::terms(concept_))
    if (!left_out || !left_out(t.keyword)) keywords.push_back(t.keyword);
  std::string out;
  for (size_t i = 0; i < keywords.size(); ++i)
    out += (i == 0 ? "" : i + 1 == keywords.size() ? " or " : ", ") + std::string(keywords[i]);
  return out;
}

// Institution kinds that are roles (開示/閲覧), not kinds of institution a fee is paid by.
bool is_role(std::string_view kind) { return kind == "disclosing" || kind == "viewing"; }

std::optional<std::string> one_of(const std::string& s, std::initializer_list<std::pair<const char*, const char*>> words) {
  const std::string folded = ja::fold(s);
  for (auto [keyword, japanese] : words)
    if (folded == keyword || folded == ja::fold(japanese)) return std::string(keyword);
  return std::nullopt;
}

Region read_region(const Section& top) {
  Section s(top.file(), table_at(top, "region", true), "region",
            {"name", "prefecture", "population", "aging_rate", "scope", "secondary_areas", "hospitals", "clinics"});
  Region r;
  r.name = s.required(s.string("name"), "name", "the region's name as a string");
  r.prefecture = s.string("prefecture").value_or("");
  r.population = s.required(s.count("population"), "population", "the population served (persons)");
  if (r.population <= 0) s.fail("population", "expected a population > 0");
  r.aging_rate = s.number("aging_rate", "a fraction between 0 and 1 (0.31), or text such as \"31%\"",
                          [](const std::string& t) { return ja::parse_rate(t); });
  if (r.aging_rate && (*r.aging_rate < 0 || *r.aging_rate > 1))
    s.fail("aging_rate", "expected a fraction between 0 and 1 (31% is 0.31), not " + Section::format(*r.aging_rate));
  r.scope = s.required(s.keyword("scope", "prefecture, secondary_area, municipal or multi_area (or 全県, 二次医療圏, …)",
                                 [](const std::string& t) { return ja::parse_area_scope(t); }),
                       "scope", "prefecture, secondary_area, municipal or multi_area");
  r.secondary_areas = s.strings("secondary_areas");
  r.hospitals = s.count("hospitals");
  r.clinics = s.count("clinics");
  return r;
}

NetworkPlan read_network_plan(const Section& top) {
  Section s(top.file(), table_at(top, "plan", true), "plan",
            {"network_name", "operator_name", "operator_form", "promoter_type", "start_year", "issues", "services",
             "standards", "consent_method", "target_institutions", "target_hospitals", "target_clinics",
             "target_patients", "target_year", "usage_monitoring", "acceptance_test_planned", "renewal_year"});
  NetworkPlan p;
  p.network_name = s.string("network_name").value_or("");
  p.operator_name = s.string("operator_name").value_or("");
  const std::string forms = "an operator form: " + keywords_of(vocabulary::Concept::operator_form) +
                            " (or 一般社団法人, 特定非営利活動法人, …)";
  p.operator_form = s.required(s.keyword("operator_form", forms, [](const std::string& t) { return ja::parse_operator_form(t); }),
                               "operator_form", forms);
  p.promoter_type = s.keyword("promoter_type", "prefecture, medical_association or core_hospital (or 県, 医師会, 中核病院)",
                              [](const std::string& t) -> std::optional<std::string> {
                                if (auto k = one_of(t, {{"core_hospital", "中核病院"}})) return k;
                                auto form = ja::parse_operator_form(t);
                                if (form == "prefecture" || form == "medical_association") return form;
                                if (form == "hospital" || form == "university") return "core_hospital";
                                return std::nullopt;
                              })
                        .value_or("");
  p.start_year = s.required(s.year("start_year"), "start_year", "the year the network starts operating (2027)");
  p.issues = s.strings("issues");
  p.services = s.strings("services");
  p.standards = s.strings("standards");
  p.consent_method = s.keyword("consent_method", "bulk, per_facility or list (or 一括同意, 施設ごと, リスト)",
                               [](const std::string& t) { return ja::parse_consent_method(t); })
                         .value_or("");
  p.target_institutions = s.count("target_institutions");
  p.target_hospitals = s.count("target_hospitals");
  p.target_clinics = s.count("target_clinics");
  p.target_patients = s.count("target_patients");
  p.target_year = s.year("target_year");
  p.usage_monitoring = s.boolean("usage_monitoring");
  p.acceptance_test_planned = s.boolean("acceptance_test_planned");
  p.renewal_year = s.year("renewal_year");
  if (p.target_year && *p.target_year < p.start_year)
    s.fail("target_year", "expected a year not before start_year " + std::to_string(p.start_year));
  if (p.renewal_year && *p.renewal_year <= p.start_year)
    s.fail("renewal_year", "expected a year after start_year " + std::to_string(p.start_year));
  return p;
}

// Each element of an array of tables ([[budget.funding]]), read by `read`.
template <class T, class F>
std::vector<T> read_array(const Section& parent, std::string_view key, F read) {
  std::vector<T> out;
  const toml::node* n = parent.node(key);
  if (!n) return out;
  if (!n->is_array_of_tables()) parent.fail(key, "expected [[" + parent.key_path(key) + "]] tables, not " + type_name(*n));
  size_t i = 0;
  for (const auto& item : *n->as_array()) {
    std::string path = parent.key_path(key) + "[" + std::to_string(++i) + "]";
    out.push_back(read(*item.as_table(), path));
  }
  return out;
}

Budget read_budget(const Section& top) {
  Section s(top.file(), table_at(top, "budget", true), "budget",
            {"build_cost_yen", "build_cost_includes_data_output", "running_cost_yen", "running_cost_period",
             "renewal_reserve_yen_per_year", "funding", "fees"});
  Budget b;
  b.build_cost_yen = s.required(s.money("build_cost_yen"), "build_cost_yen", "the build cost in yen");
  b.build_cost_includes_data_output =
      s.required(s.boolean("build_cost_includes_data_output"), "build_cost_includes_data_output",
                 "true or false: whether the build cost includes each institution's data-output work "
                 "(データ出力対応費); precedents are compared only with the same basis");
  std::string stated_period;
  b.running_cost_yen = s.required(s.money("running_cost_yen", &stated_period), "running_cost_yen", "the running cost in yen");
  auto period = s.keyword("running_cost_period", "year or month (or 年額, 月額)", [](const std::string& t) {
    return term_of(vocabulary::Concept::period, t, {"year", "month"});
  });
  if (!period && stated_period.empty())
    s.fail_at(s.node("running_cost_yen")->source(), "budget.running_cost_period",
              "missing: expected year or month, the period of running_cost_yen (docs/plan.md)");
  b.running_cost_period = period.value_or(stated_period);
  b.renewal_reserve_yen_per_year = s.money("renewal_reserve_yen_per_year");

  const std::string sources = "a funding source: " + keywords_of(vocabulary::Concept::funding_source) +
                              " (or 地域医療介護総合確保基金, 県費, 会費, …)";
  b.funding = read_array<Funding>(s, "funding", [&](const toml::table& t, const std::string& path) {
    Section f(s.file(), t, path, {"source", "name", "use", "amount_yen", "period", "from_year", "until_year"});
    Funding out;
    out.source = f.required(f.keyword("source", sources,
                                      [](const std::string& text) -> std::optional<std::string> {
                                        auto found = ja::parse_funding_sources(text);
                                        if (found.size() != 1) return std::nullopt;
                                        return found[0];
                                      }),
                            "source", sources);
    out.name = f.string("name").value_or("");
    out.use = f.required(f.keyword("use", "build or running (or 構築, 運用)",
                                   [](const std::string& text) { return one_of(text, {{"build", "構築"}, {"running", "運用"}}); }),
                         "use", "build or running");
    std::string stated;
    out.amount_yen = f.required(f.money("amount_yen", &stated), "amount_yen", "the amount in yen");
    auto p = f.keyword("period", "once or year (or 一度, 年額)", [](const std::string& text) {
      return term_of(vocabulary::Concept::period, text, {"once", "year"});
    });
    out.period = p.value_or(stated == "year" ? "year" : (out.use == "build" ? "once" : "year"));
    if (out.use == "running" && out.period != "year")
      f.fail("period", "expected year: running funding is counted per year");
    out.from_year = f.year("from_year");
    out.until_year = f.year("until_year");
    if ((out.from_year || out.until_year) && out.use != "running")
      f.fail(out.from_year ? "from_year" : "until_year", "expected only on running funding (use = \"running\")");
    if (out.from_year && out.until_year && *out.until_year < *out.from_year)
      f.fail("until_year", "expected a year not before from_year " + std::to_string(*out.from_year));
    return out;
  });
  b.fees = read_array<Fee>(s, "fees", [&](const toml::table& t, const std::string& path) {
    Section f(s.file(), t, path, {"payer_type", "label", "yen", "period", "expected_payers"});
    Fee out;
    const std::string kinds = keywords_of(vocabulary::Concept::institution_kind, is_role) + " (or 病院, 診療所, 薬局, …)";
    out.payer_type = f.required(f.keyword("payer_type", kinds, institution_kind), "payer_type", kinds);
    out.label = f.string("label").value_or("");
    std::string stated;
    out.yen = f.required(f.money("yen", &stated), "yen", "the fee in yen");
    auto p = f.keyword("period", "year or month (or 年額, 月額)",
                       [](const std::string& text) { return term_of(vocabulary::Concept::period, text, {"year", "month"}); });
    if (!p && stated.empty()) f.fail_at(t.source(), path + ".period", "missing: expected year or month (docs/plan.md)");
    out.period = p.value_or(stated);
    out.expected_payers = f.count("expected_payers");
    return out;
  });
  return b;
}

Weights read_weights(const Section& top) {
  Weights w;
  const toml::table& t = table_at(top, "weights", false);
  Section s(top.file(), t, "weights", {"score", "similarity"});
  auto weight = [](const Section& sec, std::string_view key, double& into) {
    if (auto v = sec.number(key, "a weight ≥ 0")) {
      if (*v < 0) sec.fail(key, "expected a weight ≥ 0, not " + Section::format(*v));
      into = *v;
    }
  };
  Section score(top.file(), table_at(s, "score", false), "weights.score", {"similarity", "achievements", "risk_checks", "budget"});
  weight(score, "similarity", w.similarity);
  weight(score, "achievements", w.achievements);
  weight(score, "risk_checks", w.risk_checks);
  weight(score, "budget", w.budget);
  if (w.similarity + w.achievements + w.risk_checks + w.budget <= 0)
    score.fail_at(score.node("budget") ? score.node("budget")->source() : t.source(), "weights.score",
                  "expected at least one weight > 0");
  Section sim(top.file(), table_at(s, "similarity", false), "weights.similarity",
              {"population", "aging_rate", "scope", "operator_form", "issues"});
  weight(sim, "population", w.population);
  weight(sim, "aging_rate", w.aging_rate);
  weight(sim, "scope", w.scope);
  weight(sim, "operator_form", w.operator_form);
  weight(sim, "issues", w.issues);
  if (w.population + w.aging_rate + w.scope + w.operator_form + w.issues <= 0)
    sim.fail_at(t.source(), "weights.similarity", "expected at least one weight > 0");
  return w;
}

// A whole number in [low, high] (a count of years or precedents).
std::optional<int> whole(const Section& s, std::string_view key, int low, int high) {
  auto v = s.number(key, "a whole number between " + std::to_string(low) + " and " + std::to_string(high));
  if (!v) return std::nullopt;
  if (std::floor(*v) != *v || *v < low || *v > high)
    s.fail(key, "expected a whole number between " + std::to_string(low) + " and " + std::to_string(high) + ", not " +
                    Section::format(*v));
  return static_cast<int>(*v);
}

ComparisonSettings read_comparison(const Section& top) {
  ComparisonSettings c;
  Section s(top.file(), table_at(top, "comparison", false), "comparison", {"min_figures", "similar_precedents"});
  c.min_figures = whole(s, "min_figures", 3, 1000).value_or(c.min_figures);
  c.similar_precedents = whole(s, "similar_precedents", 1, 1000).value_or(c.similar_precedents);
  return c;
}

ProjectionSettings read_projection(const Section& top, int plan_start) {
  ProjectionSettings p;
  Section s(top.file(), table_at(top, "projection", false), "projection",
            {"start_year", "years", "renewal_interval_years", "renewal_cost_yen", "renewal_cost_share"});
  p.start_year = s.year("start_year");
  p.years = whole(s, "years", 1, 50).value_or(p.years);
  p.renewal_interval_years = whole(s, "renewal_interval_years", 1, 50).value_or(p.renewal_interval_years);
  p.renewal_cost_yen = s.money("renewal_cost_yen");
  p.renewal_cost_share = s.number("renewal_cost_share", "a share of the build cost (0.6 for 60%)");
  if (p.renewal_cost_share && (*p.renewal_cost_share < 0 || *p.renewal_cost_share > 2))
    s.fail("renewal_cost_share", "expected a share of the build cost between 0 and 2 (0.6 for 60%), not " +
                                     Section::format(*p.renewal_cost_share));
  if (p.renewal_cost_yen && p.renewal_cost_share)
    s.fail("renewal_cost_share", "expected renewal_cost_yen or renewal_cost_share, not both");
  if (p.start_year && *p.start_year > plan_start)
    s.fail("start_year", "expected a year not after plan.start_year " + std::to_string(plan_start));
  return p;
}

}  // namespace

// Institution kinds use the breakdown keys of ja::parse_count (病院 → hospital, 薬局 →
// pharmacy), so the plan and the pages share one vocabulary.
std::optional<std::string> institution_kind(const std::string& s) {
  const std::string folded = ja::fold(s);
  for (const auto& t : vocabulary::terms(vocabulary::Concept::institution_kind))
    if (folded == t.keyword && !is_role(t.keyword)) return std::string(t.keyword);
  auto c = ja::parse_count(s + "1");
  if (c && c->breakdown.size() == 1 && !is_role(c->breakdown[0].first)) return c->breakdown[0].first;
  return std::nullopt;
}

Plan read_plan(const std::filesystem::path& path) {
  Plan plan;
  plan.file = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw PlanError(plan.file + ": no such plan file (corpus/sample/plan-example.toml is an example; docs/plan.md)");
  // Bounded before toml++ sees it: size and dotted-key depth (F3 of the reliability report).
  auto loaded = toml_guard::read_toml_text(path);
  if (loaded.problem)
    throw PlanError(plan.file + ":" + std::to_string(loaded.problem->line) + ": " + loaded.problem->message);
  // As people write it (compare/plan_text.hpp): another charset or a BOM read and said, the
  // usual mistakes all reported at once with their fixes.
  PlanText decoded = decode_plan_bytes(loaded.text, plan.file);
  plan.notes = std::move(decoded.notes);
  if (auto mistakes = find_plan_mistakes(decoded.text, plan.file); !mistakes.empty()) {
    std::string all;
    for (const auto& m : mistakes) all += (all.empty() ? "" : "\n") + m;
    throw PlanError(all);
  }
  toml::table doc;
  try {
    doc = toml::parse(decoded.text, plan.file);
  } catch (const toml::parse_error& e) {
    throw PlanError(plan.file + ":" + std::to_string(e.source().begin.line) + ": " + one_line(e.description()) +
                    " (the file is not valid TOML)");
  }
  Section top(plan.file, doc, "", {"region", "plan", "budget", "weights", "comparison", "projection"});
  plan.region = read_region(top);
  plan.plan = read_network_plan(top);
  plan.budget = read_budget(top);
  plan.weights = read_weights(top);
  plan.comparison = read_comparison(top);
  plan.projection = read_projection(top, plan.plan.start_year);
  return plan;
}

}  // namespace senrei::compare
