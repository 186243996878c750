// Fees as a list, one Field per payer type: the rules are in fees.hpp.
#include "record/fees.hpp"
#include "record/field_flags.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace record_detail {
namespace {

using vocabulary::Concept;

// The value cut at 、，；; and line ends outside brackets (「病院 月額1万円（200床未満は5千円、…）」
// stays one piece).  An ASCII comma cuts only between words, not inside 18,000.
std::vector<std::string> pieces(std::string_view v) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  auto flush = [&] {
    std::size_t b = cur.find_first_not_of(" \t\r\n"), e = cur.find_last_not_of(" \t\r\n");
    if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
    cur.clear();
  };
  for (std::size_t i = 0; i < v.size();) {
    auto at = [&](std::string_view s) { return v.compare(i, s.size(), s) == 0; };
    std::size_t len = 1;
    for (std::string_view open : {"（", "(", "〔", "「", "［", "["})
      if (at(open)) ++depth, len = open.size();
    for (std::string_view close : {"）", ")", "〕", "」", "］", "]"})
      if (at(close)) depth = std::max(0, depth - 1), len = close.size();
    bool cut = false;
    // A fee statement ends with its sentence: 「参加費：病院 月額1万円。構築費用は2億円。」 stops at 。
    if (depth == 0 && at("。")) break;
    if (depth == 0) {
      for (std::string_view sep : {"、", "，", "；", ";", "\n"})
        if (at(sep)) cut = true, len = sep.size();
      if (at(",")) {
        bool digits = i > 0 && i + 1 < v.size() && std::isdigit(static_cast<unsigned char>(v[i - 1])) &&
                      std::isdigit(static_cast<unsigned char>(v[i + 1]));
        if (!digits) cut = true, len = 1;
      }
    }
    if (cut) {
      flush();
    } else {
      cur.append(v.substr(i, len));
    }
    i += len;
  }
  flush();
  return out;
}

// The period a label or a lead-in states: 年会費, 年間利用料, 会費（年額）, 月会費 → year / month.
std::string period_named(std::string_view text) {
  const std::string n = ja::nfkc(text);
  if (const auto* t = vocabulary::first_match(Concept::period, n)) return std::string(t->keyword);
  std::string_view s = n;
  if (s.starts_with("年会費") || s.starts_with("年間")) return "year";
  if (s.starts_with("月会費")) return "month";
  return {};
}

// The institution kinds named in a payer phrase, in the order written, each once:
// 「病院・診療所」 → hospital, clinic; 「歯科診療所」 → dental (one phrase is one kind).
std::vector<std::string> payer_kinds(std::string_view phrase) {
  std::vector<std::string> out;
  std::string n = ja::nfkc(phrase);
  std::size_t start = 0;
  auto take = [&](std::string_view word) {
    if (const auto* t = vocabulary::first_match(Concept::institution_kind, word)) {
      std::string k(t->keyword);
      if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    }
  };
  while (start <= n.size()) {
    std::size_t next = std::string::npos, len = 0;
    for (std::string_view sep : {"・", "及び", "および", "と", "/", "／", "、", ","}) {
      auto p = n.find(sep, start);
      if (p < next) next = p, len = sep.size();
    }
    take(std::string_view(n).substr(start, next == std::string::npos ? std::string::npos : next - start));
    if (next == std::string::npos) break;
    start = next + len;
  }
  return out;
}

// The text before the amount in a piece, up to its first digit or ¥: the payer phrase with any
// period word (「病院 年額」, 「年額：病院」, 「病院・診療所 各月額」).
std::string before_amount(std::string_view piece) {
  std::string n = ja::nfkc(piece);
  std::size_t cut = std::min(n.size(), n.find("¥"));
  for (std::size_t i = 0; i < cut; ++i)
    if (std::isdigit(static_cast<unsigned char>(n[i]))) {
      cut = i;
      break;
    }
  return n.substr(0, cut);
}

// A period word that leads the whole list, before any payer: 「年額：病院5万円、診療所1万円」.
// (「病院 年額2万円、診療所 5千円」 states the period of the first fee only.)
std::string leading_period(const std::string& head) {
  const auto* period = vocabulary::first_match(Concept::period, head);
  if (!period) return {};
  std::size_t at = std::string::npos, payer = std::string::npos;
  for (std::string_view w : period->wordings) at = std::min(at, vocabulary::find_wording(head, w));
  for (const auto* t : vocabulary::all_matches(Concept::institution_kind, head))
    for (std::string_view w : t->wordings) payer = std::min(payer, vocabulary::find_wording(head, w));
  return at < payer ? std::string(period->keyword) : std::string();
}

// Who a fee's text says pays, as written, for telling two statements about one payer from
// statements about two payers of one kind (中核病院 and 病院 are both hospital):
// 「年会費（中核病院）：年額」 → 年会費(中核病院), 「病院が年額」 → 病院.
std::string payer_phrase(std::string_view text) {
  std::string h = before_amount(text);
  for (const auto& t : vocabulary::terms(Concept::period))
    for (std::string_view w : t.wordings)
      for (auto at = h.find(w); !w.empty() && at != std::string::npos; at = h.find(w)) h.erase(at, w.size());
  std::string out;
  for (std::size_t i = 0; i < h.size();) {
    std::size_t len = 1;
    bool skip = false;
    for (std::string_view drop : {" ", ":", "：", "が", "は", "各", "\t"})
      if (h.compare(i, drop.size(), drop) == 0) skip = true, len = drop.size();
    if (!skip) out.append(h, i, len);
    i += len;
  }
  return out;
}

Field fee_field(std::string_view piece, const Provenance& p) {
  Field f;
  f.name = "fees";
  f.raw = std::string(piece);
  f.text = std::string(piece);
  f.provenance = p;
  return f;
}

}  // namespace

std::vector<Field> read_fees(std::string_view label, std::string_view value, const Provenance& p) {
  std::vector<Field> out;
  const std::string label_period = period_named(label);
  // 年会費（中核病院）, 開示施設利用料: a payer named in the label.
  const std::vector<std::string> label_payers = payer_kinds(label);

  const auto parts = pieces(value);
  std::string lead_period;  // 「年額：病院5万円、診療所1万円」
  std::vector<std::string> waiting;  // payers of a piece with no amount: 「病院、診療所：各1万円」
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& piece = parts[i];
    auto money = ja::parse_money(piece);
    const std::string head = before_amount(piece);
    if (i == 0) lead_period = leading_period(head);
    if (!money || !money->yen) {
      for (auto& k : payer_kinds(piece)) waiting.push_back(std::move(k));
      continue;
    }
    std::vector<std::string> kinds = payer_kinds(head);
    kinds.insert(kinds.begin(), waiting.begin(), waiting.end());
    waiting.clear();
    const bool from_label = kinds.empty() && !label_payers.empty();
    if (kinds.empty()) kinds = label_payers;
    if (kinds.empty()) kinds.emplace_back();
    for (const auto& kind : kinds) {
      // The payer named in the label stays in the text: 「年会費（中核病院）：年額50,000円」.
      Field f = fee_field(from_label ? std::string(label) + "：" + piece : piece, p);
      f.payer_type = kind;
      if (money->summed || money->parts.size() > 1) {
        add_flag(f, "several_amounts");  // 「病院 月額1万円＋年額2万円」: the sum is nobody's fee
      } else {
        f.number = money->yen;
        f.number_high = money->yen_high;
        f.unit = "yen";
        f.approximate = money->approximate;
        f.period = money->period;
        if (f.period.empty() || f.period == "unknown") f.period = !label_period.empty() ? label_period : lead_period;
        if (f.period.empty()) f.period = "unknown";
      }
      out.push_back(std::move(f));
    }
  }
  if (!out.empty()) return out;
  // No amount anywhere: the text (「参加機関の利用料で賄う」) or a state (無料 → 該当なし).
  Field f = fee_field(value, p);
  if (auto money = ja::parse_money(value); money && money->state != ValueState::stated) f.state = money->state;
  auto kinds = payer_kinds(value);
  if (kinds.empty()) kinds = label_payers;
  if (kinds.size() == 1) f.payer_type = kinds[0];
  out.push_back(std::move(f));
  return out;
}

void merge_fee(std::vector<Field>& fields, Field fee) {
  bool any_amount = false;
  for (const auto& g : fields)
    if (g.name == "fees" && g.number) any_amount = true;
  if (!fee.number && fee.state == ValueState::stated && std::any_of(fields.begin(), fields.end(), [](const Field& g) {
        return g.name == "fees";
      }))
    return;  // a fee without an amount adds nothing to fees already read
  if (fee.number && !any_amount)  // fees with amounts replace one that had none
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [](const Field& g) { return g.name == "fees" && !g.number && g.state == ValueState::stated; }),
                 fields.end());
  for (auto& g : fields) {
    if (g.name != "fees" || !g.number || !fee.number) continue;
    const bool same_amount = std::abs(*g.number - *fee.number) < 0.5 && g.period == fee.period;
    if (g.payer_type == fee.payer_type && same_amount) return;  // the same fee stated again
    if (same_amount && (g.payer_type.empty() || fee.payer_type.empty())) {
      if (g.payer_type.empty()) g = std::move(fee);  // the statement that names the payer wins
      return;
    }
    if (g.payer_type == fee.payer_type && !same_amount && g.provenance.sentence != fee.provenance.sentence &&
        payer_phrase(g.text) == payer_phrase(fee.text)) {
      add_flag(g, "conflicting_values");  // another sentence gives this payer another fee
      return;
    }
  }
  fields.push_back(std::move(fee));
}

}  // namespace record_detail
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
