// Installed like a real tool (issue 15 item 8): `cmake --install` puts the documents in
// share/doc/senrei, the manual page senrei(1) and the bash and zsh completions in their places,
// and every path an installed senrei prints in a hint or error exists.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

TEST(Installed, DocsManPageCompletionsAndEveryPrintedPathExists) {
  const auto prefix = fs::temp_directory_path() / ("senrei-installed-" + std::to_string(::getpid()));
  fs::remove_all(prefix);
  auto install = run_shell("cmake --install " + shell_quote(SENREI_BINARY_DIR) + " --prefix " +
                           shell_quote(prefix.string()));
  ASSERT_EQ(install.status, 0) << install.out << install.err;
  for (const char* f : {"share/doc/senrei/query.md", "share/doc/senrei/plan.md", "share/doc/senrei/plugins.md",
                        "share/doc/senrei/README.md", "share/man/man1/senrei.1",
                        "share/bash-completion/completions/senrei", "share/zsh/site-functions/_senrei"})
    EXPECT_TRUE(fs::is_regular_file(prefix / f)) << f;
  auto man = run_shell("(MANWIDTH=120 man -l " + shell_quote((prefix / "share/man/man1/senrei.1").string()) + " | col -b)");
  EXPECT_EQ(man.status, 0) << man.err;
  EXPECT_NE(man.out.find("GLOBAL OPTIONS"), std::string::npos);

  // Messages and help that name documents and samples, from the installed binary.
  const std::string senrei_bin = shell_quote((prefix / "bin/senrei").string());
  const std::string data = shell_quote((prefix / "ws").string());
  std::string printed;
  for (const std::string& args : {std::string("compare /nonexistent/plan.toml"), std::string("search --help"),
                                  std::string("--help"), std::string("--data " + data + " search ''"),
                                  std::string("compare --help")}) {
    auto r = run_shell("cd / && " + senrei_bin + " " + args);
    printed += r.out + r.err;
  }
  const std::regex path("(/[^\\s'\"()；、。,;:]+)");
  std::set<std::string> under_prefix;
  for (auto it = std::sregex_iterator(printed.begin(), printed.end(), path); it != std::sregex_iterator(); ++it) {
    std::string p = (*it)[1];
    while (!p.empty() && p.back() == '.') p.pop_back();
    if (p.rfind(prefix.string(), 0) == 0 && p != prefix.string() + "/ws") under_prefix.insert(p);
  }
  EXPECT_GE(under_prefix.size(), 3u) << printed;
  for (const auto& p : under_prefix) EXPECT_TRUE(fs::exists(p)) << p << "\n" << printed;
  EXPECT_NE(printed.find((prefix / "share/doc/senrei/query.md").string()), std::string::npos) << printed;
  EXPECT_NE(printed.find((prefix / "share/doc/senrei/plan.md").string()), std::string::npos) << printed;
  EXPECT_NE(printed.find((prefix / "share/senrei/sample/plan-example.toml").string()), std::string::npos) << printed;
  // No repository path is left in what an installed senrei prints.
  EXPECT_EQ(printed.find(" docs/"), std::string::npos) << printed;
  EXPECT_EQ(printed.find("(docs/"), std::string::npos) << printed;
  EXPECT_EQ(printed.find("corpus/sample"), std::string::npos) << printed;
  fs::remove_all(prefix);
}
