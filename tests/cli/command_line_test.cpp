// The command line as git and ripgrep users expect it (issue 15 item 4): global options before
// or after the command, "did you mean" for commands, options, option values, filter values and
// sort fields, a query starting with -語 read as a query, -V, search's exit status (0 found,
// 1 nothing matched, 2 usage), and the help, manual page and completion made from one table.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

namespace {

// Every byte sequence in `s` is valid UTF-8.
bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// A workspace of two pages written here, read through the `files` source.
class CommandLine : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(fs::temp_directory_path() / ("senrei-cmdline-" + std::to_string(::getpid())));
    fs::remove_all(*root_);
    fs::create_directories(*root_ / "docs");
    std::ofstream(*root_ / "docs" / "kaihi.html")
        << "<html><head><meta charset=utf-8><title>みなと連携ネットの会費</title></head><body>"
           "<p>参加する診療所の会費は年額12,000円です。東京の事例とは違います。</p></body></html>";
    std::ofstream(*root_ / "docs" / "kiban.html")
        << "<html><head><meta charset=utf-8><title>基盤の更新</title></head><body>"
           "<p>サーバの更新は五年ごとに行います。</p></body></html>";
    data_ = new std::string((*root_ / "data").string());
    auto crawl = senrei({"crawl", "files", "--mirror", (*root_ / "docs").string(), "--data", *data_});
    ASSERT_EQ(crawl.status, 0) << crawl.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
    delete data_;
  }
  static fs::path* root_;
  static std::string* data_;
};
fs::path* CommandLine::root_ = nullptr;
std::string* CommandLine::data_ = nullptr;

}  // namespace

TEST_F(CommandLine, GlobalOptionsBeforeOrAfterTheCommand) {
  auto before = senrei({"--data", *data_, "search", "会費", "--json"});
  auto after = senrei({"search", "会費", "--data", *data_, "--json"});
  auto inline_value = senrei({"search", "--data=" + *data_, "会費", "--json"});
  ASSERT_EQ(before.status, 0) << before.err;
  ASSERT_EQ(after.status, 0) << after.err;
  ASSERT_EQ(inline_value.status, 0) << inline_value.err;
  EXPECT_EQ(nlohmann::json::parse(before.out)["total"], 1);
  EXPECT_EQ(before.out, after.out);
  EXPECT_EQ(before.out, inline_value.out);
  // --color is global too, and checks its value.
  EXPECT_EQ(senrei({"search", "会費", "--data", *data_, "--color", "never"}).status, 0);
  auto bad = senrei({"search", "会費", "--data", *data_, "--color", "alway"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--color takes auto, always, never, not 'alway': did you mean always?"), std::string::npos)
      << bad.err;
}

TEST_F(CommandLine, ExitStatusSaysWhetherAnythingMatched) {
  EXPECT_EQ(senrei({"--data", *data_, "search", "会費"}).status, 0);
  auto none = senrei({"--data", *data_, "search", "存在しない語句ぞぞぞ"});
  EXPECT_EQ(none.status, 1) << none.out << none.err;
  EXPECT_EQ(senrei({"--data", *data_, "search", "存在しない語句ぞぞぞ", "--json"}).status, 1);
  EXPECT_EQ(senrei({"--data", *data_, "search", "kind:nothing_like_this"}).status, 2);
}

TEST_F(CommandLine, DidYouMeanForCommandsOptionsAndValues) {
  auto cmd = senrei({"--data", *data_, "serch", "会費"});
  EXPECT_EQ(cmd.status, 2);
  EXPECT_NE(cmd.err.find("unknown command 'serch': did you mean search?"), std::string::npos) << cmd.err;
  auto opt = senrei({"--data", *data_, "search", "会費", "--limt", "3"});
  EXPECT_EQ(opt.status, 2);
  EXPECT_NE(opt.err.find("unknown option --limt for search: did you mean --limit?"), std::string::npos) << opt.err;
  auto before = senrei({"--limit", "3", "search", "会費"});
  EXPECT_EQ(before.status, 2);
  EXPECT_NE(before.err.find("--limit is an option of senrei search"), std::string::npos) << before.err;
  auto global = senrei({"--dta", *data_, "search", "会費"});
  EXPECT_EQ(global.status, 2);
  EXPECT_NE(global.err.find("did you mean --data?"), std::string::npos) << global.err;
  auto sort = senrei({"--data", *data_, "search", "会費", "--sort", "yaer"});
  EXPECT_EQ(sort.status, 2);
  EXPECT_NE(sort.err.find("did you mean year?"), std::string::npos) << sort.err;
  auto kind = senrei({"--data", *data_, "search", "kind:case_overveiw"});
  EXPECT_EQ(kind.status, 2);
  EXPECT_NE(kind.err.find("did you mean kind:case_overview?"), std::string::npos) << kind.err;
  auto fund = senrei({"--data", *data_, "search", "fund:member_fess"});
  EXPECT_EQ(fund.status, 2);
  EXPECT_NE(fund.err.find("did you mean fund:member_fees?"), std::string::npos) << fund.err;
  auto form = senrei({"--data", *data_, "search", "form:general_asociation"});
  EXPECT_EQ(form.status, 2);
  EXPECT_NE(form.err.find("did you mean form:general_association?"), std::string::npos) << form.err;
  auto filter = senrei({"--data", *data_, "search", "knd:faq"});
  EXPECT_EQ(filter.status, 2);
  EXPECT_NE(filter.err.find("did you mean kind:?"), std::string::npos) << filter.err;
  auto far = senrei({"--data", *data_, "frobnicate"});
  EXPECT_EQ(far.status, 2);
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;  // nothing near: no guess
}

TEST_F(CommandLine, AQueryStartingWithAMinusIsAQuery) {
  // "-東京 会費": NOT 東京, AND 会費 — the page about 会費 mentions 東京, so nothing matches.
  auto q = senrei({"--data", *data_, "search", "-東京 会費"});
  EXPECT_TRUE(q.status == 0 || q.status == 1) << q.err;
  EXPECT_EQ(q.err.find("unknown option"), std::string::npos) << q.err;
  auto q2 = senrei({"--data", *data_, "search", "-東京", "--json"});
  EXPECT_EQ(q2.err.find("unknown option"), std::string::npos) << q2.err;
  EXPECT_TRUE(valid_utf8(q.err) && valid_utf8(q2.err));
  auto base = senrei({"--data", *data_, "search", "基盤 -東京", "--json"});
  ASSERT_EQ(base.status, 0) << base.err;
  // An ASCII word after - is an option; the message says how to search for it.
  auto x = senrei({"--data", *data_, "search", "-x"});
  EXPECT_EQ(x.status, 2);
  EXPECT_NE(x.err.find("senrei search -- -x"), std::string::npos) << x.err;
  // After --, anything is the query.
  auto dashdash = senrei({"--data", *data_, "search", "--", "-会費"});
  EXPECT_TRUE(dashdash.status == 0 || dashdash.status == 1) << dashdash.err;
  // A broken byte never reaches a message.
  auto broken = senrei({"--data", *data_, "--\xE6\x9D", "search", "会費"});
  EXPECT_EQ(broken.status, 2);
  EXPECT_TRUE(valid_utf8(broken.err)) << broken.err;
}

TEST(CommandLineTable, VersionHelpAndSourceNames) {
  auto v = senrei({"-V"});
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out.rfind("senrei ", 0), 0u) << v.out;
  EXPECT_EQ(senrei({"--version"}).out, v.out);
  EXPECT_EQ(senrei({"search", "-V"}).out, v.out);
  auto help = senrei({"search", "--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--limit N"), std::string::npos);
  EXPECT_NE(help.out.find("--data DIR"), std::string::npos) << "global options listed in a command's help";
  EXPECT_EQ(senrei({"help", "search"}).out, help.out);
  auto names = senrei({"sources", "--names"});
  ASSERT_EQ(names.status, 0) << names.err;
  EXPECT_NE(("\n" + names.out).find("\nrenkei-navi\n"), std::string::npos) << names.out;
  EXPECT_NE(("\n" + names.out).find("\nfiles\n"), std::string::npos) << names.out;
  EXPECT_EQ(names.out.find('\t'), std::string::npos);
}

TEST(CommandLineTable, ManualPageRendersWithEveryCommandAndOption) {
  auto page = senrei({"help", "--man"});
  ASSERT_EQ(page.status, 0) << page.err;
  const auto file = fs::temp_directory_path() / ("senrei-man-" + std::to_string(::getpid()) + ".1");
  std::ofstream(file) << page.out;
  auto rendered = run_shell("(MANWIDTH=200 man -l " + shell_quote(file.string()) + " | col -b)");
  fs::remove(file);
  ASSERT_EQ(rendered.status, 0) << rendered.err;
  EXPECT_EQ(rendered.err, "");
  for (const char* want : {"SENREI(1)", "GLOBAL OPTIONS", "--data DIR", "crawl [SOURCE...]", "--max-pages-per-host N",
                           "--sort FIELD", "EXIT STATUS", "case_overview", "member_fees", "check-url URL"})
    EXPECT_NE(rendered.out.find(want), std::string::npos) << want << "\n" << rendered.out.substr(0, 2000);
}

TEST(CommandLineTable, BashCompletionListsCommandsOptionsSourcesAndKinds) {
  auto script = senrei({"completion", "bash"});
  ASSERT_EQ(script.status, 0) << script.err;
  const auto file = fs::temp_directory_path() / ("senrei-compl-" + std::to_string(::getpid()) + ".bash");
  std::ofstream(file) << script.out;
  // Completes LINE (the cursor at its end) as bash would, printing the replies one a line.
  auto complete = [&](const std::string& line) {
    std::string words = line;
    const std::string cmd =
        "PATH=" + shell_quote(std::string(SENREI_BINARY_DIR)) + ":$PATH bash -c " +
        shell_quote("source " + shell_quote(file.string()) + "; complete -p senrei; COMP_LINE=" + shell_quote(line) +
                    "; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< \"$COMP_LINE\"; " +
                    "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); " +
                    "_senrei; printf '%s\\n' \"${COMPREPLY[@]}\"");
    return run_shell(cmd);
  };
  auto crawl = complete("senrei crawl ");
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  EXPECT_NE(crawl.out.find("complete -F _senrei senrei"), std::string::npos) << crawl.out;
  EXPECT_NE(crawl.out.find("\nrenkei-navi\n"), std::string::npos) << crawl.out;
  EXPECT_NE(crawl.out.find("\nfiles\n"), std::string::npos) << crawl.out;
  auto commands = complete("senrei se");
  EXPECT_NE(commands.out.find("\nsearch\n"), std::string::npos) << commands.out;
  EXPECT_EQ(commands.out.find("\ncrawl\n"), std::string::npos) << commands.out;
  auto options = complete("senrei search --li");
  EXPECT_NE(options.out.find("\n--limit\n"), std::string::npos) << options.out;
  auto after = complete("senrei search 会費 --da");
  EXPECT_NE(after.out.find("\n--data\n"), std::string::npos) << after.out;
  auto color = complete("senrei --color ");
  EXPECT_NE(color.out.find("\nalways\n"), std::string::npos) << color.out;
  auto kind = complete("senrei search kind:case_o");
  EXPECT_NE(kind.out.find("case_overview"), std::string::npos) << kind.out;
  fs::remove(file);
}

// `show` takes a URL as a person types it (issue 15 item 10), and search prints each hit's id.
TEST(ShowAsTyped, NoTrailingSlashHttpsAndIndexHtmlFindTheRecord) {
  const auto data = fs::temp_directory_path() / ("senrei-showtyped-" + std::to_string(::getpid()));
  fs::remove_all(data);
  auto crawl = senrei({"--data", data.string(), "crawl", "renkei-navi", "--mirror", kSample});
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  auto exact = senrei({"--data", data.string(), "show", kNavi + "ajisai/", "--json"});
  ASSERT_EQ(exact.status, 0) << exact.err;
  const std::string id = nlohmann::json::parse(exact.out)["id"];
  for (const std::string& typed : {kNavi + "ajisai", std::string("https://renkei-support.mhlw.go.jp/ajisai/"),
                                   std::string("https://renkei-support.mhlw.go.jp/ajisai"), kNavi + "ajisai/index.html"}) {
    auto r = senrei({"--data", data.string(), "show", typed, "--json"});
    ASSERT_EQ(r.status, 0) << typed << ": " << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["id"], id) << typed;
  }
  auto none = senrei({"--data", data.string(), "show", kNavi + "no-such-network"});
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.err.find("no record with id or URL"), std::string::npos) << none.err;
  // Human search output: each hit's id, which show takes.
  auto hits = senrei({"--data", data.string(), "search", "あじさいネット", "--color", "never"});
  ASSERT_EQ(hits.status, 0) << hits.err;
  const auto at = hits.out.find("   id: ");
  ASSERT_NE(at, std::string::npos) << hits.out;
  const std::string shown_id = hits.out.substr(at + 7, hits.out.find(' ', at + 7) - at - 7);
  EXPECT_EQ(senrei({"--data", data.string(), "show", shown_id}).status, 0) << shown_id;
  fs::remove_all(data);
}

TEST(CommandLineTable, ZshCompletionOffersTheSameWords) {
  auto script = senrei({"completion", "zsh"});
  ASSERT_EQ(script.status, 0) << script.err;
  EXPECT_EQ(script.out.rfind("#compdef senrei\n", 0), 0u);
  const auto file = fs::temp_directory_path() / ("senrei-compl-" + std::to_string(::getpid()) + ".zsh");
  std::ofstream(file) << script.out;
  // compadd and _files stand in for zsh's completion system: they print what would be offered.
  auto complete = [&](const std::string& words, int current) {
    return run_shell("PATH=" + shell_quote(std::string(SENREI_BINARY_DIR)) + ":$PATH zsh -f -c " +
                     shell_quote("compadd() { [[ $1 == -- ]] && shift; print -l -- \"$@\"; }; _files() { print FILES; }; "
                                 "words=(" + words + "); CURRENT=" + std::to_string(current) + "; source " +
                                 shell_quote(file.string())));
  };
  auto crawl = complete("senrei crawl ''", 3);
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  EXPECT_NE(("\n" + crawl.out).find("\nrenkei-navi\n"), std::string::npos) << crawl.out;
  auto kind = complete("senrei search kind:case_o", 3);
  EXPECT_NE(kind.out.find("kind:case_overview\n"), std::string::npos) << kind.out;
  auto mirror = complete("senrei crawl --mirror ''", 4);
  EXPECT_NE(mirror.out.find("FILES"), std::string::npos) << mirror.out;
  auto commands = complete("senrei ''", 2);
  EXPECT_NE(commands.out.find("search\n"), std::string::npos) << commands.out;
  fs::remove(file);
}
