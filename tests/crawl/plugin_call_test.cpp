// crawl/plugin_call.hpp: a plugin's extract() under a deadline.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "crawl/page_processor.hpp"
#include "crawl/plugin_call.hpp"

using namespace senrei;
using namespace std::chrono_literals;

namespace {

// Blocks in extract() until released; counts the calls that finished.
class SlowSource : public Source {
 public:
  SourceInfo info() const override { return {"slow", "Slow", "tests", "1", "http://slow.test/"}; }
  std::vector<std::string> seeds() const override { return {}; }
  bool in_scope(std::string_view) const override { return true; }
  std::vector<Record> extract(const ParsedPage& page) const override {
    if (page.title == "throw") throw std::runtime_error("bad\nnews \xff");
    while (!released.load()) std::this_thread::sleep_for(5ms);
    finished.fetch_add(1);
    Record r;
    r.title = page.title;
    return {r};
  }
  mutable std::atomic<bool> released{false};
  mutable std::atomic<int> finished{0};
};

std::shared_ptr<const ParsedPage> page_titled(const std::string& title) {
  auto p = std::make_shared<ParsedPage>();
  p->url = "http://slow.test/" + title;
  p->title = title;
  return p;
}

}  // namespace

TEST(PluginCall, ReturnsRecordsMadeWithinTheLimit) {
  SlowSource source;
  source.released = true;
  auto call = call_extract(source, source.info(), page_titled("quick"), 5000ms);
  ASSERT_TRUE(call.ok()) << call.error;
  ASSERT_EQ(call.records.size(), 1u);
  EXPECT_EQ(call.records[0].title, "quick");
}

TEST(PluginCall, ExceptionBecomesOneLineOfUtf8NamingPluginAndUrl) {
  SlowSource source;
  for (auto limit : {0ms, 5000ms}) {
    auto call = call_extract(source, source.info(), page_titled("throw"), limit);
    EXPECT_EQ(call.error_kind, "plugin");
    EXPECT_EQ(call.error, "plugin 'slow' failed on http://slow.test/throw: bad news \xEF\xBF\xBD");
  }
}

TEST(PluginCall, OverrunIsAbandonedAtTheDeadline) {
  SlowSource source;
  const int abandoned_before = abandoned_plugin_calls();
  const auto start = std::chrono::steady_clock::now();
  auto call = call_extract(source, source.info(), page_titled("stuck"), 200ms);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(call.error_kind, "plugin_timeout");
  EXPECT_EQ(call.error,
            "plugin 'slow' did not return from extract() on http://slow.test/stuck within 0.2 s; the plugin is "
            "disabled for the rest of this run");
  EXPECT_TRUE(call.records.empty());
  EXPECT_GE(waited, 200ms);
  EXPECT_LT(waited, 2000ms);
  EXPECT_EQ(abandoned_plugin_calls(), abandoned_before + 1);
  // The abandoned call still owns its page: let it finish, and it touches nothing freed.
  source.released = true;
  for (int i = 0; i < 400 && source.finished.load() == 0; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(source.finished.load(), 1);
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
