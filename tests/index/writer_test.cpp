// IndexWriter: replace by id, remove, metadata refusals, damaged and missing indexes, stub files.
#include "index_fixture.hpp"

#include <atomic>
#include <fstream>

#include "index/schema.hpp"
#include "index/snippet.hpp"
#include "index/text_fold.hpp"
#include "index/tokenizer.hpp"

namespace senrei::index::test {
namespace {

using S = std::set<std::string>;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const IndexError& e) {
    return e.what();
  }
  return "(no IndexError)";
}

TEST_F(IndexTest, ReplaceByIdKeepsOneDocument) {
  IndexWriter w(dir_);
  w.replace(make_record("a", "navi", RecordKind::faq, "古い題名", "古い本文"));
  w.commit();
  w.replace(make_record("a", "navi", RecordKind::faq, "新しい題名", "新しい本文"));
  w.commit();
  EXPECT_EQ(w.doc_count(), 1u);
  Searcher s(dir_);
  SearchRequest req;
  req.query = "題名";
  auto r = s.search(req);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].record.title, "新しい題名");
  req.query = "古い";
  EXPECT_TRUE(s.search(req).hits.empty());
}

TEST_F(IndexTest, RemoveAndIdsBySource) {
  IndexWriter w(dir_);
  w.replace(make_record("navi:1", "navi", RecordKind::faq, "一", "本文"));
  w.replace(make_record("navi:2", "navi", RecordKind::faq, "二", "本文"));
  w.replace(make_record("mhlw:1", "mhlw", RecordKind::guideline, "三", "本文"));
  w.commit();
  auto navi = w.ids("navi");
  EXPECT_EQ(std::set<std::string>(navi.begin(), navi.end()), (S{"navi:1", "navi:2"}));
  EXPECT_EQ(w.ids().size(), 3u);
  EXPECT_TRUE(w.remove("navi:1"));
  EXPECT_FALSE(w.remove("navi:1"));
  w.commit();
  EXPECT_EQ(w.doc_count(), 2u);
  Searcher s(dir_);
  EXPECT_FALSE(s.get("navi:1"));
  EXPECT_TRUE(s.get("navi:2"));
}

TEST_F(IndexTest, AsyncCommitRunsFirstThenCommitsAndReportsFailures) {
  IndexWriter w(dir_);
  w.replace(make_record("navi:1", "navi", RecordKind::faq, "一", "本文"));
  std::atomic<int> seen_before_commit{-1};
  auto ticket = w.commit_async([&] {
    // Runs on the writer thread before the commit: the document is not yet visible.
    seen_before_commit = static_cast<int>(Searcher(dir_).doc_count());
  });
  w.replace(make_record("navi:2", "navi", RecordKind::faq, "二", "本文"));  // the caller goes on
  w.wait_commit(ticket);
  EXPECT_EQ(seen_before_commit.load(), 0);
  EXPECT_EQ(Searcher(dir_).doc_count(), 1u) << "only what was replaced before commit_async is committed";
  w.commit();
  EXPECT_EQ(Searcher(dir_).doc_count(), 2u);
  // A failure in `first` (a body sync on a full disk) is the commit's failure, and nothing of it lands.
  w.replace(make_record("navi:3", "navi", RecordKind::faq, "三", "本文"));
  auto failing = w.commit_async([] { throw std::runtime_error("cannot sync /x: No space left on device"); });
  try {
    w.wait_commit(failing);
    ADD_FAILURE() << "wait_commit returned";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "cannot sync /x: No space left on device");
  }
  EXPECT_EQ(Searcher(dir_).doc_count(), 2u);
  // Waiting again for the failed commit does not hang: it was never done.
  EXPECT_NE(error_of([&] { w.wait_commit(failing); }).find("was not committed"), std::string::npos);
}

TEST_F(IndexTest, TotalsAreExactUpToTheBoundThenEstimatedUnlessAsked) {
  IndexWriter w(dir_);
  const std::size_t n = kExactCountUpTo + 150;
  for (std::size_t i = 0; i < n; ++i)
    w.replace(make_record("navi:" + std::to_string(i), "navi", RecordKind::faq, "会費の題名",
                          i % 2 ? "年会費と利用料" : "利用料と年会費の説明"));
  w.commit();
  Searcher s(dir_);
  SearchRequest req;
  req.query = "年会費 利用料";  // two words: no single term's frequency gives the count
  auto estimated = s.search(req);
  EXPECT_FALSE(estimated.total_exact) << estimated.total;
  EXPECT_GE(estimated.total, kExactCountUpTo);
  EXPECT_EQ(estimated.hits.size(), 10u);
  req.exact_total = true;
  auto exact = s.search(req);
  EXPECT_TRUE(exact.total_exact);
  EXPECT_EQ(exact.total, n);
  req.exact_total = false;
  req.facets = true;  // facets count every match, so the total is exact too
  auto faceted = s.search(req);
  EXPECT_TRUE(faceted.total_exact);
  EXPECT_EQ(faceted.total, n);
  // Under the bound, exact without asking.
  req.facets = false;
  req.query = "年会費 利用料 説明";
  auto few = s.search(req);
  EXPECT_TRUE(few.total_exact);
  EXPECT_EQ(few.total, (n + 1) / 2);
}

TEST_F(IndexTest, EmptyTextStillIndexesTitle) {
  IndexWriter w(dir_);
  w.replace(make_record("pdf", "mhlw", RecordKind::guideline, "安全管理ガイドライン", ""));
  w.commit();
  Searcher s(dir_);
  SearchRequest req;
  req.query = "ガイドライン";
  auto r = s.search(req);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].snippet, "");
}

TEST_F(IndexTest, LongIdAndUrlAreHashedButFound) {
  std::string url = "https://example.jp/" + std::string(400, 'x') + "/資料.pdf";
  Record r = make_record("mhlw:" + url, "mhlw", RecordKind::guideline, "長いURL", "本文");
  r.url = url;
  Record r2 = r;  // same first 200 bytes, another id and url
  r2.id += "#p2";
  r2.url += "?p=2";
  {
    IndexWriter w(dir_);
    w.replace(r);
    w.replace(r2);
    w.replace(r);  // replaces, does not add
    EXPECT_EQ(w.doc_count(), 2u);
  }  // the destructor commits
  EXPECT_LE(bounded_term("Q", r.id).size(), 240u);
  EXPECT_NE(bounded_term("Q", r.id), bounded_term("Q", r2.id));
  Searcher s(dir_);
  ASSERT_TRUE(s.get(r.id));
  EXPECT_EQ(s.get(r.id)->id, r.id);
  ASSERT_TRUE(s.get_by_url(r2.url));
  EXPECT_EQ(s.get_by_url(r2.url)->id, r2.id);
}

TEST_F(IndexTest, BoundedTermCutsAtCharacterBoundary) {
  std::string value(300, 'a');
  EXPECT_EQ(bounded_term("U", "short"), "Ushort");
  std::string t = bounded_term("U", value);
  EXPECT_EQ(t.size(), 240u);
  std::string ja;
  for (int i = 0; i < 100; ++i) ja += "資";  // 3 bytes each
  std::string tj = bounded_term("XP", ja);
  EXPECT_LE(tj.size(), 240u);
  // Prefix, whole characters, '#', 16 hex digits.
  EXPECT_EQ((tj.size() - 2 - 17) % 3, 0u);
  EXPECT_EQ(tj[tj.size() - 17], '#');
}

TEST_F(IndexTest, MissingIndexSaysRunCrawl) {
  EXPECT_EQ(error_of([&] { Searcher s(dir_ / "none"); }),
            "no index at " + (dir_ / "none").string() + " — run `senrei crawl` first");
  // An existing folder that holds no index.
  std::filesystem::create_directories(dir_ / "empty");
  EXPECT_NE(error_of([&] { Searcher s(dir_ / "empty"); }).find("run `senrei crawl` first"), std::string::npos);
}

TEST_F(IndexTest, DamagedIndexIsAnIndexError) {
  {
    IndexWriter w(dir_);
    for (int i = 0; i < 50; ++i)
      w.replace(make_record("r" + std::to_string(i), "navi", RecordKind::faq, "題名" + std::to_string(i), "医療情報連携の本文"));
    w.commit();
  }
  // Overwrite every table with garbage of the same size.
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    if (entry.path().extension() != ".glass") continue;
    auto size = std::filesystem::file_size(entry.path());
    std::ofstream out(entry.path(), std::ios::binary | std::ios::trunc);
    for (std::uintmax_t k = 0; k < size; ++k) out.put(static_cast<char>((k * 131 + 7) & 0xff));
  }
  std::string msg = error_of([&] {
    Searcher s(dir_);
    SearchRequest req;
    req.query = "医療";
    s.search(req);
  });
  EXPECT_NE(msg.find("index at " + dir_.string() + " is damaged ("), std::string::npos) << msg;
  EXPECT_NE(msg.find("run `senrei doctor`"), std::string::npos) << msg;  // F7: the command that checks and repairs
}

TEST_F(IndexTest, OtherDictionaryIsRefused) {
  { IndexWriter w(dir_); w.replace(make_record("a", "navi", RecordKind::faq, "題名", "本文")); }
  {
    Xapian::WritableDatabase db(dir_.string());
    db.set_metadata(std::string(kMetaDictionaryKey), "mecab-dic v999 utf8 1 1x1");
    db.set_metadata(std::string(kMetaDictionary), "unidic (sys.dic version 999)");
    db.commit();
  }
  std::string msg = error_of([&] { Searcher s(dir_); });
  EXPECT_NE(msg.find("built with MeCab dictionary unidic (sys.dic version 999)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("run `senrei reindex`"), std::string::npos) << msg;
  EXPECT_NE(error_of([&] { IndexWriter w(dir_); }).find("run `senrei reindex`"), std::string::npos);
}

// A process killed while creating the index leaves table files but no revision file (iamglass):
// nothing was committed, so the next writer starts afresh instead of refusing to open it (seen in
// CrashSafety.KilledWhileIngestingTheSampleCorpus).
TEST_F(IndexTest, AnIndexKilledBeforeItsFirstCommitIsMadeAfresh) {
  std::filesystem::create_directories(dir_);
  std::ofstream(dir_ / "postlist.glass") << "half-written";
  std::ofstream(dir_ / "flintlock") << "";
  {
    IndexWriter w(dir_);
    w.replace(make_record("a", "navi", RecordKind::faq, "題名", "本文"));
    w.commit();
    EXPECT_EQ(w.doc_count(), 1u);
  }
  EXPECT_TRUE(std::filesystem::exists(dir_ / "iamglass"));
}

TEST_F(IndexTest, SecondWriterIsRefused) {
  IndexWriter w(dir_);
  EXPECT_NE(error_of([&] { IndexWriter w2(dir_); }).find("is being written by another process"), std::string::npos);
}

TEST_F(IndexTest, SeveralIndexesAndStubFile) {
  {
    IndexWriter a(dir_ / "a");
    a.replace(make_record("a1", "navi", RecordKind::faq, "京都の事例", "本文"));
    IndexWriter b(dir_ / "b");
    b.replace(make_record("b1", "mhlw", RecordKind::faq, "京都の指針", "本文"));
  }
  Searcher both(std::vector<std::filesystem::path>{dir_ / "a", dir_ / "b"});
  SearchRequest req;
  req.query = "京都";
  req.facets = true;
  auto r = both.search(req);
  EXPECT_EQ(id_set(r), (S{"a1", "b1"}));
  EXPECT_EQ(r.facets[1].name, "source");
  EXPECT_EQ(r.facets[1].values.size(), 2u);
  EXPECT_EQ(both.get("b1")->title, "京都の指針");

  std::ofstream stub(dir_ / "all.stub");
  stub << "auto " << (dir_ / "a").string() << "\n" << "auto " << (dir_ / "b").string() << "\n";
  stub.close();
  Searcher via_stub(dir_ / "all.stub");
  EXPECT_EQ(id_set(via_stub.search(req)), (S{"a1", "b1"}));

  std::ofstream down(dir_ / "down.stub");
  down << "remote 127.0.0.1:1\n";
  down.close();
  EXPECT_NE(error_of([&] { Searcher s(dir_ / "down.stub"); }).find("cannot reach the index server"), std::string::npos);
  // A stub is for searching: writing to it is refused with what to do instead.
  EXPECT_NE(error_of([&] { IndexWriter w(dir_ / "all.stub"); }).find("crawl into each shard's own workspace"),
            std::string::npos);
}

TEST(Tokenizer, SkipsSymbolsKeepsNumbersAndLatin) {
  auto t = Tokenizer::shared();
  std::vector<std::string> words;
  for (const auto& w : t->words("京都府の東京都。id-link 123件、協議会費用")) words.push_back(w.text);
  // id-link is one word by senrei's user dictionary (share/mecab/senrei-user.csv).
  EXPECT_EQ(words, (std::vector<std::string>{"京都", "府", "の", "東京", "都", "id-link", "123", "件", "協議",
                                             "会", "費用"}));
  auto w = t->words("  京都");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].begin, 2u);
  EXPECT_EQ(w[0].end, 8u);
  EXPECT_NE(t->dictionary_key().find("utf8"), std::string::npos);
}

TEST(Snippet, PicksTheWindowWithMostMatches) {
  auto t = Tokenizer::shared();
  std::string text = std::string(200, 'a') + " 京都の話。" + std::string(200, 'b') + " 京都と京都。" + std::string(200, 'c');
  SnippetTerms terms{{{"京都"}}, {}};
  std::string s = make_snippet(text, terms, *t, 30);
  // 20 characters before the first match of the best window, 30 in all, cut marks both ends.
  EXPECT_EQ(render_marks(s, "[", "]"), "…" + std::string(19, 'b') + " [京都]と[京都]。" + std::string(4, 'c') + "…");
  EXPECT_EQ(strip_marks("\x01" "a" "\x02" "b"), "ab");
  // No match: the start of the text.
  EXPECT_EQ(make_snippet("改行\n\n  と空白", SnippetTerms{}, *t, 120), "改行 と空白");
}

TEST(Snippet, PhraseWordsMayHaveDroppedSymbolsBetweenButMustFollowEachOther) {
  auto t = Tokenizer::shared();
  // The phrase 地域 医療: marked where the words follow one another, with what the tokenizer
  // drops between them (・, a hyphen), not where 地域 stands alone or is part of another word.
  SnippetTerms terms{{{"地域", "医療"}}, {}};
  EXPECT_EQ(render_marks(make_snippet("地域の病院。地域・医療の連携。", terms, *t, 40), "[", "]"),
            "地域の病院。[地域・医療]の連携。");
  // The phrase as the query parser makes it: the words of the folded query.
  std::vector<std::string> ss_mix2;
  for (const auto& w : t->words(fold("SS-MIX2"))) ss_mix2.push_back(w.text);
  ASSERT_GE(ss_mix2.size(), 2u);
  SnippetTerms latin{{ss_mix2}, {}};
  EXPECT_EQ(render_marks(make_snippet("SS-MIX2標準化ストレージとSSの話", latin, *t, 40), "[", "]"),
            "[SS-MIX2]標準化ストレージとSSの話");
  // A word inside a longer word is not a match (京都 in 東京都), however often it occurs.
  std::string many;
  for (int i = 0; i < 30; ++i) many += "東京都の病院。";
  many += "京都の病院。";
  SnippetTerms kyoto{{{"京都"}}, {}};
  const std::string s = render_marks(make_snippet(many, kyoto, *t, 60), "[", "]");
  EXPECT_NE(s.find("[京都]の病院"), std::string::npos) << s;
  EXPECT_EQ(s.find("東[京都]"), std::string::npos) << s;
}

}  // namespace
}  // namespace senrei::index::test
