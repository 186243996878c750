// Through the real binary: PDFs that cannot be read are reported and skipped, a PDF without a
// text layer is flagged where a person looks (stats, show), and a plugin that throws or returns
// invalid records on some pages is reported by name and URL while every other page is indexed.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

fs::path fresh(const std::string& name) {
  auto p = fs::temp_directory_path() / ("senrei-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

}  // namespace

TEST(PdfThroughCli, UnreadablePdfsReportedScannedPdfFlaggedOthersIndexed) {
  auto root = fresh("pdfcli");
  auto docs = root / "docs";
  fs::create_directories(docs);
  for (const char* f : {"japanese-cid.pdf", "image-only.pdf", "encrypted.pdf", "broken.pdf"})
    fs::copy_file(fs::path(SENREI_TEST_DATA) / "extract/pdf" / f, docs / f);
  const std::string data = (root / "data").string();
  const std::string base = "file://" + docs.string() + "/";

  auto crawl = senrei({"--data", data, "crawl", "files", "--mirror", docs.string(), "--json"});
  ASSERT_EQ(crawl.status, 0) << crawl.err;  // unreadable documents are not a plugin failure
  auto run = json::parse(crawl.out)["runs"][0];
  EXPECT_EQ(run["new"], 2);
  EXPECT_EQ(run["failed"], 2);
  EXPECT_EQ(run["failed_by_reason"]["encrypted_pdf"], 1);
  EXPECT_EQ(run["failed_by_reason"]["broken_pdf"], 1);
  std::set<std::string> failed;
  for (const auto& f : run["failures"]) {
    failed.insert(f["url"].get<std::string>());
    EXPECT_NE(f["message"].get<std::string>().find(f["url"].get<std::string>()), std::string::npos) << f.dump();
  }
  EXPECT_EQ(failed, (std::set<std::string>{base + "broken.pdf", base + "encrypted.pdf"}));

  // The human summary names each skipped file on its own line.
  auto again = senrei({"--data", data, "crawl", "files", "--mirror", docs.string()});
  EXPECT_NE(again.out.find(base + "encrypted.pdf — encrypted_pdf:"), std::string::npos) << again.out;

  auto stats = senrei({"--data", data, "stats", "--json"});
  ASSERT_EQ(stats.status, 0) << stats.err;
  auto sj = json::parse(stats.out);
  EXPECT_EQ(sj["flags"]["no_text_layer"], 1);
  EXPECT_EQ(sj["records"], 2);
  auto human = senrei({"--data", data, "stats"});
  EXPECT_NE(human.out.find("no_text_layer 1"), std::string::npos) << human.out;

  auto show = senrei({"--data", data, "show", base + "image-only.pdf"});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("no_text_layer"), std::string::npos) << show.out;
  auto sjson = json::parse(senrei({"--data", data, "show", base + "image-only.pdf", "--json"}).out);
  EXPECT_EQ(sjson["flags"], json::array({"no_text_layer"}));

  // The CID-font PDF's Japanese text is searchable and its fields read from its label lines.
  auto hit = senrei({"--data", data, "search", "運用費用", "--json"});
  ASSERT_EQ(hit.status, 0) << hit.err;
  auto hj = json::parse(hit.out);
  ASSERT_EQ(hj["total"], 1);
  EXPECT_EQ(hj["hits"][0]["record"]["url"], base + "japanese-cid.pdf");
  EXPECT_EQ(hj["hits"][0]["record"]["title"], "医療情報連携ネットワーク運用指針（第1版）");
  const json rec = hj["hits"][0]["record"];
  bool cost = false;
  for (const auto& f : rec["fields"])
    if (f["name"] == "build_cost_yen") {
      cost = true;
      EXPECT_EQ(f["number"], 20000000);
      EXPECT_EQ(f["approximate"], true);
    }
  EXPECT_TRUE(cost) << rec.dump();
  fs::remove_all(root);
}

TEST(PluginFailureThroughCli, ReportedByNameAndUrlWhileOtherPagesAreIndexed) {
  auto root = fresh("flaky");
  auto site = root / "site";
  auto page = [&](const std::string& path, const std::string& title, const std::string& links = "") {
    auto dir = site / path;
    fs::create_directories(dir);
    std::ofstream(dir / "index.html") << "<html><head><meta charset=\"utf-8\"><title>" << title
                                      << "</title></head><body><p>" << title << "の本文</p>" << links << "</body></html>";
  };
  page("", "トップ", "<a href=\"/good/\">a</a><a href=\"/throw/\">b</a><a href=\"/invalid/\">c</a><a href=\"/foreign/\">d</a>");
  page("good", "良いページ");
  page("throw", "例外を投げるページ");
  page("invalid", "題名のない記録");
  page("foreign", "他の情報源を名乗る記録");
  const std::string data = (root / "data").string();
  const std::string env = "SENREI_PLUGIN_PATH=" + std::string(SENREI_BINARY_DIR) + "/test-plugins-good";

  auto r = senrei({"--data", data, "crawl", "flaky", "--mirror", site.string()}, env);
  EXPECT_EQ(r.status, 1) << r.out << r.err;  // a plugin failure is a failure of the run
  EXPECT_NE(r.out.find("2 new"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("plugin 'flaky' failed on http://flaky.test/throw/: cannot read this page's table"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("plugin 'flaky' returned an invalid record for http://flaky.test/invalid/"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("plugin 'flaky' returned an invalid record for http://flaky.test/foreign/"), std::string::npos)
      << r.out;

  auto exp = senrei({"--data", data, "export", "--format", "jsonl"}, env);
  ASSERT_EQ(exp.status, 0) << exp.err;
  std::set<std::string> urls;
  for (size_t start = 0; start < exp.out.size();) {
    size_t end = exp.out.find('\n', start);
    urls.insert(json::parse(exp.out.substr(start, end - start))["url"].get<std::string>());
    start = end + 1;
  }
  EXPECT_EQ(urls, (std::set<std::string>{"http://flaky.test/", "http://flaky.test/good/"}));
  auto hit = senrei({"--data", data, "search", "良いページ"}, env);
  EXPECT_NE(hit.out.find("http://flaky.test/good/"), std::string::npos) << hit.out;
  fs::remove_all(root);
}
