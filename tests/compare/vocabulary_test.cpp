// Walks senrei/vocabulary.hpp: every value extraction can produce is read back from each of its
// wordings, is accepted by the matching search filter (by keyword and by Japanese wording, and
// finds the record that holds it), and has a Japanese and an English label where reports and
// the CLI show it.  Also the drifts the single table fixed (未定, 参加費, 再生基金).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "index/index_fixture.hpp"
#include "index/query_parser.hpp"
#include "report/labels.hpp"
#include "senrei/fields.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei {
namespace {

using vocabulary::Concept;
using vocabulary::Term;

std::string bare(std::string_view wording) {
  if (wording.starts_with('^')) wording.remove_prefix(1);
  if (wording.ends_with('$')) wording.remove_suffix(1);
  return std::string(wording);
}

std::string_view w0(const Term& t) { return t.wordings.front(); }

void expect_labels(const Term& t, const char* group) {
  EXPECT_FALSE(t.ja.empty()) << t.keyword;
  EXPECT_FALSE(t.en.empty()) << t.keyword;
  EXPECT_EQ(report::label(group, t.keyword, report::Lang::ja), t.ja) << t.keyword;
  EXPECT_EQ(report::label(group, t.keyword, report::Lang::en), t.en) << t.keyword;
}

TEST(Vocabulary, FundingSourcesReadFromEveryWordingAndLabelled) {
  for (const Term& t : vocabulary::terms(Concept::funding_source)) {
    expect_labels(t, "fund");
    EXPECT_NE(t.ja, t.keyword);
    for (auto w : t.wordings) {
      const auto funds = ja::parse_funding_sources(bare(w));
      EXPECT_NE(std::find(funds.begin(), funds.end(), t.keyword), funds.end()) << w;
    }
    EXPECT_EQ(ja::parse_funding_sources(t.keyword), std::vector<std::string>{std::string(t.keyword)});
  }
}

TEST(Vocabulary, OperatorFormsReadFromEveryWordingAndLabelled) {
  for (const Term& t : vocabulary::terms(Concept::operator_form)) {
    expect_labels(t, "form");
    for (auto w : t.wordings) EXPECT_EQ(ja::parse_operator_form(bare(w)), t.keyword) << w;
    EXPECT_EQ(ja::parse_operator_form(t.keyword), t.keyword);
  }
}

TEST(Vocabulary, PayersReadFromEveryWording) {
  for (const Term& t : vocabulary::terms(Concept::payer)) {
    EXPECT_FALSE(t.ja.empty());
    EXPECT_EQ(report::label("payer", t.keyword, report::Lang::en) != std::string(t.keyword) ||
                  t.en == t.keyword,
              true);
    for (auto w : t.wordings) EXPECT_EQ(ja::parse_payers(bare(w)), std::vector<std::string>{std::string(t.keyword)}) << w;
    if (!t.funds_as.empty()) {
      EXPECT_NE(vocabulary::find(Concept::funding_source, t.funds_as), nullptr);
    }
  }
}

TEST(Vocabulary, InstitutionKindsAreBreakdownKeysWithFields) {
  for (const Term& t : vocabulary::terms(Concept::institution_kind)) {
    expect_labels(t, "payer");  // a fee's payer type is an institution kind
    for (auto w : t.wordings) {
      const auto c = ja::parse_count("合計100施設（" + bare(w) + "40施設）");
      ASSERT_TRUE(c) << w;
      EXPECT_EQ(c->value, 100) << w;
      ASSERT_EQ(c->breakdown.size(), 1u) << w;
      EXPECT_EQ(c->breakdown[0].first, t.keyword) << w;
    }
    const auto* f = vocabulary::field("institutions_" + std::string(t.keyword));
    ASSERT_NE(f, nullptr) << t.keyword;
    EXPECT_EQ(f->unit, "institution");
    EXPECT_FALSE(f->ja.empty());
    EXPECT_FALSE(f->en.empty());
  }
}

// The three readers of a stated non-value (money, counts, text cells) agree, 未定 included.
TEST(Vocabulary, ValueStatesAgreeInEveryReader) {
  for (const Term& t : vocabulary::terms(Concept::value_state)) {
    const auto state = parse_value_state(t.keyword);
    ASSERT_TRUE(state) << t.keyword;
    EXPECT_FALSE(t.ja.empty());
    for (auto w : t.wordings) {
      const std::string v = bare(w);
      const auto m = ja::parse_money(v);
      ASSERT_TRUE(m) << v;
      EXPECT_EQ(m->state, *state) << v;
      const auto c = ja::parse_count(v);
      ASSERT_TRUE(c) << v;
      EXPECT_EQ(c->state, *state) << v;
      const auto fields = read_fields("running_payers", v, {"https://example.jp/", v});
      ASSERT_FALSE(fields.empty()) << v;
      EXPECT_EQ(fields[0].state, *state) << v;
    }
  }
  EXPECT_EQ(ja::parse_count("未定")->state, ValueState::unknown);  // was nullopt for counts only
}

TEST(Vocabulary, PeriodsReadFromEveryWording) {
  for (const Term& t : vocabulary::terms(Concept::period)) {
    expect_labels(t, "period");
    if (t.keyword == "once") continue;  // not a running cost's period
    for (auto w : t.wordings) EXPECT_EQ(ja::parse_money("10万円" + bare(w))->period, t.keyword) << w;
  }
  EXPECT_EQ(ja::parse_money("5年間で1億円")->period, "unknown");
}

TEST(Vocabulary, ConsentMethodsAndScopes) {
  for (const Term& t : vocabulary::terms(Concept::consent_method)) {
    expect_labels(t, "consent");
    for (auto w : t.wordings) EXPECT_EQ(ja::parse_consent_method(bare(w)), t.keyword) << w;
  }
  for (const Term& t : vocabulary::terms(Concept::area_scope)) {
    expect_labels(t, "scope");
    for (auto w : t.wordings) EXPECT_EQ(ja::parse_area_scope(bare(w)), t.keyword) << w;
  }
}

TEST(Vocabulary, RecordKindsMatchTheEnum) {
  std::set<std::string> in_table;
  for (const Term& t : vocabulary::terms(Concept::record_kind)) {
    in_table.emplace(t.keyword);
    ASSERT_TRUE(parse_record_kind(t.keyword)) << t.keyword;
    EXPECT_EQ(to_string(*parse_record_kind(t.keyword)), t.keyword);
    EXPECT_FALSE(t.ja.empty());
    EXPECT_FALSE(t.en.empty());
  }
  for (auto k : {RecordKind::case_overview, RecordKind::case_step, RecordKind::step_guide, RecordKind::point,
                 RecordKind::faq, RecordKind::glossary, RecordKind::statistics, RecordKind::guideline,
                 RecordKind::standard, RecordKind::notice, RecordKind::other})
    EXPECT_TRUE(in_table.count(std::string(to_string(k)))) << to_string(k);
}

TEST(Vocabulary, EveryFieldHasTypeUnitAndLabels) {
  std::set<std::string> names;
  for (const auto& f : vocabulary::fields()) {
    EXPECT_TRUE(names.insert(std::string(f.name)).second) << "twice: " << f.name;
    EXPECT_FALSE(f.ja.empty()) << f.name;
    EXPECT_FALSE(f.en.empty()) << f.name;
    const std::set<std::string_view> types = {"number", "text", "keyword", "list", "flag"};
    EXPECT_TRUE(types.count(f.type)) << f.name;
    if (f.type == "number") {
      EXPECT_FALSE(f.unit.empty()) << f.name;
    }
    if (f.type == "keyword") {
      EXPECT_TRUE(f.has_values) << f.name;
    }
  }
  // Every label-mapped field and every field a reading adds has an entry.
  for (const auto& n : known_field_names()) EXPECT_NE(vocabulary::field(n), nullptr) << n;
  const Provenance p{"https://example.jp/", "s"};
  for (const auto& [field, value] :
       std::vector<std::pair<std::string, std::string>>{{"build_cost_yen", "29,925千円＋40,105千円（データ出力対応費を含む）"},
                                                        {"institutions_total", "139施設＋65施設（病院10）"},
                                                        {"area_name", "長崎県全域"},
                                                        {"operator_name", "NPO法人 あじさい"}})
    for (const auto& f : read_fields(field, value, p)) EXPECT_NE(vocabulary::field(f.name), nullptr) << f.name;
}

// The search filters accept what extraction writes, by keyword and by any wording.
class VocabularySearch : public index::test::IndexTest {};

TEST_F(VocabularySearch, FiltersAcceptEveryKeywordAndWording) {
  using index::test::items_field;
  using index::test::make_record;
  using index::test::text_field;
  {
    index::IndexWriter w(dir_);
    for (const Term& t : vocabulary::terms(Concept::funding_source))
      w.replace(make_record("fund-" + std::string(t.keyword), "t", RecordKind::case_overview, "x", "x",
                            {items_field("funding_sources", {std::string(t.keyword)})}));
    for (const Term& t : vocabulary::terms(Concept::operator_form))
      w.replace(make_record("form-" + std::string(t.keyword), "t", RecordKind::case_overview, "x", "x",
                            {text_field("operator_form", std::string(t.keyword))}));
    for (const Term& t : vocabulary::terms(Concept::product))
      w.replace(make_record("product-" + std::string(t.keyword), "t", RecordKind::case_overview, "x", "x",
                            {items_field("products", {std::string(t.keyword)})}));
    w.replace(make_record("pref", "t", RecordKind::case_overview, "x", "x", {text_field("prefecture", "長崎県")}));
    w.commit();
  }
  index::Searcher s(dir_);
  auto ids = [&](const std::string& q) {
    index::SearchRequest req;
    req.query = q;
    req.limit = 100;
    return index::test::id_set(s.search(req));
  };
  for (const Term& t : vocabulary::terms(Concept::funding_source)) {
    const std::string id = "fund-" + std::string(t.keyword);
    EXPECT_TRUE(ids("fund:" + std::string(t.keyword)).count(id)) << t.keyword;
    for (auto w : t.wordings) EXPECT_TRUE(ids("fund:" + bare(w)).count(id)) << w;
  }
  for (const Term& t : vocabulary::terms(Concept::operator_form)) {
    const std::string id = "form-" + std::string(t.keyword);
    EXPECT_TRUE(ids("form:" + std::string(t.keyword)).count(id)) << t.keyword;
    for (auto w : t.wordings) EXPECT_TRUE(ids("form:" + bare(w)).count(id)) << w;
  }
  for (const Term& t : vocabulary::terms(Concept::product)) {
    const std::string id = "product-" + std::string(t.keyword);
    EXPECT_EQ(ids("product:" + std::string(t.keyword)), std::set<std::string>{id}) << t.keyword;
    for (auto w : t.wordings) EXPECT_EQ(ids("product:\"" + bare(w) + "\""), std::set<std::string>{id}) << w;
    // What extraction reads from a sentence naming it is the keyword the filter finds.
    const auto read = read_fields("products", "システムは" + bare(w0(t)) + "を採用", {"https://example.jp/", "s"});
    ASSERT_FALSE(read.empty());
    EXPECT_EQ(read[0].items, std::vector<std::string>{std::string(t.keyword)});
    EXPECT_EQ(report::label("product", t.keyword, report::Lang::ja), t.ja);
  }
  EXPECT_EQ(ids("product:ＩＤ－Ｌｉｎｋ"), std::set<std::string>{"product-id_link"});
  EXPECT_THROW(ids("product:NEC"), index::QueryError);
  for (auto p : vocabulary::prefectures()) EXPECT_NO_THROW(ids("pref:" + std::string(p))) << p;
  EXPECT_EQ(ids("pref:長崎"), std::set<std::string>{"pref"});
  // The drifts: search refused 参加費 and 使用料 though extraction reads them as member fees.
  EXPECT_EQ(ids("fund:参加費"), std::set<std::string>{"fund-member_fees"});
  EXPECT_EQ(ids("fund:使用料"), std::set<std::string>{"fund-member_fees"});
  EXPECT_EQ(ja::parse_funding_sources("再生基金"), std::vector<std::string>{"regional_revitalization_fund"});
  EXPECT_THROW(ids("fund:補助"), index::QueryError);
}

}  // namespace
}  // namespace senrei
