#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/body_store.hpp"
#include "store/crawl_state.hpp"
#include "store/workspace.hpp"

namespace fs = std::filesystem;
using namespace senrei;

namespace {
fs::path temp_dir(const std::string& name) {
  auto d = fs::temp_directory_path() / ("senrei-store-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST(BodyStore, Sha256OfKnownInputs) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(BodyStore, StoresOnceUnderDigestAndReadsBack) {
  auto dir = temp_dir("bodies");
  BodyStore store(dir);
  std::string body = "<html>会費は年20,000円</html>";
  auto sha = store.put(body);
  EXPECT_EQ(sha, sha256_hex(body));
  EXPECT_TRUE(store.has(sha));
  EXPECT_EQ(store.path_of(sha), dir / sha.substr(0, 2) / sha);
  EXPECT_EQ(*store.get(sha), body);
  EXPECT_EQ(store.put(body), sha);  // a second put is a no-op
  size_t files = 0;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) ++files;
  EXPECT_EQ(files, 1u);  // no temporary left behind
  EXPECT_FALSE(store.get("../../etc/passwd"));
  EXPECT_FALSE(store.has("zz"));
  fs::remove_all(dir);
}

TEST(BodyStore, ABodyTornByACrashBeforeSyncIsRewrittenAndNeverReadBack) {
  auto dir = temp_dir("torn");
  BodyStore store(dir);
  std::string body = "<html>運用費用：50,000千円/年</html>";
  auto sha = store.put(body);
  store.sync();
  // What a crash between rename and the data reaching the disk can leave: the name, no data.
  std::ofstream(store.path_of(sha), std::ios::trunc).close();
  EXPECT_FALSE(store.get(sha));  // a wrong digest is never served as the body
  EXPECT_EQ(store.put(body), sha);  // the size differs: written again
  store.sync();
  EXPECT_EQ(*store.get(sha), body);
  // Same size, other bytes: get() still refuses it.
  std::string other = body;
  other[6] = 'X';
  std::ofstream(store.path_of(sha), std::ios::trunc | std::ios::binary) << other;
  EXPECT_FALSE(store.get(sha));
  fs::remove_all(dir);
}

TEST(CrawlState, RunsAreNumberedAndAnInterruptedRunResumes) {
  auto dir = temp_dir("runs");
  CrawlState st(dir / "state.sqlite");
  auto r1 = st.begin_run("navi");
  EXPECT_EQ(r1.generation, 1);
  EXPECT_FALSE(r1.resumed);
  // Not finished: the next begin_run resumes generation 1.
  auto again = st.begin_run("navi");
  EXPECT_EQ(again.generation, 1);
  EXPECT_TRUE(again.resumed);
  st.finish_run("navi", 1);
  auto r2 = st.begin_run("navi");
  EXPECT_EQ(r2.generation, 2);
  EXPECT_FALSE(r2.resumed);
  // Another source has its own numbering.
  EXPECT_EQ(st.begin_run("files").generation, 1);
  fs::remove_all(dir);
}

TEST(CrawlState, EnqueueOncePerGenerationAndSaveRoundTrips) {
  auto dir = temp_dir("pages");
  CrawlState st(dir / "state.sqlite");
  EXPECT_TRUE(st.enqueue("navi", "http://a/1", 0, 1));
  EXPECT_FALSE(st.enqueue("navi", "http://a/1", 2, 1));  // already queued in generation 1
  EXPECT_TRUE(st.enqueue("navi", "http://a/2", 1, 1));
  auto q = st.queued("navi", 1, 10);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].url, "http://a/1");
  EXPECT_EQ(q[1].depth, 1);

  PageState p = q[0];
  p.state = "done";
  p.etag = "\"abc\"";
  p.sha256 = std::string(64, 'a');
  p.record_ids = {"navi:http://a/1", "navi:http://a/1#q1"};
  p.links = {"http://a/2"};
  p.flags = {"charset_replaced"};
  st.save(p);
  auto back = st.get("navi", "http://a/1");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->state, "done");
  EXPECT_EQ(back->etag, "\"abc\"");
  EXPECT_EQ(back->record_ids.size(), 2u);
  EXPECT_EQ(back->links[0], "http://a/2");
  EXPECT_EQ(st.queued("navi", 1, 10).size(), 1u);
  // The next generation re-queues a done page.
  EXPECT_TRUE(st.enqueue("navi", "http://a/1", 0, 2));
  EXPECT_EQ(st.get("navi", "http://a/1")->etag, "\"abc\"");  // what the last fetch found is kept
  EXPECT_EQ(st.counts()["navi"]["queued"], 2);
  EXPECT_EQ(st.flag_counts()["charset_replaced"], 1);
  st.erase("navi", "http://a/1");
  EXPECT_FALSE(st.get("navi", "http://a/1"));
  fs::remove_all(dir);
}

TEST(CrawlState, TouchMarksARunWithoutRewritingWhatTheFetchFound) {
  auto dir = temp_dir("touch");
  CrawlState st(dir / "state.sqlite");
  PageState p;
  p.source = "navi";
  p.url = "http://a/1";
  p.generation = 1;
  p.state = "failed";
  p.failures = 2;
  p.error = "http_500: boom";
  p.etag = "\"e1\"";
  p.record_ids = {"navi:http://a/1"};
  // Lists with escapes and non-ASCII go through the JSON reader, plain ones through the fast one.
  p.links = {"http://a/2", "http://a/\"quoted\"", "http://a/日本語", "http://a/back\\slash"};
  p.flags = {};
  st.save(p);
  st.touch("navi", "http://a/1", 3, 7, 1700000000);
  auto back = st.get("navi", "http://a/1");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->generation, 7);
  EXPECT_EQ(back->depth, 3);
  EXPECT_EQ(back->state, "done");
  EXPECT_EQ(back->failures, 0);
  EXPECT_EQ(back->error, "");
  EXPECT_EQ(back->fetched_at, 1700000000);
  EXPECT_EQ(back->etag, "\"e1\"");
  EXPECT_EQ(back->record_ids, p.record_ids);
  EXPECT_EQ(back->links, p.links);
  EXPECT_TRUE(back->flags.empty());
  // Touching a page the state does not have writes nothing.
  st.touch("navi", "http://a/none", 0, 7, 1);
  EXPECT_FALSE(st.get("navi", "http://a/none"));
  fs::remove_all(dir);
}

namespace {
// Every column, so two reads of a row can be compared whole.
std::string row_text(const std::optional<PageState>& p) {
  if (!p) return "none";
  std::string out = p->source + "|" + p->url + "|" + std::to_string(p->depth) + "|" + std::to_string(p->generation) +
                    "|" + p->state + "|" + std::to_string(p->status) + "|" + p->etag + "|" + p->last_modified + "|" +
                    p->sha256 + "|" + p->content_type + "|" + std::to_string(p->fetched_at) + "|" +
                    std::to_string(p->failures) + "|" + p->error + "|" + p->extractor + "|" + p->alias_of + "|" +
                    p->alias_reason;
  for (const auto* list : {&p->record_ids, &p->links, &p->flags}) {
    out += "|";
    for (const auto& s : *list) out += s + ",";
  }
  return out;
}

PageState numbered_page(const std::string& source, int k) {
  char url[64];
  std::snprintf(url, sizeof url, "http://a/%04d", k);
  PageState p;
  p.source = source;
  p.url = url;
  p.depth = k % 5;
  p.generation = 1 + k % 3;
  p.state = k % 7 == 0 ? "failed" : "done";
  p.status = 200;
  p.etag = "\"e" + std::to_string(k) + "\"";
  p.sha256 = std::string(64, static_cast<char>('a' + k % 6));
  p.fetched_at = 1700000000 + k;
  p.record_ids = {source + ":" + p.url};
  p.links = {"http://a/" + std::to_string(k + 1), "http://a/\"q\"" + std::to_string(k)};
  p.extractor = "x/1";
  if (k % 11 == 0) p.alias_of = "http://a/0000", p.alias_reason = "same_body";
  return p;
}
}  // namespace

// A commit batch's pages marked at once: the rows are those one touch() per page leaves, for
// any bytes a URL can hold, and a URL listed twice keeps its last depth.
TEST(CrawlState, TouchingABatchWritesWhatOneTouchPerPageWrites) {
  auto dir = temp_dir("touch-batch");
  CrawlState one(dir / "one.sqlite"), batch(dir / "batch.sqlite");
  const std::vector<std::string> urls = {"http://a/1", "http://a/\"quoted\"", "http://a/back\\slash",
                                         "http://a/日本語", std::string("http://a/\xff\xfe bytes"),
                                         "http://a/tab\there", "http://a/2", "http://a/3"};
  for (auto* st : {&one, &batch}) {
    st->begin();
    for (size_t k = 0; k < urls.size(); ++k) {
      PageState p;
      p.source = "navi";
      p.url = urls[k];
      p.depth = static_cast<int>(k);
      p.generation = 1;
      p.state = "failed";
      p.failures = 1;
      p.error = "http_500: boom";
      p.links = {"http://a/x"};
      st->save(p);
    }
    st->commit();
  }
  // Not http://a/3; http://a/2 twice (depth 5, then 1); one URL the state lacks.
  std::vector<std::pair<std::string, int>> touched;
  for (size_t k = 0; k + 2 < urls.size(); ++k) touched.push_back({urls[k], static_cast<int>(k % 3)});
  touched.push_back({"http://a/2", 5});
  touched.push_back({"http://a/none", 0});
  touched.push_back({"http://a/2", 1});
  one.begin();
  for (const auto& [url, depth] : touched) one.touch("navi", url, depth, 4, 1700000000);
  one.commit();
  batch.begin();
  batch.touch("navi", touched, 4, 1700000000);
  batch.commit();
  EXPECT_EQ(batch.pages("navi").size(), urls.size());
  for (const auto& url : urls) EXPECT_EQ(row_text(batch.get("navi", url)), row_text(one.get("navi", url))) << url;
  EXPECT_EQ(batch.get("navi", "http://a/2")->depth, 1);
  EXPECT_EQ(batch.get("navi", "http://a/\"quoted\"")->state, "done");
  EXPECT_EQ(batch.get("navi", std::string("http://a/\xff\xfe bytes"))->generation, 4);
  EXPECT_EQ(batch.get("navi", "http://a/3")->state, "failed");
  EXPECT_FALSE(batch.get("navi", "http://a/none"));
  fs::remove_all(dir);
}

// A run reads its stored pages in URL order through get_in_order(): every answer is get()'s,
// in order or not, across windows, for URLs the state lacks, and after the rows are written.
TEST(CrawlState, RowsReadInOrderAreTheRowsGetReads) {
  auto dir = temp_dir("in-order");
  CrawlState st(dir / "state.sqlite");
  st.begin();
  for (int k = 0; k < 700; k += 2) st.save(numbered_page("navi", k));  // more than one window
  for (int k = 0; k < 40; ++k) st.save(numbered_page("other", k));     // another source in between
  st.commit();
  auto url = [](int k) { return numbered_page("navi", k).url; };
  // In order, with URLs the state lacks (the odd ones) and past its last row.
  int found = 0;
  for (int k = 0; k < 720; ++k) {
    auto row = st.get_in_order("navi", url(k));
    EXPECT_EQ(row_text(row), row_text(st.get("navi", url(k)))) << url(k);
    if (row) {
      ++found;
      EXPECT_EQ(row->links.size(), 2u);
    }
  }
  EXPECT_EQ(found, 350);
  // Asked again (already handed out), and out of order.
  for (int k : {698, 4, 3, 500, 250, 251, 0})
    EXPECT_EQ(row_text(st.get_in_order("navi", url(k))), row_text(st.get("navi", url(k)))) << url(k);
  EXPECT_EQ(row_text(st.get_in_order("other", numbered_page("other", 5).url)),
            row_text(st.get("other", numbered_page("other", 5).url)));
  EXPECT_FALSE(st.get_in_order("none", url(2)));

  // Written after the window was read: the answer is what the table holds now.
  EXPECT_TRUE(st.get_in_order("navi", url(100)));  // reads the window from 100 on
  PageState changed = numbered_page("navi", 104);
  changed.etag = "\"changed\"";
  changed.links = {"http://a/new"};
  st.save(changed);
  st.touch("navi", url(106), 4, 9, 1800000000);
  st.erase("navi", url(108));
  st.enqueue("navi", url(109), 2, 9);  // a row the window did not have
  for (int k : {102, 104, 106, 108, 109, 110}) {
    auto row = st.get_in_order("navi", url(k));
    EXPECT_EQ(row_text(row), row_text(st.get("navi", url(k)))) << url(k);
  }
  EXPECT_EQ(st.get("navi", url(104))->etag, "\"changed\"");
  EXPECT_EQ(st.get("navi", url(106))->generation, 9);
  EXPECT_FALSE(st.get("navi", url(108)));
  EXPECT_EQ(st.get("navi", url(109))->state, "queued");
  fs::remove_all(dir);
}

TEST(Workspace, MissingDirectoryIsAClearError) {
  try {
    Workspace::open_existing("/nonexistent/senrei-data");
    FAIL() << "no error";
  } catch (const WorkspaceError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/senrei-data"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("senrei crawl"), std::string::npos);
  }
}

TEST(Workspace, SecondWriterIsRefusedNamingTheHolder) {
  auto dir = temp_dir("lock");
  auto ws = Workspace::create(dir);
  ws.lock_for_writing("senrei crawl renkei-navi");
  // Another process tries to take the lock.
  pid_t pid = ::fork();
  if (pid == 0) {
    try {
      auto other = Workspace::create(dir);
      other.lock_for_writing("senrei crawl files");
      _exit(0);
    } catch (const WorkspaceError& e) {
      std::string m = e.what();
      bool names_holder = m.find("pid " + std::to_string(::getppid())) != std::string::npos &&
                          m.find("senrei crawl renkei-navi") != std::string::npos;
      _exit(names_holder ? 3 : 4);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3);
  fs::remove_all(dir);
}
