#include "senrei/vocabulary.hpp"

#include <algorithm>
#include <deque>
#include <initializer_list>
#include <string>

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {
namespace vocabulary {

namespace {

const std::vector<Term> kOperatorForms = {
    // Legal forms as stated; a name's ending (協議会, 市) is read by ja::parse_operator_form.
    {"npo", "特定非営利活動法人", "NPO", {"特定非営利活動法人", "NPO法人"}},
    {"public_interest_association", "公益社団・財団法人", "public interest association", {"公益社団法人", "公益財団法人"}},
    {"general_association", "一般社団法人", "general incorporated association", {"一般社団法人", "一般財団法人"}},
    {"voluntary_association", "任意団体", "voluntary association", {"任意団体"}},
    {"medical_association", "医師会", "medical association", {"医師会"}},
    {"university", "大学", "university", {"大学"}},
    {"hospital", "病院", "hospital", {"病院", "医療センター"}},
    {"council", "協議会（形態の記載なし）", "council (form not stated)", {"協議会"}},
    {"municipality", "市町村", "municipality", {"市町村", "市$", "町$", "村$", "区$", "市役所$", "町役場$", "村役場$"}},
    {"prefecture", "県", "prefecture", {"都道府県", "県", "東京都$", "北海道$", "京都府$", "大阪府$"}},
};

// municipal and multi_area are read from the shape of the text (a name ending in 市, several
// areas listed: ja::parse_area_scope), not from a word.
const std::vector<Term> kAreaScopes = {
    {"prefecture", "全県", "whole prefecture",
     {"全県", "県全域", "県内全域", "全道", "道内全域", "全都", "都内全域", "全府", "府内全域"}},
    {"secondary_area", "二次医療圏", "secondary medical area", {"医療圏"}},
    {"municipal", "市町村", "municipality", {}},
    {"multi_area", "複数圏域", "several areas", {}},
};

const std::vector<Term> kFundingSources = {
    {"regional_revitalization_fund", "地域医療再生基金", "regional medical revitalization fund", {"地域医療再生", "再生基金"}},
    {"comprehensive_care_fund", "地域医療介護総合確保基金", "comprehensive medical and care fund",
     {"地域医療介護総合確保基金", "総合確保基金"}},
    {"national_subsidy", "国庫補助", "national subsidy", {"国庫補助", "国の補助", "国補助", "国庫"}},
    {"prefectural_budget", "県費", "prefectural budget",
     {"県費", "県単独", "県単事業", "^県単$", "県予算", "県の予算", "県補助"}},  // not 県単位
    {"municipal_budget", "市町村費", "municipal budget",
     {"市町村", "市費", "町費", "市予算", "市の予算", "市負担", "市補助"}},
    {"member_fees", "会費・利用料", "member fees", {"会費", "利用料", "参加費", "使用料"}},
    {"own_funds", "自己資金", "own funds", {"自己資金", "自主財源", "自己財源"}},
    {"medical_fee", "診療報酬", "medical fee (reimbursement)", {"診療報酬", "電子的診療情報評価料"}},
};

// Who bears a cost (負担者).  Most specific first: 開示施設 before 病院, 参加医療機関 and 診療所
// are the participants, 県医師会 is the medical association.  funds_as: a payer that is itself a
// budget (a prefecture, a city, the state) names a funding source.  Fee payers (病院, 診療所,
// 薬局 paying a fee) are institution kinds.
const std::vector<Term> kPayers = {
    {"disclosing_institutions", "開示施設", "disclosing institutions", {"開示施設", "情報提供施設", "開示病院", "開示する", "情報を提供する"}},
    {"participants", "参加機関", "participating institutions",
     {"参加", "会員", "利用施設", "利用機関", "医療機関", "診療所", "薬局"}},
    {"medical_association", "医師会", "medical association", {"医師会"}},
    {"hospital", "病院", "hospital", {"病院"}},
    {"operator", "運営主体", "operator", {"運営主体", "協議会", "事務局", "法人"}},
    {"national", "国", "the state", {"^国$", "^国庫", "^国の", "^国費", "^国負担", "^国補助"}, "national_subsidy"},
    {"municipality", "市町村", "municipality",
     {"市町村", "市$", "町$", "村$", "市負担", "町負担", "市費"}, "municipal_budget"},
    {"prefecture", "県", "prefecture",
     {"県", "都道府県", "^都$", "^道$", "^府$", "東京都", "北海道", "京都府", "大阪府"}, "prefectural_budget"},
};

// Breakdown keys of an institution count.  Most specific first: 歯科診療所 is dental, 訪問看護
// is home_nursing (not care), 開示病院 is disclosing.
const std::vector<Term> kInstitutionKinds = {
    {"dental", "歯科診療所", "dental clinic", {"歯科"}},
    {"home_nursing", "訪問看護", "home nursing", {"訪問看護"}},
    {"pharmacy", "薬局", "pharmacy", {"薬局", "調剤"}},
    {"care", "介護事業所", "care provider", {"介護", "居宅", "福祉"}},
    {"lab", "検査センター", "laboratory", {"検査"}},
    {"disclosing", "開示施設", "disclosing institution", {"開示", "情報提供"}},
    {"viewing", "閲覧施設", "viewing institution", {"閲覧", "参照"}},
    {"hospital", "病院", "hospital", {"病院"}},
    {"clinic", "診療所", "clinic", {"診療所", "医院", "クリニック", "医科"}},
    {"other", "その他", "other", {"その他"}},
};

// A value the page states as no value.  The whole-text wordings (なし) only when they are all
// the text says; the others wherever they occur (「総額不明（内訳のみ）」).
const std::vector<Term> kValueStates = {
    {"undisclosed", "非公開", "undisclosed", {"非公開", "非開示"}},
    {"unknown", "不明", "unknown", {"全体額不明", "総額不明", "不明", "未定"}},
    {"not_applicable", "該当なし", "not applicable", {"^該当なし$", "^なし$", "^無し$", "^-$", "^―$"}},
    {"stated", "記載あり", "stated", {}},
};

const std::vector<Term> kPeriods = {
    {"year", "年額", "per year", {"/年", "(年間)", "年額", "年間", "毎年", "年あたり", "年当たり"}},
    {"month", "月額", "per month", {"/月", "月額", "毎月", "月あたり", "月当たり"}},
    {"once", "一度", "once", {"一時金", "初回のみ"}},
    {"unknown", "期間の記載なし", "period not stated", {}},
};

const std::vector<Term> kConsentMethods = {
    {"bulk", "一括同意", "bulk consent", {"一括同意", "包括同意", "一括"}},
    {"per_facility", "施設ごとに同意", "consent per facility",
     {"施設ごと", "施設毎", "施設単位", "医療機関ごと", "個別同意", "各施設"}},
    {"list", "リスト指定", "list", {"リスト", "一覧"}},
};

const std::vector<Term> kRecordKinds = {
    {"case_overview", "事例概要", "case overview", {"事例概要"}},
    {"case_step", "事例のステップ", "case step", {}},
    {"step_guide", "ステップガイド", "step guide", {}},
    {"point", "ポイント", "point", {}},
    {"faq", "よくある質問", "FAQ", {"よくある質問", "FAQ", "Q&A"}},
    {"glossary", "用語集", "glossary", {"用語集"}},
    {"statistics", "統計", "statistics", {"統計"}},
    {"guideline", "ガイドライン", "guideline", {"ガイドライン", "指針"}},
    {"standard", "標準規格", "standard", {"標準規格"}},
    {"notice", "お知らせ", "notice", {"お知らせ"}},
    {"other", "その他", "other", {}},
};

// Named systems a network runs (kept apart from vendors: a vendor sells several).
const std::vector<Term> kProducts = {
    {"id_link", "ID-Link", "ID-Link", {"ID-Link", "ID‐Link", "IDLink", "ID-LINK", "IDリンク"}},
    {"humanbridge", "HumanBridge", "HumanBridge", {"HumanBridge", "Human Bridge", "ヒューマンブリッジ"}},
    {"karteco", "カルテコ", "Karteco", {"カルテコ", "Karteco", "KarteCo"}},
    {"net4u", "Net4U", "Net4U", {"Net4U", "NET4U"}},
    {"prime_arch", "Prime Arch", "Prime Arch", {"Prime Arch", "PrimeArch", "PRIME ARCH", "プライムアーチ"}},
    {"medaca", "MeDaCa", "MeDaCa", {"MeDaCa", "MEDACA"}},
    {"vital_link", "バイタルリンク", "Vital Link", {"バイタルリンク", "VitalLink", "Vital Link"}},
    {"medical_care_station", "メディカルケアステーション", "Medical Care Station",
     {"メディカルケアステーション", "MedicalCareStation", "Medical Care Station"}},
    {"carna_connect", "C@RNA Connect", "C@RNA Connect", {"C@RNA", "カルナコネクト"}},
};

// Flags on a record or a field (docs/json.md), labelled for `show` and the council's reports.
// No wordings: flags are set by the readers, never read from pages.
const std::vector<Term> kFlags = {
    {"no_text_layer", "テキスト層なし", "no text layer", {}},
    {"garbled_text", "文字化け", "garbled text", {}},
    {"charset_replaced", "置き換えた文字あり", "characters replaced", {}},
    {"truncated", "途中まで", "truncated", {}},
    {"depth_capped", "入れ子が深すぎる", "markup nested too deep", {}},
    {"parse_errors_capped", "構文の誤りが多すぎる", "too many parse errors", {}},
    {"derived", "推定（記載なし）", "derived (not stated)", {}},
    {"parts_mismatch", "内訳と合計が合わない", "parts disagree with the total", {}},
    {"conflicting_values", "ページ内に別の値あり", "the page states another value", {}},
    {"implausible_per_capita", "人口比で不自然な値", "implausible per 100,000 people", {}},
    {"as_of_before_start", "稼働前の日付", "dated before the start year", {}},
    {"running_above_build", "運用費用が構築費用を上回る", "running cost above the build cost", {}},
    {"several_amounts", "複数の金額", "several amounts", {}},
};

const std::vector<std::string_view> kPrefectures = {
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};

FieldSpec spec(std::string_view name, std::string_view type, std::string_view unit, std::string_view ja,
               std::string_view en, bool labelled) {
  return FieldSpec{name, type, unit, ja, en, labelled};
}
FieldSpec keyed(FieldSpec f, Concept c) {
  f.values = c;
  f.has_values = true;
  return f;
}

std::vector<FieldSpec> make_fields() {
  std::vector<FieldSpec> f = {
      spec("network_name", "text", "", "ネットワーク名", "Network name", true),
      spec("operator_name", "text", "", "運営主体", "Operator", true),
      keyed(spec("operator_form", "keyword", "", "組織形態", "Operator form", true), Concept::operator_form),
      spec("promoter_type", "text", "", "計画推進主体", "Promoter", true),
      spec("start_year", "number", "year", "運用開始年", "Start year", true),
      spec("area_name", "text", "", "対象地域", "Area", true),
      keyed(spec("area_scope", "keyword", "", "対象範囲", "Scope", false), Concept::area_scope),
      spec("prefecture", "text", "", "都道府県", "Prefecture", false),
      spec("population", "number", "person", "人口", "Population", true),
      spec("aging_rate", "number", "fraction", "高齢化率", "Aging rate", true),
      spec("build_cost_yen", "number", "yen", "構築費用", "Build cost", true),
      spec("build_cost_parts", "list", "yen", "構築費用の内訳", "Build cost parts", true),
      spec("build_cost_includes_data_output", "flag", "", "データ出力対応費を含む", "Includes data-output work", false),
      spec("running_cost_yen", "number", "yen", "運用費用", "Running cost", true),
      keyed(spec("build_payers", "list", "", "構築費用の負担者", "Build cost payers", true), Concept::payer),
      keyed(spec("running_payers", "list", "", "運用費用の負担者", "Running cost payers", true), Concept::payer),
      keyed(spec("funding_sources", "list", "", "財源", "Funding sources", true), Concept::funding_source),
      keyed(spec("fees", "list", "yen", "会費・利用料", "Fees", true), Concept::institution_kind),
      spec("patients", "number", "person", "登録患者数", "Patients", true),
      spec("patients_parts", "list", "person", "登録患者数の内訳", "Patient count parts", false),
      spec("institutions_total", "number", "institution", "参加機関数", "Institutions", true),
      spec("institutions_parts", "list", "institution", "参加機関数の内訳", "Institution count parts", false),
      keyed(spec("consent_method", "keyword", "", "同意方式", "Consent method", true), Concept::consent_method),
      spec("standards", "list", "", "標準規格", "Standards", true),
      keyed(spec("products", "list", "", "製品", "Products", true), Concept::product),
      spec("vendors", "list", "", "ベンダー", "Vendors", true),
      spec("services", "text", "", "サービス", "Services", true),
      spec("stakeholders", "text", "", "構築時の主な関係者", "Stakeholders", true),
      spec("summary", "text", "", "概要", "Summary", true),
  };
  // One breakdown field per institution kind: institutions_hospital, institutions_viewing, ...
  static std::deque<std::string> storage;
  for (const Term& t : kInstitutionKinds) {
    const std::string& name = storage.emplace_back("institutions_" + std::string(t.keyword));
    const std::string& ja = storage.emplace_back("参加機関数（" + std::string(t.ja) + "）");
    const std::string& en = storage.emplace_back("Institutions (" + std::string(t.en) + ")");
    f.push_back(spec(name, "number", "institution", ja, en, false));
  }
  return f;
}

}  // namespace

namespace {
bool listed(std::initializer_list<std::string_view> keywords, std::string_view keyword) {
  return std::find(keywords.begin(), keywords.end(), keyword) != keywords.end();
}
}  // namespace

bool time_limited_fund(std::string_view k) {
  return listed({"regional_revitalization_fund", "comprehensive_care_fund", "national_subsidy"}, k);
}
bool incorporated_form(std::string_view k) { return listed({"npo", "general_association", "public_interest_association"}, k); }
bool unincorporated_form(std::string_view k) { return listed({"voluntary_association", "council"}, k); }

const std::vector<Term>& terms(Concept c) {
  switch (c) {
    case Concept::operator_form: return kOperatorForms;
    case Concept::area_scope: return kAreaScopes;
    case Concept::funding_source: return kFundingSources;
    case Concept::payer: return kPayers;
    case Concept::institution_kind: return kInstitutionKinds;
    case Concept::value_state: return kValueStates;
    case Concept::period: return kPeriods;
    case Concept::consent_method: return kConsentMethods;
    case Concept::record_kind: return kRecordKinds;
    case Concept::product: return kProducts;
    case Concept::flag: return kFlags;
  }
  return kRecordKinds;
}

const Term* find(Concept c, std::string_view keyword) {
  for (const Term& t : terms(c))
    if (t.keyword == keyword) return &t;
  return nullptr;
}

std::string_view label(Concept c, std::string_view keyword, bool japanese) {
  const Term* t = find(c, keyword);
  if (t == nullptr) return keyword;
  return japanese ? t->ja : t->en;
}

std::size_t find_wording(std::string_view text, std::string_view wording) {
  const bool at_start = wording.starts_with('^');
  const bool at_end = wording.size() > 1 && wording.ends_with('$');
  if (at_start) wording.remove_prefix(1);
  if (at_end) wording.remove_suffix(1);
  if (wording.empty()) return std::string_view::npos;
  if (at_start && at_end) return text == wording ? 0 : std::string_view::npos;
  if (at_start) return text.starts_with(wording) ? 0 : std::string_view::npos;
  if (at_end) return text.ends_with(wording) ? text.size() - wording.size() : std::string_view::npos;
  return text.find(wording);
}

const Term* first_match(Concept c, std::string_view text) {
  for (const Term& t : terms(c))
    for (std::string_view w : t.wordings)
      if (find_wording(text, w) != std::string_view::npos) return &t;
  return nullptr;
}

std::vector<const Term*> all_matches(Concept c, std::string_view text) {
  std::vector<std::pair<std::size_t, const Term*>> found;
  for (const Term& t : terms(c)) {
    std::size_t best = std::string_view::npos;
    for (std::string_view w : t.wordings) best = std::min(best, find_wording(text, w));
    if (best != std::string_view::npos) found.emplace_back(best, &t);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Term*> out;
  for (const auto& [pos, t] : found) out.push_back(t);
  return out;
}

std::string_view value_state_of(std::string_view text, bool whole) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t')) text.remove_prefix(1);
  for (const Term& t : kValueStates) {
    for (std::string_view w : t.wordings) {
      if (whole) {
        if (w.starts_with('^')) w.remove_prefix(1);
        if (w.ends_with('$')) w.remove_suffix(1);
        if (text == w) return t.keyword;
      } else if (find_wording(text, w) != std::string_view::npos) {
        return t.keyword;
      }
    }
  }
  return "stated";
}

const std::vector<FieldSpec>& fields() {
  static const std::vector<FieldSpec> all = make_fields();
  return all;
}

const FieldSpec* field(std::string_view name) {
  for (const FieldSpec& f : fields())
    if (f.name == name) return &f;
  return nullptr;
}

const std::vector<std::string_view>& prefectures() { return kPrefectures; }

}  // namespace vocabulary
}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
