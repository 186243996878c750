// The plugin SDK end to end (issue 6 acceptance): senrei is installed into a temporary prefix,
// `senrei plugin new` scaffolds a plugin outside the tree, the plugin is built against the
// installed CMake package and passes its own tests, the installed binary loads it, crawls its
// sample page from a loopback nginx and finds the record by search; a plugin built against
// headers of another plugin ABI is refused naming both versions while the others load.
// One suite sharing one install and one build (about 20 s: a CMake configure and two compiles).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/cli_support.hpp"
#include "servers/nginx.hpp"
#include "senrei/version.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct ShellRun {
  int status;
  std::string output;
};

// Runs a shell command line, output and errors together.
ShellRun shell(const std::string& command) {
  static int n = 0;
  fs::path log = fs::temp_directory_path() / ("senrei-sdk-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
  int rc = std::system((command + " >" + log.string() + " 2>&1 </dev/null").c_str());
  ShellRun r{WIFEXITED(rc) ? WEXITSTATUS(rc) : 128, senrei_test::slurp(log)};
  fs::remove(log);
  return r;
}

std::string q(const fs::path& p) { return senrei_test::shell_quote(p.string()); }

class InstalledSdk : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("senrei-sdk-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::permissions(root_, fs::perms(0755));  // nginx workers read the sample below it
    prefix_ = root_ / "prefix";
    project_ = root_ / "minato-net";
    install_ = shell("cmake --install " + q(SENREI_BINARY_DIR) + " --prefix " + q(prefix_));
    if (install_.status != 0) return;
    scaffold_ = shell(q(prefix_ / "bin/senrei") + " plugin new minato-net " + q(project_));
    if (scaffold_.status != 0) return;
    // As on a plugin author's machine without nlohmann-json or Boost: the SDK asks for neither.
    build_ = shell("cmake -S " + q(project_) + " -B " + q(project_ / "build") + " -DCMAKE_PREFIX_PATH=" + q(prefix_) +
                   " -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON" +
                   " && cmake --build " + q(project_ / "build") + " -j2");
  }
  static void TearDownTestSuite() { fs::remove_all(root_); }

  // The installed binary, with the scaffolded plugin's build folder on the plugin path.
  static senrei_test::CliRun installed(const std::vector<std::string>& args, const std::string& plugin_path) {
    std::string cmd = "SENREI_PLUGIN_PATH=" + senrei_test::shell_quote(plugin_path) + " " + q(prefix_ / "bin/senrei");
    for (const auto& a : args) cmd += " " + senrei_test::shell_quote(a);
    int rc = std::system((cmd + " >" + q(root_ / "out") + " 2>" + q(root_ / "err") + " </dev/null").c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : 128, senrei_test::slurp(root_ / "out"), senrei_test::slurp(root_ / "err")};
  }

  static inline fs::path root_, prefix_, project_;
  static inline ShellRun install_, scaffold_, build_;
};

}  // namespace

TEST_F(InstalledSdk, InstallsTheBinaryPluginsHeadersSourcesAndPackage) {
  ASSERT_EQ(install_.status, 0) << install_.output;
  for (const char* f : {"bin/senrei", "lib/senrei/plugins/renkei-navi.so", "lib/senrei/plugins/files.so",
                        "lib/senrei/plugins/site.so", "include/senrei/plugin.hpp", "include/senrei/version.hpp",
                        "lib/libsenrei_sdk.a", "lib/cmake/senrei/senreiConfig.cmake",
                        "lib/cmake/senrei/senreiConfigVersion.cmake", "lib/cmake/senrei/senreiPlugin.cmake",
                        "share/senrei/sources/helics.toml", "share/senrei/sample/saitama-tonet.jp/structure.html"})
    EXPECT_TRUE(fs::exists(prefix_ / f)) << f;
  // Every public header is installed, and nothing from core/src.
  for (const auto& h : fs::directory_iterator(fs::path(SENREI_SOURCE_DIR) / "core/include/senrei"))
    EXPECT_TRUE(fs::exists(prefix_ / "include/senrei" / h.path().filename())) << h.path();
  // The installed binary finds the installed plugins and declarative sources by itself.
  auto r = installed({"sources", "--json"}, "");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out);
  std::set<std::string> names;
  for (const auto& s : j["sources"]) {
    names.insert(s["name"]);
    EXPECT_EQ(fs::path(s["path"].get<std::string>()).parent_path(), prefix_ / "lib/senrei/plugins");
  }
  for (const char* n : {"files", "renkei-navi", "helics", "saitama-tonet"}) EXPECT_TRUE(names.count(n)) << n;
  EXPECT_TRUE(j["refused"].empty()) << r.out;
  // Every plugin of the build tree is installed.
  for (const auto& so : fs::directory_iterator(fs::path(SENREI_BINARY_DIR) / "plugins"))
    EXPECT_TRUE(fs::exists(prefix_ / "lib/senrei/plugins" / so.path().filename())) << so.path();
  // and its sample pages.
  r = installed({"sources", "--check", "helics"}, "");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(" on its sample pages in " + (prefix_ / "share/senrei/sample/square.umin.ac.jp").string()),
            std::string::npos)
      << r.out;
}

TEST_F(InstalledSdk, TheScaffoldBuildsAndPassesItsOwnTests) {
  ASSERT_EQ(scaffold_.status, 0) << scaffold_.output;
  for (const char* f : {"CMakeLists.txt", "README.md", "src/minato-net.hpp", "src/minato-net.cpp",
                        "tests/minato-net_test.cpp", "sample/www.example.jp/kenko/renkei/index.html"})
    EXPECT_TRUE(fs::exists(project_ / f)) << f;
  // It names the installed prefix to build against.
  EXPECT_NE(scaffold_.output.find("-DCMAKE_PREFIX_PATH=" + prefix_.string()), std::string::npos) << scaffold_.output;
  ASSERT_EQ(build_.status, 0) << build_.output;
  EXPECT_EQ(build_.output.find("warning:"), std::string::npos) << build_.output;
  EXPECT_TRUE(fs::exists(project_ / "build/minato-net.so"));
  auto tests = shell("ctest --test-dir " + q(project_ / "build") + " --output-on-failure");
  EXPECT_EQ(tests.status, 0) << tests.output;
  EXPECT_NE(tests.output.find("100% tests passed, 0 tests failed out of 2"), std::string::npos) << tests.output;
  // Scaffolding into a folder that is not empty is refused.
  auto again = shell(q(prefix_ / "bin/senrei") + " plugin new minato-net " + q(project_));
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.output.find("already exists and is not an empty folder"), std::string::npos) << again.output;
  auto bad = shell(q(prefix_ / "bin/senrei") + " plugin new Minato_Net " + q(root_ / "bad"));
  EXPECT_EQ(bad.status, 2) << bad.output;
}

// The public header is cheap to include: the C++ standard library headers it needs and
// senrei/*.hpp, nothing else (with Boost.DLL it preprocessed to about 104,000 lines).  The
// standard headers themselves are most of it (<string> alone is about 28,000 lines in C++20 with
// libstdc++ 12), so the bound is on what senrei adds to them.
TEST_F(InstalledSdk, ThePluginHeaderIncludesOnlyTheStandardLibraryAndTheSdk) {
  ASSERT_EQ(install_.status, 0) << install_.output;
  std::ofstream(root_ / "with-plugin.cpp") << "#include <senrei/plugin.hpp>\n";
  std::ofstream(root_ / "std-only.cpp")
      << "#include <map>\n#include <optional>\n#include <string>\n#include <string_view>\n#include <vector>\n";
  auto lines = [&](const char* file) {
    const fs::path out = root_ / (std::string(file) + ".i");
    auto pp = shell("c++ -std=c++20 -E -I" + q(prefix_ / "include") + " " + q(root_ / file) + " -o " + q(out));
    EXPECT_EQ(pp.status, 0) << pp.output;
    return static_cast<long>(senrei_test::count_lines(senrei_test::slurp(out)));
  };
  const long with_plugin = lines("with-plugin.cpp"), std_only = lines("std-only.cpp");
  EXPECT_GT(std_only, 1000);  // it did preprocess
  EXPECT_GT(with_plugin, std_only);
  EXPECT_LT(with_plugin, 50000);
  EXPECT_LT(with_plugin - std_only, 3000) << with_plugin << " lines with plugin.hpp, " << std_only << " without";
  auto deps = shell("c++ -std=c++20 -M -I" + q(prefix_ / "include") + " " + q(root_ / "with-plugin.cpp"));
  ASSERT_EQ(deps.status, 0) << deps.output;
  EXPECT_EQ(deps.output.find("boost"), std::string::npos) << deps.output;
  EXPECT_EQ(deps.output.find("nlohmann"), std::string::npos) << deps.output;
}

TEST_F(InstalledSdk, TheScaffoldedPluginIsCrawledFromALoopbackServerAndFound) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  const std::string plugins = (project_ / "build").string();
  auto r = installed({"sources", "--json"}, plugins);
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out);
  bool found = false;
  for (const auto& s : j["sources"])
    if (s["name"] == "minato-net") found = s["path"] == (project_ / "build/minato-net.so").string();
  EXPECT_TRUE(found) << r.out;

  senrei_test::Nginx server({project_ / "sample/www.example.jp"});
  if (!server.ok()) GTEST_SKIP() << server.error();
  const std::string data = (root_ / "data").string();
  r = installed({"--data", data, "crawl", "minato-net", "--base-url", server.base_url(), "--allow-private", "--delay",
                 "0", "--json"},
                plugins);
  ASSERT_EQ(r.status, 0) << r.err << r.out;
  auto run = json::parse(r.out)["runs"][0];
  EXPECT_EQ(run["fetched"], 1) << r.out;
  EXPECT_EQ(run["failed"], 0) << r.out;
  EXPECT_EQ(run["records_written"], 1) << r.out;
  bool requested = false;
  for (const auto& line : server.access_log()) requested |= line.uri == "/kenko/renkei/" && line.status == 200;
  EXPECT_TRUE(requested);

  r = installed({"--data", data, "search", "うみねこネット", "--json"}, plugins);
  ASSERT_EQ(r.status, 0) << r.err;
  const json hits = json::parse(r.out)["hits"];
  ASSERT_EQ(hits.size(), 1u) << r.out;
  const json& rec = hits[0]["record"];
  EXPECT_EQ(rec["url"], "https://www.example.jp/kenko/renkei/");  // the real site's URL, not the server's
  EXPECT_EQ(rec["source"], "minato-net");
  EXPECT_EQ(rec["kind"], "case_overview");
  // 構築費用 約1億2,000万円 on the sample page: 1億 + 2,000万.
  bool cost = false;
  for (const auto& f : rec["fields"])
    if (f["name"] == "build_cost_yen") cost = f["number"] == 1e8 + 2000 * 1e4 && f["approximate"] == true;
  EXPECT_TRUE(cost) << rec.dump();
}

TEST_F(InstalledSdk, APluginBuiltForAnotherAbiIsRefusedAndTheOthersLoad) {
  ASSERT_EQ(build_.status, 0) << build_.output;
  // The headers of a senrei whose plugin ABI is one more than this one's.
  const int other = senrei::kPluginAbiVersion + 1;
  fs::path include = root_ / "other-abi/include";
  fs::create_directories(include);
  fs::copy(prefix_ / "include/senrei", include / "senrei", fs::copy_options::recursive);
  std::string version = senrei_test::slurp(include / "senrei/version.hpp");
  version = std::regex_replace(version, std::regex("#define SENREI_PLUGIN_ABI_VERSION [0-9]+"),
                               "#define SENREI_PLUGIN_ABI_VERSION " + std::to_string(other));
  // Its names stay in this ABI's namespace so that it links against this libsenrei_sdk.a: the
  // number it exports is what differs (a plugin built wholly against other headers would not
  // even link here, which is what the namespace derived from the number is for).
  version = std::regex_replace(version, std::regex("#define SENREI_ABI_NAMESPACE [^\n]+"),
                               "#define SENREI_ABI_NAMESPACE abi_v" + std::to_string(senrei::kPluginAbiVersion));
  std::ofstream(include / "senrei/version.hpp") << version;
  // The scaffolded plugin, renamed, built against them the way senrei_add_plugin builds.
  fs::path lib = root_ / "other-abi/plugins/minato-net-old.so";
  fs::create_directories(lib.parent_path());
  auto cc = shell("c++ -std=c++20 -shared -fPIC -fvisibility=hidden -I" + q(include) + " -I" + q(project_ / "src") +
                  " " + q(project_ / "src/minato-net.cpp") + " " + q(prefix_ / "lib/libsenrei_sdk.a") +
                  " -licui18n -licuuc -licudata -lidn2 -Wl,--no-undefined " + SENREI_SDK_LINK_FLAGS + " -o " + q(lib));
  ASSERT_EQ(cc.status, 0) << cc.output;

  auto r = installed({"sources", "--json"}, (project_ / "build").string() + ":" + lib.parent_path().string());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out);
  ASSERT_EQ(j["refused"].size(), 1u) << r.out;
  EXPECT_EQ(j["refused"][0]["path"], lib.string());
  const std::string reason = j["refused"][0]["reason"];
  EXPECT_NE(reason.find("built for plugin ABI version " + std::to_string(other)), std::string::npos) << reason;
  EXPECT_NE(reason.find("loads ABI version " + std::to_string(senrei::kPluginAbiVersion)), std::string::npos) << reason;
  std::set<std::string> names;
  for (const auto& s : j["sources"]) names.insert(s["name"]);
  for (const char* n : {"files", "renkei-navi", "helics", "saitama-tonet", "minato-net"})
    EXPECT_TRUE(names.count(n)) << n;
}

// The plugin author's loop without installing (issue 15 item 9): the scaffold names this build
// tree as the prefix, the build tree's exported package builds the plugin, and
// `senrei sources --check NAME` finds the project's sample/ (next to the .so's build folder, or
// in the current folder) with no SENREI_SAMPLE_PATH.
TEST(BuildTreeSdk, AScaffoldBuildsAgainstTheBuildTreeAndChecksItsOwnSample) {
  const fs::path root = fs::temp_directory_path() / ("senrei-sdk-tree-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  const fs::path project = root / "sakura-net";
  const std::string senrei_bin = q(fs::path(SENREI_BINARY_DIR) / "senrei");
  auto scaffold = shell(senrei_bin + " plugin new sakura-net " + q(project));
  ASSERT_EQ(scaffold.status, 0) << scaffold.output;
  EXPECT_NE(scaffold.output.find(std::string("-DCMAKE_PREFIX_PATH=") + SENREI_BINARY_DIR), std::string::npos)
      << scaffold.output;
  auto build = shell("cmake -S " + q(project) + " -B " + q(project / "build") + " -DCMAKE_PREFIX_PATH=" +
                     q(SENREI_BINARY_DIR) + " && cmake --build " + q(project / "build") + " -j2");
  ASSERT_EQ(build.status, 0) << build.output;
  ASSERT_TRUE(fs::exists(project / "build/sakura-net.so"));
  // From another folder: the sample beside the plugin's build folder.
  auto check = shell("cd / && SENREI_PLUGIN_PATH=" + q(project / "build") + " " + senrei_bin +
                     " sources --check sakura-net");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_NE(check.output.find("on its sample pages in " + (project / "sample").string()), std::string::npos)
      << check.output;
  EXPECT_EQ(check.output.find(", 0 records"), std::string::npos) << check.output;
  fs::remove_all(root);
}
