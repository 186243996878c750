// senrei/label_phrasings.hpp: a C++ plugin's own label phrasings, read before the built-in table.
#include <gtest/gtest.h>

#include <stdexcept>

#include "senrei/fields.hpp"
#include "senrei/label_phrasings.hpp"

using namespace senrei;

namespace {

ParsedPage page_with(std::vector<std::pair<std::string, std::string>> labels) {
  ParsedPage p;
  p.url = "http://site.test/case/";
  p.title = "テストネット";
  for (auto& [label, value] : labels) p.labels.push_back({label, value, "", ""});
  return p;
}

const Field* find(const std::vector<Field>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace

TEST(PluginLabelPhrasings, OwnPhrasingsNameFieldsTheBuiltInTableDoesNotKnow) {
  LabelPhrasings own;
  own.add("システム維持費", "running_cost_yen").add("加入者 ", "patients").add("調査日", "as_of");
  EXPECT_EQ(own.field_for("システム維持費（税込）"), "running_cost_yen");  // label_key: cut at the bracket
  EXPECT_EQ(own.field_for("加入者"), "patients");
  EXPECT_FALSE(own.field_for("構築費用"));

  const ParsedPage page =
      page_with({{"システム維持費", "年額1,200万円"}, {"加入者", "3,000人"}, {"構築費用", "2億円"}, {"調査日", "令和5年4月1日"}});
  std::string as_of;
  auto fields = own.read_labelled_fields(page, &as_of);
  const Field* running = find(fields, "running_cost_yen");
  ASSERT_NE(running, nullptr);
  ASSERT_TRUE(running->number);
  EXPECT_DOUBLE_EQ(*running->number, 12000000);
  EXPECT_EQ(running->provenance.url, "http://site.test/case/");
  EXPECT_EQ(running->provenance.sentence, "システム維持費：年額1,200万円");
  const Field* patients = find(fields, "patients");
  ASSERT_NE(patients, nullptr);
  EXPECT_DOUBLE_EQ(patients->number.value_or(0), 3000);
  // The built-in table still reads what the plugin did not phrase itself.
  const Field* build = find(fields, "build_cost_yen");
  ASSERT_NE(build, nullptr);
  EXPECT_DOUBLE_EQ(build->number.value_or(0), 200000000);
  EXPECT_EQ(as_of.substr(0, 7), "2023-04");
  // Without the table, the plugin's phrasings name nothing.
  EXPECT_EQ(find(read_labelled_fields(page), "patients"), nullptr);
}

TEST(PluginLabelPhrasings, AnOwnPhrasingWinsAndTheBuiltInTableDoesNotReadThatLabelAgain) {
  LabelPhrasings own;
  own.add("運用費用", "build_cost_yen");  // this site calls its build cost so
  auto fields = own.read_labelled_fields(page_with({{"運用費用", "5,000万円"}}));
  ASSERT_NE(find(fields, "build_cost_yen"), nullptr);
  EXPECT_DOUBLE_EQ(find(fields, "build_cost_yen")->number.value_or(0), 50000000);
  EXPECT_EQ(find(fields, "running_cost_yen"), nullptr);
  // The built-in table alone reads it as the running cost.
  EXPECT_NE(find(read_labelled_fields(page_with({{"運用費用", "5,000万円"}})), "running_cost_yen"), nullptr);
}

TEST(PluginLabelPhrasings, RefusesFieldsALabelCannotName) {
  LabelPhrasings own;
  EXPECT_THROW(own.add("費用", "cost"), std::invalid_argument);
  EXPECT_THROW(own.add("  ", "patients"), std::invalid_argument);
  EXPECT_TRUE(own.empty());
  EXPECT_EQ(label_key("構築 費用【税込】"), "構築費用");
  EXPECT_EQ(label_key("ＡＢＣ：値"), "ABC");
}
