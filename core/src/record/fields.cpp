#include "senrei/fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

namespace {

struct LabelRule {
  std::string_view label;  // matched against the NFKC label with spaces removed
  std::string_view field;
  bool exact;              // exact match, else "label contains"
};

// Order matters: the first rule that matches wins, so specific labels come before general ones.
constexpr LabelRule kLabelRules[] = {
    {"ネットワーク名", "network_name", false},
    {"名称", "network_name", true},
    {"運営主体の運用費用", "running_cost_yen", false},
    {"運用費用", "running_cost_yen", false},
    {"運営費用", "running_cost_yen", false},
    {"運用経費", "running_cost_yen", false},
    {"構築費用の内訳", "build_cost_parts", false},
    {"構築費用", "build_cost_yen", false},
    {"構築費", "build_cost_yen", false},
    {"初期費用", "build_cost_yen", false},
    {"運営主体", "operator_name", true},
    {"運営団体", "operator_name", true},
    {"事務局", "operator_name", true},
    {"組織形態", "operator_form", false},
    {"法人格", "operator_form", false},
    {"計画推進主体", "promoter_type", false},
    {"稼働", "start_year", false},
    {"運用開始", "start_year", false},
    {"開始年", "start_year", false},
    {"対象地域", "area_name", false},
    {"対象エリア", "area_name", false},
    {"地域", "area_name", true},
    {"人口", "population", false},
    {"高齢化率", "aging_rate", false},
    {"財源", "funding_sources", false},
    {"補助金", "funding_sources", false},
    {"年会費", "fees", false},
    {"会費", "fees", false},
    {"利用料", "fees", false},
    {"登録患者数", "patients", false},
    {"参加患者数", "patients", false},
    {"同意患者数", "patients", false},
    {"患者数", "patients", false},
    // Breakdown rows below a total (「開示施設 40施設」, 「うち病院 12」) are their own fields.
    {"開示施設", "institutions_disclosing", false},
    {"情報提供施設", "institutions_disclosing", false},
    {"閲覧施設", "institutions_viewing", false},
    {"参照施設", "institutions_viewing", false},
    {"うち病院", "institutions_hospital", false},
    {"病院数", "institutions_hospital", false},
    {"うち診療所", "institutions_clinic", false},
    {"診療所数", "institutions_clinic", false},
    {"参加機関数", "institutions_total", false},
    {"参加施設数", "institutions_total", false},
    {"参加機関", "institutions_total", true},
    {"病病・病診連携以外のサービス", "services", false},
    {"サービス", "services", false},
    {"概要", "summary", true},
    {"構築時の主な関係者", "stakeholders", false},
    {"標準規格", "standards", false},
    {"同意方式", "consent_method", false},
    {"同意取得", "consent_method", false},
    {"製品", "products", false},
    {"システム名", "products", false},
    {"ベンダー", "vendors", false},
    {"導入業者", "vendors", false},
};

std::string squeeze(std::string_view s) {
  std::string t = ja::nfkc(s);
  std::string out;
  for (char c : t)
    if (c != ' ' && c != '\t' && c != '\n') out += c;
  // Labels often end with a colon or a bracketed note: 構築費用(※…) — keep the head.
  for (std::string_view cut : {":", "（", "("}) {
    auto p = out.find(cut);
    if (p != std::string::npos && p > 0) out.resize(p);
  }
  return out;
}

bool is_list_field(std::string_view f) {
  return f == "funding_sources" || f == "build_payers" || f == "running_payers" || f == "standards" ||
         f == "products";
}

Field base_field(std::string_view name, std::string_view value, const Provenance& p) {
  Field f;
  f.name = std::string(name);
  f.raw = std::string(value);
  f.provenance = p;
  return f;
}

void add_money(std::vector<Field>& out, std::string_view name, std::string_view value, const Provenance& p) {
  auto money = ja::parse_money(value);
  if (!money) return;
  Field f = base_field(name, value, p);
  f.unit = "yen";
  f.state = money->state;
  f.number = money->yen;
  f.number_high = money->yen_high;
  f.approximate = money->approximate;
  if (name == "running_cost_yen") f.period = money->period.empty() ? "unknown" : money->period;
  if (auto d = ja::parse_date(value)) f.as_of = *d;
  out.push_back(std::move(f));
  if (name == "build_cost_yen") {
    if (auto inc = ja::parse_data_output_included(value)) {
      Field g = base_field("build_cost_includes_data_output", value, p);
      g.flag = *inc;
      out.push_back(std::move(g));
    }
    if (money->parts.size() > 1) {
      Field g = base_field("build_cost_parts", value, p);
      g.unit = "yen";
      for (double part : money->parts) g.items.push_back(std::to_string(static_cast<long long>(part)));
      out.push_back(std::move(g));
    }
  }
}

// 「運用費用：参加機関の利用料で賄う」, 「負担者：島根県（構築には地域医療再生基金を活用した）」:
// a cost or payer cell often names where the money comes from.
void add_funding_named_in(std::vector<Field>& out, std::string_view value, const Provenance& p) {
  auto funds = ja::parse_funding_sources(value);
  if (funds.empty()) return;
  Field g = base_field("funding_sources", value, p);
  g.items = std::move(funds);
  out.push_back(std::move(g));
}

// 「酒田地区・鶴岡地区 医療情報ネットワーク協議会（組織形態：協議会、山形県庄内地域）」: the
// bracketed note after a name is not part of it.
std::string without_trailing_note(std::string text) {
  for (std::string_view open : {"（", "("}) {
    auto pos = text.find(open);
    if (pos != std::string::npos && pos > 0) text.resize(pos);
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// 「特定非営利活動法人 長崎地域医療連携ネットワークシステム協議会」 → the name alone; the form
// is its own field (operator_form).
std::string without_form_prefix(std::string name) {
  static constexpr std::string_view kForms[] = {
      "特定非営利活動法人", "NPO法人", "ＮＰＯ法人", "一般社団法人", "一般財団法人", "公益社団法人",
      "公益財団法人",       "任意団体", "社会福祉法人", "医療法人社団", "医療法人財団", "医療法人"};
  for (std::string_view form : kForms) {
    if (name.compare(0, form.size(), form) != 0) continue;
    std::string rest = name.substr(form.size());
    size_t b = 0;
    while (b < rest.size() && rest[b] == ' ') ++b;
    if (rest.compare(b, 3, "　") == 0) b += 3;
    if (b < rest.size()) return rest.substr(b);
  }
  return name;
}

// 非公開 / 不明 in a text cell (負担者：非公開) is a state, as it is for numbers.
ValueState text_state(std::string_view value) {
  return parse_value_state(vocabulary::value_state_of(ja::nfkc(value), true)).value_or(ValueState::stated);
}

bool has_flag(const Field& f, std::string_view flag) {
  return std::find(f.flags.begin(), f.flags.end(), flag) != f.flags.end();
}

void add_flag(Field& f, std::string_view flag) {
  if (std::find(f.flags.begin(), f.flags.end(), flag) == f.flags.end()) f.flags.emplace_back(flag);
}

void add_count(std::vector<Field>& out, std::string_view name, std::string_view value, const Provenance& p,
               const char* unit, bool population = false) {
  auto count = population ? ja::parse_population(value) : ja::parse_count(value);
  if (!count) return;
  Field f = base_field(name, value, p);
  f.unit = unit;
  f.state = count->state;
  f.number = count->value;
  f.approximate = count->approximate;
  f.as_of = count->as_of;
  if (count->summed) add_flag(f, "derived");  // a sum of parts: no total stated
  // Stated parts larger than the stated total: the total stays, the field says so.
  if (!count->summed && count->value && name == "institutions_total") {
    double kinds = 0;
    bool larger = false;
    for (const auto& [kind, n] : count->breakdown) {
      if (kind != "disclosing" && kind != "viewing") kinds += n;
      larger = larger || n > *count->value + 0.5;
    }
    if (larger || kinds > *count->value + 0.5) add_flag(f, "parts_mismatch");
  }
  // Overlapping groups with no total stated: the groups are the facts, there is no total.
  if (f.number || f.state != ValueState::stated || count->breakdown.empty()) out.push_back(f);
  if (count->parts.size() > 1 && !population) {
    Field g = base_field(name == "institutions_total" ? std::string("institutions_parts") : std::string(name) + "_parts", value, p);
    g.unit = unit;
    for (double part : count->parts) g.items.push_back(std::to_string(static_cast<long long>(part)));
    g.as_of = count->as_of;
    out.push_back(std::move(g));
  }
  if (name == "institutions_total") {
    for (const auto& [kind, n] : count->breakdown) {
      Field g = base_field("institutions_" + kind, value, p);
      g.unit = unit;
      g.number = n;
      g.as_of = count->as_of;
      out.push_back(std::move(g));
    }
  }
}

// 「約80万人（高齢化率30.2％）」: the aging rate stated inside another value.
void add_aging_rate_in(std::vector<Field>& out, std::string_view value, const Provenance& p) {
  const std::string v = ja::nfkc(value);
  const auto at = v.find("高齢化率");
  if (at == std::string::npos) return;
  if (auto r = ja::parse_rate(std::string_view(v).substr(at))) {
    Field f = base_field("aging_rate", value, p);
    f.number = *r;
    f.unit = "fraction";
    if (auto d = ja::parse_date(std::string_view(v).substr(at))) f.as_of = *d;
    out.push_back(std::move(f));
  }
}

// Payers that are budgets name a funding source: 県 → prefectural_budget, 市 → municipal_budget,
// 国 → national_subsidy (senrei/vocabulary.hpp's payer table).
void add_funding_from_payers(std::vector<Field>& out, const std::vector<std::string>& payers, std::string_view value,
                             const Provenance& p) {
  Field g = base_field("funding_sources", value, p);
  for (const auto& payer : payers)
    if (const auto* t = vocabulary::find(vocabulary::Concept::payer, payer); t && !t->funds_as.empty())
      if (std::find(g.items.begin(), g.items.end(), t->funds_as) == g.items.end()) g.items.emplace_back(t->funds_as);
  if (!g.items.empty()) out.push_back(std::move(g));
}

void add_payers(std::vector<Field>& out, std::string_view field, std::string_view v, const Provenance& p) {
  Field f = base_field(field, v, p);
  f.state = text_state(v);
  if (f.state == ValueState::stated) {
    f.items = ja::parse_payers(v);
    f.text = std::string(v);
  }
  // 「島根県（構築には地域医療再生基金を活用した）」: a payer cell that names its fund says where the
  // payer's money came from; the payer is then no budget of its own.
  if (ja::parse_funding_sources(v).empty()) add_funding_from_payers(out, f.items, v, p);
  out.push_back(std::move(f));
}

}  // namespace

std::optional<std::string> field_for_label(std::string_view label, std::string_view context) {
  std::string l = squeeze(label);
  if (l.empty() || l.size() > 90) return std::nullopt;
  if (l == "負担者" || l == "費用負担者") {
    std::string c = squeeze(context);
    if (c.find("運用") != std::string::npos || c.find("運営") != std::string::npos) return "running_payers";
    return "build_payers";
  }
  if (l.find("負担者") != std::string::npos) {
    if (l.find("運用") != std::string::npos || l.find("運営") != std::string::npos) return "running_payers";
    return "build_payers";
  }
  for (const auto& rule : kLabelRules) {
    if (rule.exact ? l == rule.label : l.find(rule.label) != std::string::npos) return std::string(rule.field);
  }
  return std::nullopt;
}

std::vector<Field> read_fields(std::string_view field, std::string_view value, const Provenance& p) {
  std::vector<Field> out;
  std::string v = std::string(value);
  if (v.empty()) return out;
  if (field == "build_cost_yen" || field == "running_cost_yen") {
    // 「3億1,200万円／負担者：県・参加機関」: the payers after the amount are their own field.
    std::string amount = v;
    const std::string n = ja::nfkc(v);
    if (auto at = n.find("負担者"); at != std::string::npos) {
      std::size_t from = at + std::string_view("負担者").size();
      while (from < n.size() && (n[from] == ':' || n[from] == ' ')) ++from;
      if (n.compare(from, 3, "：") == 0) from += 3;
      add_payers(out, field == "build_cost_yen" ? "build_payers" : "running_payers", n.substr(from), p);
      amount = n.substr(0, at);
    }
    add_money(out, field, amount, p);
    for (auto& f : out)
      if (f.name == field) f.raw = v;
    add_funding_named_in(out, v, p);
  } else if (field == "build_cost_parts") {
    Field f = base_field(field, v, p);
    f.unit = "yen";
    auto money = ja::parse_money(v);
    if (money && !money->parts.empty()) {
      for (double part : money->parts) f.items.push_back(std::to_string(static_cast<long long>(part)));
      f.approximate = money->approximate;
      out.push_back(std::move(f));
    }
  } else if (field == "patients") {
    add_count(out, field, v, p, "person");
  } else if (field == "institutions_total") {
    add_count(out, field, v, p, "institution");
  } else if (field == "population") {
    add_count(out, field, v, p, "person", true);
    add_aging_rate_in(out, v, p);
  } else if (field.starts_with("institutions_")) {
    // A breakdown row (開示施設, うち病院): its own count, never added into the total.
    if (auto c = ja::parse_count(v); c && (c->value || c->state != ValueState::stated)) {
      Field f = base_field(field, v, p);
      f.unit = "institution";
      f.state = c->state;
      f.number = c->value;
      f.approximate = c->approximate;
      f.as_of = c->as_of;
      out.push_back(std::move(f));
    }
  } else if (field == "aging_rate") {
    if (auto r = ja::parse_rate(v)) {
      Field f = base_field(field, v, p);
      f.number = *r;
      f.unit = "fraction";
      out.push_back(std::move(f));
    }
  } else if (field == "start_year") {
    if (auto y = ja::parse_year(v)) {
      Field f = base_field(field, v, p);
      f.number = *y;
      f.unit = "year";
      out.push_back(std::move(f));
    }
  } else if (field == "operator_name") {
    Field f = base_field(field, v, p);
    // 「特定非営利活動法人 X協議会（長崎県）」: the name without its form and bracketed location.
    f.text = without_form_prefix(without_trailing_note(v));
    out.push_back(std::move(f));
    if (auto form = ja::parse_operator_form(v)) {
      Field g = base_field("operator_form", v, p);
      g.text = *form;
      out.push_back(std::move(g));
    }
  } else if (field == "operator_form") {
    if (auto form = ja::parse_operator_form(v)) {
      Field f = base_field(field, v, p);
      f.text = *form;
      out.push_back(std::move(f));
    }
  } else if (field == "area_name") {
    Field f = base_field(field, v, p);
    f.text = without_trailing_note(v);  // 「庄内二次医療圏（山形県）」: the prefecture is its own field
    out.push_back(std::move(f));
    if (auto scope = ja::parse_area_scope(v)) {
      Field g = base_field("area_scope", v, p);
      g.text = *scope;
      out.push_back(std::move(g));
    }
    if (auto pref = ja::parse_prefecture(v)) {
      Field g = base_field("prefecture", v, p);
      g.text = *pref;
      out.push_back(std::move(g));
    }
  } else if (field == "funding_sources") {
    auto funds = ja::parse_funding_sources(v);
    if (!funds.empty()) {
      Field f = base_field(field, v, p);
      f.items = funds;
      out.push_back(std::move(f));
    }
  } else if (field == "fees") {
    Field f = base_field(field, v, p);
    f.text = v;
    if (auto money = ja::parse_money(v); money && money->yen) {
      f.number = money->yen;
      f.unit = "yen";
      f.period = money->period;
    }
    out.push_back(std::move(f));
    Field g = base_field("funding_sources", v, p);
    g.items = {"member_fees"};
    out.push_back(std::move(g));
  } else if (field == "build_payers" || field == "running_payers") {
    add_payers(out, field, v, p);
    add_funding_named_in(out, v, p);
  } else if (field == "products") {
    Field f = base_field(field, v, p);
    f.text = v;
    for (const auto* t : vocabulary::all_matches(vocabulary::Concept::product, ja::nfkc(v))) f.items.emplace_back(t->keyword);
    out.push_back(std::move(f));
  } else if (field == "consent_method") {
    if (auto c = ja::parse_consent_method(v)) {
      Field f = base_field(field, v, p);
      f.text = *c;
      out.push_back(std::move(f));
    }
  } else if (field == "standards") {
    Field f = base_field(field, v, p);
    f.text = v;
    const std::string n = ja::nfkc(v);
    for (std::string_view s : {"SS-MIX2", "IHE", "HL7", "FHIR", "DICOM"})
      if (n.find(s) != std::string::npos) f.items.emplace_back(s);
    // 厚生労働省標準規格 numbers: HS001 … HS0xx, each once.
    for (size_t pos = n.find("HS"); pos != std::string::npos; pos = n.find("HS", pos + 2)) {
      if (pos + 5 > n.size() || !std::isdigit(static_cast<unsigned char>(n[pos + 2])) ||
          !std::isdigit(static_cast<unsigned char>(n[pos + 3])) || !std::isdigit(static_cast<unsigned char>(n[pos + 4])))
        continue;
      if (pos + 5 < n.size() && std::isdigit(static_cast<unsigned char>(n[pos + 5]))) continue;
      if (pos > 0 && std::isalnum(static_cast<unsigned char>(n[pos - 1]))) continue;
      std::string hs = n.substr(pos, 5);
      if (std::find(f.items.begin(), f.items.end(), hs) == f.items.end()) f.items.push_back(hs);
    }
    out.push_back(std::move(f));
  } else {
    Field f = base_field(field, v, p);
    f.text = v;
    out.push_back(std::move(f));
  }
  return out;
}

void merge_fields(std::vector<Field>& fields, std::vector<Field> more) {
  for (auto& f : more) {
    auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& g) { return g.name == f.name; });
    if (it == fields.end()) {
      fields.push_back(std::move(f));
    } else if (is_list_field(f.name)) {
      // Each item keeps the sentence it was read from.
      for (std::size_t i = 0; i < f.items.size(); ++i) {
        if (std::find(it->items.begin(), it->items.end(), f.items[i]) != it->items.end()) continue;
        if (it->item_provenance.empty()) it->item_provenance.assign(it->items.size(), it->provenance);
        it->items.push_back(f.items[i]);
        it->item_provenance.push_back(i < f.item_provenance.size() ? f.item_provenance[i] : f.provenance);
      }
    } else if (it->state != ValueState::stated && f.state == ValueState::stated && f.number) {
      *it = std::move(f);  // a stated value beats an earlier "unknown" for the same field
    } else if (it->number && f.number &&
               std::abs(*it->number - *f.number) > 1e-6 * std::max(std::abs(*it->number), std::abs(*f.number)) &&
               !has_flag(*it, "derived") && !has_flag(f, "derived")) {
      add_flag(*it, "conflicting_values");  // the first value stays; the page states another
    }
  }
}

const std::vector<std::string>& known_field_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : vocabulary::fields())
      if (f.labelled) v.emplace_back(f.name);
    return v;
  }();
  return names;
}

std::vector<Field> read_labelled_fields(const ParsedPage& page) {
  std::vector<Field> fields;
  std::string last_cost_context;
  auto handle = [&](const std::string& label, const std::string& value, const std::string& context,
                    const std::string& sentence) {
    // 負担者 follows the cost it belongs to; an outer label (費用負担) or heading says which
    // only when it names 構築 or 運用.
    bool telling = context.find("構築") != std::string::npos || context.find("運用") != std::string::npos ||
                   context.find("運営") != std::string::npos;
    auto name = field_for_label(label, telling ? context : last_cost_context);
    if (!name) return false;
    if (*name == "build_cost_yen") last_cost_context = "構築";
    if (*name == "running_cost_yen") last_cost_context = "運用";
    merge_fields(fields, read_fields(*name, value, {page.url, sentence.empty() ? label + "：" + value : sentence}));
    return true;
  };
  for (const auto& lv : page.labels) {
    if (handle(lv.label, lv.value, lv.context, lv.sentence)) continue;
    // A value cell that itself reads 「構築費用：29,925千円」 under an outer label (費用負担).
    for (std::string_view colon : {"：", ":"}) {
      auto pos = lv.value.find(colon);
      if (pos == std::string::npos || pos == 0 || pos > 60) continue;
      std::string inner_label = lv.value.substr(0, pos);
      std::string inner_value = lv.value.substr(pos + colon.size());
      if (handle(inner_label, inner_value, lv.label, lv.sentence.empty() ? lv.value : lv.sentence)) break;
    }
  }
  return fields;
}

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
