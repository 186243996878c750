// Synonyms and the user dictionary, as data (issue 18 item 2): the shipped table read from
// share/, applied at query time both ways and to filter values; names of the user dictionary
// one word each; an index built with another user dictionary refused.
#include "index_fixture.hpp"

#include <fstream>

#include "index/synonyms.hpp"
#include "index/schema.hpp"
#include "index/text_fold.hpp"
#include "index/word_bounds.hpp"

namespace senrei::index::test {
namespace {

using S = std::set<std::string>;

const std::filesystem::path kShipped = std::filesystem::path(SENREI_SOURCE_DIR) / "share" / "synonyms.toml";

std::vector<std::string> word_texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(w.text);
  return out;
}

TEST(SynonymTable, ShippedTableLoadsAndPairsBothWays) {
  Synonyms s;
  s.load(kShipped);
  EXPECT_GE(s.group_count(), 8u);
  EXPECT_EQ(s.of("NPO法人"), std::vector<std::string>{"特定非営利活動法人"});
  EXPECT_EQ(s.of("特定非営利活動法人"), std::vector<std::string>{"npo法人"});  // folded
  EXPECT_EQ(s.of("ＩＤ－Ｌｉｎｋ"), (std::vector<std::string>{"idリンク", "アイディーリンク"}));
  EXPECT_TRUE(s.of("会費").empty());
}

TEST(SynonymTable, GroupsSharingANameMerge) {
  Synonyms s;
  s.add({"A社", "B社"});
  s.add({"C社", "b社"});
  EXPECT_EQ(s.of("a社"), (std::vector<std::string>{"b社", "c社"}));
  EXPECT_EQ(s.group_count(), 1u);
}

TEST(SynonymTable, BadFilesNameTheLine) {
  auto dir = make_temp_dir("syn");
  auto write = [&](const std::string& text) {
    std::ofstream(dir / "s.toml") << text;
    try {
      Synonyms s;
      s.load(dir / "s.toml");
      return std::string("(no error)");
    } catch (const IndexError& e) {
      return std::string(e.what());
    }
  };
  EXPECT_EQ(write("groups = [[\"a\", \"b\"]]\n"), "(no error)");
  EXPECT_NE(write("groups = [[\"a\", \"b\"]\n").find("s.toml line"), std::string::npos);
  EXPECT_NE(write("\ngroups = [[\"a\", 3]]\n").find("line 2: a name is not a string"), std::string::npos);
  EXPECT_NE(write("groups = \"a\"\n").find("groups is not an array"), std::string::npos);
  std::filesystem::remove_all(dir);
}

class SynonymSearchTest : public IndexTest {
 protected:
  void SetUp() override {
    IndexTest::SetUp();
    IndexWriter w(dir_);
    w.replace(make_record("npo", "navi", RecordKind::case_overview, "運営主体", "特定非営利活動法人が運営する。",
                          {text_field("operator_form", "npo")}));
    w.replace(make_record("npo-short", "navi", RecordKind::case_overview, "運営", "NPO法人として登記した。"));
    w.replace(make_record("fund", "navi", RecordKind::case_overview, "財源", "地域医療介護総合確保基金を充てた。",
                          {items_field("funding_sources", {"comprehensive_care_fund"})}));
    w.replace(make_record("idlink", "navi", RecordKind::case_step, "製品", "IDリンクを導入した。"));
    w.replace(make_record("other", "navi", RecordKind::faq, "会費", "会費は病院が負担する。"));
    w.commit();
    table_ = std::make_shared<Synonyms>();
    table_->load(kShipped);
  }
  SearchResult run(const std::string& q, bool with_synonyms = true) {
    Searcher s(dir_);
    if (with_synonyms) s.set_synonyms(table_);
    SearchRequest req;
    req.query = q;
    req.limit = 50;
    return s.search(req);
  }
  std::shared_ptr<Synonyms> table_;
};

TEST_F(SynonymSearchTest, BothWays) {
  EXPECT_EQ(id_set(run("NPO法人")), (S{"npo", "npo-short"}));
  EXPECT_EQ(id_set(run("特定非営利活動法人")), (S{"npo", "npo-short"}));
  EXPECT_EQ(id_set(run("特定非営利活動法人", false)), S{"npo"});
  EXPECT_EQ(id_set(run("ID-Link")), S{"idlink"});
  EXPECT_EQ(id_set(run("確保基金")), S{"fund"});
}

TEST_F(SynonymSearchTest, WithOtherTermsAndNegation) {
  EXPECT_EQ(id_set(run("NPO法人 運営")), (S{"npo", "npo-short"}));
  EXPECT_EQ(id_set(run("NPO法人 運営主体")), S{"npo"});
  EXPECT_EQ(id_set(run("(運営 OR 財源) -NPO法人")), S{"fund"});
  EXPECT_EQ(id_set(run("会費 -npo法人")), S{"other"});
}

TEST_F(SynonymSearchTest, SnippetsMarkEveryName) {
  auto r = run("NPO法人");
  ASSERT_EQ(r.hits.size(), 2u);
  for (const auto& h : r.hits) EXPECT_NE(h.snippet.find('\x01'), std::string::npos) << h.record.id << ": " << h.snippet;
}

TEST_F(SynonymSearchTest, FilterValues) {
  // 確保基金 alone is no funding keyword; its synonym 地域医療介護総合確保基金 is.
  EXPECT_EQ(id_set(run("fund:確保基金")), S{"fund"});
  EXPECT_THROW(run("fund:確保基金", false), QueryError);
  EXPECT_EQ(id_set(run("form:特定非営利活動法人")), S{"npo"});
}

TEST(UserDictionary, NamesSegmentAsOneWord) {
  auto tok = Tokenizer::shared();
  ASSERT_FALSE(tok->user_dictionary().empty()) << "the build compiles mecab/senrei-user.dic";
  EXPECT_NE(tok->dictionary_key().find("+ user"), std::string::npos);
  EXPECT_EQ(word_texts(tok->words("あじさいネットに参加")), (std::vector<std::string>{"あじさいネット", "に", "参加"}));
  EXPECT_EQ(word_texts(tok->words("製品はid-linkで")), (std::vector<std::string>{"製品", "は", "id-link", "で"}));
  auto fund = tok->words_with_parts("地域医療再生基金を充てた");
  ASSERT_FALSE(fund.empty());
  EXPECT_EQ(fund.front().text, "地域医療再生基金");
  EXPECT_EQ(fund.front().parts, (std::vector<std::string>{"地域", "医療", "再生", "基金"}));
  // A search's words need no parts (finding them loads the system dictionary again).
  EXPECT_TRUE(tok->words("地域医療再生基金を充てた").front().parts.empty());
  // Without it, the system dictionary splits them.
  Tokenizer plain({}, std::string());
  EXPECT_EQ(word_texts(plain.words("あじさいネットに参加")),
            (std::vector<std::string>{"あじさい", "ネット", "に", "参加"}));
}

TEST(UserDictionary, EntriesAreFoldedAndMarked) {
  // MeCab sees folded text: an entry written otherwise (ID-Link) would never match.
  std::ifstream in(std::filesystem::path(SENREI_SOURCE_DIR) / "share" / "mecab" / "senrei-user.csv");
  ASSERT_TRUE(in);
  int entries = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    ++entries;
    const std::string surface = line.substr(0, line.find(','));
    EXPECT_EQ(fold(surface), surface) << line;
    EXPECT_TRUE(line.ends_with(",senrei")) << line;  // how the tokenizer knows a user word
  }
  EXPECT_GE(entries, 10);
  // The compiled dictionary has every entry.
  const std::string name = Tokenizer::shared()->dictionary_name();
  EXPECT_NE(name.find("user dictionary senrei-user.dic (" + std::to_string(entries) + " entries)"), std::string::npos)
      << name;
}

TEST_F(IndexTest, UserDictionaryNamesAndTheirParts) {
  {
    IndexWriter w(dir_);
    w.replace(make_record("fund", "navi", RecordKind::case_overview, "財源", "地域医療再生基金を充てた。"));
    w.replace(make_record("net", "navi", RecordKind::case_overview, "概要", "あじさいネットに参加する病院。"));
    w.commit();
  }
  Searcher s(dir_);
  SearchRequest req;
  req.limit = 10;
  for (auto [q, id] : {std::pair{"地域医療再生基金", "fund"}, {"基金", "fund"}, {"あじさいネット", "net"}, {"あじさい", "net"}}) {
    req.query = q;
    EXPECT_EQ(id_set(s.search(req)), S{id}) << q;
  }
}

TEST_F(IndexTest, IndexFromAnotherUserDictionaryIsRefused) {
  {
    IndexWriter w(dir_, std::make_shared<const Tokenizer>(std::string(), std::string()));  // none
    w.replace(make_record("a", "navi", RecordKind::faq, "題", "本文。"));
    w.commit();
  }
  try {
    Searcher s(dir_);  // the shared tokenizer has the user dictionary
    SearchRequest req;
    req.query = "本文";
    s.search(req);
    FAIL() << "opened an index from another dictionary";
  } catch (const IndexError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("user dictionary"), std::string::npos) << m;
    EXPECT_NE(m.find("senrei reindex"), std::string::npos) << m;
  }
}

// Issue 18 (search p95): a synonym the words do not find (再生基金: the pages say
// 地域医療再生基金, one word of the user dictionary) falls back to n-grams, and that fallback
// does not read the pages another name of the group already found as words — before, every page
// of a corpus that names the fund was read, folded and segmented, and rejected (seconds a query).
TEST_F(IndexTest, TheFallbackSkipsPagesAnotherNameFound) {
  {
    IndexWriter w(dir_);
    w.replace(make_record("long", "navi", RecordKind::case_overview, "財源", "地域医療再生基金を活用した。"));
    w.replace(make_record("both", "navi", RecordKind::case_overview, "財源", "地域医療再生基金（再生基金）を活用した。"));
    w.replace(make_record("none", "navi", RecordKind::faq, "会費", "会費は病院が負担する。"));
    w.commit();
  }
  Xapian::Database db(dir_.string());
  const auto& tok = *Tokenizer::shared();
  const Xapian::Query found("地域医療再生基金");
  auto ids_of = [&](const Xapian::Query& q) {
    std::set<std::string> out;
    Xapian::Enquire e(db);
    e.set_query(q);
    const auto m = e.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it) out.insert(it.get_document().get_value(kSlotId));
    return out;
  };
  // Without found_already, "both" passes the boundary check ((再生基金) stands alone there).
  EXPECT_EQ(ids_of(on_word_boundaries(db, Xapian::Query::MatchAll, "再生基金", tok)), S{"both"});
  // With it, the pages 地域医療再生基金 finds are not read and not in the answer.
  EXPECT_TRUE(on_word_boundaries(db, Xapian::Query::MatchAll, "再生基金", tok, found).empty());
  EXPECT_EQ(ids_of(on_word_boundaries(db, Xapian::Query::MatchAll, "会費", tok, found)), S{"none"});

  // Through the parser: the same pages as before, each once.
  Searcher s(dir_);
  auto table = std::make_shared<Synonyms>();
  table->load(kShipped);
  s.set_synonyms(table);
  SearchRequest req;
  req.query = "再生基金";
  req.limit = 50;
  const auto r = s.search(req);
  EXPECT_EQ(id_set(r), (S{"long", "both"}));
  EXPECT_EQ(r.total, 2u);
}

}  // namespace
}  // namespace senrei::index::test
