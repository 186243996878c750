// A crawl notices an index whose records it cannot read (issue 14 item 2, session 5): damaged
// document data (docdata.glass) used to go unnoticed by a crawl ("51 not modified", exit 0) while
// export and search failed on it.  Now the crawl names the damage, makes those records again from
// the stored pages, and says which command checks the rest.
#include <gtest/gtest.h>

#include <fstream>

#include "safety_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

TEST(DamagedIndex, ACrawlNoticesRecordsItCannotReadAndMakesThemAgain) {
  ScratchDir dir("docdata");
  const std::string data = (dir / "data").string();
  auto first = senrei({"--data", data, "crawl", "renkei-navi", "--mirror", kSample});
  ASSERT_EQ(first.status, 0) << first.err;
  const auto before = exported_records(data);
  ASSERT_EQ(before.size(), 51u);

  flip_bytes(dir / "data/index/docdata.glass", 200);
  ASSERT_NE(senrei({"--data", data, "export"}).status, 0) << "the damage must be one export sees";
  const std::string copy = (dir / "copy").string();
  fs::copy(data, copy, fs::copy_options::recursive);

  auto r = senrei({"--data", data, "crawl", "renkei-navi", "--mirror", kSample, "--json"});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const json run = json::parse(r.out)["runs"][0];
  const size_t damaged = run["unreadable_records"].size();
  EXPECT_GT(damaged, 0u) << run.dump();
  EXPECT_GE(run["rebuilt"].get<int64_t>(), static_cast<int64_t>(damaged));
  EXPECT_EQ(run["fetched"], 0);  // made from the stored pages, nothing read from the mirror again
  EXPECT_EQ(exported_records(data), before);

  // The human summary names the damage and the command that checks the rest.
  auto text = senrei({"--data", copy, "crawl", "renkei-navi", "--mirror", kSample});
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("damaged  " + std::to_string(damaged) + " records in the index could not be read (e.g. renkei-navi:"),
            std::string::npos) << text.out;
  EXPECT_NE(text.out.find("senrei doctor"), std::string::npos) << text.out;
  EXPECT_EQ(exported_records(copy), before);
}

// Issue 18 (re-runs): a crawl reads every record's data only when the docdata table is not the
// file senrei last wrote or read whole (its inode, size and time in index/senrei-verified): a
// no-change crawl of 2,000 pages spent half its instructions inflating every record.  A table
// damaged with its time put back escapes the crawl; `senrei doctor` still finds it.
TEST(DamagedIndex, ACrawlTrustsTheTableItWroteAndDoctorStillReadsIt) {
  ScratchDir dir("stamp");
  const std::string data = (dir / "data").string();
  ASSERT_EQ(senrei({"--data", data, "crawl", "renkei-navi", "--mirror", kSample}).status, 0);
  const fs::path stamp = dir / "data/index/senrei-verified";
  ASSERT_TRUE(fs::exists(stamp));
  auto read = [](const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string kept = read(stamp);
  EXPECT_NE(kept.find(std::to_string(fs::file_size(dir / "data/index/docdata.glass"))), std::string::npos) << kept;

  auto again = senrei({"--data", data, "crawl", "renkei-navi", "--mirror", kSample, "--json"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(json::parse(again.out)["runs"][0]["unreadable_records"].size(), 0u);
  EXPECT_EQ(read(stamp), kept);  // nothing written, nothing to stamp anew

  const fs::path table = dir / "data/index/docdata.glass";
  const auto when = fs::last_write_time(table);
  flip_bytes(table, 200);
  fs::last_write_time(table, when);
  auto blind = senrei({"--data", data, "crawl", "renkei-navi", "--mirror", kSample, "--json"});
  ASSERT_EQ(blind.status, 0) << blind.err;
  EXPECT_EQ(json::parse(blind.out)["runs"][0]["unreadable_records"].size(), 0u);
  auto doctor = senrei({"--data", data, "doctor"});
  EXPECT_NE(doctor.status, 0) << doctor.out;
}
