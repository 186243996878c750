// Declarative sources (plugins/site, issue 6): TOML files become sources with no compilation;
// a file with a mistake is refused on its own with file:line and what was expected; the shipped
// files (sources/*.toml) run on their sample pages, crawl from a mirror and over HTTP from a
// real nginx, and are found by search; a declared charset outranks a wrong <meta>.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/cli_support.hpp"
#include "plugin/plugin_host.hpp"
#include "senrei/case_page.hpp"
#include "servers/nginx.hpp"

namespace fs = std::filesystem;
using senrei_test::CliRun;
using nlohmann::json;

namespace {

// The binary (cli/cli_support.hpp); named apart from namespace senrei.
CliRun cli(const std::vector<std::string>& args, const std::string& env = "") { return senrei_test::senrei(args, env); }

const fs::path kBuiltin = fs::path(SENREI_BINARY_DIR) / "plugins";
const fs::path kCorpus = fs::path(SENREI_SOURCE_DIR) / "corpus" / "sample";
const fs::path kShipped = fs::path(SENREI_SOURCE_DIR) / "sources";

class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("senrei-sources-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
    fs::permissions(path_, fs::perms(0755));  // nginx workers read below it
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& rel, const std::string& text) const {
    fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  fs::path path_;
};

// A valid source for tests to break one line of.
const std::string kGood =
    "name = \"pref-test\"\n"                           // 1
    "title = \"テスト県 医療政策課\"\n"                  // 2
    "publisher = \"テスト県\"\n"                         // 3
    "base_url = \"https://www.pref.test.lg.jp/\"\n"    // 4
    "seeds = [\"https://www.pref.test.lg.jp/iryo/\"]\n" // 5
    "\n"                                               // 6
    "[scope]\n"                                        // 7
    "allow = ['^https://www\\.pref\\.test\\.lg\\.jp/iryo/']\n"  // 8
    "\n"                                               // 9
    "[[kind]]\n"                                       // 10
    "url = '/iryo/renkei/'\n"                          // 11
    "kind = \"case_overview\"\n"                       // 12
    "\n"                                               // 13
    "[labels]\n"                                       // 14
    "\"事業費\" = \"build_cost_yen\"\n";               // 15

std::string replace_line(const std::string& text, int line, const std::string& with) {
  std::istringstream in(text);
  std::string out, l;
  for (int n = 1; std::getline(in, l); ++n) out += (n == line ? with : l) + "\n";
  return out;
}

struct Loaded {
  std::vector<std::string> names;
  std::vector<std::string> refused;  // reasons
};

Loaded load_from(const std::vector<fs::path>& dirs) {
  senrei::PluginHost host;
  std::vector<std::string> config;
  for (const auto& d : dirs) config.push_back(d.string());
  host.load({kBuiltin}, config);
  Loaded l;
  for (const auto& s : host.sources()) l.names.push_back(s.info.name);
  for (const auto& r : host.refused()) l.refused.push_back(r.reason);
  return l;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// The one refusal for a single broken file.
std::string refusal_of(const std::string& toml) {
  TempDir dir("bad");
  dir.write("pref-test.toml", toml);
  auto l = load_from({dir.path()});
  EXPECT_FALSE(has(l.names, "pref-test"));
  EXPECT_EQ(l.refused.size(), 1u);
  return l.refused.empty() ? "" : l.refused[0].substr(l.refused[0].find("pref-test.toml"));
}

json check(const std::vector<std::string>& args, int expect_status = 0, const std::string& env = "") {
  std::vector<std::string> all = {"sources", "--json", "--check"};
  all.insert(all.end(), args.begin(), args.end());
  auto r = cli(all, env);
  EXPECT_EQ(r.status, expect_status) << r.err << r.out;
  auto j = json::parse(r.out, nullptr, false);
  return j.is_discarded() ? json::object() : j;
}

const json* page_of(const json& j, const std::string& url) {
  for (const auto& p : j["pages"])
    if (p["url"] == url) return &p;
  return nullptr;
}

const json* field_of(const json& record, const std::string& name) {
  for (const auto& f : record["fields"])
    if (f["name"] == name) return &f;
  return nullptr;
}

std::string slurp_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(DeclaredSource, AValidFileIsASourceAndFollowsItsRules) {
  TempDir dir("good");
  dir.write("pref-test.toml", kGood);
  senrei::PluginHost host;
  host.load({kBuiltin}, {dir.path().string()});
  EXPECT_TRUE(host.refused().empty());
  const auto* s = host.find("pref-test");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->library, kBuiltin / "site.so");
  EXPECT_EQ(s->info.title, "テスト県 医療政策課");
  EXPECT_EQ(s->info.base_url, "https://www.pref.test.lg.jp/");
  EXPECT_EQ(s->source->seeds(), std::vector<std::string>{"https://www.pref.test.lg.jp/iryo/"});
  EXPECT_TRUE(s->source->in_scope("https://www.pref.test.lg.jp/iryo/renkei/a.html"));
  EXPECT_FALSE(s->source->in_scope("https://www.pref.test.lg.jp/kanko/"));
  EXPECT_FALSE(s->source->in_scope("https://www.pref.other.lg.jp/iryo/"));

  senrei::ParsedPage page;
  page.url = "https://www.pref.test.lg.jp/iryo/renkei/a.html";
  page.title = "連携ネットワーク";
  page.labels.push_back({"事業費", "約3,500万円", "", "事業費：約3,500万円"});
  page.labels.push_back({"運用費用", "年額600万円", "", "運用費用：年額600万円"});  // senrei's own vocabulary
  auto records = s->source->extract(page);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].kind, senrei::RecordKind::case_overview);
  ASSERT_NE(records[0].field("build_cost_yen"), nullptr);
  EXPECT_EQ(records[0].field("build_cost_yen")->number, 35000000.0);
  EXPECT_EQ(records[0].field("build_cost_yen")->provenance.sentence, "事業費：約3,500万円");
  ASSERT_NE(records[0].field("running_cost_yen"), nullptr);
  EXPECT_EQ(records[0].field("running_cost_yen")->period, "year");
  page.url = "https://www.pref.test.lg.jp/iryo/other.html";  // no [[kind]] matches: default "other"
  ASSERT_EQ(s->source->extract(page).size(), 1u);
  EXPECT_EQ(s->source->extract(page)[0].kind, senrei::RecordKind::other);

  // Editing the file changes the version, so stored pages are extracted again.
  std::string v1 = s->info.version;
  dir.write("pref-test.toml", kGood + "\"補助金額\" = \"build_cost_yen\"\n");
  senrei::PluginHost again;
  again.load({kBuiltin}, {dir.path().string()});
  ASSERT_NE(again.find("pref-test"), nullptr);
  EXPECT_NE(again.find("pref-test")->info.version, v1);
}

// Issue 12 item 11: a heading that reads as a case's (a name with its start) gives the name and
// the start year; a heading that is a page title (「…の運営のしくみと費用」) gives nothing.
TEST(DeclaredSource, ACaseHeadingGivesTheNameAndStartYear) {
  TempDir dir("heading");
  dir.write("pref-test.toml", kGood);
  senrei::PluginHost host;
  host.load({kBuiltin}, {dir.path().string()});
  const auto* s = host.find("pref-test");
  ASSERT_NE(s, nullptr);
  senrei::ParsedPage page;
  page.url = "https://www.pref.test.lg.jp/iryo/renkei/b.html";
  page.title = "連携ネットワークの紹介";
  page.blocks.push_back({senrei::Block::Role::heading, 1, "うみかぜネット（平成24年稼働）"});
  page.labels.push_back({"事業費", "約2,100万円", "", "事業費：約2,100万円"});
  auto records = s->source->extract(page);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_NE(records[0].field("network_name"), nullptr);
  EXPECT_EQ(records[0].field("network_name")->text, "うみかぜネット");
  ASSERT_NE(records[0].field("start_year"), nullptr);
  EXPECT_EQ(records[0].field("start_year")->number, 2012.0);
  page.blocks[0].text = "うみかぜネットの運営のしくみと費用";
  records = s->source->extract(page);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].field("network_name"), nullptr);
  EXPECT_EQ(records[0].field("start_year"), nullptr);
  // A heading that is just a name (no start) is the name when no label gives one: derived.
  page.blocks[0].text = "しおさい地域医療ネット";
  records = s->source->extract(page);
  ASSERT_NE(records[0].field("network_name"), nullptr);
  EXPECT_EQ(records[0].field("network_name")->text, "しおさい地域医療ネット");
  EXPECT_EQ(records[0].field("network_name")->flags, std::vector<std::string>{"derived"});
  EXPECT_EQ(records[0].field("start_year"), nullptr);
  // A name label wins over the heading.
  page.labels.push_back({"ネットワーク名", "しおさいネット", "", "ネットワーク名：しおさいネット"});
  records = s->source->extract(page);
  EXPECT_EQ(records[0].field("network_name")->text, "しおさいネット");
  EXPECT_TRUE(records[0].field("network_name")->flags.empty());
}

TEST(DeclaredSource, TitlesThatAreNamesAndTitlesThatAreTopics) {
  EXPECT_EQ(senrei::name_from_title("こだま医療ネット（全体概要）｜地域医療連携 事例データベース"), "こだま医療ネット");
  EXPECT_EQ(senrei::name_from_title("ＩＤ－Ｌｉｎｋ連携ネット - 北県"), "ＩＤ－Ｌｉｎｋ連携ネット");
  EXPECT_EQ(senrei::name_from_title("とねっとの運営のしくみと費用"), "");
  EXPECT_EQ(senrei::name_from_title("連携ネットワークについて"), "");
  EXPECT_EQ(senrei::name_from_title("事例一覧｜支援Navi"), "");
  // Names may hold label words (地域, システム): only topic words make a title no name.
  EXPECT_EQ(senrei::name_from_title("はまなす地域ネットシステム"), "はまなす地域ネットシステム");
}

// Issue 12 item 2: a page under a case URL that does not read as one is other, unless the source
// forces the kind.
TEST(DeclaredSource, ASourceMayForceAKind) {
  TempDir dir("force");
  dir.write("pref-test.toml", replace_line(kGood, 12, "kind = \"case_overview\"\nforce = true"));
  senrei::PluginHost host;
  host.load({kBuiltin}, {dir.path().string()});
  const auto* s = host.find("pref-test");
  ASSERT_NE(s, nullptr) << (host.refused().empty() ? "" : host.refused()[0].reason);
  senrei::ParsedPage page;
  page.url = "https://www.pref.test.lg.jp/iryo/renkei/c.html";
  page.title = "このサイトについて";
  page.labels.push_back({"事業費", "約2,100万円", "", "事業費：約2,100万円"});
  EXPECT_EQ(s->source->extract(page)[0].kind, senrei::RecordKind::case_overview);
  TempDir plain("noforce");
  plain.write("pref-test.toml", kGood);
  senrei::PluginHost again;
  again.load({kBuiltin}, {plain.path().string()});
  EXPECT_EQ(again.find("pref-test")->source->extract(page)[0].kind, senrei::RecordKind::other);
  EXPECT_NE(refusal_of(replace_line(kGood, 12, "kind = \"case_overview\"\nforce = \"yes\"")).find("'force'"),
            std::string::npos);
}

TEST(DeclaredSource, MistakesAreRefusedWithFileLineAndWhatWasExpected) {
  EXPECT_EQ(refusal_of(replace_line(kGood, 5, "sead = [\"https://www.pref.test.lg.jp/\"]")),
            "pref-test.toml:5:1: unknown key 'sead' (expected one of: name, title, publisher, version, base_url, "
            "seeds, charset, default_kind, builtin_labels, document_fields, title_from, title_strip, scope, kind, labels, "
            "politeness)");
  EXPECT_EQ(refusal_of(replace_line(kGood, 8, "alow = ['x']")),
            "pref-test.toml:8:1: unknown key 'alow' in [scope] (expected one of: allow, deny)");
  auto r = refusal_of(replace_line(kGood, 5, "seeds = \"https://www.pref.test.lg.jp/\""));
  EXPECT_EQ(r.rfind("pref-test.toml:5:", 0), 0u) << r;
  EXPECT_NE(r.find("'seeds' must be a list of strings"), std::string::npos) << r;
  r = refusal_of(replace_line(kGood, 8, "allow = ['^https://(www']"));
  EXPECT_EQ(r.rfind("pref-test.toml:8:", 0), 0u) << r;
  EXPECT_NE(r.find("is not a regular expression"), std::string::npos) << r;
  r = refusal_of(replace_line(kGood, 12, "kind = \"casestudy\""));
  EXPECT_EQ(r.rfind("pref-test.toml:12:", 0), 0u) << r;
  EXPECT_NE(r.find("'casestudy' is not a record kind (expected case_overview"), std::string::npos) << r;
  r = refusal_of(replace_line(kGood, 15, "\"事業費\" = \"build_cost\""));
  EXPECT_EQ(r.rfind("pref-test.toml:15:", 0), 0u) << r;
  EXPECT_NE(r.find("'build_cost' is not a field senrei knows"), std::string::npos) << r;
  r = refusal_of(replace_line(kGood, 4, "base_url = \"www.pref.test.lg.jp\""));
  EXPECT_EQ(r.rfind("pref-test.toml:4:", 0), 0u) << r;
  EXPECT_NE(r.find("absolute http(s) URL"), std::string::npos) << r;
  r = refusal_of(replace_line(kGood, 3, "publisher = \"テスト県"));  // unterminated string
  EXPECT_EQ(r.rfind("pref-test.toml:3:", 0), 0u) << r;
  EXPECT_NE(r.find("not valid TOML"), std::string::npos) << r;
  r = refusal_of(replace_line(kGood, 1, "charset = \"latin-9\""));  // and so no name either
  EXPECT_EQ(r.rfind("pref-test.toml:1:", 0), 0u) << r;
  r = refusal_of(replace_line(kGood, 1, ""));
  EXPECT_EQ(r, "pref-test.toml:1:1: missing key 'name' (a string, e.g. name = \"pref-example\")");
  r = refusal_of(replace_line(kGood, 1, "name = \"Pref Test\""));
  EXPECT_NE(r.find("lower-case letters, digits and '-'"), std::string::npos) << r;
}

TEST(DeclaredSource, OneBrokenFileDoesNotStopTheOthers) {
  TempDir dir("mixed");
  dir.write("a-good.toml", kGood);
  dir.write("b-broken.toml", replace_line(replace_line(kGood, 1, "name = \"pref-broken\""), 12, "kind = \"nope\""));
  dir.write("c-same-name.toml", kGood);
  auto l = load_from({dir.path()});
  EXPECT_TRUE(has(l.names, "pref-test"));
  EXPECT_TRUE(has(l.names, "renkei-navi"));
  EXPECT_FALSE(has(l.names, "pref-broken"));
  ASSERT_EQ(l.refused.size(), 2u);
  EXPECT_NE(l.refused[0].find("b-broken.toml:12:"), std::string::npos) << l.refused[0];
  EXPECT_NE(l.refused[1].find("c-same-name.toml: source 'pref-test' is also defined by"), std::string::npos)
      << l.refused[1];
}

TEST(DeclaredSource, AnEarlierFolderReplacesALaterOnesSourceOfTheSameName) {
  TempDir workspace("ws"), shipped("shipped");
  workspace.write("mine.toml", replace_line(kGood, 2, "title = \"ワークスペースの定義\""));
  shipped.write("pref-test.toml", kGood);
  senrei::PluginHost host;
  host.load({kBuiltin}, {workspace.path().string(), shipped.path().string()});
  EXPECT_TRUE(host.refused().empty());
  ASSERT_NE(host.find("pref-test"), nullptr);
  EXPECT_EQ(host.find("pref-test")->info.title, "ワークスペースの定義");
}

TEST(DeclaredSource, TheShippedSourcesLoadThroughTheBinary) {
  auto r = cli({"sources", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out);
  std::set<std::string> names;
  for (const auto& s : j["sources"]) names.insert(s["name"]);
  for (const auto& entry : fs::directory_iterator(kShipped)) {
    if (entry.path().extension() != ".toml") continue;
    // Each shipped file's name = "..." line names a loaded source.
    std::smatch m;
    std::string text = slurp_bytes(entry.path());
    ASSERT_TRUE(std::regex_search(text, m, std::regex("\nname = \"([a-z0-9-]+)\""))) << entry.path();
    EXPECT_TRUE(names.count(m[1])) << m[1] << " from " << entry.path();
  }
  EXPECT_TRUE(names.count("helics"));
  EXPECT_TRUE(names.count("saitama-tonet"));
  EXPECT_TRUE(j["refused"].empty()) << j["refused"].dump();
}

TEST(SourcesCheck, HelicsOnItsSamplePagesGivesTheStandardsWithProvenance) {
  auto j = check({"helics"});
  ASSERT_EQ(j["pages"].size(), 3u) << j.dump();
  EXPECT_EQ(j["failed"], 0);
  // The top page is followed for links only (default_kind = "none").
  const json* top = page_of(j, "https://square.umin.ac.jp/helics/");
  ASSERT_NE(top, nullptr);
  EXPECT_TRUE((*top)["records"].empty());
  EXPECT_TRUE(std::count((*top)["links_in_scope"].begin(), (*top)["links_in_scope"].end(),
                         "https://square.umin.ac.jp/helics/html/guidelines.html"));

  const std::string url = "https://square.umin.ac.jp/helics/html/guidelines.html";
  const json* g = page_of(j, url);
  ASSERT_NE(g, nullptr);
  ASSERT_EQ((*g)["records"].size(), 1u);
  const json& rec = (*g)["records"][0];
  EXPECT_EQ(rec["kind"], "standard");
  EXPECT_EQ(rec["title"], "HELICS指針と厚生労働省標準規格");
  EXPECT_EQ(rec["as_of"], "2016-03-28");  // 改正の通知 医政発0328第7号（平成28年3月28日）
  const json* standards = field_of(rec, "standards");
  ASSERT_NE(standards, nullptr);
  // Every HS number the page names, read from the file itself.
  std::string html = slurp_bytes(kCorpus / "square.umin.ac.jp/helics/html/guidelines.html");
  std::set<std::string> on_page;
  std::regex hs("HS[0-9]{3}");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), hs); it != std::sregex_iterator(); ++it)
    on_page.insert(it->str());
  std::set<std::string> read;
  for (const auto& i : (*standards)["items"])
    if (i.get<std::string>().rfind("HS", 0) == 0) read.insert(i);
  EXPECT_EQ(read, on_page);
  EXPECT_TRUE(on_page.count("HS025") && on_page.count("HS026"));
  EXPECT_EQ((*standards)["provenance"]["url"], url);
  EXPECT_NE((*standards)["provenance"]["sentence"].get<std::string>().find("HS001 医薬品HOTコードマスター"),
            std::string::npos);
}

TEST(SourcesCheck, TextOutputShowsFieldsAndSentences) {
  auto r = cli({"sources", "--check", "saitama-tonet"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("http://saitama-tonet.jp/structure.html"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fees = hospital 5万円/年  [yen, period year, payer hospital]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fees = hospital 2万円/年"), std::string::npos) << r.out;  // 病院: a hospital too, its own fee
  EXPECT_NE(r.out.find("fees = pharmacy 1万円/年"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("「年会費（中核病院）：年額50,000円」"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("running_payers = municipality"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 pages, 1 records"), std::string::npos) << r.out;
}

TEST(SourcesCheck, AFileSavedFromTheSiteKeepsItsRealUrl) {
  // A page inside a folder named after the source's host maps back to its URL.
  auto j = check({"saitama-tonet", (kCorpus / "saitama-tonet.jp/structure.html").string()});
  ASSERT_EQ(j["pages"].size(), 1u);
  EXPECT_EQ(j["pages"][0]["url"], "http://saitama-tonet.jp/structure.html");
  // Elsewhere, --url says it.
  TempDir dir("file");
  fs::copy_file(kCorpus / "saitama-tonet.jp/structure.html", dir.path() / "saved.html");
  j = check({"saitama-tonet", (dir.path() / "saved.html").string(), "--url", "http://saitama-tonet.jp/structure.html"});
  ASSERT_EQ(j["pages"].size(), 1u);
  ASSERT_EQ(j["pages"][0]["records"].size(), 1u);
  EXPECT_EQ(j["pages"][0]["records"][0]["kind"], "case_overview");
}

TEST(SourcesCheck, UnknownAndRefusedSourcesSayWhy) {
  auto r = cli({"sources", "--check", "no-such-source"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no source named 'no-such-source' (known: "), std::string::npos) << r.err;
  EXPECT_EQ(senrei_test::count_lines(r.err), 1u);

  TempDir ws("refused");
  ws.write("sources/pref-test.toml", replace_line(kGood, 12, "kind = \"casestudy\""));
  r = cli({"--data", ws.path().string(), "sources", "--check", "pref-test"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("source 'pref-test' was refused: " + (ws.path() / "sources/pref-test.toml").string() + ":12:"),
            std::string::npos)
      << r.err;
  // `senrei sources` lists it as refused and the other sources as loaded.
  r = cli({"--data", ws.path().string(), "sources"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("refused\t" + (kBuiltin / "site.so").string() + "\t" +
                       (ws.path() / "sources/pref-test.toml").string() + ":12:"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\nhelics\t"), std::string::npos) << r.out;
}

TEST(DeclaredSource, ADeclaredCharsetOutranksAWrongMeta) {
  // A page in Shift_JIS whose <meta> says ISO-8859-1, as misconfigured sites do.
  TempDir ws("charset");
  std::string text = "\x8d\x5c\x92\x7a\x94\xef\x97\x70";  // 構築費用 in Shift_JIS
  std::string html = "<html><head><meta charset=\"iso-8859-1\"><title>" + text + "</title></head><body><p>" + text +
                     "</p><table><tr><th>" + text + "</th><td>\x96\xf1\x32\x2c\x30\x30\x30\x96\x9c\x89\x7e"
                     "</td></tr></table></body></html>";  // 約2,000万円
  fs::path page = ws.write("page.html", html);
  const std::string base = replace_line(replace_line(kGood, 7, ""), 8, "");  // no scope: all of base_url
  // charset is a top-level key, so it goes before the first [table].
  ws.write("sources/declared.toml", "charset = \"Shift_JIS\"\n" + replace_line(base, 1, "name = \"declared\""));
  ws.write("sources/undeclared.toml", replace_line(base, 1, "name = \"undeclared\""));
  const std::string url = "https://www.pref.test.lg.jp/iryo/renkei/page.html";
  auto run = [&](const std::string& name) {
    auto r = cli({"--data", ws.path().string(), "sources", "--json", "--check", name, page.string(), "--url", url});
    EXPECT_EQ(r.status, 0) << r.err;
    auto out = json::parse(r.out, nullptr, false);
    return out.is_discarded() ? json::object() : out["pages"][0];
  };
  json declared_page = run("declared"), undeclared_page = run("undeclared");
  EXPECT_EQ(declared_page["charset"], (json{{"name", "windows-31j"}, {"decided_by", "source"}}));
  EXPECT_EQ(undeclared_page["charset"]["decided_by"], "meta");
  json declared = declared_page["records"][0];
  EXPECT_EQ(declared["title"], "構築費用");
  const json* cost = field_of(declared, "build_cost_yen");
  ASSERT_NE(cost, nullptr) << declared.dump();
  EXPECT_EQ((*cost)["number"], 20000000.0);
  json undeclared = undeclared_page["records"][0];  // the <meta> is believed: mojibake, no field
  EXPECT_NE(undeclared["title"], "構築費用");
  EXPECT_EQ(field_of(undeclared, "build_cost_yen"), nullptr);
}

TEST(DeclaredSource, AWorkspaceTomlIsCrawledAndSearchableWithoutCompiling) {
  // A new source written only as a TOML file in the workspace, over the tonet sample.
  TempDir ws("crawl");
  ws.write("sources/tonet-copy.toml",
           "name = \"tonet-copy\"\ntitle = \"とねっと（写し）\"\npublisher = \"test\"\n"
           "base_url = \"http://saitama-tonet.jp/\"\ncharset = \"Shift_JIS\"\ndefault_kind = \"none\"\n"
           "[[kind]]\nurl = 'structure\\.html$'\nkind = \"case_overview\"\n");
  const std::string data = ws.path().string();
  auto r = cli({"--data", data, "crawl", "tonet-copy", "--mirror", (kCorpus / "saitama-tonet.jp").string(), "--json"});
  ASSERT_EQ(r.status, 0) << r.err << r.out;
  auto run = json::parse(r.out)["runs"][0];
  EXPECT_EQ(run["new"], 2);
  EXPECT_EQ(run["failed"], 0);
  EXPECT_EQ(run["records_written"], 1);
  r = cli({"--data", data, "search", "年会費 source:tonet-copy", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto hits = json::parse(r.out)["hits"];
  ASSERT_EQ(hits.size(), 1u) << r.out;
  EXPECT_EQ(hits[0]["record"]["url"], "http://saitama-tonet.jp/structure.html");
}

TEST(DeclaredSource, AShippedTomlIsCrawledOverHttpFromALoopbackServer) {
  senrei_test::Nginx server({kCorpus / "saitama-tonet.jp"});
  if (!server.ok()) GTEST_SKIP() << server.error();
  TempDir ws("http");
  auto r = cli({"--data", ws.path().string(), "crawl", "saitama-tonet", "--base-url", server.base_url(),
                   "--allow-private", "--delay", "0", "--json"});
  ASSERT_EQ(r.status, 0) << r.err << r.out;
  auto run = json::parse(r.out)["runs"][0];
  EXPECT_EQ(run["fetched"], 2) << r.out;
  EXPECT_EQ(run["failed"], 0) << r.out;
  r = cli({"--data", ws.path().string(), "show", "http://saitama-tonet.jp/structure.html", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto rec = json::parse(r.out);
  EXPECT_EQ(rec["kind"], "case_overview");
  const json* fees = field_of(rec, "fees");
  ASSERT_NE(fees, nullptr);
  EXPECT_EQ((*fees)["number"], 50000.0);
  EXPECT_EQ((*fees)["provenance"]["sentence"], "年会費（中核病院）：年額50,000円");
  r = cli({"--data", ws.path().string(), "search", "利根保健医療圏", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> urls;
  const json found = json::parse(r.out);  // named: a temporary's member would dangle in the loop
  for (const auto& h : found["hits"]) urls.insert(h["record"]["url"]);
  EXPECT_EQ(urls, std::set<std::string>{"http://saitama-tonet.jp/structure.html"});
}

TEST(DeclaredSource, TheWorkedExampleReadsAMinistryPageAsTheMhlwPluginDoes) {
  // docs/plugins.md's example, from a workspace's sources/ folder, against the C++ plugin.
  TempDir ws("example");
  fs::create_directories(ws.path() / "sources");
  fs::copy_file(fs::path(SENREI_SOURCE_DIR) / "docs/examples/mhlw-guideline.toml",
                ws.path() / "sources/mhlw-guideline.toml");
  const std::string page = (kCorpus / "www.mhlw.go.jp/stf/shingi/0000516275_00006.html").string();
  auto record_of = [&](const std::string& source) {
    auto r = cli({"--data", ws.path().string(), "sources", "--json", "--check", source, page});
    EXPECT_EQ(r.status, 0) << r.err;
    auto j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out;
    return j.is_discarded() ? json::object() : j["pages"][0]["records"][0];
  };
  json toml = record_of("mhlw-guideline"), cpp = record_of("mhlw");
  ASSERT_FALSE(cpp.is_null());
  EXPECT_EQ(toml["url"], "https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html");
  for (const char* key : {"kind", "title", "as_of", "url"}) EXPECT_EQ(toml[key], cpp[key]) << key;
  for (const char* name : {"title", "ministry", "version", "publication_date"}) {
    const json* a = field_of(toml, name);
    const json* b = field_of(cpp, name);
    ASSERT_TRUE(a && b) << name;
    EXPECT_EQ((*a)["text"], (*b)["text"]) << name;
    EXPECT_EQ((*a)["provenance"], (*b)["provenance"]) << name;
  }
  EXPECT_EQ((*field_of(toml, "version"))["text"], "6.0");

  // Its notice PDF is a notice by the [[kind]] rule; the sample pages all pass.
  auto r = cli({"--data", ws.path().string(), "sources", "--json", "--check", "mhlw-guideline"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto all = json::parse(r.out);
  const json* notice = page_of(all, "https://www.mhlw.go.jp/content/10808000/000000603.pdf");
  ASSERT_NE(notice, nullptr) << r.out;
  EXPECT_EQ((*notice)["records"][0]["kind"], "notice");
}

TEST(SourcesCheck, APluginThatThrowsOrHangsFailsItsPageNamingItAndTheUrl) {
  // tests/plugins/faulty.cpp: FAULT:throw throws, FAULT:hang never returns.
  const std::string env = "SENREI_PLUGIN_PATH=" + senrei_test::shell_quote(std::string(SENREI_BINARY_DIR) + "/test-plugins/faults");
  TempDir dir("faulty");
  fs::path throws = dir.write("throw.html", "<html><head><title>t</title></head><body><p>FAULT:throw</p></body></html>");
  fs::path hangs = dir.write("hang.html", "<html><head><title>h</title></head><body><p>FAULT:hang</p></body></html>");
  auto r = cli({"sources", "--check", "faulty", throws.string(), "--url", "http://faulty.test/throw.html"}, env);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("failed — plugin: plugin 'faulty' failed on http://faulty.test/throw.html: a deliberate failure"),
            std::string::npos)
      << r.out;
  auto start = std::chrono::steady_clock::now();
  r = cli({"sources", "--json", "--check", "faulty", hangs.string(), "--url", "http://faulty.test/hang.html",
           "--plugin-timeout", "1"},
          env);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_LT(seconds, 20.0);
  auto j = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["pages"][0]["error"].get<std::string>().rfind("plugin_timeout: ", 0), 0u) << r.out;
}

TEST(SourcesCheck, AUrlIsFetchedOverHttpAndKeepsTheRealSitesUrl) {
  senrei_test::Nginx server({kCorpus / "saitama-tonet.jp"});
  if (!server.ok()) GTEST_SKIP() << server.error();
  auto j = check({"saitama-tonet", "http://saitama-tonet.jp/structure.html", "--base-url", server.base_url(),
                  "--allow-private"});
  ASSERT_EQ(j["pages"].size(), 1u) << j.dump();
  EXPECT_EQ(j["pages"][0]["url"], "http://saitama-tonet.jp/structure.html");
  ASSERT_EQ(j["pages"][0]["records"].size(), 1u) << j.dump();
  EXPECT_NE(field_of(j["pages"][0]["records"][0], "fees"), nullptr);
  bool fetched = false;
  for (const auto& line : server.access_log()) fetched |= line.uri == "/structure.html" && line.status == 200;
  EXPECT_TRUE(fetched);
  // A URL outside the source is not fetched, and says so.
  auto r = cli({"sources", "--check", "saitama-tonet", server.base_url() + "structure.html", "--allow-private"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("outside the source's scope"), std::string::npos) << r.out;
}
