// Hostile content, end to end through the real binary: markup and formulas in page text stay
// text in every output; URLs never reach outside the mirror or the store; deep, huge and
// bomb-like documents stop at the limits extract.hpp documents, with a message (issue 8).
#include <gtest/gtest.h>

#include <regex>

#include "safety_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

const std::string kPlan = std::string(SENREI_SOURCE_DIR) + "/corpus/sample/plan-example.toml";

// RFC 4180 cells of a CSV text (quoted cells unquoted), row by row.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, in_quotes = false;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty()) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
      quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(cell);
      cell.clear();
      quoted = false;
      rows.emplace_back();
    } else {
      cell += c;
    }
  }
  if (!cell.empty() || quoted) rows.back().push_back(cell);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// Cells a spreadsheet would run as a formula.
std::vector<std::string> formula_cells(const std::string& csv) {
  std::vector<std::string> out;
  for (const auto& row : parse_csv(csv))
    for (const auto& cell : row)
      // A negative number (compare's projection: -1200) is a number to a spreadsheet, not a formula.
      if (!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos &&
          !std::regex_match(cell, std::regex("-[0-9]+(\\.[0-9]+)?")))
        out.push_back(cell);
  return out;
}

bool any_cell_equals(const std::string& csv, const std::string& value) {
  for (const auto& row : parse_csv(csv))
    for (const auto& cell : row)
      if (cell == value) return true;
  return false;
}

// A case overview as the Navi lays one out, with hostile text in its title and values (written
// as HTML-escaped text, so it is page text, not markup) and real script and style elements.
void write_hostile_case(const fs::path& mirror, const std::string& slug, const std::string& name,
                        const std::string& build_cost, const std::string& summary) {
  fs::create_directories(mirror / slug);
  std::ofstream(mirror / slug / "index.html", std::ios::binary)
      << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" << name << "</title>"
      << "<script>document.write('<b>injected-by-script</b>')</script><style>body{x:1}</style></head><body>"
      << "<div id=\"contents\"><div class=\"case-head\"><h1>" << name << "（平成25年稼働）</h1>"
      << "<p class=\"operator\">運営主体：特定非営利活動法人 みなと医療ネット協議会（長崎県）</p>"
      << "<p class=\"asof\">※平成29年2月時点</p></div>"
      << "<table class=\"case-summary\"><tr><th>対象地域</th><td>長崎県全域</td></tr>"
      << "<tr><th>人口</th><td>約100万人</td></tr>"
      << "<tr><th colspan=\"2\">費用負担</th></tr>"
      << "<tr><th>構築費用</th><td>" << build_cost << "</td></tr>"
      << "<tr><th>参加機関数</th><td>120</td></tr>"
      << "<tr><th>概要</th><td>" << summary << "</td></tr></table>"
      << "<script>alert('in body')</script><noscript>no-script-text</noscript></div></body></html>";
}

}  // namespace

TEST(HostileContent, MarkupAndFormulasInPagesStayTextInEveryOutput) {
  ScratchDir dir("hostile");
  const fs::path mirror = dir / "mirror";
  fs::copy(kSample, mirror, fs::copy_options::recursive);
  write_hostile_case(mirror, "evilnet", "&lt;script&gt;alert('h1')&lt;/script&gt;ネット",
                     "約1億円&lt;img src=x onerror=alert(1)&gt;（※データ出力対応費を含まない）",
                     "=HYPERLINK(\"http://evil.example/\",\"詳細\") 地域の病院と診療所が連携する。");
  write_hostile_case(mirror, "formulanet", "=HYPERLINK(\"http://evil.example/\",\"ネット\")",
                     "+2億円（※データ出力対応費を含む）", "@SUM(A1:A9) -1+1 連携の概要。");
  const std::string data = (dir / "data").string();
  auto crawl = senrei({"--data", data, "crawl", "renkei-navi", "--mirror", mirror.string()});
  ASSERT_EQ(crawl.status, 0) << crawl.err;

  // The record keeps the escaped markup as text; script elements never become text.
  auto shown = senrei({"--data", data, "show", kNavi + "evilnet/", "--json"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  const json evil = json::parse(shown.out);
  EXPECT_NE(evil["title"].get<std::string>().find("<script>alert('h1')</script>ネット"), std::string::npos) << evil["title"];
  for (const char* never : {"injected-by-script", "alert('in body')", "body{x:1}", "no-script-text"})
    EXPECT_EQ(shown.out.find(never), std::string::npos) << never;

  // export --format csv: no cell a spreadsheet would run; the formula is kept, neutralised.
  auto csv = senrei({"--data", data, "export", "--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(formula_cells(csv.out), std::vector<std::string>{});
  EXPECT_TRUE(any_cell_equals(csv.out, "'=HYPERLINK(\"http://evil.example/\",\"ネット\")")) << csv.out.substr(0, 2000);

  // compare: the hostile precedents are in the report, as text.
  auto html = senrei({"--data", data, "compare", kPlan, "--format", "html"});
  ASSERT_EQ(html.status, 0) << html.err;
  EXPECT_NE(html.out.find("&lt;script&gt;alert(&#39;h1&#39;)&lt;/script&gt;ネット"), std::string::npos)
      << "the hostile precedent is not in the report, so this test proves nothing";
  EXPECT_EQ(html.out.find("<script"), std::string::npos);
  EXPECT_EQ(html.out.find("<img"), std::string::npos);
  EXPECT_EQ(html.out.find("injected-by-script"), std::string::npos);
  auto md = senrei({"--data", data, "compare", kPlan});
  ASSERT_EQ(md.status, 0) << md.err;
  EXPECT_EQ(md.out.find("<script"), std::string::npos);
  EXPECT_EQ(md.out.find("<img"), std::string::npos);
  auto compare_csv = senrei({"--data", data, "compare", kPlan, "--format", "csv"});
  ASSERT_EQ(compare_csv.status, 0) << compare_csv.err;
  EXPECT_EQ(formula_cells(compare_csv.out), std::vector<std::string>{});
  EXPECT_NE(compare_csv.out.find("=HYPERLINK"), std::string::npos) << "the formula text is kept";

  // XLSX: every hostile value is a text cell, never a formula.
  const fs::path xlsx = dir / "report.xlsx";
  auto book = senrei({"--data", data, "compare", kPlan, "-o", xlsx.string()});
  ASSERT_EQ(book.status, 0) << book.err;
  const fs::path py = dir / "cells.py";
  std::ofstream(py) << "import json, sys, openpyxl\n"
                       "wb = openpyxl.load_workbook(sys.argv[1])\n"
                       "formulas, texts = [], []\n"
                       "for ws in wb.worksheets:\n"
                       "    for row in ws.iter_rows():\n"
                       "        for c in row:\n"
                       "            if c.data_type == 'f': formulas.append(str(c.value))\n"
                       "            elif isinstance(c.value, str) and c.value[:1] in '=+-@': texts.append(c.value)\n"
                       "print(json.dumps({'formulas': formulas, 'texts': texts}, ensure_ascii=False))\n";
  auto read = run_shell("/usr/bin/python3 " + shell_quote(py.string()) + " " + shell_quote(xlsx.string()));
  if (read.err.find("No module named 'openpyxl'") != std::string::npos)
    GTEST_SKIP() << "python3-openpyxl is not installed (scripts/setup test)";
  ASSERT_FALSE(read.out.empty()) << read.err;
  const json cells = json::parse(read.out);
  EXPECT_EQ(cells["formulas"], json::array()) << "formula cells in the workbook";
  bool kept = false;
  for (const auto& t : cells["texts"]) kept = kept || t.get<std::string>().find("=HYPERLINK") != std::string::npos;
  EXPECT_TRUE(kept) << cells.dump();
}

TEST(HostileContent, UrlsNeverReachOutsideTheMirrorOrTheStore) {
  ScratchDir dir("outside");
  const fs::path mirror = dir / "mirror";
  fs::create_directories(dir / "secret");
  std::ofstream(dir / "secret" / "secret.html") << "<html><head><meta charset=\"utf-8\"><title>秘密</title></head>"
                                                   "<body><p>極秘の本文</p></body></html>";
  fs::create_directories(mirror / "a");
  std::ofstream(mirror / "index.html")
      << "<html><head><meta charset=\"utf-8\"><title>入口</title></head><body><p>入口のページ</p>"
      << "<a href=\"../secret/secret.html\">1</a><a href=\"a/../../secret/secret.html\">2</a>"
      << "<a href=\"%2e%2e/secret/secret.html\">3</a><a href=\"..%2fsecret%2fsecret.html\">4</a>"
      << "<a href=\"a/..%2F..%2Fsecret%2Fsecret.html\">5</a><a href=\"file:///etc/passwd\">6</a>"
      << "<a href=\"a/%00/x.html\">7</a><a href=\"link.html\">8</a><a href=\"dir/secret.html\">9</a>"
      << "<a href=\"a/ファイル名 空白?.html\">10</a><a href=\"dir/\">11</a><a href=\"b/\">12</a>"
      << "<a href=\"b\">13</a><a href=\"inside.html\">14</a><a href=\"c/./d/../../secret.html\">15</a></body></html>";
  std::ofstream(mirror / "a" / "ファイル名 空白?.html") << "<html><body><p>変わった名前</p></body></html>";
  fs::create_symlink("../secret/secret.html", mirror / "link.html");
  fs::create_directory_symlink("../secret", mirror / "dir");
  // A directory's index.html that is itself a link out (reached as b/ and b), and a link that
  // stays inside the mirror (read, like any file of it).
  std::ofstream(dir / "secret" / "index.html") << "<html><body><p>極秘の目次</p></body></html>";
  fs::create_directories(mirror / "b");
  fs::create_symlink("../../secret/index.html", mirror / "b" / "index.html");
  std::ofstream(mirror / "a" / "inner.html") << "<html><body><p>内側の本文</p></body></html>";
  fs::create_symlink("a/inner.html", mirror / "inside.html");

  auto tree = [&] {  // every path outside the workspace, with its size
    std::map<std::string, uintmax_t> out;
    for (const auto& e : fs::recursive_directory_iterator(dir.path)) {
      const std::string p = e.path().string();
      if (p.rfind((dir / "data").string(), 0) == 0) continue;
      out[p] = e.is_regular_file() ? e.file_size() : 0;
    }
    return out;
  };
  const auto before = tree();
  const std::string data = (dir / "data").string();
  auto crawl = senrei({"--data", data, "crawl", "files", "--mirror", mirror.string(), "--json"});
  ASSERT_TRUE(crawl.status == 0 || crawl.status == 1) << crawl.err;
  EXPECT_EQ(tree(), before) << "the crawl wrote outside its workspace";

  auto search = senrei({"--data", data, "search", "極秘", "--json"});
  ASSERT_EQ(search.status, 1) << search.err;  // nothing matched: exit 1, as grep (docs/query.md)
  EXPECT_EQ(json::parse(search.out)["total"], 0) << "a file outside the mirror was read";
  auto records = exported_records(data);
  for (const auto& [id, r] : records) EXPECT_EQ(r.dump().find("極秘"), std::string::npos) << id;
  auto odd = senrei({"--data", data, "search", "変わった名前", "--json"});
  EXPECT_EQ(json::parse(odd.out)["total"], 1) << "the odd file name inside the mirror is read";
  auto inner = senrei({"--data", data, "search", "内側の本文", "--json"});
  EXPECT_GE(json::parse(inner.out)["total"].get<int>(), 1) << "a link that stays inside the mirror is read";

  // The store names files by digest only: no URL text reaches the file system.
  const std::regex digest("[0-9a-f]{64}");
  for (const auto& e : fs::recursive_directory_iterator(fs::path(data) / "bodies")) {
    if (e.is_directory()) {
      EXPECT_TRUE(std::regex_match(e.path().filename().string(), std::regex("[0-9a-f]{2}"))) << e.path();
    } else {
      EXPECT_TRUE(std::regex_match(e.path().filename().string(), digest)) << e.path();
    }
  }
}
