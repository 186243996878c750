// Crash safety: SIGKILL senrei at random (seeded) moments while it ingests a mirror.  After every
// kill the index opens and answers, every indexed record's page body is in the body store, and
// every body the crawl state names is there; the run that finally completes holds exactly the
// records of an uninterrupted run (issue 8).  SENREI_CRASH_SEED=N replays another sequence.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>

#include "fetch/mirror_fetcher.hpp"
#include "process_support.hpp"
#include "safety_support.hpp"
#include "store/body_store.hpp"
#include "store/crawl_state.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;

namespace {

const std::string kBase = "http://renkei-support.mhlw.go.jp/";

uint32_t crash_seed() {
  const char* s = std::getenv("SENREI_CRASH_SEED");
  return s ? static_cast<uint32_t>(std::strtoul(s, nullptr, 10)) : 20250608u;
}

// What must hold after any kill.  Returns the number of records the index answered with.
size_t check_workspace(const fs::path& data, const fs::path& mirror, const std::string& context) {
  SCOPED_TRACE(context);
  if (!fs::exists(data / "index" / "iamglass")) {
    // Killed before the index was first created: the next run creates it.
    EXPECT_FALSE(fs::exists(data / "index" / "docdata.glass"));
    return 0;
  }
  auto exported = senrei_test::senrei({"--data", data.string(), "export", "--format", "jsonl"});
  EXPECT_EQ(exported.status, 0) << exported.err;
  auto search = senrei_test::senrei({"--data", data.string(), "search", "連携", "--json"});
  // 1: nothing matched yet (killed early; docs/query.md) — still a readable index, no message.
  EXPECT_TRUE(search.status == 0 || (search.status == 1 && search.err.empty())) << search.err;

  senrei::MirrorFetcher files(mirror, kBase);
  senrei::BodyStore bodies(data / "bodies");
  auto records = exported_records(data.string());
  for (const auto& [id, record] : records) {
    const std::string url = record["url"];
    const fs::path file = files.file_for(url);
    EXPECT_FALSE(file.empty()) << id << ": no such page in the mirror";
    if (file.empty()) continue;
    EXPECT_TRUE(bodies.has(senrei::sha256_hex(slurp(file)))) << id << ": its body is not in the store";
  }
  senrei::CrawlState state(data / "state.sqlite", /*read_only=*/true);
  for (const auto& page : state.pages("renkei-navi"))
    if (!page.sha256.empty()) {
      EXPECT_TRUE(bodies.has(page.sha256)) << page.url << ": state names a missing body";
    }
  return records.size();
}

// Ingests `mirror` uninterrupted once (the reference), then kills runs at random moments within
// the time the rest of the ingest should take, until `kills` kills happened.  A run that completes before its kill
// ends an episode: its records must equal the reference, and the next episode starts afresh.
// The killed runs commit every `commit_pages` pages, so kills also land between commits.
void kill_during_ingest(const fs::path& mirror, int kills, int commit_pages, const std::string& name) {
  ScratchDir dir(name);
  auto args_for = [&](const fs::path& data, bool small_commits = true) {
    std::vector<std::string> a = {"--data", data.string(), "crawl", "renkei-navi", "--mirror", mirror.string()};
    if (small_commits) a.insert(a.end(), {"--commit-pages", std::to_string(commit_pages)});
    return a;
  };

  const auto t0 = std::chrono::steady_clock::now();
  auto reference_run = senrei_test::senrei(args_for(dir / "reference", false));
  const double full = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(reference_run.status, 0) << reference_run.err;
  const auto reference = exported_records((dir / "reference").string());
  ASSERT_GT(reference.size(), 10u);

  const uint32_t seed = crash_seed();
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const std::string log = (dir / "runs.log").string();
  int killed = 0, episodes = 0, completed = 0, partial_states = 0;
  while (killed < kills) {
    const fs::path data = dir / ("episode-" + std::to_string(++episodes));
    // Kill runs on this workspace until one completes (or enough kills happened), each at a
    // moment within what is left of the ingest, judged by the records already committed.
    double left = 1.0;
    for (;;) {
      const double at = unit(rng) * full * std::max(0.2, left + 0.1);
      int status = 0;
      const bool was_killed = kill_after(spawn_senrei(args_for(data), log), at, status);
      const std::string context = "seed " + std::to_string(seed) + ", episode " + std::to_string(episodes) +
                                  ", kill at " + std::to_string(at) + " s of " + std::to_string(full) + " s";
      if (!was_killed) {
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
          const std::string out = slurp(log);
          FAIL() << context << ": the run after the kills failed (status " << status << "); its log ends:\n"
                 << out.substr(out.size() > 3000 ? out.size() - 3000 : 0);
        }
        break;
      }
      ++killed;
      const size_t n = check_workspace(data, mirror, context);
      if (n > 0 && n < reference.size()) ++partial_states;
      left = 1.0 - static_cast<double>(n) / static_cast<double>(reference.size());
      if (::testing::Test::HasFailure()) return;
      if (killed >= kills) break;
    }
    // The run after the kills completes with the records of an uninterrupted run.
    auto finish = senrei_test::senrei(args_for(data));
    ASSERT_EQ(finish.status, 0) << finish.err;
    EXPECT_EQ(exported_records(data.string()), reference) << "episode " << episodes << ", seed " << seed;
    ++completed;
    fs::remove_all(data);
  }
  ::testing::Test::RecordProperty("kills", killed);
  ::testing::Test::RecordProperty("episodes", completed);
  std::printf("%s: %d kills in %d episodes (seed %u, uninterrupted run %.2f s, %d kills left a partial index)\n",
              name.c_str(), killed, completed, seed, full, partial_states);
}

}  // namespace

TEST(CrashSafety, KilledWhileIngestingTheSampleCorpus) {
  kill_during_ingest(kSample, 12, 10, "crash-sample");
}

TEST(CrashSafety, KilledWhileIngestingAGeneratedMirror) {
  ScratchDir gen("crash-gen");
  const std::string cmd = "python3 " + std::string(SENREI_SOURCE_DIR) + "/bench/gen_corpus.py --out " +
                          gen.str() + " --pages 200 --seed 7 >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  kill_during_ingest(gen / "renkei-support.mhlw.go.jp", 10, 25, "crash-generated");
}
