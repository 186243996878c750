// Search behaviour over six hand-made records (words vs n-grams, filters, ranges, facets, sort).
#include "index_fixture.hpp"

#include "index/query_parser.hpp"
#include "index/snippet.hpp"
#include "index/text_fold.hpp"

namespace senrei::index::test {
namespace {

using S = std::set<std::string>;

class SearchTest : public IndexTest {
 protected:
  void SetUp() override {
    IndexTest::SetUp();
    IndexWriter w(dir_);
    w.replace(make_record("kyoto", "navi", RecordKind::case_overview, "京都府の連携ネットワーク",
                          "京都府の医療機関が参加する。",
                          {text_field("prefecture", "京都府"), number_field("start_year", 2012),
                           number_field("build_cost_yen", 2e8), number_field("running_cost_yen", 15'000'000),
                           text_field("operator_form", "general_association"),
                           items_field("funding_sources", {"regional_revitalization_fund"})}));
    w.replace(make_record("tokyo", "navi", RecordKind::case_overview, "東京都の事例",
                          "東京都の病院が参加する。ネットワークと連携する。",
                          {text_field("prefecture", "東京都"), number_field("start_year", 2013),
                           number_field("build_cost_yen", 6e8), number_field("running_cost_yen", 50'000'000),
                           text_field("operator_form", "npo"),
                           items_field("funding_sources", {"comprehensive_care_fund", "member_fees"})}));
    w.replace(make_record("council", "mhlw", RecordKind::faq, "協議会の費用", "協議会費用の負担について。",
                          {number_field("start_year", 2010)}));
    w.replace(make_record("fees", "navi", RecordKind::faq, "会費について", "会費は病院が負担する。",
                          {number_field("start_year", 2014), number_field("build_cost_yen", 1e8),
                           items_field("funding_sources", {"member_fees"})}));
    w.replace(make_record("zundoko", "navi", RecordKind::point, "ズンドコリンクスの概要",
                          "ズンドコリンクスは庄内の仕組み。",
                          {number_field("running_cost_yen", 1'605'000)}));
    w.replace(make_record("idlink", "navi", RecordKind::case_step, "ID-Link導入事例",
                          "製品はID-Linkで、参加施設は123施設。",
                          {number_field("start_year", 2011), number_field("build_cost_yen", 5e8)}));
    w.commit();
  }
  SearchResult run(const std::string& q, std::string sort = {}, bool facets = false) {
    Searcher s(dir_);
    SearchRequest req;
    req.query = q;
    req.limit = 50;
    req.sort = std::move(sort);
    req.facets = facets;
    return s.search(req);
  }
};

// Snippets mark matches found in folded text on the original: every folded byte maps back to
// its own character when folding kept it, and to the whole chunk folding changed (issue 18: the
// map is kept per run now, not per byte).
TEST(FoldedText, EveryFoldedByteMapsToItsCharacterOrChunk) {
  const std::string original = "会費Ａ（年額）ｶﾞid漢";
  const FoldedText ft = fold_with_map(original);
  EXPECT_EQ(ft.folded, "会費a(年額)ガid漢");
  struct Expect {
    std::string_view folded_char;
    std::string_view original_char;
  };
  const Expect expected[] = {{"会", "会"}, {"費", "費"}, {"a", "Ａ"}, {"(", "（"}, {"年", "年"}, {"額", "額"},
                             {")", "）"}, {"ガ", "ｶﾞ"}, {"i", "i"}, {"d", "d"}, {"漢", "漢"}};
  std::size_t f = 0;
  for (const auto& e : expected) {
    ASSERT_EQ(ft.folded.compare(f, e.folded_char.size(), e.folded_char), 0) << f;
    for (std::size_t k = f; k < f + e.folded_char.size(); ++k) {
      const std::size_t b = ft.orig_begin(k), end = ft.orig_end(k);
      EXPECT_EQ(original.substr(b, end - b), e.original_char) << "folded byte " << k;
    }
    f += e.folded_char.size();
  }
  EXPECT_EQ(f, ft.folded.size());
}

TEST_F(SearchTest, KyotoIsNotTokyoTo) {
  // 東京都 is 東京|都 in MeCab: the word 京都 is not in it.
  auto r = run("京都");
  EXPECT_EQ(id_set(r), S{"kyoto"});
  EXPECT_EQ(r.total, 1u);
  EXPECT_TRUE(r.total_exact);
}

TEST_F(SearchTest, KaihiIsNotKyogikaiHiyo) {
  // 協議会費用 is 協議|会|費用: no word 会費.
  EXPECT_EQ(id_set(run("会費")), S{"fees"});
}

TEST_F(SearchTest, FullWidthFindsWhatHalfWidthFinds) {
  EXPECT_EQ(id_set(run("ID-Link")), S{"idlink"});
  EXPECT_EQ(id_set(run("ＩＤ－Ｌｉｎｋ")), S{"idlink"});
  EXPECT_EQ(id_set(run("id-link")), S{"idlink"});
  EXPECT_EQ(id_set(run("123")), S{"idlink"});
  EXPECT_EQ(id_set(run("１２３")), S{"idlink"});
}

TEST_F(SearchTest, UnknownNameMatchesThroughNgrams) {
  // ドコリンク is no MeCab word of this corpus; its characters appear in that order in one record.
  EXPECT_EQ(id_set(run("ドコリンク")), S{"zundoko"});
  // The n-gram fallback is a phrase: the same characters out of order match nothing.
  EXPECT_TRUE(run("リンクドコ").hits.empty());
}

TEST_F(SearchTest, PhraseNeedsAdjacentWords) {
  EXPECT_EQ(id_set(run("連携 ネットワーク")), (S{"kyoto", "tokyo"}));
  EXPECT_EQ(id_set(run("連携ネットワーク")), S{"kyoto"});
  EXPECT_EQ(id_set(run("\"連携 ネットワーク\"")), S{"kyoto"});
  EXPECT_EQ(id_set(run("「連携ネットワーク」")), S{"kyoto"});
}

TEST_F(SearchTest, BooleanOperators) {
  EXPECT_EQ(id_set(run("参加")), (S{"kyoto", "tokyo", "idlink"}));
  EXPECT_EQ(id_set(run("参加 NOT 東京")), (S{"kyoto", "idlink"}));
  EXPECT_EQ(id_set(run("参加 -東京")), (S{"kyoto", "idlink"}));
  EXPECT_EQ(id_set(run("京都 OR 会費")), (S{"kyoto", "fees"}));
  EXPECT_EQ(id_set(run("参加 AND (京都 OR 東京)")), (S{"kyoto", "tokyo"}));
  EXPECT_EQ(id_set(run("NOT 参加 kind:case_overview")), S{});
  EXPECT_EQ(id_set(run("-kind:faq -kind:case_overview")), (S{"zundoko", "idlink"}));
}

TEST_F(SearchTest, YearRange) {
  EXPECT_EQ(id_set(run("year:2012..2013")), (S{"kyoto", "tokyo"}));
  EXPECT_EQ(id_set(run("year:2013..")), (S{"tokyo", "fees"}));
  EXPECT_EQ(id_set(run("year:..2011")), (S{"council", "idlink"}));
  EXPECT_EQ(id_set(run("year:2014")), S{"fees"});
  // 平成24 = 1988 + 24 = 2012; H25 = 2013.
  EXPECT_EQ(id_set(run("year:平成24..H25")), (S{"kyoto", "tokyo"}));
  EXPECT_EQ(id_set(run("year:2012〜2013")), (S{"kyoto", "tokyo"}));
  EXPECT_EQ(id_set(run("参加 year:2012..2013")), (S{"kyoto", "tokyo"}));
}

TEST_F(SearchTest, MoneyRangeInJapaneseAmounts) {
  // build: kyoto 2億, tokyo 6億, fees 1億, idlink 5億 (ends are inclusive).
  EXPECT_EQ(id_set(run("build:1億..5億")), (S{"kyoto", "fees", "idlink"}));
  EXPECT_EQ(id_set(run("build:1億円..5億円")), (S{"kyoto", "fees", "idlink"}));
  EXPECT_EQ(id_set(run("build:100000000..500000000")), (S{"kyoto", "fees", "idlink"}));
  EXPECT_EQ(id_set(run("build:10,000万..50,000万")), (S{"kyoto", "fees", "idlink"}));
  EXPECT_EQ(id_set(run("build:１億..２億")), (S{"kyoto", "fees"}));
  // run: kyoto 1,500万, tokyo 5,000万, zundoko 1,605千円; records without a value never match.
  EXPECT_EQ(id_set(run("run:..2000万")), (S{"kyoto", "zundoko"}));
  EXPECT_EQ(id_set(run("run:1,605千円..1,605千円")), S{"zundoko"});
}

TEST_F(SearchTest, KeywordFilters) {
  EXPECT_EQ(id_set(run("kind:faq")), (S{"council", "fees"}));
  EXPECT_EQ(id_set(run("kind:faq,point")), (S{"council", "fees", "zundoko"}));
  EXPECT_EQ(id_set(run("kind:faq kind:point")), (S{"council", "fees", "zundoko"}));
  EXPECT_EQ(id_set(run("source:mhlw")), S{"council"});
  EXPECT_EQ(id_set(run("pref:京都")), S{"kyoto"});
  EXPECT_EQ(id_set(run("pref:京都府")), S{"kyoto"});
  EXPECT_EQ(id_set(run("pref:東京都")), S{"tokyo"});
  EXPECT_EQ(id_set(run("form:一般社団法人")), S{"kyoto"});
  EXPECT_EQ(id_set(run("form:npo")), S{"tokyo"});
  EXPECT_EQ(id_set(run("form:NPO法人")), S{"tokyo"});
  EXPECT_EQ(id_set(run("fund:地域医療再生基金")), S{"kyoto"});
  EXPECT_EQ(id_set(run("fund:member_fees")), (S{"tokyo", "fees"}));
  EXPECT_EQ(id_set(run("fund:会費 参加")), S{"tokyo"});
  EXPECT_EQ(id_set(run("fund:member_fees fund:comprehensive_care_fund")), S{"tokyo"});
}

TEST_F(SearchTest, FacetsAreExact) {
  auto r = run("参加", {}, true);  // kyoto, tokyo, idlink
  ASSERT_EQ(r.facets.size(), 6u);  // kind, source, pref, form, fund, product
  auto values = [&](const std::string& name) {
    std::map<std::string, Xapian::doccount> m;
    for (const auto& f : r.facets)
      if (f.name == name)
        for (const auto& v : f.values) m[v.value] = v.count;
    return m;
  };
  using M = std::map<std::string, Xapian::doccount>;
  EXPECT_EQ(values("kind"), (M{{"case_overview", 2}, {"case_step", 1}}));
  EXPECT_EQ(values("source"), (M{{"navi", 3}}));
  EXPECT_EQ(values("pref"), (M{{"京都府", 1}, {"東京都", 1}}));
  EXPECT_EQ(values("form"), (M{{"general_association", 1}, {"npo", 1}}));
  EXPECT_EQ(values("fund"),
            (M{{"regional_revitalization_fund", 1}, {"comprehensive_care_fund", 1}, {"member_fees", 1}}));
  EXPECT_EQ(r.facets[0].name, "kind");
  EXPECT_EQ(r.facets[0].values[0].value, "case_overview");  // most frequent first

  auto all = run("year:..3000", {}, true);  // the five with a start year
  for (const auto& f : all.facets)
    if (f.name == "fund") {
      M m;
      for (const auto& v : f.values) m[v.value] = v.count;
      EXPECT_EQ(m, (M{{"regional_revitalization_fund", 1}, {"comprehensive_care_fund", 1}, {"member_fees", 2}}));
    }
}

TEST_F(SearchTest, SortByValueMissingLast) {
  // 参加: kyoto 2012, tokyo 2013, idlink 2011.
  EXPECT_EQ(id_list(run("参加", "year")), (std::vector<std::string>{"idlink", "kyoto", "tokyo"}));
  EXPECT_EQ(id_list(run("参加", "-year")), (std::vector<std::string>{"tokyo", "kyoto", "idlink"}));
  // faq: fees has 1億, council no build cost: last both ways.
  EXPECT_EQ(id_list(run("kind:faq", "build")), (std::vector<std::string>{"fees", "council"}));
  EXPECT_EQ(id_list(run("kind:faq", "-build")), (std::vector<std::string>{"fees", "council"}));
  EXPECT_EQ(id_list(run("kind:case_overview OR kind:faq OR kind:case_step", "-build")),
            (std::vector<std::string>{"tokyo", "idlink", "kyoto", "fees", "council"}));
  EXPECT_THROW(run("参加", "colour"), QueryError);
}

TEST_F(SearchTest, TitleOutranksText) {
  // 会費 only in fees; 病院 in tokyo (text) and fees (text): add a title hit to compare.
  auto r = run("京都 OR 参加");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].record.id, "kyoto");
  EXPECT_EQ(r.hits[0].rank, 1u);
  EXPECT_GT(r.hits[0].percent, 0);
}

TEST_F(SearchTest, PagingKeepsRanks) {
  Searcher s(dir_);
  SearchRequest req;
  req.query = "参加";
  req.sort = "year";
  req.offset = 1;
  req.limit = 1;
  auto r = s.search(req);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].record.id, "kyoto");
  EXPECT_EQ(r.hits[0].rank, 2u);
  EXPECT_EQ(r.total, 3u);
}

TEST_F(SearchTest, QueryErrorsNameTheProblem) {
  auto message = [&](const std::string& q) -> std::string {
    try {
      run(q);
    } catch (const QueryError& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_NE(message("").find("empty query"), std::string::npos);
  EXPECT_NE(message("   　 ").find("empty query"), std::string::npos);
  EXPECT_EQ(message("foo:bar"),
            "unknown filter 'foo:' — known: kind, source, pref, form, fund, product, year, build, run, pop, patients, inst");
  EXPECT_NE(message("year:abc").find("malformed range 'year:abc'"), std::string::npos);
  EXPECT_NE(message("year:..").find("malformed range"), std::string::npos);
  EXPECT_NE(message("build:1億..x").find("malformed range"), std::string::npos);
  EXPECT_NE(message("year:2015..2010").find("low end is above its high end"), std::string::npos);
  EXPECT_NE(message("kind:case").find("unknown kind 'case'"), std::string::npos);
  EXPECT_NE(message("pref:アトランティス").find("unknown prefecture"), std::string::npos);
  EXPECT_NE(message("kind:").find("needs a value"), std::string::npos);
  EXPECT_NE(message("(京都").find("missing ')'"), std::string::npos);
  EXPECT_NE(message("京都)").find("unmatched ')'"), std::string::npos);
  EXPECT_NE(message("京都 OR").find("OR needs"), std::string::npos);
  EXPECT_NE(message("京都 NOT").find("NOT"), std::string::npos);
  EXPECT_EQ(message("form:npo year:2010..2014 --sort year"),
            "'--sort' is inside the query: put options outside the quotes, e.g. senrei search '会費' --sort …");
  EXPECT_EQ(message("会費 -京都"), "(no error)");  // one minus is NOT, as before
}

TEST_F(SearchTest, GetByIdAndUrl) {
  Searcher s(dir_);
  auto r = s.get("fees");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "会費について");
  EXPECT_EQ(r->kind, RecordKind::faq);
  ASSERT_NE(r->field("build_cost_yen"), nullptr);
  EXPECT_EQ(*r->field("build_cost_yen")->number, 1e8);
  auto u = s.get_by_url("https://example.jp/idlink");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->id, "idlink");
  EXPECT_FALSE(s.get("nope"));
  EXPECT_FALSE(s.get_by_url("https://example.jp/nope"));
  EXPECT_EQ(s.doc_count(), 6u);
}

TEST_F(SearchTest, SnippetMarksWholeWords) {
  auto r = run("京都");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].snippet, "\x01京都\x02府の医療機関が参加する。");
  auto t = run("東京");
  ASSERT_EQ(t.hits.size(), 1u);
  EXPECT_EQ(render_marks(t.hits[0].snippet, "[", "]"), "[東京]都の病院が参加する。ネットワークと連携する。");
  auto f = run("ＩＤ－Ｌｉｎｋ");
  ASSERT_EQ(f.hits.size(), 1u);
  EXPECT_EQ(render_marks(f.hits[0].snippet, "[", "]"), "製品は[ID-Link]で、参加施設は123施設。");
  auto n = run("ドコリンク");
  ASSERT_EQ(n.hits.size(), 1u);
  EXPECT_EQ(render_marks(n.hits[0].snippet, "[", "]"), "ズン[ドコリンク]スは庄内の仕組み。");
}

}  // namespace
}  // namespace senrei::index::test
