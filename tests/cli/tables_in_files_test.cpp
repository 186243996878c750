// Tables in documents through the real binary (issue 16 items 1, 2, 5): a folder of files with a
// real MHLW table PDF (tests/data/third_party/mhlw-table-pdfs), the hand-written .xlsx fixture
// (tests/data/extract/xlsx) and a CP932 CSV written here; `crawl files` indexes them, a name
// that wraps in its PDF cell is found as a phrase, the workbook's cells as Excel shows them.
// And `show` prints an internationalized host in Unicode with the stored punycode beside it.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

fs::path fresh(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("senrei-cli-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::vector<std::string> hit_urls(const std::string& data, const std::string& query) {
  auto r = senrei({"--data", data, "search", query, "--json", "-n", "20"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> out;
  if (r.status != 0) return out;
  const json j = json::parse(r.out);
  for (const auto& h : j["hits"]) out.push_back(h["record"]["url"]);
  if (out.empty()) ADD_FAILURE() << query << ": " << r.out << r.err;
  return out;
}

}  // namespace

TEST(TablesInFiles, PdfTableXlsxAndCp932CsvIndexedByFiles) {
  const fs::path root = fresh("tables");
  const fs::path docs = root / "docs";
  fs::create_directories(docs);
  fs::copy_file(fs::path(SENREI_TEST_DATA) / "third_party/mhlw-table-pdfs/shimane.pdf", docs / "shimane.pdf");
  fs::copy_file(fs::path(SENREI_TEST_DATA) / "extract/xlsx/budget.xlsx", docs / "budget.xlsx");
  // 施設名,所在地 / 髙橋医院,みなと県青葉市1-2 in CP932 (髙 = 0xFB 0xFC).
  std::ofstream(docs / "list.csv", std::ios::binary)
      << "\x8E\x7B\x90\xDD\x96\xBC,\x8F\x8A\x8D\xDD\x92\x6E\r\n"
         "\xFB\xFC\x8B\xB4\x88\xE3\x89\x40,\x82\xDD\x82\xC8\x82\xC6\x8C\xA7\x90\xC2\x97\x74\x8E\x73\x31\x2D\x32\r\n";
  const std::string data = (root / "data").string();
  auto crawl = senrei({"--data", data, "crawl", "files", "--mirror", docs.string(), "--json"});
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  EXPECT_EQ(json::parse(crawl.out)["runs"][0]["new"], 3) << crawl.out;
  const std::string base = "file://" + docs.string() + "/";
  // 「ほしの内科・胃腸科クリ」「ニック」 wrap in the PDF's cell: the phrase is found.
  EXPECT_EQ(hit_urls(data, "\"ほしの内科・胃腸科クリニック\""), (std::vector<std::string>{base + "shimane.pdf"}));
  EXPECT_EQ(hit_urls(data, "\"ICTを活用した地域医療連携ネットワーク構築\""), (std::vector<std::string>{base + "budget.xlsx"}));
  EXPECT_EQ(hit_urls(data, "髙橋医院"), (std::vector<std::string>{base + "list.csv"}));
  auto show = senrei({"--data", data, "show", base + "budget.xlsx"});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("ICTを活用した地域医療連携ネットワーク構築 | 1,605千円 | 66.7% | 2024-04-01"), std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("在宅医療介護連携&研修 | -250千円 | #N/A |"), std::string::npos) << show.out;
  auto pdf = senrei({"--data", data, "show", base + "shimane.pdf"});
  ASSERT_EQ(pdf.status, 0) << pdf.err;
  EXPECT_NE(pdf.out.find("9 | ほしの内科・胃腸科クリニック | 690-0017 | 島根県松江市西津田5-21-15 |"), std::string::npos);
  fs::remove_all(root);
}

TEST(TablesInFiles, ShowPrintsAnInternationalizedHostInUnicode) {
  const fs::path root = fresh("idn");
  const fs::path site = root / "xn--o9jd6d4621b.jp";
  fs::create_directories(site / "iryo");
  std::ofstream(site / "index.html") << "<!DOCTYPE html><html lang=ja><head><meta charset=utf-8><title>みなと県 医療</title>"
                                        "</head><body><main><h1>みなと県の医療連携</h1><p>地域医療連携ネットワークの案内。</p>"
                                        "<a href=\"/iryo/\">医療</a></main></body></html>";
  std::ofstream(site / "iryo" / "index.html") << "<!DOCTYPE html><html lang=ja><head><meta charset=utf-8><title>医療</title>"
                                                 "</head><body><main><p>みなとネットの参加施設。</p></main></body></html>";
  const fs::path data = root / "data";
  fs::create_directories(data / "sources");
  std::ofstream(data / "sources" / "minato.toml") << "name = \"minato\"\n"
                                                     "title = \"みなと県\"\n"
                                                     "publisher = \"みなと県\"\n"
                                                     "base_url = \"http://みなと県.jp/\"\n"
                                                     "seeds = [\"http://みなと県.jp/\"]\n";
  auto crawl = senrei({"--data", data.string(), "crawl", "minato", "--mirror", site.string()});
  ASSERT_EQ(crawl.status, 0) << crawl.out << crawl.err;
  // Found by the Unicode or the punycode form; shown in Unicode with the stored form beside it.
  for (const std::string key : {"http://みなと県.jp/iryo/", "http://xn--o9jd6d4621b.jp/iryo/"}) {
    auto show = senrei({"--data", data.string(), "show", key});
    ASSERT_EQ(show.status, 0) << key << ": " << show.err;
    EXPECT_NE(show.out.find("url:     http://みなと県.jp/iryo/  (http://xn--o9jd6d4621b.jp/iryo/)\n"), std::string::npos)
        << show.out;
  }
  auto j = json::parse(senrei({"--data", data.string(), "show", "http://みなと県.jp/iryo/", "--json"}).out);
  EXPECT_EQ(j["url"], "http://xn--o9jd6d4621b.jp/iryo/") << "stored and exported as browsers send it";
  fs::remove_all(root);
}

TEST(TablesInFiles, TomlSourceReadsFieldsFromAnXlsxSheet) {
  const fs::path root = fresh("xlsx-toml");
  const fs::path site = root / "www.pref.minato.lg.jp";
  fs::create_directories(site / "kikin");
  fs::copy_file(fs::path(SENREI_TEST_DATA) / "extract/xlsx/budget.xlsx", site / "kikin" / "budget.xlsx");
  const fs::path data = root / "data";
  fs::create_directories(data / "sources");
  std::ofstream(data / "sources" / "minato-kikin.toml")
      << "name = \"minato-kikin\"\n"
         "title = \"みなと県 基金事業計画\"\n"
         "publisher = \"みなと県\"\n"
         "base_url = \"https://www.pref.minato.lg.jp/\"\n"
         "seeds = [\"https://www.pref.minato.lg.jp/kikin/budget.xlsx\"]\n"
         "default_kind = \"statistics\"\n"
         "[labels]\n"
         "\"構築費用\" = \"build_cost_yen\"\n"
         "\"運用費用\" = \"running_cost_yen\"\n";
  auto crawl = senrei({"--data", data.string(), "crawl", "minato-kikin", "--mirror", site.string()});
  ASSERT_EQ(crawl.status, 0) << crawl.out << crawl.err;
  auto j = json::parse(
      senrei({"--data", data.string(), "show", "https://www.pref.minato.lg.jp/kikin/budget.xlsx", "--json"}).out);
  bool build = false, running = false;
  for (const auto& f : j["fields"]) {
    const std::string sentence = f.contains("provenance") ? f["provenance"].value("sentence", "") : "";
    if (f["name"] == "build_cost_yen") build = sentence.find("約2,000万円") != std::string::npos;
    if (f["name"] == "running_cost_yen") running = sentence.find("年額1,340万円") != std::string::npos;
  }
  EXPECT_TRUE(build) << j.dump(2);
  EXPECT_TRUE(running) << j.dump(2);
  fs::remove_all(root);
}
