#include "report/labels.hpp"

#include <array>

#include "senrei/vocabulary.hpp"

namespace senrei::report {
namespace {

struct Label {
  std::string_view group, keyword, ja, en;
};

constexpr std::array kLabels = std::to_array<Label>({
    {"metric", "build_cost", "構築費用", "Build cost"},
    {"metric", "running_cost_per_year", "運用費用（年額）", "Running cost per year"},
    {"metric", "build_cost_per_capita", "構築費用（人口1人あたり）", "Build cost per capita"},
    {"metric", "build_cost_per_institution", "構築費用（参加機関1施設あたり）", "Build cost per institution"},
    {"metric", "running_cost_per_institution", "運用費用（1施設あたり年額）", "Running cost per institution per year"},
    {"metric", "running_cost_per_patient", "運用費用（登録患者1人あたり年額）", "Running cost per patient per year"},
    {"reason", "approximate", "概数（約）", "approximate (約)"},
    {"reason", "range", "幅のある額", "a range"},
    {"reason", "sum_of_parts", "内訳の合計（総額の記載なし）", "sum of parts (no total stated)"},
    {"reason", "data_output_included", "データ出力対応費を含む（計画は含まない）", "includes data-output work (the plan does not)"},
    {"reason", "data_output_excluded", "データ出力対応費を含まない（計画は含む）", "excludes data-output work (the plan includes it)"},
    {"reason", "data_output_unstated", "データ出力対応費の扱いの記載なし", "data-output work not stated"},
    {"reason", "period_unknown", "期間の記載なし", "period not stated"},
    {"reason", "undisclosed", "非公開", "undisclosed"},
    {"reason", "total_unknown", "総額不明", "total unknown"},
    {"reason", "not_applicable", "該当なし", "not applicable"},
    {"check", "participant_targets", "参加目標（機関数・患者数）", "Participant targets (institutions, patients)"},
    {"check", "renewal_funding", "更改の財源", "Funding for the next renewal"},
    {"check", "time_limited_running_funds", "運用費の期限付き基金への依存", "Running costs resting on time-limited funds"},
    {"check", "fee_model", "会費・利用料のしくみ", "A fee model"},
    {"check", "acceptance_test", "受入テストの計画", "Acceptance test planned"},
    {"check", "usage_monitoring", "利用状況の把握", "Usage monitored"},
    {"check", "running_funding_balance", "運用の収支", "Running funding covers running cost and reserve"},
    {"check", "build_funding_balance", "構築の財源", "Build funding covers the build cost"},
    {"result", "pass", "適合", "pass"},
    {"result", "warn", "注意", "warn"},
    {"result", "fail", "不適合", "fail"},
    {"score_part", "similarity", "類似事例の近さ", "Similarity of the closest precedents"},
    {"score_part", "achievements", "目標の実績との比較", "Targets against what precedents achieved"},
    {"score_part", "risk_checks", "失敗パターンの確認", "Failure pattern checks"},
    {"score_part", "budget", "予算の妥当性", "Budget within the precedents' range"},
    {"similarity_part", "population", "人口", "Population"},
    {"similarity_part", "aging_rate", "高齢化率", "Aging rate"},
    {"similarity_part", "scope", "対象範囲", "Scope"},
    {"similarity_part", "operator_form", "組織形態", "Operator form"},
    {"similarity_part", "issues", "課題", "Issues"},
    {"use", "build", "構築", "build"},
    {"use", "running", "運用", "running"},
    // Added for issue 13 (compare stream): the projection check, why a score part is left out,
    // the confidence levels, the renewal-cost basis.
    {"check", "projection_balance", "10年収支の見通し", "Ten-year balance stays above zero"},
    {"left_out", "no_figures", "比較できる数値がない", "no figure to compare"},
    {"left_out", "few_figures", "比較できる数値が足りない", "too few figures to compare"},
    {"left_out", "no_targets", "計画に目標がない", "the plan states no target"},
    {"confidence", "low", "低", "low"},
    {"confidence", "medium", "中", "medium"},
    {"confidence", "high", "高", "high"},
    {"renewal_basis", "stated", "計画の更改費用", "the plan's renewal cost"},
    {"renewal_basis", "share_of_build", "構築費用に対する割合", "a share of the build cost"},
    {"renewal_basis", "none", "更改費用の記載なし（0円で計算）", "no renewal cost stated (counted as 0)"},
});

// The groups that are DOMAIN.md §3 concepts read senrei/vocabulary.hpp; a fee's payer type is an
// institution kind (病院, 診療所), a cost's payer a payer (県, 運営主体).
const vocabulary::Term* vocabulary_term(std::string_view group, std::string_view keyword) {
  using vocabulary::Concept;
  if (group == "form") return vocabulary::find(Concept::operator_form, keyword);
  if (group == "scope") return vocabulary::find(Concept::area_scope, keyword);
  if (group == "fund") return vocabulary::find(Concept::funding_source, keyword);
  if (group == "consent") return vocabulary::find(Concept::consent_method, keyword);
  if (group == "period") return vocabulary::find(Concept::period, keyword);
  if (group == "product") return vocabulary::find(Concept::product, keyword);
  if (group == "flag") return vocabulary::find(Concept::flag, keyword);
  if (group == "payer") {
    if (auto* t = vocabulary::find(Concept::institution_kind, keyword)) return t;
    return vocabulary::find(Concept::payer, keyword);
  }
  return nullptr;
}

}  // namespace

std::string label(std::string_view group, std::string_view keyword, Lang lang) {
  if (const auto* t = vocabulary_term(group, keyword)) return std::string(lang == Lang::ja ? t->ja : t->en);
  for (const auto& l : kLabels)
    if (l.group == group && l.keyword == keyword) return std::string(lang == Lang::ja ? l.ja : l.en);
  return std::string(keyword);
}

}  // namespace senrei::report
