// record/fees.hpp — a fee value as a list: one Field per payer type (DOMAIN.md §3 `fees`).
//
// 「病院 年額2万円、診療所：月額5,000円」 is two fees, each with its amount, period and payer
// type (a keyword of vocabulary::Concept::institution_kind: hospital, clinic, pharmacy …), never
// their sum.  Rules, the same on every page and in every layout:
// - the value ends at its first 。 outside brackets (a cost in the next sentence is no fee) and is
//   cut at 、，；; and line ends outside brackets; each piece with an amount is one
//   fee, its payer the institution kinds named before the amount (「病院・診療所 各月額1万円」
//   is two fees of the same amount); a piece with no amount joins the next piece's payers
//   (「病院、診療所：各年額1万円」);
// - a period stated in the label (年会費, 会費（月額）) or before the first amount (「年額：病院…」)
//   applies to every fee that states none; otherwise an unstated period is "unknown";
// - a payer named in the label (年会費（中核病院）, 開示施設利用料) applies to fees that name none;
// - a value with no amount at all (「参加機関の利用料で賄う」, 「無料」) is one fee with the text
//   (or the state) and no number; a piece with several amounts keeps its text, no number, and the
//   flag several_amounts (their sum is nobody's fee).
// merge_fee() adds a fee read from another statement of the same page: a repeat is dropped (one
// that names no payer gives way to one that does), a fee without an amount gives way to fees with
// one, and a different amount for the same payer as written (病院 and 病院が) flags the first
// conflicting_values (the first value stays); payers of one kind written apart (中核病院, 病院)
// keep a fee each.
#pragma once

#include <string_view>
#include <vector>

#include "senrei/record.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace record_detail {

std::vector<Field> read_fees(std::string_view label, std::string_view value, const Provenance& provenance);

void merge_fee(std::vector<Field>& fields, Field fee);

}  // namespace record_detail
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
