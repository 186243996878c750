#include <gtest/gtest.h>

#include "senrei/ja.hpp"

namespace ja = senrei::ja;

TEST(ParseAreaScope, Prefecture) {
  EXPECT_EQ(ja::parse_area_scope("全県"), "prefecture");
  EXPECT_EQ(ja::parse_area_scope("全県域"), "prefecture");
  EXPECT_EQ(ja::parse_area_scope("長崎県全域"), "prefecture");
  EXPECT_EQ(ja::parse_area_scope("島根県"), "prefecture");
  EXPECT_EQ(ja::parse_area_scope("北海道全域"), "prefecture");
}

TEST(ParseAreaScope, SecondaryArea) {
  EXPECT_EQ(ja::parse_area_scope("庄内二次医療圏（山形県）"), "secondary_area");
  EXPECT_EQ(ja::parse_area_scope("久留米医療圏"), "secondary_area");
  EXPECT_EQ(ja::parse_area_scope("二次医療圏"), "secondary_area");
}

TEST(ParseAreaScope, Municipal) {
  EXPECT_EQ(ja::parse_area_scope("佐渡市"), "municipal");
  EXPECT_EQ(ja::parse_area_scope("長崎県佐世保市"), "municipal");
  EXPECT_EQ(ja::parse_area_scope("久留米市全域"), "municipal");
}

TEST(ParseAreaScope, MultiArea) {
  EXPECT_EQ(ja::parse_area_scope("酒田地区・鶴岡地区"), "multi_area");
  EXPECT_EQ(ja::parse_area_scope("久留米市、小郡市、うきは市"), "multi_area");
  EXPECT_EQ(ja::parse_area_scope("長崎県及び佐賀県"), "multi_area");
}

TEST(ParseAreaScope, EnglishAndNothing) {
  EXPECT_EQ(ja::parse_area_scope("secondary_area"), "secondary_area");
  EXPECT_EQ(ja::parse_area_scope(""), std::nullopt);
  EXPECT_EQ(ja::parse_area_scope("病院と診療所"), std::nullopt);
}

TEST(ParsePrefecture, Names) {
  EXPECT_EQ(ja::parse_prefecture("長崎県全域"), "長崎県");
  EXPECT_EQ(ja::parse_prefecture("庄内二次医療圏（山形県）"), "山形県");
  EXPECT_EQ(ja::parse_prefecture("北海道"), "北海道");
  EXPECT_EQ(ja::parse_prefecture("京都府"), "京都府");
  EXPECT_EQ(ja::parse_prefecture("東京都"), "東京都");
  EXPECT_EQ(ja::parse_prefecture("東京都府中市"), "東京都");
  EXPECT_EQ(ja::parse_prefecture("京都府京都市"), "京都府");
  EXPECT_EQ(ja::parse_prefecture("鹿児島県"), "鹿児島県");
  EXPECT_EQ(ja::parse_prefecture("神奈川県横浜市"), "神奈川県");
  EXPECT_EQ(ja::parse_prefecture("和歌山県"), "和歌山県");
}

TEST(ParsePrefecture, NoneWithoutSuffix) {
  EXPECT_EQ(ja::parse_prefecture("長崎市"), std::nullopt);
  EXPECT_EQ(ja::parse_prefecture("京都市"), std::nullopt);
  EXPECT_EQ(ja::parse_prefecture(""), std::nullopt);
}

TEST(ParsePrefecture, All47AreFound) {
  const char* names[] = {
      "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
      "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
      "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
      "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
      "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
      "鹿児島県", "沖縄県"};
  for (const char* n : names) {
    EXPECT_EQ(ja::parse_prefecture(std::string("対象：") + n + "全域"), n);
  }
}
