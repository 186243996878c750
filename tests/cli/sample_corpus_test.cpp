// The sample corpus ingested through the real binary: search quality and bad input
// (issue: foundation acceptance).
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

class SampleCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = (fs::temp_directory_path() / ("senrei-sample-" + std::to_string(::getpid()))).string();
    fs::remove_all(data_);
    crawl_ = senrei({"--data", data_, "crawl", "renkei-navi", "--mirror", kSample, "--json"});
  }
  static void TearDownTestSuite() { fs::remove_all(data_); }

  // URLs of every hit for a query (up to 100).
  static std::vector<std::string> urls(const std::string& query) {
    auto r = senrei({"--data", data_, "search", query, "-n", "100", "--json"});
    EXPECT_TRUE(r.status == 0 || r.status == 1) << query << ": " << r.err;
    std::vector<std::string> out;
    if (r.status > 1) return out;
    const json j = json::parse(r.out);  // named: a temporary's member would dangle in the loop
    EXPECT_EQ(r.status == 1, j["total"] == 0) << query << ": exit 1 exactly when nothing matched";
    for (const auto& h : j["hits"]) out.push_back(h["record"]["url"]);
    return out;
  }
  static std::set<std::string> url_set(const std::string& query) {
    auto v = urls(query);
    return {v.begin(), v.end()};
  }

  static std::string data_;
  static CliRun crawl_;
};
std::string SampleCorpus::data_;
CliRun SampleCorpus::crawl_;

}  // namespace

TEST_F(SampleCorpus, CrawlReadsEveryPageOfTheMirror) {
  ASSERT_EQ(crawl_.status, 0) << crawl_.err;
  auto j = json::parse(crawl_.out);
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["source"], "renkei-navi");
  EXPECT_EQ(run["new"], 51);  // corpus/README.md lists 51 pages
  EXPECT_EQ(run["failed"], 0);
}

TEST_F(SampleCorpus, RecordsKeepTheRealSiteUrls) {
  auto r = senrei({"--data", data_, "show", kNavi + "ajisai/", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out);
  EXPECT_EQ(j["url"], kNavi + "ajisai/");
  EXPECT_EQ(j["kind"], "case_overview");
  EXPECT_EQ(j["id"], "renkei-navi:" + kNavi + "ajisai/");
}

TEST_F(SampleCorpus, KyotoDoesNotMatchTokyoTo) {
  auto hits = url_set("京都");
  EXPECT_EQ(hits, std::set<std::string>{kNavi + "pc-terms/"});
  // The statistics page says 東京都, and is found by it.
  EXPECT_TRUE(url_set("東京都").count(kNavi + "statistics/"));
}

TEST_F(SampleCorpus, KaihiDoesNotMatchKyogikaiAndHiyo) {
  auto hits = url_set("会費");
  std::set<std::string> expected;
  for (const char* p : {"hareyaka/", "hareyaka_1/", "hareyaka_3/", "faq/", "process/", "process1/", "process1_8/"})
    expected.insert(kNavi + p);
  EXPECT_EQ(hits, expected);
  // ajisai has 協議会 and 費用 but not 会費.
  EXPECT_TRUE(url_set("協議会 費用").count(kNavi + "ajisai/"));
}

TEST_F(SampleCorpus, FullWidthQueryFindsWhatHalfWidthFinds) {
  auto half = url_set("SS-MIX2");
  EXPECT_FALSE(half.empty());
  EXPECT_EQ(url_set("ＳＳ－ＭＩＸ２"), half);
  EXPECT_EQ(url_set("29,925千円"), url_set("２９，９２５千円"));
}

TEST_F(SampleCorpus, YearRangeReturnsExactlyTheNetworksStartedThen) {
  // DOMAIN.md §5: 2012 アザレア; 2013 まめネット, 晴れやか, さどひまわり.
  auto hits = url_set("year:2012..2013 kind:case_overview");
  std::set<std::string> expected = {kNavi + "azalea/", kNavi + "mamenet/", kNavi + "hareyaka/", kNavi + "himawari/"};
  EXPECT_EQ(hits, expected);
}

TEST_F(SampleCorpus, ScriptAndCommentTextIsNotIndexed) {
  EXPECT_TRUE(urls("スクリプト専用語").empty());
  EXPECT_TRUE(urls("コメント専用語").empty());
}

TEST_F(SampleCorpus, MenusAndFootersAreNotInTheText) {
  auto r = senrei({"--data", data_, "show", kNavi + "biwako/", "--json"});
  ASSERT_EQ(r.status, 0);
  std::string text = json::parse(r.out)["text"];
  EXPECT_NE(text.find("びわ湖メディカルネット（平成26年稼働）"), std::string::npos);
  EXPECT_EQ(text.find("Copyright"), std::string::npos);
  EXPECT_EQ(text.find("グローバルナビゲーション"), std::string::npos);
  EXPECT_EQ(text.find("ホーム >"), std::string::npos);
}

TEST_F(SampleCorpus, ShiftJisAndEucJpPagesKeepTheirKanji) {
  auto ajisai = json::parse(senrei({"--data", data_, "show", kNavi + "ajisai/", "--json"}).out);
  std::string text = ajisai["text"];
  EXPECT_NE(text.find("①"), std::string::npos);
  EXPECT_NE(text.find("髙"), std::string::npos);
  EXPECT_NE(text.find("～"), std::string::npos);
  EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos);  // no U+FFFD
  auto mamenet = json::parse(senrei({"--data", data_, "show", kNavi + "mamenet/", "--json"}).out);
  std::string mtext = mamenet["text"];
  EXPECT_NE(mtext.find("①"), std::string::npos);
  EXPECT_NE(mtext.find("しまね医療情報ネットワーク協会"), std::string::npos);
  EXPECT_FALSE(mamenet.contains("flags"));
  // And they are found by search.
  EXPECT_TRUE(url_set("しまね医療情報ネットワーク協会").count(kNavi + "mamenet/"));
}

TEST_F(SampleCorpus, FiltersAndFacets) {
  auto r = senrei({"--data", data_, "search", "kind:case_overview", "--facets", "--json", "-n", "50"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out);
  EXPECT_EQ(j["total"], 8);
  EXPECT_EQ(j["facets"]["kind"]["case_overview"], 8);
  // npo: あじさい, まめ, びわ湖, さどひまわり (DOMAIN.md §5).
  EXPECT_EQ(j["facets"]["form"]["npo"], 4);
  std::set<std::string> npo = url_set("form:npo");
  EXPECT_EQ(npo, (std::set<std::string>{kNavi + "ajisai/", kNavi + "mamenet/", kNavi + "biwako/", kNavi + "himawari/"}));
  // 地域医療再生基金 as a filter, in Japanese.
  EXPECT_TRUE(url_set("fund:地域医療再生基金").count(kNavi + "chokai/"));
}

TEST_F(SampleCorpus, HumanOutputHasTitleUrlAndSnippet) {
  auto r = senrei({"--data", data_, "search", "地域医療再生基金"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(kNavi + "chokai/"), std::string::npos);
  EXPECT_NE(r.out.find("ちょうかいネット"), std::string::npos);
  EXPECT_EQ(r.out.find("\033["), std::string::npos);  // plain when piped
  EXPECT_EQ(r.out.find('\x01'), std::string::npos);
}

TEST_F(SampleCorpus, JsonHitsCarryTheSnippetAndTheTextOnlyWhenAsked) {
  auto plain = senrei({"--data", data_, "search", "地域医療再生基金", "--json"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  const json p = json::parse(plain.out);
  ASSERT_FALSE(p["hits"].empty());
  for (const auto& h : p["hits"]) {
    EXPECT_FALSE(h["record"].contains("text")) << h["record"]["id"];
    EXPECT_NE(h["snippet"].get<std::string>().find("地域医療再生基金"), std::string::npos) << h["snippet"];
    EXPECT_TRUE(h["record"].contains("url"));
  }
  EXPECT_TRUE(p["total_exact"].get<bool>()) << "a handful of matches is counted exactly";
  auto full = senrei({"--data", data_, "search", "地域医療再生基金", "--json", "--with-text"});
  ASSERT_EQ(full.status, 0) << full.err;
  const json f = json::parse(full.out);
  ASSERT_EQ(f["hits"].size(), p["hits"].size());
  const std::string id = f["hits"][0]["record"]["id"];
  auto show = senrei({"--data", data_, "show", id, "--json"});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_EQ(f["hits"][0]["record"]["text"], json::parse(show.out)["text"]) << "--with-text gives the record whole";
}

TEST_F(SampleCorpus, ExportWritesEveryRecord) {
  auto r = senrei({"--data", data_, "export", "--format", "jsonl"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count_lines(r.out), 51u);
  auto csv = senrei({"--data", data_, "export", "--format", "csv"});
  ASSERT_EQ(csv.status, 0);
  EXPECT_EQ(csv.out.rfind("\xEF\xBB\xBFid,source,kind", 0), 0u);
}

TEST_F(SampleCorpus, SecondCrawlRewritesNothing) {
  auto r = senrei({"--data", data_, "crawl", "renkei-navi", "--mirror", kSample, "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto run = json::parse(r.out)["runs"][0];
  EXPECT_EQ(run["not_modified"], 51);  // the mirror's files answer If-None-Match by size and time
  EXPECT_EQ(run["records_written"], 0);
}

// --- bad input: one line, the right exit status, no stack trace ---

TEST_F(SampleCorpus, EmptyQueryIsAUsageError) {
  auto r = senrei({"--data", data_, "search", ""});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("empty query"), std::string::npos);
}

TEST_F(SampleCorpus, UnknownFilterIsAUsageError) {
  auto r = senrei({"--data", data_, "search", "colour:red"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("colour"), std::string::npos);
}

TEST_F(SampleCorpus, MalformedRangeIsAUsageError) {
  for (const char* q : {"year:2010..abc", "build:..", "year:2015..2010x"}) {
    auto r = senrei({"--data", data_, "search", q});
    EXPECT_EQ(r.status, 2) << q;
    EXPECT_EQ(count_lines(r.err), 1u) << q << ": " << r.err;
  }
}

TEST(BadInput, MissingDataDirectory) {
  auto r = senrei({"--data", "/nonexistent/senrei", "search", "会費"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/senrei"), std::string::npos);
}

TEST(BadInput, DataPathThatIsAFile) {
  auto file = fs::temp_directory_path() / ("senrei-notadir-" + std::to_string(::getpid()));
  std::ofstream(file) << "x";
  auto r = senrei({"--data", file.string(), "stats"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("not a directory"), std::string::npos);
  fs::remove(file);
}

TEST(BadInput, CorruptIndex) {
  auto data = fs::temp_directory_path() / ("senrei-corrupt-" + std::to_string(::getpid()));
  fs::remove_all(data);
  auto c = senrei({"--data", data.string(), "crawl", "renkei-navi", "--mirror", kSample});
  ASSERT_EQ(c.status, 0) << c.err;
  for (auto& e : fs::directory_iterator(data / "index"))
    if (e.path().extension() == ".glass") {
      std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << "garbage, not a glass table";
    }
  auto r = senrei({"--data", data.string(), "search", "会費"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
  fs::remove_all(data);
}

TEST(BadInput, UnknownCommandAndOption) {
  auto r = senrei({"serch", "x"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(count_lines(r.err), 1u);
  auto o = senrei({"search", "--colour", "x"});
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("--colour"), std::string::npos);
}

TEST(Sources, ListsBuiltInPluginsAndRefusesBadOnes) {
  auto r = senrei({"sources"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("renkei-navi\t医療情報連携ネットワーク支援Navi\t厚生労働省\tversion 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("files\t"), std::string::npos);
  auto bad = senrei({"sources"}, "SENREI_PLUGIN_PATH=" + std::string(SENREI_BINARY_DIR) + "/test-plugins");
  ASSERT_EQ(bad.status, 0);
  EXPECT_NE(bad.out.find("refused\t" + std::string(SENREI_BINARY_DIR) + "/test-plugins/wrong_abi.so"), std::string::npos)
      << bad.out;
  EXPECT_NE(bad.out.find("renkei-navi\t"), std::string::npos);  // the others still load
}

// Synonyms (docs/query.md, 言い換え): the shipped table, found beside the binary, both ways; a
// workspace's synonyms.toml adds groups without a reindex.
TEST_F(SampleCorpus, SynonymsFromTheShippedTableAndTheWorkspace) {
  auto npo = url_set("NPO法人");
  auto full = url_set("特定非営利活動法人");
  EXPECT_FALSE(full.empty());
  EXPECT_EQ(npo, full);
  EXPECT_TRUE(url_set("まめネット協会名").empty());
  {
    std::ofstream(fs::path(data_) / "synonyms.toml") << "groups = [[\"まめネット協会名\", \"しまね医療情報ネットワーク協会\"]]\n";
  }
  EXPECT_TRUE(url_set("まめネット協会名").count(kNavi + "mamenet/"));
  {
    std::ofstream(fs::path(data_) / "synonyms.toml") << "groups = [[\"a\", 1]]\n";
  }
  auto bad = senrei({"--data", data_, "search", "会費"});
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.err.find("synonyms.toml line 1: a name is not a string"), std::string::npos) << bad.err;
  fs::remove(fs::path(data_) / "synonyms.toml");
}
