// The field vocabulary a declarative source may map labels onto (senrei/fields.hpp), and the
// 厚生労働省標準規格 numbers a standards row gives.
#include <gtest/gtest.h>

#include <algorithm>

#include "senrei/fields.hpp"

using namespace senrei;

namespace {
bool known(const std::string& name) {
  const auto& names = known_field_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}
}  // namespace

TEST(FieldVocabulary, EveryFieldALabelNamesIsKnown) {
  for (const char* label : {"ネットワーク名", "名称", "運営主体の運用費用", "運用費用", "構築費用", "構築費用の内訳",
                            "初期費用", "運営主体", "組織形態", "計画推進主体", "稼働", "対象地域", "人口", "高齢化率",
                            "財源", "年会費", "登録患者数", "参加機関数", "病病・病診連携以外のサービス", "概要",
                            "構築時の主な関係者", "標準規格", "同意方式", "負担者", "運用費用の負担者"}) {
    auto field = field_for_label(label, "費用負担");
    ASSERT_TRUE(field) << label;
    EXPECT_TRUE(known(*field)) << label << " → " << *field;
  }
}

TEST(FieldVocabulary, NamesAreSnakeCaseAndUnique) {
  auto names = known_field_names();
  for (const auto& n : names)
    EXPECT_TRUE(std::all_of(n.begin(), n.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; })) << n;
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST(StandardsField, ReadsHsNumbersOnceEachAndNotInsideLongerCodes) {
  auto fields = read_fields("standards",
                            "HS025 地域医療連携における情報連携基盤技術仕様、ＨＳ０２６ SS-MIX2ストレージ仕様書、"
                            "HS025（再掲）、XHS999、HS0123",
                            {"https://example.jp/", "s"});
  ASSERT_EQ(fields.size(), 1u);
  // Full-width ＨＳ０２６ reads as HS026 (NFKC); XHS999 and HS0123 are other codes.
  EXPECT_EQ(fields[0].items, (std::vector<std::string>{"SS-MIX2", "HS025", "HS026"}));
  EXPECT_EQ(fields[0].provenance.url, "https://example.jp/");
}
