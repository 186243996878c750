// The ministry plugins (mhlw, soumu, meti) on the sample corpus's ministry mirrors, through the
// real binary: kinds, title, ministry, version, publication date and PDF text of each document,
// as the pages and PDFs (corpus/src/ministry, scripts/make-sample-pdfs) state them.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

const std::string kSampleRoot = std::string(SENREI_SOURCE_DIR) + "/corpus/sample/";

struct Doc {
  std::string url;
  std::string kind;
  std::string title;
  std::vector<std::string> ministries;
  std::string version;           // "" when the document states none
  std::string publication_date;  // "" when it states none
};

// Written by hand from the pages and PDFs.
const std::vector<Doc> kDocs = {
    {"https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html", "guideline",
     "医療情報システムの安全管理に関するガイドライン 第6.0版（令和5年5月）", {"厚生労働省"}, "6.0", "2023-05"},
    {"https://www.mhlw.go.jp/content/10808000/000000601.pdf", "guideline",
     "医療情報システムの安全管理に関するガイドライン 第6.0版 概説編（要約）", {"厚生労働省"}, "6.0", "2023-05"},
    {"https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000114706.html", "standard",
     "保健医療情報分野の標準規格（厚生労働省標準規格）について", {"厚生労働省"}, "", ""},
    {"https://www.mhlw.go.jp/content/10808000/000000603.pdf", "notice",
     "保健医療情報分野の標準規格として認めるべき規格について（通知）", {"厚生労働省"}, "", ""},
    {"https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000999.html", "notice",
     "「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」の策定",
     {"総務省", "経済産業省"}, "1", "2020-08"},
    {"https://www.soumu.go.jp/main_content/000999001.pdf", "guideline",
     "医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン 第1版（要約）",
     {"総務省", "経済産業省"}, "1", "2020-08"},
    {"https://www.meti.go.jp/press/2023/07/20230707999/20230707999.html", "notice",
     "「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」を改定しました",
     {"経済産業省", "総務省"}, "1.1", "2023-07"},
    {"https://www.meti.go.jp/press/2023/07/20230707999/20230707999-1.pdf", "guideline",
     "医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン 第1.1版（要約）",
     {"総務省", "経済産業省"}, "1.1", "2023-07"},
};

class MinistrySources : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = (fs::temp_directory_path() / ("senrei-ministry-" + std::to_string(::getpid()))).string();
    fs::remove_all(data_);
    for (const auto& [source, host] : std::vector<std::pair<std::string, std::string>>{
             {"mhlw", "www.mhlw.go.jp"}, {"soumu", "www.soumu.go.jp"}, {"meti", "www.meti.go.jp"}}) {
      auto r = senrei({"--data", data_, "crawl", source, "--mirror", kSampleRoot + host, "--json"});
      ASSERT_EQ(r.status, 0) << r.out << r.err;
      runs_[source] = json::parse(r.out)["runs"][0];
    }
    auto exp = senrei({"--data", data_, "export", "--format", "jsonl"});
    ASSERT_EQ(exp.status, 0) << exp.err;
    for (size_t start = 0; start < exp.out.size();) {
      size_t end = exp.out.find('\n', start);
      json r = json::parse(exp.out.substr(start, end - start));
      records_[r["url"]] = r;
      start = end + 1;
    }
  }
  static void TearDownTestSuite() { fs::remove_all(data_); }

  static std::map<std::string, json> fields_of(const json& r) {
    std::map<std::string, json> out;
    for (const auto& f : r["fields"]) out[f["name"]] = f;
    return out;
  }

  static std::string data_;
  static std::map<std::string, json> runs_;
  static std::map<std::string, json> records_;
};
std::string MinistrySources::data_;
std::map<std::string, json> MinistrySources::runs_;
std::map<std::string, json> MinistrySources::records_;

}  // namespace

TEST_F(MinistrySources, EveryPageAndPdfOfTheMirrorsIsRead) {
  EXPECT_EQ(runs_["mhlw"]["new"], 4);
  EXPECT_EQ(runs_["soumu"]["new"], 2);
  EXPECT_EQ(runs_["meti"]["new"], 2);
  for (const auto& s : {"mhlw", "soumu", "meti"}) EXPECT_EQ(runs_[s]["failed"], 0) << runs_[s].dump();
  EXPECT_EQ(records_.size(), kDocs.size());
}

TEST_F(MinistrySources, KindTitleMinistryVersionAndDateOfEachDocument) {
  for (const auto& d : kDocs) {
    SCOPED_TRACE(d.url);
    ASSERT_TRUE(records_.count(d.url));
    const json& r = records_.at(d.url);
    EXPECT_EQ(r["kind"], d.kind);
    EXPECT_EQ(r["title"], d.title);
    auto f = fields_of(r);
    EXPECT_EQ(f["title"]["text"], d.title);
    EXPECT_EQ(f["ministry"]["items"].get<std::vector<std::string>>(), d.ministries);
    EXPECT_EQ(f.count("version") ? f["version"]["text"].get<std::string>() : "", d.version);
    EXPECT_EQ(f.count("publication_date") ? f["publication_date"]["text"].get<std::string>() : "", d.publication_date);
    EXPECT_EQ(r.value("as_of", std::string()), d.publication_date);
    for (const auto& [name, field] : f) {
      EXPECT_EQ(field["provenance"]["url"], d.url) << name;
      EXPECT_FALSE(field["provenance"]["sentence"].get<std::string>().empty()) << name;
    }
  }
}

TEST_F(MinistrySources, PdfTextFromNonEmbeddedCidFontsInReadingOrder) {
  const std::string text = records_.at("https://www.mhlw.go.jp/content/10808000/000000601.pdf")["text"];
  const auto cover = text.find("第6.0版\n令和5年5月\n厚生労働省");
  const auto ch1 = text.find("第1章 ガイドラインの構成");
  const auto ch3 = text.find("第3章 地域医療連携での留意点");
  ASSERT_NE(cover, std::string::npos) << text;
  ASSERT_NE(ch1, std::string::npos) << text;
  ASSERT_NE(ch3, std::string::npos) << text;
  EXPECT_LT(cover, ch1);
  EXPECT_LT(ch1, ch3);
  // Adobe-Japan1's underscore reads as "_", so the source URL is quoted exactly.
  EXPECT_NE(text.find("出典：https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html"), std::string::npos) << text;
  // Found by search, in Japanese.
  auto r = senrei({"--data", data_, "search", "責任の分担 kind:guideline source:mhlw", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> urls;
  const json hits = json::parse(r.out)["hits"];  // named: a temporary's member would dangle in the loop
  for (const auto& h : hits) urls.insert(h["record"]["url"].get<std::string>());
  EXPECT_TRUE(urls.count("https://www.mhlw.go.jp/content/10808000/000000601.pdf")) << r.out;
}

TEST_F(MinistrySources, ScannedNoticeIsFlaggedAndStatesNoDate) {
  const json& r = records_.at("https://www.mhlw.go.jp/content/10808000/000000603.pdf");
  EXPECT_EQ(r["flags"], json::array({"no_text_layer"}));
  EXPECT_FALSE(r.contains("text") && !r["text"].get<std::string>().empty());
  auto stats = json::parse(senrei({"--data", data_, "stats", "--json"}).out);
  EXPECT_EQ(stats["flags"]["no_text_layer"], 1);
}

TEST_F(MinistrySources, ShiftJisPagesKeepTheirKanji) {
  const json& std_page = records_.at("https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000114706.html");
  const std::string text = std_page["text"];
  EXPECT_NE(text.find("髙橋"), std::string::npos);
  EXPECT_NE(text.find("①"), std::string::npos);
  EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(text.find("Copyright"), std::string::npos);
  auto f = fields_of(std_page);
  EXPECT_EQ(f["standards"]["items"].get<std::vector<std::string>>(),
            (std::vector<std::string>{"HS001", "HS025", "SS-MIX2", "HS026"}));
  auto soumu = senrei({"--data", data_, "show", "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000999.html"});
  ASSERT_EQ(soumu.status, 0) << soumu.err;
  EXPECT_NE(soumu.out.find("3省2ガイドライン"), std::string::npos);
  EXPECT_NE(soumu.out.find("version = 1"), std::string::npos) << soumu.out;
  EXPECT_NE(soumu.out.find("publication_date = 2020-08"), std::string::npos) << soumu.out;
}

TEST_F(MinistrySources, ScopeStaysOnTheNamedPagesAndTheirPdfs) {
  for (const auto& [source, url, in] : std::vector<std::tuple<std::string, std::string, bool>>{
           {"mhlw", "https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html", true},
           {"mhlw", "https://www.mhlw.go.jp/content/10808000/000000601.pdf", true},
           {"mhlw", "https://www.mhlw.go.jp/index.html", false},
           {"mhlw", "https://www.mhlw.go.jp/stf/newpage_12345.html", false},
           {"soumu", "https://www.soumu.go.jp/menu_news/s-news/index.html", false},
           {"soumu", "https://www.soumu.go.jp/main_content/000999001.pdf", true},
           {"meti", "https://www.meti.go.jp/press/index.html", false},
           {"meti", "https://www.meti.go.jp/press/2023/07/20230707999/20230707999-1.pdf", true},
           {"meti", "https://www.meti.go.jp/press/2023/07/20230707001/20230707001-1.pdf", false},
       }) {
    auto r = senrei({"check-url", url, "--source", source});
    EXPECT_EQ(r.status, in ? 0 : 3) << source << " " << url << ": " << r.out << r.err;
  }
}
