// plugin/plugin_door.hpp: every call into plugin code through one door, with typed errors.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "plugin/plugin_door.hpp"
#include "plugin/plugin_output.hpp"
#include "plugin/plugin_worker.hpp"

using namespace senrei;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// Misbehaves on request: a page titled "throw" throws, "throw-int" throws an int, "no-title"
// returns a record without a title, "stuck" blocks until released.  Its policy() throws, its
// seeds() block until released, in_scope() throws on URLs with "bad" and blocks on "stuck".
class FaultySource : public Source {
 public:
  SourceInfo info() const override {
    if (info_throws) throw std::runtime_error("no info today");
    return {"slow", "Slow", "tests", "1", "http://slow.test/"};
  }
  std::vector<std::string> seeds() const override {
    wait();
    return {"http://slow.test/"};
  }
  bool in_scope(std::string_view url) const override {
    if (url.find("bad") != std::string_view::npos) throw std::runtime_error("bad URL");
    if (url.find("stuck") != std::string_view::npos) wait();
    return url.rfind("http://slow.test/", 0) == 0;
  }
  std::vector<Record> extract(const ParsedPage& page) const override {
    if (page.title == "throw") throw std::runtime_error("bad\nnews \xff");
    if (page.title == "throw-int") throw 42;
    Record r;
    if (page.title != "no-title") r.title = page.title;
    if (page.title == "stuck") wait();
    finished.fetch_add(1);
    return {r};
  }
  CrawlPolicy policy() const override { throw std::logic_error("policy is not ready"); }

  void wait() const {
    inside.fetch_add(1);
    while (!released.load()) std::this_thread::sleep_for(5ms);
    inside.fetch_sub(1);  // (the last touch of this object by an abandoned call)
  }
  // Lets every stuck call go and waits until none is inside: the test's source may then go (a
  // real plugin lives until the process ends).
  void release_all() {
    released = true;
    while (inside.load() > 0) std::this_thread::sleep_for(1ms);
  }
  bool info_throws = false;
  mutable std::atomic<bool> released{false};
  mutable std::atomic<int> finished{0};
  mutable std::atomic<int> inside{0};
};

std::shared_ptr<const ParsedPage> page_titled(const std::string& title) {
  auto p = std::make_shared<ParsedPage>();
  p->url = "http://slow.test/" + title;
  p->title = title;
  return p;
}

const SourceInfo kInfo{"slow", "Slow", "tests", "1", "http://slow.test/"};

}  // namespace

TEST(PluginDoor, ReturnsCheckedRecordsMadeWithinTheLimit) {
  FaultySource source;
  PluginDoor door(source, kInfo, 5000ms);
  auto records = door.extract(page_titled("quick"));
  ASSERT_TRUE(records.ok()) << records.error().message;
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].title, "quick");
  // The door completes what the plugin left out (validate_records).
  EXPECT_EQ((*records)[0].source, "slow");
  EXPECT_EQ((*records)[0].url, "http://slow.test/quick");
  EXPECT_EQ((*records)[0].id, make_record_id("slow", "http://slow.test/quick", ""));
}

TEST(PluginDoor, ExceptionIsKindThrewWithOneLineOfUtf8NamingPluginAndUrl) {
  FaultySource source;
  for (auto limit : {0ms, 5000ms}) {
    auto records = PluginDoor(source, kInfo, limit).extract(page_titled("throw"));
    ASSERT_FALSE(records.ok());
    const PluginError& e = records.error();
    EXPECT_EQ(e.kind, PluginErrorKind::threw);
    EXPECT_EQ(e.plugin, "slow");
    EXPECT_EQ(e.call, "extract() on http://slow.test/throw");
    EXPECT_STREQ(failure_reason(e.kind), "plugin");
    EXPECT_EQ(e.message, "plugin 'slow' failed on http://slow.test/throw: bad news \xEF\xBF\xBD");
    auto other = PluginDoor(source, kInfo, limit).extract(page_titled("throw-int"));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().kind, PluginErrorKind::threw);
    EXPECT_EQ(other.error().message, "plugin 'slow' failed on http://slow.test/throw-int with an unknown exception");
  }
}

TEST(PluginDoor, InvalidRecordsAreKindBadOutput) {
  FaultySource source;
  auto records = PluginDoor(source, kInfo, 5000ms).extract(page_titled("no-title"));
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.error().kind, PluginErrorKind::bad_output);
  EXPECT_STREQ(failure_reason(records.error().kind), "plugin");
  EXPECT_EQ(records.error().message, "plugin 'slow' returned an invalid record for http://slow.test/no-title: record 1 (" +
                                         make_record_id("slow", "http://slow.test/no-title", "") + ") has no title");
}

TEST(PluginDoor, OverrunIsKindTimeoutAndAbandonedAtTheDeadline) {
  FaultySource source;
  const int abandoned_before = abandoned_plugin_calls();
  const auto start = std::chrono::steady_clock::now();
  auto records = PluginDoor(source, kInfo, 200ms).extract(page_titled("stuck"));
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.error().kind, PluginErrorKind::timeout);
  EXPECT_STREQ(failure_reason(records.error().kind), "plugin_timeout");
  EXPECT_EQ(records.error().message,
            "plugin 'slow' did not return from extract() on http://slow.test/stuck within 0.2 s; the plugin is "
            "disabled for the rest of this run");
  EXPECT_GE(waited, 200ms);
  EXPECT_LT(waited, 2000ms);
  EXPECT_EQ(abandoned_plugin_calls(), abandoned_before + 1);
  // The abandoned call still owns its page: let it finish, and it touches nothing freed.
  source.release_all();
  for (int i = 0; i < 400 && source.finished.load() == 0; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(source.finished.load(), 1);
}

TEST(PluginDoor, PolicySeedsAndInfoFailAsValuesNotExceptions) {
  FaultySource source;
  PluginDoor door(source, kInfo, 200ms);
  auto policy = door.policy();  // (it threw through the crawl before the door)
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.error().kind, PluginErrorKind::threw);
  EXPECT_EQ(policy.error().call, "policy()");
  EXPECT_EQ(policy.error().message, "plugin 'slow' failed in policy(): policy is not ready");
  auto seeds = door.seeds();
  ASSERT_FALSE(seeds.ok());
  EXPECT_EQ(seeds.error().kind, PluginErrorKind::timeout);
  EXPECT_EQ(seeds.error().message,
            "plugin 'slow' did not return from seeds() within 0.2 s (--plugin-timeout); the plugin is disabled for the "
            "rest of this run");
  source.release_all();
  EXPECT_EQ(*door.seeds(), std::vector<std::string>{"http://slow.test/"});
  source.info_throws = true;
  auto info = PluginDoor::describe(source, 0ms, "slow.so");
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().kind, PluginErrorKind::threw);
  EXPECT_EQ(info.error().message, "plugin 'slow.so' failed in info(): no info today");
  try {
    PluginDoor::open(source, 0ms);
    ADD_FAILURE() << "open() of a source whose info() throws";
  } catch (const PluginFailure& e) {
    EXPECT_EQ(e.error().kind, PluginErrorKind::threw);
  }
}

TEST(PluginDoor, ScopeAnswersPerUrlAThrowIsOutOfScopeOnlyATimeoutIsAnError) {
  FaultySource source;
  PluginDoor door(source, kInfo, 300ms);
  auto in = door.in_scope({"http://slow.test/a", "http://slow.test/bad", "http://other.test/"});
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(*in, (std::vector<char>{1, 0, 0}));
  EXPECT_TRUE(door.in_scope({})->empty());
  EXPECT_TRUE(door.claims("http://slow.test/a"));
  EXPECT_FALSE(door.claims("http://slow.test/bad"));
  auto stuck = door.in_scope({"http://slow.test/stuck", "http://slow.test/a"});
  ASSERT_FALSE(stuck.ok());
  EXPECT_EQ(stuck.error().kind, PluginErrorKind::timeout);
  EXPECT_EQ(stuck.error().message,
            "plugin 'slow' did not return from in_scope() (2 URLs, the first http://slow.test/stuck) within 0.3 s "
            "(--plugin-timeout); the plugin is disabled for the rest of this run");
  EXPECT_FALSE(door.claims("http://slow.test/stuck"));
  source.release_all();
}

// The door is the only code that calls a Source's methods: every other call site in the
// engine (core/src, index/) would bypass the deadline and the exception handling.
TEST(PluginDoor, NothingButTheDoorCallsASourcesMethods) {
  const fs::path root = SENREI_SOURCE_DIR;
  // A Source reached as source/src/s.source/loaded->source/… and one of its virtual methods called.
  const std::regex call(R"((\bsource\b|\bsrc\b|\bsource_\b|\bsources?\(\)\[[^\]]*\]|[.>]source\b)\s*(\.|->)\s*)"
                        R"((info|seeds|in_scope|extract|policy)\s*\()");
  std::vector<std::string> found;
  size_t files = 0;
  for (const char* dir : {"core/src", "index"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".hpp") continue;
      if (entry.path() == root / "core/src/plugin/plugin_door.cpp") continue;
      ++files;
      std::ifstream in(entry.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n)
        if (std::regex_search(line, call))
          found.push_back(fs::relative(entry.path(), root).string() + ":" + std::to_string(n) + ": " + line);
    }
  }
  EXPECT_GT(files, 100u) << "the tree was not found at " << root;
  std::string list;
  for (const auto& f : found) list += f + "\n";
  EXPECT_TRUE(found.empty()) << "calls into plugin code outside plugin/plugin_door.cpp:\n" << list;
  // The pattern does find such calls (the lines the door replaced).
  for (const char* bypass : {"    return s.source->in_scope(url);", "  for (const auto& seed : source.seeds()) {",
                             "  const SourceInfo info = source.info();", "    out.records = source.extract(page);",
                             "  const CrawlPolicy policy = source.policy();"})
    EXPECT_TRUE(std::regex_search(std::string(bypass), call)) << bypass;
}

TEST(ValidateRecords, RefusesWhatTheIndexCouldNotStore) {
  SourceInfo info{"src", "", "", "1", ""};
  auto one = [](auto edit) {
    Record r;
    r.title = "題名";
    edit(r);
    return std::vector<Record>{r};
  };
  auto problem = [&](std::vector<Record> records) { return validate_records(info, "http://x.test/p", records); };
  EXPECT_EQ(problem(one([](Record&) {})), "");
  EXPECT_EQ(problem(one([](Record& r) { r.text = "ok \xE3\x81"; })), "record 1 has text that is not UTF-8");
  EXPECT_EQ(problem(one([](Record& r) { r.flags = {"\xC0\xAF"}; })), "record 1 has a flag that is not UTF-8");
  EXPECT_EQ(problem(one([](Record& r) {
              Field f;
              f.name = "patients";
              f.number = 1.0 / 0.0;
              r.fields = {f};
            })),
            "record 1 (src:http://x.test/p) has field 'patients' with a number that is not finite");
  EXPECT_EQ(problem(one([](Record& r) {
              Field f;
              f.name = "funding_sources";
              f.items = {"member_fees", "\xFF"};
              r.fields = {f};
            })),
            "record 1 (src:http://x.test/p) has field 'funding_sources' with a list item that is not UTF-8");
  std::vector<Record> many(kMaxRecordsPerPage + 1);
  for (size_t i = 0; i < many.size(); ++i) many[i].title = "t", many[i].part = std::to_string(i);
  EXPECT_EQ(problem(many), "10001 records from one page (the limit is 10000)");
}

TEST(CleanMessage, OneLineOfValidUtf8OfModestLength) {
  EXPECT_EQ(clean_message("a\nb \xff c"), "a b \xEF\xBF\xBD c");
  // 399 ASCII bytes and a 3-byte character cut by the 400-byte limit: the cut one is dropped.
  const std::string cut = clean_message(std::string(399, 'x') + "あいう");
  EXPECT_EQ(cut, std::string(399, 'x'));
}
