// crawl/frontier.hpp: the schedule of one run and its bounds.
#include <gtest/gtest.h>

#include "crawl/frontier.hpp"

using namespace senrei;

namespace {
FrontierBounds bounds(int max_pages, int max_depth, int per_host, int variants) {
  FrontierBounds b;
  b.max_pages = max_pages;
  b.max_depth = max_depth;
  b.pages_per_host = per_host;
  b.query_variants = variants;
  return b;
}
}  // namespace

TEST(Frontier, QueuesEachUrlOnceInOrderAndKeepsTheNewOnesForTheState) {
  Frontier f;
  f.set_bounds(bounds(0, 5, 100, 100));
  f.admit("http://a.test/1", 0, false);
  f.admit("http://a.test/2", 1, true);
  f.admit("http://a.test/1", 2, true);  // seen: not again
  EXPECT_EQ(f.size(), 2u);
  EXPECT_TRUE(f.seen("http://a.test/2"));
  EXPECT_FALSE(f.seen("http://a.test/3"));
  auto added = f.take_new();
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[1], (std::pair<std::string, int>{"http://a.test/2", 1}));
  EXPECT_TRUE(f.take_new().empty());
  QueuedUrl q = f.pop();
  EXPECT_EQ(q.url, "http://a.test/1");
  EXPECT_EQ(q.depth, 0);
  EXPECT_EQ(f.pop().url, "http://a.test/2");
  EXPECT_TRUE(f.empty());
  EXPECT_TRUE(f.skipped().empty());
}

TEST(Frontier, BoundsRefuseAndCountEachUrlOnce) {
  Frontier f;
  f.set_bounds(bounds(4, 2, 3, 1));
  f.admit("http://a.test/deep", 3, false);
  f.admit("http://a.test/deep", 3, false);  // counted once
  f.admit("http://a.test/p?x=1", 1, true);
  f.admit("http://a.test/p?x=2", 1, true);  // a second query string on the path, followed
  f.admit("http://a.test/p?x=3", 1, false);  // a seed or stored page: not a trap bound
  f.admit("http://a.test/q", 1, true);     // the host's third URL
  f.admit("http://a.test/r", 1, true);     // the fourth: over pages_per_host
  f.admit("http://b.test/", 0, false);     // the run's fourth admitted URL
  f.admit("http://c.test/", 0, false);     // over max_pages
  EXPECT_EQ(f.size(), 4u);
  EXPECT_EQ(f.skipped(), (std::map<std::string, int64_t>{
                             {"max_depth", 1}, {"query_variants", 1}, {"pages_per_host", 1}, {"max_pages", 1}}));
}

TEST(Frontier, HeldUrlsCountAsAdmittedWithoutBeingQueued) {
  Frontier f;
  f.set_bounds(bounds(2, 5, 100, 100));
  f.hold("http://a.test/done");          // a resumed run's finished page
  f.push("http://a.test/queued", 1);     // a resumed run's queued page: not a new URL
  f.admit("http://a.test/done", 0, false);
  f.admit("http://a.test/new", 0, false);
  f.admit("http://a.test/over", 0, false);
  EXPECT_TRUE(f.seen("http://a.test/done"));
  EXPECT_EQ(f.size(), 2u);
  EXPECT_EQ(f.take_new().size(), 1u);
  EXPECT_EQ(f.skipped().at("max_pages"), 1);
}
