// `senrei crawl` over HTTP against a real nginx on 127.0.0.1 serving the sample corpus with gzip,
// ETag and Last-Modified (issue 4 acceptance): the same records as the mirror ingest, a second
// crawl of conditional requests only that changes nothing, a deleted page removed, a robots.txt
// Disallow never requested, and a crawl killed with SIGKILL that resumes without refetching.
#include <gtest/gtest.h>

#include <sstream>
#include <signal.h>
#include <spawn.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "cli_support.hpp"
#include "servers/nginx.hpp"
#include "store/crawl_state.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

constexpr int kSamplePages = 51;  // corpus/README.md

// The binary (cli_support.hpp); named apart from namespace senrei (CrawlState is read below).
CliRun cli(const std::vector<std::string>& args) { return senrei_test::senrei(args); }

fs::path temp_dir(const std::string& name) {
  auto p = fs::temp_directory_path() / ("senrei-http-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  fs::permissions(p, fs::perms(0755));  // nginx workers (nobody, when started by root) read it
  return p;
}

// A copy of the sample site that a test may change.
fs::path copy_of_sample(const fs::path& dir) {
  fs::path site = dir / "site";
  fs::copy(kSample, site, fs::copy_options::recursive);
  return site;
}

std::vector<std::string> crawl_args(const fs::path& data, const Nginx& server) {
  return {"--data", data.string(), "crawl", "renkei-navi", "--base-url", server.base_url(), "--allow-private",
          "--delay", "0", "--json"};
}

json run_of(const CliRun& r) {
  auto j = json::parse(r.out, nullptr, false);
  if (j.is_discarded() || !j.contains("runs") || j["runs"].empty()) return json::object();
  return j["runs"][0];
}

// Every record of a workspace by id (senrei export).
std::map<std::string, json> records_of(const fs::path& data) {
  auto r = cli({"--data", data.string(), "export", "--format", "jsonl"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, json> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) {
      auto j = json::parse(line);
      out[j["id"].get<std::string>()] = j;
    }
  return out;
}

// The URI nginx saw for a real-site URL.
std::string served_path(const std::string& real_url) { return real_url.substr(kNavi.size() - 1); }

std::vector<AccessLine> page_requests(const Nginx& server) {
  std::vector<AccessLine> out;
  for (auto& a : server.access_log())
    if (a.uri != "/robots.txt") out.push_back(std::move(a));
  return out;
}

struct FileStamp {
  ino_t inode;
  struct timespec mtime;
  bool operator==(const FileStamp& o) const {
    return inode == o.inode && mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec;
  }
};

std::map<std::string, FileStamp> stamps_of(const fs::path& dir) {
  std::map<std::string, FileStamp> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st {};
    if (::stat(e.path().c_str(), &st) == 0 && S_ISREG(st.st_mode)) out[e.path().string()] = {st.st_ino, st.st_mtim};
  }
  return out;
}

#define START_NGINX(var, ...)                                 \
  Nginx var(Nginx::Options{__VA_ARGS__});                     \
  if (nginx_binary().empty()) GTEST_SKIP() << var.error();    \
  ASSERT_TRUE(var.ok()) << var.error()

}  // namespace

TEST(HttpCrawl, FullCrawlIndexesTheSameRecordsAsTheMirrorIngest) {
  auto dir = temp_dir("full");
  START_NGINX(server, kSample);
  auto http = cli(crawl_args(dir / "http", server));
  ASSERT_EQ(http.status, 0) << http.err << http.out;
  // No terminal progress line when stderr is not a terminal; at most the 10-second heartbeat
  // (cli/heartbeat.hpp) on a slow machine.
  EXPECT_EQ(http.err.find('\r'), std::string::npos) << http.err;
  std::istringstream err_lines(http.err);
  for (std::string l; std::getline(err_lines, l);) EXPECT_NE(l.find(" pages done, "), std::string::npos) << l;
  auto run = run_of(http);
  EXPECT_EQ(run["new"], kSamplePages);
  EXPECT_EQ(run["failed"], 0) << run.dump(2);

  auto mirror = cli({"--data", (dir / "mirror").string(), "crawl", "renkei-navi", "--mirror", kSample, "--json"});
  ASSERT_EQ(mirror.status, 0) << mirror.err;

  auto from_http = records_of(dir / "http");
  auto from_mirror = records_of(dir / "mirror");
  ASSERT_EQ(from_http.size(), static_cast<size_t>(kSamplePages));
  std::set<std::string> http_ids, mirror_ids;
  for (const auto& [id, r] : from_http) http_ids.insert(id);
  for (const auto& [id, r] : from_mirror) mirror_ids.insert(id);
  EXPECT_EQ(http_ids, mirror_ids);
  for (const auto& [id, r] : from_mirror) {
    if (!from_http.count(id)) continue;
    const auto& h = from_http[id];
    EXPECT_EQ(h["url"], r["url"]) << id;  // the real site's URL, not 127.0.0.1
    EXPECT_EQ(h["title"], r["title"]) << id;
    EXPECT_EQ(h["kind"], r["kind"]) << id;
    EXPECT_EQ(h["text"], r["text"]) << id;
    EXPECT_EQ(h["fields"], r["fields"]) << id;
  }

  // Every request was nginx's to count: robots.txt first, each page once, gzip used, and the
  // User-Agent names senrei, its version and a contact.
  auto log = server.access_log();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().uri, "/robots.txt");
  std::map<std::string, int> per_uri;
  for (const auto& a : log) {
    ++per_uri[a.uri];
    EXPECT_EQ(a.user_agent.rfind("senrei/0.1.0 (+", 0), 0u) << a.user_agent;
  }
  for (const auto& [uri, n] : per_uri) EXPECT_EQ(n, 1) << uri;
  EXPECT_EQ(per_uri.size(), static_cast<size_t>(kSamplePages + 1));
  for (const auto& a : page_requests(server)) {
    EXPECT_EQ(a.status, 200) << a.uri;
    EXPECT_NE(a.gzip_ratio, "-") << a.uri << " was not sent compressed";
  }
  fs::remove_all(dir);
}

TEST(HttpCrawl, SecondCrawlSendsOnlyConditionalRequestsAndChangesNothing) {
  auto dir = temp_dir("again");
  START_NGINX(server, kSample);
  auto data = dir / "data";
  ASSERT_EQ(cli(crawl_args(data, server)).status, 0);

  auto bodies_before = stamps_of(data / "bodies");
  Xapian::doccount docs_before;
  Xapian::rev revision_before;
  {
    Xapian::Database db((data / "index").string());
    docs_before = db.get_doccount();
    revision_before = db.get_revision();
  }
  ASSERT_EQ(docs_before, static_cast<Xapian::doccount>(kSamplePages));
  server.clear_access_log();

  auto second = cli(crawl_args(data, server));
  ASSERT_EQ(second.status, 0) << second.err;
  auto run = run_of(second);
  EXPECT_EQ(run["not_modified"], kSamplePages);
  EXPECT_EQ(run["fetched"], 0);
  EXPECT_EQ(run["new"], 0);
  EXPECT_EQ(run["changed"], 0);
  EXPECT_EQ(run["records_written"], 0);

  auto requests = page_requests(server);
  ASSERT_EQ(requests.size(), static_cast<size_t>(kSamplePages));
  int conditional = 0, not_modified = 0;
  for (const auto& a : requests) {
    conditional += a.if_none_match != "-" && a.if_modified_since != "-";
    not_modified += a.status == 304;
  }
  EXPECT_EQ(conditional, kSamplePages);
  EXPECT_EQ(not_modified, kSamplePages);

  EXPECT_EQ(stamps_of(data / "bodies"), bodies_before);  // no body file written again
  Xapian::Database db((data / "index").string());
  EXPECT_EQ(db.get_doccount(), docs_before);
  EXPECT_EQ(db.get_revision(), revision_before);
  fs::remove_all(dir);
}

// A 404 is kept on the first run (crawl/removal_policy.hpp) and removed with --prune (or when
// still missing a day later: tests/crawl/crawler_test.cpp RemovalPolicy.*).
TEST(HttpCrawl, APageDeletedFromTheSiteIsRemovedAndListed) {
  auto dir = temp_dir("deleted");
  auto site = copy_of_sample(dir);
  START_NGINX(server, site);
  auto data = dir / "data";
  ASSERT_EQ(cli(crawl_args(data, server)).status, 0);
  const std::string glossary = kNavi + "pc-terms/", statistics = kNavi + "statistics/";
  ASSERT_EQ(cli({"--data", data.string(), "show", glossary}).status, 0);
  fs::remove(site / "pc-terms" / "index.html");

  auto kept = cli(crawl_args(data, server));
  ASSERT_EQ(kept.status, 0) << kept.err;
  EXPECT_EQ(run_of(kept)["removed"], 0);
  EXPECT_EQ(run_of(kept)["missing"], 1);
  EXPECT_EQ(cli({"--data", data.string(), "show", glossary}).status, 0);

  auto args = crawl_args(data, server);
  args.push_back("--prune");
  auto again = cli(args);
  ASSERT_EQ(again.status, 0) << again.err;
  auto run = run_of(again);
  EXPECT_EQ(run["removed"], 1);
  EXPECT_EQ(run["removed_urls"], json::array({glossary}));
  EXPECT_EQ(run["not_modified"], kSamplePages - 1);  // (the 404 is answered again, not counted here)
  auto records = records_of(data);
  EXPECT_EQ(records.size(), static_cast<size_t>(kSamplePages - 1));
  EXPECT_EQ(records.count("renkei-navi:" + glossary), 0u);
  EXPECT_EQ(records.count("renkei-navi:" + statistics), 1u);
  EXPECT_EQ(cli({"--data", data.string(), "show", glossary}).status, 1);

  // The human summary lists a removed page by its URL too.
  fs::remove(site / "statistics" / "index.html");
  auto human = cli({"--data", data.string(), "crawl", "renkei-navi", "--base-url", server.base_url(),
                       "--allow-private", "--delay", "0", "--prune"});
  EXPECT_EQ(human.status, 0) << human.err;
  EXPECT_NE(human.out.find("1 removed"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("removed  " + statistics + " — not found (HTTP 404)\n"), std::string::npos) << human.out;
  EXPECT_EQ(records_of(data).count("renkei-navi:" + statistics), 0u);
  fs::remove_all(dir);
}

TEST(HttpCrawl, ARobotsTxtDisallowIsNeverRequested) {
  auto dir = temp_dir("robots");
  auto site = copy_of_sample(dir);
  std::ofstream(site / "robots.txt") << "User-agent: *\nDisallow: /faq/\n\nUser-agent: otherbot\nDisallow: /\n";
  START_NGINX(server, site);
  auto data = dir / "data";
  auto r = cli(crawl_args(data, server));
  ASSERT_EQ(r.status, 0) << r.err;
  auto run = run_of(r);
  EXPECT_EQ(run["new"], kSamplePages - 1);
  EXPECT_EQ(run["failed_by_reason"]["robots"], 1);
  bool named = false;
  for (const auto& f : run["failures"])
    named |= f["url"] == kNavi + "faq/" && f["message"].get<std::string>().find("Disallow: /faq/") != std::string::npos;
  EXPECT_TRUE(named) << run["failures"].dump();

  auto log = server.access_log();
  EXPECT_EQ(log.size(), static_cast<size_t>(kSamplePages));  // robots.txt + 50 pages
  for (const auto& a : log) EXPECT_NE(a.uri.rfind("/faq/", 0), 0u) << "requested " << a.uri;
  EXPECT_EQ(records_of(data).count("renkei-navi:" + kNavi + "faq/"), 0u);
  fs::remove_all(dir);
}

TEST(HttpCrawl, KilledMidCrawlResumesWithoutLosingOrRefetching) {
  if (::access(kNginxEchoModule, R_OK) != 0) GTEST_SKIP() << "needs libnginx-mod-http-echo (scripts/setup test)";
  auto dir = temp_dir("kill");
  // 0.15 s per response: about 8 s for the site; the first commit comes after 2 s (CrawlOptions),
  // so a kill right after it lands mid-crawl even on a loaded machine.
  Nginx server(Nginx::Options{kSample, 0.15});
  if (nginx_binary().empty()) GTEST_SKIP() << server.error();
  ASSERT_TRUE(server.ok()) << server.error();
  auto data = dir / "data";

  std::vector<std::string> args = {std::string(SENREI_BINARY_DIR) + "/senrei"};
  for (const auto& a : crawl_args(data, server)) args.push_back(a);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (dir / "first.out").c_str(), O_WRONLY | O_CREAT, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, (dir / "first.err").c_str(), O_WRONLY | O_CREAT, 0644);
  pid_t pid = -1;
  ASSERT_EQ(::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  // Kill as soon as some pages are committed as done (read through SQLite, as `stats` does).
  auto committed = [&] {
    std::set<std::string> done;
    if (!fs::exists(data / "state.sqlite")) return done;
    try {
      senrei::CrawlState state(data / "state.sqlite", true);
      for (const auto& p : state.pages("renkei-navi"))
        if (p.state == "done") done.insert(p.url);
    } catch (const std::exception&) {
    }
    return done;
  };
  std::set<std::string> done_before_kill;
  for (int i = 0; i < 350 && done_before_kill.size() < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    done_before_kill = committed();
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the crawl finished before the kill: " << slurp(dir / "first.out");
  done_before_kill = committed();  // what the killed process had committed
  ASSERT_GE(done_before_kill.size(), 3u);
  ASSERT_LT(done_before_kill.size(), static_cast<size_t>(kSamplePages));
  const size_t requests_before = server.access_log().size();

  // The index opens and holds every committed page's records.
  auto stats = cli({"--data", data.string(), "stats"});
  EXPECT_EQ(stats.status, 0) << stats.err;
  auto kept = records_of(data);
  for (const auto& url : done_before_kill) EXPECT_EQ(kept.count("renkei-navi:" + url), 1u) << url;

  auto second = cli(crawl_args(data, server));
  ASSERT_EQ(second.status, 0) << second.err;
  auto run = run_of(second);
  EXPECT_TRUE(run["resumed"].get<bool>());
  auto log = server.access_log();
  std::set<std::string> refetched;
  for (size_t i = requests_before; i < log.size(); ++i)
    for (const auto& url : done_before_kill)
      if (log[i].uri == served_path(url)) refetched.insert(url);
  EXPECT_TRUE(refetched.empty()) << "refetched " << refetched.size() << " finished pages, e.g. " << *refetched.begin();
  EXPECT_EQ(records_of(data).size(), static_cast<size_t>(kSamplePages));
  fs::remove_all(dir);
}

TEST(HttpCrawl, ProgressOnATerminalOnly) {
  auto dir = temp_dir("tty");
  START_NGINX(server, kSample);
  // 51 pages 40 ms apart: about 2 s, long enough for several progress updates (every 200 ms).
  std::vector<std::string> args = {std::string(SENREI_BINARY_DIR) + "/senrei", "--data", (dir / "data").string(),
                                   "crawl", "renkei-navi", "--base-url", server.base_url(), "--allow-private",
                                   "--delay", "0.04"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  std::string tty;
  char buf[4096];
  for (;;) {
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 20000) <= 0) break;
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has exited
    tty.append(buf, static_cast<size_t>(n));
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << tty;
  EXPECT_NE(tty.find("renkei-navi: "), std::string::npos) << tty;
  EXPECT_NE(tty.find(" queued, "), std::string::npos) << tty;
  EXPECT_NE(tty.find(" pages/s, 0 errors"), std::string::npos) << tty;
  EXPECT_NE(tty.find("\r\033[K"), std::string::npos) << "the progress line is cleared before the summary";
  EXPECT_NE(tty.find("51 new"), std::string::npos) << tty;
  fs::remove_all(dir);
}
