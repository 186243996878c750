// Bounded inputs and whole outputs (issue 14 items 3–6): one regression test per finding of
// ../shared/reviews/reliability.md — F2 (mirror files read to the cap), F3 (TOML dotted keys),
// F4 (query length, depth and terms), F5 (URL patterns under RE2, every plugin call under the
// deadline), F6 (outputs written whole or not at all), F8 (queries echoed inert), F9 (bidi
// controls from pages), F10 (plan integers).  Each failed on main before the fix.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>

#include "cli/output_file.hpp"
#include "compare/plan.hpp"
#include "extract/extract.hpp"
#include "fetch/mirror_fetcher.hpp"
#include "index/index_writer.hpp"
#include "index/searcher.hpp"
#include "process_support.hpp"
#include "safety_support.hpp"
#include "senrei/ja.hpp"
#include "toml/toml_guard.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

namespace {

const std::string kRlo = "\u202E";  // RIGHT-TO-LEFT OVERRIDE
const std::string kFaultyEnv = "SENREI_PLUGIN_PATH=" + std::string(SENREI_BINARY_DIR) + "/test-plugins/faults";

void write_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A sparse file of `bytes` (no disk blocks, zeros when read) with `head` at its start.
void sparse_file(const fs::path& p, const std::string& head, off_t bytes) {
  write_file(p, head);
  ASSERT_EQ(::truncate(p.c_str(), bytes), 0);
}

// Runs senrei to the end; its exit status and peak resident memory in KiB.
std::pair<int, long> run_measured(const std::vector<std::string>& args, const std::string& log) {
  pid_t pid = spawn_senrei(args, log);
  int status = 0;
  struct rusage ru{};
  while (::wait4(pid, &status, 0, &ru) < 0) {
  }
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), ru.ru_maxrss};
}

// A small index in DIR/index with one record per (title, text).
void make_index(const fs::path& data, const std::vector<std::pair<std::string, std::string>>& pages) {
  ::senrei::index::IndexWriter w(data / "index");
  int n = 0;
  for (const auto& [title, text] : pages) {
    ::senrei::Record r;
    r.source = "renkei-navi";
    r.url = "http://renkei-support.mhlw.go.jp/p" + std::to_string(++n) + "/";
    r.id = ::senrei::make_record_id(r.source, r.url);
    r.kind = ::senrei::RecordKind::case_overview;
    r.title = title;
    r.text = text;
    w.replace(r);
  }
  w.commit();
}

}  // namespace

// ---- F2: a mirror file is read only up to the cap --------------------------------------------

TEST(Bounds, F2_MirrorFileIsReadOnlyToTheCapPlusOneByte) {
  ScratchDir dir("f2-unit");
  const auto root = dir / "site";
  sparse_file(root / "big.txt", "本文の始まり", 64 << 20);   // 64 MiB of text: read 8 MiB + 1
  sparse_file(root / "big.pdf", "%PDF-1.4\n", 100 << 20);    // past the 64 MiB PDF cap: not read
  write_file(root / "small.html", "<p>x</p>");
  ::senrei::MirrorFetcher f(root, "http://example.test/");
  for (const char* path : {"big.txt", "big.pdf", "small.html"}) {
    ::senrei::FetchRequest req;
    req.url = std::string("http://example.test/") + path;
    f.submit(req);
  }
  auto out = f.poll(std::chrono::milliseconds(0));
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].status, 200);
  EXPECT_EQ(out[0].body.size(), ::senrei::kMaxBodyBytesText + 1);
  EXPECT_EQ(out[0].body.rfind("本文の始まり", 0), 0u);
  EXPECT_EQ(out[1].error_kind, "too_large");
  EXPECT_TRUE(out[1].body.empty());
  EXPECT_NE(out[1].error.find("64 MiB"), std::string::npos) << out[1].error;
  EXPECT_EQ(out[2].body, "<p>x</p>");
}

TEST(Bounds, F2_IngestingAGigabyteSparseFileStaysUnder100MB) {
  ScratchDir dir("f2");
  const auto mirror = dir / "mirror";
  sparse_file(mirror / "big.txt", "大きな本文\n", off_t{1} << 30);
  sparse_file(mirror / "big.html", "<title>大きなページ</title><p>本文</p>", off_t{1} << 30);
  write_page(mirror, "", "トップ", "入口");
  const auto t0 = std::chrono::steady_clock::now();
  auto [status, kib] = run_measured({"--data", (dir / "data").string(), "crawl", "files", "--mirror", mirror.string()},
                                    (dir / "log").string());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(status, 0) << slurp(dir / "log");
  // AddressSanitizer's shadow memory and quarantine add their own (170 MB measured): under it the
  // bound is looser, still far below reading a 1 GB file whole (2.1 GB for one such file before).
#if defined(__SANITIZE_ADDRESS__)
  constexpr long kMaxKib = 400 * 1024;
#else
  constexpr long kMaxKib = 100 * 1024;
#endif
  EXPECT_LT(kib, kMaxKib) << "peak RSS " << kib << " KiB";
  EXPECT_LT(seconds, 30) << seconds;                                // was 16 s for one
  // Both are kept, cut at the cap and flagged.
  auto records = exported_records((dir / "data").string());
  int truncated = 0;
  for (const auto& [id, r] : records)
    for (const auto& f : r.value("flags", nlohmann::json::array())) truncated += f == "truncated";
  EXPECT_EQ(truncated, 2) << records.size();
}

// ---- F3: TOML with a dotted key of many parts is refused before toml++ reads it ---------------

TEST(Bounds, F3_TomlGuardCountsDottedKeyPartsOnly) {
  using ::senrei::toml_guard::check;
  using ::senrei::toml_guard::kMaxTomlKeyParts;
  auto chain = [](size_t parts) {
    std::string k = "a";
    for (size_t i = 1; i < parts; ++i) k += ".a";
    return k;
  };
  EXPECT_FALSE(check(chain(kMaxTomlKeyParts) + " = 1\n"));
  auto p = check("x = 1\n\n" + chain(kMaxTomlKeyParts + 1) + " = 1\n");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 3u);
  EXPECT_NE(p->message.find("dotted key"), std::string::npos);
  // Quoted parts count; dots inside strings, comments, floats and arrays do not.
  EXPECT_TRUE(check(repeat("\"a\".", kMaxTomlKeyParts) + "\"a\" = 1\n"));
  EXPECT_FALSE(check("x = \"" + repeat("a.", 1000) + "\"\n"));
  EXPECT_FALSE(check("# " + repeat("a.", 1000) + "\nx = 1\n"));
  EXPECT_FALSE(check("x = [" + repeat("1.5, ", 1000) + "2.5]\n"));
  EXPECT_FALSE(check("x = '''\n" + repeat("a.", 1000) + "\n'''\n"));
  EXPECT_FALSE(check("[a.b]\nc.d = 1.0\n"));
  // Inside an inline table too.
  EXPECT_TRUE(check("x = { " + chain(kMaxTomlKeyParts + 1) + " = 1 }\n"));
  EXPECT_TRUE(check(std::string(::senrei::toml_guard::kMaxTomlBytes + 1, ' ')));
}

TEST(Bounds, F3_ASourceFileWithA60000PartKeyIsRefusedAloneAndTheOthersLoad) {
  ScratchDir dir("f3");
  const auto data = dir / "data";
  write_file(data / "sources/evil.toml", "name=\"evil\"\ntitle=\"t\"\npublisher=\"p\"\nbase_url=\"http://e.test/\"\n" +
                                             repeat("a.", 59999) + "a=1\n");
  write_file(data / "sources/good.toml", "name=\"good-one\"\ntitle=\"t\"\npublisher=\"p\"\nbase_url=\"http://g.test/\"\n");
  auto r = senrei_test::senrei({"--data", data.string(), "sources"});
  EXPECT_EQ(r.status, 0) << r.err;  // was 139 (segfault)
  EXPECT_NE(r.out.find("good-one"), std::string::npos) << r.out;
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find("evil.toml:5:"), std::string::npos) << all;
  EXPECT_NE(all.find("dotted key"), std::string::npos) << all;
  // Another command that loads the engine still works.
  auto check = senrei_test::senrei({"--data", data.string(), "check-url", "http://g.test/x"});
  EXPECT_NE(check.status, 139) << check.err;
}

TEST(Bounds, F3_APlanWithA60000PartKeyIsRefusedWithFileAndLine) {
  ScratchDir dir("f3-plan");
  std::string plan = slurp(std::string(SENREI_SOURCE_DIR) + "/corpus/sample/plan-example.toml");
  write_file(dir / "plan.toml", plan + "\n" + repeat("a.", 59999) + "a=1\n");
  try {
    ::senrei::compare::read_plan(dir / "plan.toml");
    FAIL() << "read";
  } catch (const ::senrei::compare::PlanError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find((dir / "plan.toml").string() + ":"), std::string::npos) << m;
    EXPECT_NE(m.find("dotted key"), std::string::npos) << m;
  }
  auto r = senrei_test::senrei({"--data", (dir / "data").string(), "compare", (dir / "plan.toml").string()});
  EXPECT_EQ(r.status, 2) << r.err;  // was 139
  EXPECT_NE(r.err.find("dotted key"), std::string::npos) << r.err;
}

// ---- F4: query length, depth and number of terms are bounded ---------------------------------

TEST(Bounds, F4_QueriesPastTheLimitsAreUsageErrorsNotCrashes) {
  ScratchDir dir("f4");
  make_index(dir / "data", {{"あじさいネット", "長崎県の連携"}});
  ::senrei::index::Searcher s(dir / "data/index");
  auto error_of = [&](const std::string& q) -> std::string {
    ::senrei::index::SearchRequest req;
    req.query = q;
    try {
      s.search(req);
    } catch (const ::senrei::index::QueryError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(error_of(repeat("(", 40) + "連携" + repeat(")", 40)).find("nests"), std::string::npos);
  EXPECT_NE(error_of(repeat("NOT ", 40) + "連携").find("nests"), std::string::npos);
  EXPECT_NE(error_of(repeat("-", 40) + "連携").find("nests"), std::string::npos);
  EXPECT_EQ(error_of(repeat("(", 10) + "連携" + repeat(")", 10)), "");  // ordinary nesting is fine
  EXPECT_NE(error_of(repeat("w OR ", 300) + "x").find("at most 256"), std::string::npos);
  EXPECT_NE(error_of(repeat("あ", 400000)).find("bytes long"), std::string::npos);

  // Through the binary: exit 2 with the message, fast (was rc 139, or minutes and gigabytes).
  const auto data = (dir / "data").string();
  for (const std::string& q : {repeat("(", 10000) + "x" + repeat(")", 10000), repeat("NOT ", 30000) + "x",
                               repeat("連携 AND ", 1000) + "x"}) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = senrei_test::senrei({"--data", data, "search", q});
    EXPECT_EQ(r.status, 2) << r.err.substr(0, 200);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10);
    EXPECT_EQ(count_lines(r.err), 1u) << r.err.substr(0, 200);
  }
  write_file(dir / "queries", "連携\n" + repeat("w OR ", 100000) + "x\n");
  auto r = senrei_test::senrei({"--data", data, "search", "--queries", (dir / "queries").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("queries:2:"), std::string::npos) << r.err.substr(0, 200);
}

// ---- F5: URL patterns under RE2, and every plugin call under the deadline ---------------------

TEST(Bounds, F5_ABacktrackingScopePatternDoesNotHangTheCrawl) {
  ScratchDir dir("f5");
  const auto data = dir / "data";
  write_file(data / "sources/redos.toml",
             "name=\"redos\"\ntitle=\"t\"\npublisher=\"p\"\nbase_url=\"http://evil.test/\"\n[scope]\n"
             "allow=['^http://evil\\.test/$', '^http://evil\\.test/(a+)+$']\n");
  write_file(dir / "mirror/index.html", "<title>入口</title><a href=\"/" + repeat("a", 40) + "!\">x</a>");
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = spawn_senrei({"--data", data.string(), "crawl", "redos", "--mirror", (dir / "mirror").string()},
                           (dir / "log").string());
  int status = 0;
  bool killed = kill_after(pid, 60, status);
  EXPECT_FALSE(killed) << "still running after 60 s";  // std::regex: hours
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << slurp(dir / "log");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 20);
}

TEST(Bounds, F5_PatternSyntaxRE2DoesNotHaveIsRefusedClearly) {
  ScratchDir dir("f5-syntax");
  const auto data = dir / "data";
  write_file(data / "sources/look.toml",
             "name=\"look\"\ntitle=\"t\"\npublisher=\"p\"\nbase_url=\"http://l.test/\"\n[scope]\n"
             "deny=['^http://l\\.test/(?!kenko)']\n");
  write_file(data / "sources/fine.toml",
             "name=\"fine\"\ntitle=\"t\"\npublisher=\"p\"\nbase_url=\"http://f.test/\"\n[scope]\n"
             "allow=['^http://f\\.test/(kenko|iryo)/\\d+\\.html$']\n");
  auto r = senrei_test::senrei({"--data", data.string(), "sources"});
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find("look.toml:6:"), std::string::npos) << all;
  EXPECT_NE(all.find("lookaround"), std::string::npos) << all;
  EXPECT_NE(r.out.find("fine"), std::string::npos) << r.out;
}

TEST(Bounds, F5_AnInScopeThatNeverReturnsIsCutOffAtTheDeadline) {
  ScratchDir dir("f5-hang");
  const auto mirror = dir / "mirror";
  write_page(mirror, "", "トップ", "入口 <a href=\"/a/\">a</a>");
  write_file(mirror / "a/index.html",
             "<title>A</title><p>本文</p><a href=\"/hang-in-scope/\">止まるリンク</a>");
  write_page(mirror, "b/", "B", "運用費用");
  const auto t0 = std::chrono::steady_clock::now();
  auto r = senrei_test::senrei({"--data", (dir / "data").string(), "crawl", "faulty", "--mirror", mirror.string(),
                   "--plugin-timeout", "2", "--json"},
                  kFaultyEnv);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_LT(seconds, 30);
  auto j = nlohmann::json::parse(r.out);
  bool named = false;
  for (const auto& f : j["runs"][0]["failures"])
    named |= f["reason"] == "plugin_timeout" && f["message"].get<std::string>().find("in_scope()") != std::string::npos;
  EXPECT_TRUE(named) << r.out;
}

// check-url and `sources --check` ask a plugin's in_scope() under the same deadline as a crawl
// (issue 14, session 5): before, both called it directly and hung with the plugin.
TEST(Bounds, F5_CheckUrlCutsOffAnInScopeThatNeverReturns) {
  ScratchDir dir("f5-check-url");
  const auto t0 = std::chrono::steady_clock::now();
  auto r = senrei_test::senrei({"--data", (dir / "data").string(), "check-url", "http://faulty.test/hang-in-scope/",
                                "--source", "faulty", "--plugin-timeout", "2"},
                               kFaultyEnv);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(seconds, 30);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("plugin 'faulty' did not return from in_scope()"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("within 2 s"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("its scope is unknown"), std::string::npos) << r.err;
  // A URL the plugin answers for is judged as before.
  auto fine = senrei_test::senrei({"--data", (dir / "data").string(), "check-url", "http://faulty.test/a/",
                                   "--source", "faulty", "--plugin-timeout", "2"},
                                  kFaultyEnv);
  EXPECT_EQ(fine.status, 0) << fine.out << fine.err;
  EXPECT_NE(fine.out.find("in scope of faulty"), std::string::npos) << fine.out;
}

TEST(Bounds, F5_SourcesCheckCutsOffAnInScopeThatNeverReturns) {
  ScratchDir dir("f5-sources-check");
  // The source's sample pages: one of them is a URL its in_scope() never returns on.
  write_page(dir / "samples/faulty.test", "", "トップ", "入口");
  write_page(dir / "samples/faulty.test", "hang-in-scope/", "止まる", "本文");
  const auto t0 = std::chrono::steady_clock::now();
  auto r = senrei_test::senrei({"--data", (dir / "data").string(), "sources", "--check", "faulty",
                                "--plugin-timeout", "2"},
                               kFaultyEnv + " SENREI_SAMPLE_PATH=" + (dir / "samples").string());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(seconds, 30);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("plugin 'faulty' did not return from in_scope() (2 URLs"), std::string::npos) << r.err;
}

// ---- F6: outputs are written whole or not at all ---------------------------------------------

TEST(Bounds, F6_AFailedWriteLeavesThePreviousFileIntact) {
  ScratchDir dir("f6");
  const auto target = dir / "report.html";
  write_file(target, "the previous report");
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // A file-size limit stands in for a full disk: write() fails with EFBIG past 4 KiB.
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    try {
      ::senrei::cli::write_output_file(target, std::string(1 << 20, 'x'));
    } catch (const ::senrei::cli::OutputError& e) {
      std::string m = e.what();
      ::_exit(m.find(target.string()) != std::string::npos && m.find("unchanged") != std::string::npos ? 7 : 8);
    }
    ::_exit(9);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);  // OutputError naming the file
  EXPECT_EQ(slurp(target), "the previous report");
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);  // no temporary file left behind

  // And a successful write replaces it whole.
  ::senrei::cli::write_output_file(target, "new");
  EXPECT_EQ(slurp(target), "new");
}

TEST(Bounds, F6_ExportThatCannotFinishLeavesThePreviousFileIntact) {
  ScratchDir dir("f6-export");
  make_index(dir / "data", {{"あじさいネット", repeat("長崎県の連携。", 20000)}});
  const auto target = dir / "out.jsonl";
  write_file(target, "previous export\n");
  auto r = run_shell("bash -c " + shell_quote("trap '' XFSZ; ulimit -f 16; exec " +
                                              shell_quote(std::string(SENREI_BINARY_DIR) + "/senrei") + " --data " +
                                              shell_quote((dir / "data").string()) + " export -o " +
                                              shell_quote(target.string())));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(slurp(target), "previous export\n");  // was truncated to what fitted
  EXPECT_NE(r.err.find("unchanged"), std::string::npos) << r.err;
  auto ok = senrei_test::senrei({"--data", (dir / "data").string(), "export", "-o", target.string()});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_GT(fs::file_size(target), 100000u);
}

// ---- F8: queries echoed back are inert --------------------------------------------------------

TEST(Bounds, F8_QueriesEchoedInErrorsAndQueryFilesCarryNoControlCharacters) {
  ScratchDir dir("f8");
  make_index(dir / "data", {{"あじさいネット", "長崎県の連携"}});
  const auto data = (dir / "data").string();
  const std::string osc = "\x1b]0;PWNED\x07";
  auto r = senrei_test::senrei({"--data", data, "search", "kind:" + osc + " x"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown kind"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.err.find('\x07'), std::string::npos);
  write_file(dir / "queries", "連携 " + osc + "\n\xC2\x9B" "31m" + kRlo + "連携\n");
  auto q = senrei_test::senrei({"--data", data, "search", "--queries", (dir / "queries").string()});
  EXPECT_EQ(q.status, 0) << q.err;
  EXPECT_EQ(count_lines(q.out), 2u) << q.out;
  EXPECT_EQ(q.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(q.out.find('\x07'), std::string::npos);
  EXPECT_EQ(q.out.find("\xC2\x9B"), std::string::npos);
  EXPECT_EQ(q.out.find(kRlo), std::string::npos);
  auto none = senrei_test::senrei({"--data", data, "search", "存在しない語" + osc});
  EXPECT_EQ(none.out.find('\x1b'), std::string::npos);
}

// ---- F9: bidi controls from pages never reach an output --------------------------------------

TEST(Bounds, F9_BidiAndC1ControlsAreDroppedFromPageTextTitlesAndValues) {
  const std::string html = "<html><head><title>請求書" + kRlo + "fdp.exe</title><meta name=\"description\" content=\"説明\u2066隔離\u2069\"></head>"
                           "<body><h1>見出し\u202Bです</h1><p>本文\xC2\x9B" "31m" + kRlo + "逆順</p><table><tr><th>構築費用</th><td>" +
                           kRlo + "2,000万円</td></tr></table></body></html>";
  ::senrei::RawDocument doc{"http://example.test/", "text/html", "utf-8", html};
  auto page = ::senrei::extract_document(doc);
  std::string all = page.title + "\n" + page.main_text();
  for (const auto& [k, v] : page.meta) all += "\n" + v;
  for (const auto& b : page.blocks) all += "\n" + b.text;
  for (const std::string& bad : {kRlo, std::string("\u202B"), std::string("\u2066"), std::string("\u2069"),
                                std::string("\xC2\x9B")})
    EXPECT_EQ(all.find(bad), std::string::npos) << all;
  EXPECT_EQ(page.title, "請求書fdp.exe");
  EXPECT_NE(all.find("本文\uFFFD31m逆順"), std::string::npos) << all;  // C1: U+FFFD from the decoder, visible
  // Messages made one line show them as U+FFFD, visible.
  EXPECT_EQ(::senrei::ja::one_line("a" + kRlo + "b\x1b[2Jc\xC2\x9D" "d"), "a\uFFFDb [2Jc\uFFFDd");
}

TEST(Bounds, F9_ACrawledPageWithBidiOverridesShowsNoneInSearchShowAndExport) {
  ScratchDir dir("f9");
  const auto mirror = dir / "mirror";
  write_page(mirror, "", "トップ" + kRlo + "txt.exe", "地域医療連携" + kRlo + "の本文");
  const auto data = (dir / "data").string();
  auto c = senrei_test::senrei({"--data", data, "crawl", "files", "--mirror", mirror.string()});
  ASSERT_EQ(c.status, 0) << c.err;
  auto s = senrei_test::senrei({"--data", data, "search", "地域医療連携"});
  EXPECT_NE(s.out.find("トップtxt.exe"), std::string::npos) << s.out;
  auto e = senrei_test::senrei({"--data", data, "export", "--format", "csv"});
  for (const auto& out : {s.out, e.out}) EXPECT_EQ(out.find(kRlo), std::string::npos) << out;
}

// ---- F10: plan integers are what they say -----------------------------------------------------

TEST(Bounds, F10_PlanIntegersRefuseFloatsAndValuesPast2To53) {
  ScratchDir dir("f10");
  const std::string plan = slurp(std::string(SENREI_SOURCE_DIR) + "/corpus/sample/plan-example.toml");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string p = plan;
    auto at = p.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    p.replace(at, from.size(), to);
    write_file(dir / "plan.toml", p);
    try {
      ::senrei::compare::read_plan(dir / "plan.toml");
      return std::string();
    } catch (const ::senrei::compare::PlanError& e) {
      return std::string(e.what());
    }
  };
  const std::string population_line = (dir / "plan.toml").string() + ":17:";
  std::string m = with("population = 950000", "population = 1e308");
  EXPECT_NE(m.find(population_line), std::string::npos) << m;
  EXPECT_NE(m.find("integer"), std::string::npos) << m;
  EXPECT_NE(with("population = 950000", "population = 950000.0").find("integer"), std::string::npos);
  m = with("population = 950000", "population = 9223372036854775807");
  EXPECT_NE(m.find("2^53"), std::string::npos) << m;
  EXPECT_NE(with("population = 950000", "population = 9007199254740993").find("2^53"), std::string::npos);
  EXPECT_EQ(with("population = 950000", "population = 9007199254740992"), "");  // 2^53 itself is exact
  EXPECT_NE(with("build_cost_yen = 480000000", "build_cost_yen = 1e300").find("2^53"), std::string::npos);
  EXPECT_EQ(with("build_cost_yen = 480000000", "build_cost_yen = 4.8e8"), "");  // amounts may be decimals
  EXPECT_EQ(with("population = 950000", "population = \"約95万人\""), "");
}
