#include "senrei/fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "record/fees.hpp"
#include "record/field_flags.hpp"
#include "record/sentences.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

namespace {

// A label is read by what it says, not by a list of phrasings: 「保守費の負担者」 names a payer of a
// running cost because it holds 負担者 after a running-cost word, 「対象地域の人口」 a population
// because it holds 人口.  A rule matches when the label holds one of `any`, one of `also` (when
// given) and none of `none`; wordings may be anchored like vocabulary wordings (「システム$」: a
// label ending in システム).  The first matching rule wins, so the rules that read the most
// telling word come first (人口 before 地域, 運営主体名 before 名).  Payers are read by
// payer_field() before these rules, costs by cost_field() where the rule "cost" stands.
struct LabelRule {
  std::string_view field;
  std::vector<std::string_view> any;
  std::vector<std::string_view> also = {};
  std::vector<std::string_view> none = {};
};

// Words that make a cost a build cost or a running cost (構築費, 維持管理費, イニシャルコスト).
constexpr std::string_view kBuildWords[] = {"構築", "導入", "整備", "初期", "イニシャル", "開発", "創設", "立ち上げ"};
constexpr std::string_view kRunningWords[] = {"運用", "運営", "維持", "保守", "ランニング", "年間", "管理費"};
constexpr std::string_view kCostWords[] = {"費", "コスト", "経費", "投資", "予算", "料"};

const std::vector<LabelRule>& label_rules() {
  static const std::vector<LabelRule> rules = {
      {"promoter_type", {"推進主体"}},
      {"operator_form", {"形態", "法人格", "種別", "種類", "区分"}, {"組織", "法人", "団体", "運営", "設立", "主体"}},
      {"fees", {"会費", "利用料", "参加費", "参加料", "負担金", "接続料", "使用料", "利用負担"}},
      {"funding_sources", {"財源", "資金", "補助金", "基金", "原資", "交付金"}},
      {"cost", {}},
      {"aging_rate", {"高齢", "老年", "歳以上"}, {"率", "割合", "比", "化"}},
      {"patients", {"患者"}, {}, {"方式", "方法"}},
      {"patients", {"者数", "住民数", "同意書", "同意数", "登録数"}, {"登録", "同意", "参加", "利用"},
       {"機関", "施設", "事業所", "事業者"}},
      {"population", {"人口", "^住民数", "住民の数"}},
      // Breakdown rows below a total (「開示施設 40施設」, 「うち病院 12」) are their own fields.
      {"institutions_disclosing", {"開示施設", "情報提供施設", "開示機関", "開示病院"}},
      {"institutions_viewing", {"閲覧施設", "参照施設", "閲覧機関"}},
      {"institutions_hospital", {"^うち病院", "^病院数"}},
      {"institutions_clinic", {"^うち診療所", "^診療所数"}},
      {"institutions_total", {"機関", "施設", "事業所", "事業者"}, {"数", "参加", "加入", "登録", "利用", "連携", "接続"}},
      {"start_year", {"稼働", "稼動", "開始", "供用", "運用年", "開設"}},
      {"operator_name",
       {"主体", "運営団体", "運営組織", "運営者", "運営法人", "運営母体", "事務局", "運営管理者", "設置者", "実施団体",
        "運営元", "法人名", "団体名"}},
      {"vendors", {"ベンダー", "ベンダ", "業者", "メーカー"}},
      {"products",
       {"製品", "パッケージ", "基盤", "ソフトウェア", "システム$", "^システム名", "導入システム", "使用システム",
        "採用システム", "利用システム"}},
      {"network_name", {"名称", "愛称", "通称", "呼称", "名$", "名前"}},
      {"area_name", {"地域", "エリア", "区域", "範囲", "医療圏", "圏域", "^地区"}},
      {"services", {"サービス"}},
      {"summary", {"^概要$"}},
      {"stakeholders", {"関係者"}},
      {"standards", {"規格"}},
      {"consent_method", {"同意方式", "同意取得", "同意の方法", "同意方法", "同意の取得"}},
  };
  return rules;
}

bool holds(std::string_view label, std::string_view wording) {
  return vocabulary::find_wording(label, wording) != std::string_view::npos;
}

template <typename Words>
std::size_t last_of(std::string_view text, const Words& words, std::size_t before) {
  std::size_t best = std::string_view::npos;
  for (std::string_view w : words) {
    std::size_t p = text.rfind(w, before);
    if (p != std::string_view::npos && p < before && (best == std::string_view::npos || p > best)) best = p;
  }
  return best;
}

// "build", "running" or "" for the cost word at `at` in text: the build or running word nearest
// before it says which (運用保守費用 → running, 運営主体の構築費用 → build); else the nearest after.
std::string_view cost_kind(std::string_view text, std::size_t at = std::string_view::npos) {
  const std::size_t b = last_of(text, kBuildWords, at);
  const std::size_t r = last_of(text, kRunningWords, at);
  if (b != std::string_view::npos || r != std::string_view::npos) {
    if (b == std::string_view::npos) return "running";
    if (r == std::string_view::npos) return "build";
    return b > r ? "build" : "running";
  }
  return "";
}

// 負担者 / 負担 (not 負担金) names who bears a cost: the cost word before it says which cost,
// else the outer label or the last cost read (`context`).
std::optional<std::string> payer_field(std::string_view l, std::string_view context) {
  std::size_t at = std::string_view::npos;
  for (std::size_t p = l.find("負担"); p != std::string_view::npos; p = l.find("負担", p + 1))
    if (l.compare(p, std::string_view("負担金").size(), "負担金") != 0) {
      at = p;
      break;
    }
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view kind = cost_kind(l, at);
  if (kind.empty() && l.find("負担者") == std::string_view::npos) return std::nullopt;  // 費用負担: an outer label
  if (kind.empty()) kind = cost_kind(context);
  return std::string(kind == "running" ? "running_payers" : "build_payers");
}

// A cost label: 構築費用の内訳 → build_cost_parts, 保守費用 → running_cost_yen; a cost word with
// neither kind (費用, 事業費) is an outer label, no field.
std::optional<std::string> cost_field(std::string_view l) {
  std::size_t at = std::string_view::npos;
  for (std::string_view w : kCostWords) at = std::min(at, l.find(w));
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view kind = cost_kind(l, at);
  if (kind.empty()) kind = cost_kind(l);
  if (kind.empty()) return std::nullopt;
  if (kind == "build") return std::string(l.find("内訳") != std::string_view::npos ? "build_cost_parts" : "build_cost_yen");
  return std::string("running_cost_yen");
}

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

// 「病院 年額2万円、診療所 月額5千円」: one fee per payer type (record/fees.hpp), and member
// fees among the funding sources when any fee is stated (「無料」, 「なし」 are none).
std::vector<Field> fee_fields(std::string_view label, std::string_view v, const Provenance& p) {
  auto out = record_detail::read_fees(label, v, p);
  if (std::any_of(out.begin(), out.end(), [](const Field& f) { return f.state == ValueState::stated; })) {
    Field g = base_field("funding_sources", v, p);
    g.items = {"member_fees"};
    out.push_back(std::move(g));
  }
  return out;
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

using record_detail::add_flag;
using record_detail::has_flag;

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

// 「約80万人（高齢化率30.2％）」, 「218万人（65歳以上人口の割合31.6％）」: the aging rate stated inside
// another value, in a bracketed note whose words name it as a label would.
void add_aging_rate_in(std::vector<Field>& out, std::string_view value, const Provenance& p) {
  const std::string v = ja::nfkc(value);
  std::size_t at = v.find("高齢化率");
  for (std::size_t open = v.find('('); at == std::string::npos && open != std::string::npos; open = v.find('(', open + 1)) {
    // The note's label is its text before the rate: 「65歳以上人口の割合」 of 「(65歳以上人口の割合31.6%)」.
    const std::size_t close = v.find(')', open);
    const std::size_t percent = v.find('%', open);
    if (percent == std::string::npos || (close != std::string::npos && percent > close)) continue;
    std::size_t number = percent;
    while (number > open + 1 && (std::isdigit(static_cast<unsigned char>(v[number - 1])) || v[number - 1] == '.'))
      --number;
    if (field_for_label(v.substr(open + 1, number - open - 1)) == "aging_rate") at = number;
  }
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
  // payer's money came from; the payer is then no budget of its own.  A payer that is a budget
  // (「市町村・香川県」: 市町村 reads as a budget too) names no other fund.
  bool names_fund = false;
  for (const auto& fund : ja::parse_funding_sources(v)) {
    bool payer_budget = false;
    for (const auto& payer : f.items)
      if (const auto* t = vocabulary::find(vocabulary::Concept::payer, payer); t && t->funds_as == fund) payer_budget = true;
    names_fund = names_fund || !payer_budget;
  }
  if (!names_fund) add_funding_from_payers(out, f.items, v, p);
  out.push_back(std::move(f));
}

}  // namespace

std::optional<std::string> field_for_label(std::string_view label, std::string_view context) {
  std::string l = squeeze(label);
  if (l.empty() || l.size() > 90) return std::nullopt;
  if (auto payer = payer_field(l, squeeze(context))) return payer;
  for (const auto& rule : label_rules()) {
    if (rule.field == "cost") {  // after forms, fees and funds (運営主体の法人格, 年会費, 運営財源)
      if (auto cost = cost_field(l)) return cost;
      continue;
    }
    auto in = [&](const std::vector<std::string_view>& words) {
      return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return holds(l, w); });
    };
    if (!in(rule.any) || (!rule.also.empty() && !in(rule.also)) || in(rule.none)) continue;
    return std::string(rule.field);
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
      // 「非公開／負担者：県」: the separator before 負担者 is not part of the amount.
      while (!amount.empty() && (amount.back() == '/' || amount.back() == ' ' || amount.back() == ',' ||
                                 amount.back() == ';'))
        amount.pop_back();
      for (std::string_view sep : {"、", "。"})
        if (amount.ends_with(sep)) amount.resize(amount.size() - sep.size());
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
    // A legal form written with the name (特定非営利活動法人 X, X（組織形態：NPO法人）) is stated; one
    // guessed from the name's ending (X協議会, X市) is derived, and a form stated by its own label
    // wins over it.  The guess reads the name alone: 「美浜市（富山県）」 is a city, not a prefecture.
    auto stated = [](const std::optional<std::string>& form) {
      return form && (*form == "npo" || *form == "general_association" || *form == "public_interest_association" ||
                      *form == "voluntary_association");
    };
    std::optional<std::string> form = ja::parse_operator_form(v);
    if (!stated(form))
      if (auto of_name = ja::parse_operator_form(without_trailing_note(v))) form = of_name;
    if (form) {
      Field g = base_field("operator_form", v, p);
      g.text = *form;
      if (!stated(form)) add_flag(g, "derived");
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
    out = fee_fields({}, v, p);
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
    if (f.name == "fees") {  // a list of fees, one Field each (record/fees.hpp)
      record_detail::merge_fee(fields, std::move(f));
      continue;
    }
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
    } else if (has_flag(*it, "derived") && !has_flag(f, "derived") && f.state == ValueState::stated &&
               (f.number || !f.text.empty())) {
      *it = std::move(f);  // a stated value beats one derived (a sum of parts, a form guessed from a name)
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

namespace {


// 「実施主体は、○○協議会である。」: a sentence that states a labelled fact as 「ラベルは値」.  The
// label is the text before a は (「あおばネットの運営主体は」 too); the value runs to the end of the
// sentence without its copula (である, となっている, です).
struct ProseStatement {
  std::string label, value;
};
std::vector<ProseStatement> prose_statements(const std::string& sentence) {
  std::vector<ProseStatement> out;
  const std::string_view wa = "は";
  for (std::size_t at = sentence.find(wa); at != std::string::npos && at <= 90; at = sentence.find(wa, at + wa.size())) {
    if (at == 0) continue;
    std::string label = sentence.substr(0, at);
    // A label line (「運用費用：…」) is read as one; a value may hold a colon (「…／負担者：県」).
    for (std::string_view stop : {"、", "，", "：", ":"})
      if (label.find(stop) != std::string::npos) return out;
    std::string value = sentence.substr(at + wa.size());
    for (std::string_view lead : {"、", "，", " "})
      while (value.starts_with(lead)) value.erase(0, lead.size());
    for (std::string_view end : {"。", "である", "となっている", "となっています", "となります", "です", "だ"})
      if (value.ends_with(end)) value.resize(value.size() - end.size());
    if (!value.empty()) out.push_back({label, value});
    break;  // only the first は: 「運営主体は県医師会は…」 is no statement of two
  }
  return out;
}

}  // namespace

std::vector<Field> read_labelled_fields(const ParsedPage& page) {
  std::vector<Field> fields;
  std::string last_cost_context;
  auto handle = [&](const std::string& label, const std::string& value, const std::string& context,
                    const std::string& sentence) {
    // 負担者 follows the cost it belongs to; an outer label or heading says which only when it
    // names a cost or a burden of one kind (運用費用, 構築時の負担), not a bare 運営体制.
    const std::string c = squeeze(context);
    const bool telling = !cost_kind(c).empty() && (cost_field(c) || c.find("負担") != std::string::npos);
    auto name = field_for_label(label, telling ? context : last_cost_context);
    if (!name) return false;
    if (*name == "build_cost_yen") last_cost_context = "構築";
    if (*name == "running_cost_yen") last_cost_context = "運用";
    const Provenance at{page.url, sentence.empty() ? label + "：" + value : sentence};
    // A fee label may name the period or the payer (年会費（中核病院）): the fee reading sees it.
    merge_fields(fields, *name == "fees" ? fee_fields(label, value, at) : read_fields(*name, value, at));
    return true;
  };
  for (const auto& lv : page.labels) {
    if (handle(lv.label, lv.value, lv.context, lv.sentence)) continue;
    // A value cell that itself reads 「構築費用：29,925千円」 under an outer label (費用負担).
    bool read = false;
    for (std::string_view colon : {"：", ":"}) {
      auto pos = lv.value.find(colon);
      if (pos == std::string::npos || pos == 0 || pos > 60) continue;
      std::string inner_label = lv.value.substr(0, pos);
      std::string inner_value = lv.value.substr(pos + colon.size());
      if ((read = handle(inner_label, inner_value, lv.label, lv.sentence.empty() ? lv.value : lv.sentence))) break;
    }
    // 「病院：年額9,000円」 under 利用料: a fee cell lists its payers as label lines.
    if (!read && !lv.context.empty() && field_for_label(lv.context) == "fees")
      handle(lv.context, lv.label + "：" + lv.value, "", lv.sentence);
  }
  // Facts stated in sentences: 「実施主体は…協議会である。」 (a label line wins: it came first).
  for (const auto& b : page.blocks) {
    if (b.role != Block::Role::paragraph && b.role != Block::Role::list_item) continue;
    for (const auto& sentence : record_detail::split_sentences(b.text))
      for (const auto& st : prose_statements(sentence)) handle(st.label, st.value, "", sentence);
  }
  return fields;
}

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
