#include <gtest/gtest.h>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;
using Strings = std::vector<std::string>;

TEST(ParseOperatorForm, LegalForms) {
  EXPECT_EQ(ja::parse_operator_form("特定非営利活動法人"), "npo");
  EXPECT_EQ(ja::parse_operator_form("ＮＰＯ法人 しまね医療情報ネットワーク協会"), "npo");
  EXPECT_EQ(ja::parse_operator_form("一般社団法人 医療ネットワーク岡山協議会"), "general_association");
  EXPECT_EQ(ja::parse_operator_form("公益社団法人"), "public_interest_association");
  EXPECT_EQ(ja::parse_operator_form("公益財団法人"), "public_interest_association");
  EXPECT_EQ(ja::parse_operator_form("任意団体"), "voluntary_association");
}

TEST(ParseOperatorForm, MostSpecificWins) {
  EXPECT_EQ(ja::parse_operator_form("特定非営利活動法人 長崎地域医療連携ネットワークシステム協議会"), "npo");
  EXPECT_EQ(ja::parse_operator_form("くるめ診療情報ネットワーク協議会（任意団体）"), "voluntary_association");
  EXPECT_EQ(ja::parse_operator_form("一般社団法人 鶴岡地区医師会"), "general_association");
}

TEST(ParseOperatorForm, FromName) {
  EXPECT_EQ(ja::parse_operator_form("酒田地区・鶴岡地区 医療情報ネットワーク協議会"), "council");
  EXPECT_EQ(ja::parse_operator_form("県"), "prefecture");
  EXPECT_EQ(ja::parse_operator_form("都道府県"), "prefecture");
  EXPECT_EQ(ja::parse_operator_form("佐賀県"), "prefecture");
  EXPECT_EQ(ja::parse_operator_form("北海道"), "prefecture");
  EXPECT_EQ(ja::parse_operator_form("市"), "municipality");
  EXPECT_EQ(ja::parse_operator_form("佐渡市"), "municipality");
  EXPECT_EQ(ja::parse_operator_form("長崎県佐世保市"), "municipality");
  EXPECT_EQ(ja::parse_operator_form("町"), "municipality");
  EXPECT_EQ(ja::parse_operator_form("村"), "municipality");
  EXPECT_EQ(ja::parse_operator_form("長崎市医師会"), "medical_association");
  EXPECT_EQ(ja::parse_operator_form("日本海総合病院"), "hospital");
  EXPECT_EQ(ja::parse_operator_form("佐賀大学"), "university");
  EXPECT_EQ(ja::parse_operator_form("佐賀大学医学部附属病院"), "university");
}

TEST(ParseOperatorForm, EnglishAndNothing) {
  EXPECT_EQ(ja::parse_operator_form("npo"), "npo");
  EXPECT_EQ(ja::parse_operator_form("general_association"), "general_association");
  EXPECT_EQ(ja::parse_operator_form("NPO"), "npo");
  EXPECT_EQ(ja::parse_operator_form(""), std::nullopt);
  EXPECT_EQ(ja::parse_operator_form("あじさいネット"), std::nullopt);
}

TEST(ParseFundingSources, Keywords) {
  EXPECT_EQ(ja::parse_funding_sources("地域医療再生基金"), (Strings{"regional_revitalization_fund"}));
  EXPECT_EQ(ja::parse_funding_sources("地域医療再生臨時特例基金"), (Strings{"regional_revitalization_fund"}));
  EXPECT_EQ(ja::parse_funding_sources("地域医療介護総合確保基金"), (Strings{"comprehensive_care_fund"}));
  EXPECT_EQ(ja::parse_funding_sources("国庫補助"), (Strings{"national_subsidy"}));
  EXPECT_EQ(ja::parse_funding_sources("国の補助金"), (Strings{"national_subsidy"}));
  EXPECT_EQ(ja::parse_funding_sources("県費"), (Strings{"prefectural_budget"}));
  EXPECT_EQ(ja::parse_funding_sources("県単独事業"), (Strings{"prefectural_budget"}));
  EXPECT_EQ(ja::parse_funding_sources("市町村負担"), (Strings{"municipal_budget"}));
  EXPECT_EQ(ja::parse_funding_sources("市町村予算"), (Strings{"municipal_budget"}));
  EXPECT_EQ(ja::parse_funding_sources("会費"), (Strings{"member_fees"}));
  EXPECT_EQ(ja::parse_funding_sources("参加機関の利用料"), (Strings{"member_fees"}));
  EXPECT_EQ(ja::parse_funding_sources("自己資金"), (Strings{"own_funds"}));
  EXPECT_EQ(ja::parse_funding_sources("自主財源"), (Strings{"own_funds"}));
  EXPECT_EQ(ja::parse_funding_sources("診療報酬"), (Strings{"medical_fee"}));
  EXPECT_EQ(ja::parse_funding_sources("電子的診療情報評価料"), (Strings{"medical_fee"}));
}

TEST(ParseFundingSources, OrderOfAppearanceEachOnce) {
  EXPECT_EQ(ja::parse_funding_sources("会費及び地域医療再生基金、県費、会費"),
            (Strings{"member_fees", "regional_revitalization_fund", "prefectural_budget"}));
  EXPECT_EQ(ja::parse_funding_sources("own_funds, national_subsidy"),
            (Strings{"own_funds", "national_subsidy"}));
  EXPECT_TRUE(ja::parse_funding_sources("").empty());
  EXPECT_TRUE(ja::parse_funding_sources("約2,000万円").empty());
}

TEST(ParsePayers, Kinds) {
  EXPECT_EQ(ja::parse_payers("県"), (Strings{"prefecture"}));
  EXPECT_EQ(ja::parse_payers("県・市町村"), (Strings{"prefecture", "municipality"}));
  EXPECT_EQ(ja::parse_payers("各開示施設負担、全体額不明"), (Strings{"disclosing_institutions"}));
  EXPECT_EQ(ja::parse_payers("参加機関の利用料"), (Strings{"participants"}));
  EXPECT_EQ(ja::parse_payers("県医師会、中核病院"), (Strings{"medical_association", "hospital"}));
  EXPECT_EQ(ja::parse_payers("運営主体（協議会）"), (Strings{"operator"}));
  EXPECT_EQ(ja::parse_payers("国、県"), (Strings{"national", "prefecture"}));
  EXPECT_EQ(ja::parse_payers("全国"), (Strings{}));
  EXPECT_EQ(ja::parse_payers("prefecture, operator"), (Strings{"prefecture", "operator"}));
}

TEST(ParseDataOutputIncluded, Notes) {
  EXPECT_EQ(ja::parse_data_output_included("※データ出力対応費を含む"), true);
  EXPECT_EQ(ja::parse_data_output_included("約2,000万円（※データ出力対応費を含まない）"), false);
  EXPECT_EQ(ja::parse_data_output_included("※データ出力対応費を含まず"), false);
  EXPECT_EQ(ja::parse_data_output_included("約2,000万円"), std::nullopt);
  EXPECT_EQ(ja::parse_data_output_included(""), std::nullopt);
  // The page template listing both choices states neither.
  EXPECT_EQ(ja::parse_data_output_included("※データ出力対応費を含む／含まない"), std::nullopt);
}

TEST(ParseConsentMethod, Methods) {
  EXPECT_EQ(ja::parse_consent_method("一括同意"), "bulk");
  EXPECT_EQ(ja::parse_consent_method("施設ごとに同意を取得"), "per_facility");
  EXPECT_EQ(ja::parse_consent_method("リスト指定"), "list");
  EXPECT_EQ(ja::parse_consent_method("per_facility"), "per_facility");
  EXPECT_EQ(ja::parse_consent_method("同意書"), std::nullopt);
}
