// Issue 13 acceptance through the real binary on the sample corpus: the paper the council reads
// (HTML printed to PDF by headless Chromium: the summary on page 1, the appendix last), the XLSX
// as Excel users expect it (read back with openpyxl), --top never changes the score, and output
// paths (-o report.pdf refused with exit 2; export -o x.csv writes CSV).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

const std::string kPlan = std::string(SENREI_SOURCE_DIR) + "/corpus/sample/plan-example.toml";

bool has_program(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

class ComparePaper : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = (fs::temp_directory_path() / ("senrei-paper-" + std::to_string(::getpid()))).string();
    out_ = fs::path(SENREI_BINARY_DIR) / ("compare-paper-" + std::to_string(::getpid()));
    fs::remove_all(data_);
    fs::create_directories(out_);
    auto crawl = senrei({"--data", data_, "crawl", "renkei-navi", "--mirror", kSample});
    ASSERT_EQ(crawl.status, 0) << crawl.err;
    for (const char* f : {"html", "xlsx"}) {
      auto r = senrei({"--data", data_, "compare", "--lang", "ja", kPlan, "-o", (out_ / (std::string("report.") + f)).string()});
      ASSERT_EQ(r.status, 0) << f << ": " << r.err;
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(data_);
    fs::remove_all(out_);
  }
  static std::string data_;
  static fs::path out_;
};
std::string ComparePaper::data_;
fs::path ComparePaper::out_;

}  // namespace

TEST_F(ComparePaper, TopOnlyChoosesRowsNeverTheScore) {
  auto one = json::parse(senrei({"--data", data_, "compare", "--lang", "ja", kPlan, "--format", "json", "--top", "1"}).out);
  auto twenty = json::parse(senrei({"--data", data_, "compare", "--lang", "ja", kPlan, "--format", "json", "--top", "20"}).out);
  EXPECT_EQ(one["similar"].size(), 1u);
  EXPECT_GT(twenty["similar"].size(), 1u);
  EXPECT_EQ(one["score"]["total"], twenty["score"]["total"]);
  EXPECT_EQ(one["comparison_set"], twenty["comparison_set"]);
}

TEST_F(ComparePaper, PdfAndDocxAreRefusedNamingTheFormats) {
  for (const char* name : {"report.pdf", "report.docx"}) {
    auto r = senrei({"--data", data_, "compare", kPlan, "-o", (out_ / name).string()});
    EXPECT_EQ(r.status, 2) << name;
    EXPECT_NE(r.err.find("compare writes .md, .csv, .html, .xlsx or .json files, not '"), std::string::npos) << r.err;
    EXPECT_EQ(count_lines(r.err), 1u) << r.err;
    EXPECT_FALSE(fs::exists(out_ / name));
  }
  auto r = senrei({"--data", data_, "compare", kPlan, "--format", "html", "-o", (out_ / "x.pdf").string()});
  EXPECT_EQ(r.status, 2);
}

TEST_F(ComparePaper, ExportTakesItsFormatFromTheExtension) {
  const fs::path csv = out_ / "x.csv", jsonl = out_ / "x.jsonl";
  ASSERT_EQ(senrei({"--data", data_, "export", "-o", csv.string()}).status, 0);
  std::string text = slurp(csv);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF" "id,source,kind,title,url", 0), 0u) << text.substr(0, 80);
  ASSERT_EQ(senrei({"--data", data_, "export", "-o", jsonl.string()}).status, 0);
  EXPECT_EQ(json::parse(slurp(jsonl).substr(0, slurp(jsonl).find('\n'))).count("id"), 1u);
  auto r = senrei({"--data", data_, "export", "-o", (out_ / "x.xlsx").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("export writes .csv or .jsonl files, not '.xlsx'"), std::string::npos) << r.err;
  r = senrei({"--data", data_, "export", "--format", "jsonl", "-o", (out_ / "y.csv").string()});
  EXPECT_EQ(r.status, 2) << "a format that contradicts the extension";
}

TEST_F(ComparePaper, HtmlPrintedToPdfHasTheSummaryOnPageOneAndTheAppendixLast) {
  const std::string chromium = "/usr/bin/chromium", pdftotext = "/usr/bin/pdftotext";
  if (!has_program(chromium) || !has_program(pdftotext))
    GTEST_SKIP() << "chromium and poppler-utils (pdftotext) are needed (scripts/setup test)";
  const fs::path html = out_ / "report.html", pdf = out_ / "report.pdf";
  const std::string flags = " --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir=" +
                            shell_quote((out_ / "chromium").string());
  auto print = run_shell(chromium + flags + " --print-to-pdf=" + shell_quote(pdf.string()) + " " +
                         shell_quote("file://" + html.string()) + " 2>/dev/null");
  ASSERT_EQ(print.status, 0);
  ASSERT_TRUE(fs::exists(pdf));
  // Page 1: the summary box — the score, its confidence, the failed checks, the projection.
  auto page1 = run_shell(pdftotext + " -f 1 -l 1 " + shell_quote(pdf.string()) + " -");
  ASSERT_EQ(page1.status, 0);
  EXPECT_NE(page1.out.find("要約"), std::string::npos) << page1.out;
  EXPECT_NE(page1.out.find("実現可能性スコア"), std::string::npos) << page1.out;
  EXPECT_NE(page1.out.find("スコアの信頼度"), std::string::npos) << page1.out;
  EXPECT_NE(page1.out.find("不適合"), std::string::npos) << page1.out;  // the acceptance test
  EXPECT_NE(page1.out.find("2032年に初めてマイナス"), std::string::npos) << page1.out;
  // A4 landscape: 841.92 × 594.96 pt.
  auto info = run_shell("/usr/bin/pdfinfo " + shell_quote(pdf.string()));
  EXPECT_NE(info.out.find("841.92 x 594.96 pts (A4)"), std::string::npos) << info.out;
  // The appendix is last: the last page holds 付録's method table, and nothing after it names a
  // body table.
  auto all = run_shell(pdftotext + " " + shell_quote(pdf.string()) + " -");
  size_t appendix = all.out.rfind("付録");
  ASSERT_NE(appendix, std::string::npos);
  EXPECT_NE(all.out.find("計算方法", appendix), std::string::npos);
  EXPECT_EQ(all.out.find("出典（読み取った文）", appendix), std::string::npos);
  EXPECT_EQ(all.out.find("10年間の収支見通し", appendix), std::string::npos);
  // No repository file names or CLI flags in the body (before the appendix).
  const std::string body = all.out.substr(0, appendix);
  for (const char* s : {"--include-incomparable", "--top", "docs/plan.md", "plan-example.toml"})
    EXPECT_EQ(body.find(s), std::string::npos) << s;
  // A screenshot of page 1 for review.
  const fs::path png = fs::path(SENREI_BINARY_DIR) / "compare-page1.png";
  fs::remove(png);
  auto shot = run_shell("/usr/bin/pdftoppm -f 1 -l 1 -r 80 -png -singlefile " + shell_quote(pdf.string()) + " " +
                        shell_quote((fs::path(SENREI_BINARY_DIR) / "compare-page1").string()));
  EXPECT_EQ(shot.status, 0);
  EXPECT_GT(slurp(png).size(), 10000u) << png;
}

TEST_F(ComparePaper, XlsxAsExcelUsersExpect) {
  if (!has_program("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is not installed (scripts/setup test)";
  const std::string script = R"(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "links": 0, "fills": {}, "print": [], "percent": [], "summary": []}
for ws in wb.worksheets:
    out["print"].append([ws.title, ws.page_setup.orientation, ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
                         ws.page_setup.fitToWidth, ws.print_title_rows])
    for row in ws.iter_rows():
        for c in row:
            if c.hyperlink is not None: out["links"] += 1
            if isinstance(c.value, str) and c.value in ("不適合", "注意", "適合"):
                out["fills"].setdefault(c.value, set()).add(c.fill.fgColor.rgb)
            if c.number_format == "0.0%" and isinstance(c.value, (int, float)): out["percent"].append(c.value)
ws = wb["概要"]
for row in ws.iter_rows(min_row=1, max_row=12):
    out["summary"].append([[type(c.value).__name__, c.value] for c in row[:2]])
out["fills"] = {k: sorted(v) for k, v in out["fills"].items()}
print(json.dumps(out, ensure_ascii=False, default=str))
)";
  fs::path py = out_ / "read_xlsx.py";
  std::ofstream(py) << script;
  auto r = run_shell("/usr/bin/python3 " + shell_quote(py.string()) + " " + shell_quote((out_ / "report.xlsx").string()) + " 2>&1");
  if (r.status != 0 && r.out.find("No module named 'openpyxl'") != std::string::npos)
    GTEST_SKIP() << "python3-openpyxl is not installed (scripts/setup test)";
  ASSERT_EQ(r.status, 0) << r.out;
  json x = json::parse(r.out);
  EXPECT_EQ(x["sheets"][0], "概要");
  EXPECT_EQ(x["sheets"].back().get<std::string>().rfind("付録", 0), 0u) << x["sheets"].dump();
  EXPECT_GT(x["links"].get<int>(), 20) << "hyperlinks to the source pages";
  // 不適合 filled red, 注意 yellow, as in the HTML.
  ASSERT_TRUE(x["fills"].contains("不適合")) << x["fills"].dump();
  EXPECT_EQ(x["fills"]["不適合"][0], "FFFBE0E0");
  EXPECT_EQ(x["fills"]["注意"][0], "FFFFF4D6");
  for (const auto& p : x["print"]) {
    EXPECT_EQ(p[1], "landscape") << p.dump();
    EXPECT_EQ(p[2], true) << p.dump();
    EXPECT_TRUE(p[3].is_null() || p[3] == 1) << "one page wide (1 is the default): " << p.dump();
    EXPECT_FALSE(p[4].is_null()) << "header rows repeated: " << p.dump();
  }
  // Percentages as fractions (0..1) with a % format.
  ASSERT_FALSE(x["percent"].empty());
  for (const auto& v : x["percent"]) {
    EXPECT_GE(v.get<double>(), 0.0);
    EXPECT_LE(v.get<double>(), 1.0);
  }
  // The summary: the score is a number.
  bool score = false;
  for (const auto& row : x["summary"])
    if (row[0][1] == "実現可能性スコア") score = row[1][0] == "float";
  EXPECT_TRUE(score) << x["summary"].dump();
}
