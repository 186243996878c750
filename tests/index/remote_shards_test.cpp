// Growing past one machine (docs/scale.md): an index split into two shards, each served by
// xapian-tcpsrv on 127.0.0.1 and searched through one stub file, answers as the single index
// does — the same top results in the same order and the same exact facet counts.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "index_fixture.hpp"

namespace senrei::index::test {
namespace {

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// xapian-tcpsrv serving one database on 127.0.0.1:port until destroyed.
class TcpServer {
 public:
  explicit TcpServer(const std::filesystem::path& db) : port_(free_port()) {
    pid_ = ::fork();
    if (pid_ == 0) {
      // Its own process group: xapian-tcpsrv passes SIGTERM on to its group, which would
      // otherwise be this test.
      ::setpgid(0, 0);
      int null = ::open("/dev/null", O_WRONLY);  // its notes about our readiness probes
      ::dup2(null, 1);
      ::dup2(null, 2);
      const std::string port = std::to_string(port_);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", port.c_str(),
               db.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 200 && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ~TcpServer() {
    ::kill(-pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }
  bool up() const { return accepts(port_); }

 private:
  int port_;
  pid_t pid_;
};

const char* const kPrefs[] = {"長崎県", "岡山県", "島根県", "新潟県", "山形県", "滋賀県", "佐賀県"};
const char* const kForms[] = {"npo", "general_association", "council", "medical_association"};
const char* const kFunds[] = {"regional_revitalization_fund", "comprehensive_care_fund", "member_fees", "prefectural_budget"};
const char* const kSentences[] = {
    "参加機関から会費を徴収し、運用費用に充てている。",  "地域医療再生基金を活用してシステムを構築した。",
    "病院と診療所の間で診療情報を共有する。",            "介護施設との連携も進めている。",
    "同意取得は参加施設の窓口で行う。",                  "SS-MIX2標準化ストレージを用いる。",
    "画像診断の結果を地域の医療機関で参照できる。",      "協議会で費用負担の方法を議論した。",
};

Record sample(int i) {
  std::string text;
  for (int k = 0; k < 5; ++k) text += kSentences[(i * 7 + k * 3) % 8];
  std::vector<Field> fields = {text_field("prefecture", kPrefs[i % 7]), text_field("operator_form", kForms[i % 4]),
                               items_field("funding_sources", {kFunds[i % 4], kFunds[(i / 4) % 4]}),
                               number_field("start_year", 2004 + i % 15),
                               number_field("build_cost_yen", 1e7 * (1 + i % 40))};
  return make_record("r" + std::to_string(i), i % 3 ? "renkei-navi" : "mhlw",
                     i % 5 ? RecordKind::case_overview : RecordKind::faq, "ネットワーク" + std::to_string(i), text,
                     fields);
}

}  // namespace

TEST_F(IndexTest, TwoShardsBehindXapianTcpsrvAnswerAsTheSingleIndex) {
  if (std::system("command -v xapian-tcpsrv >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "xapian-tcpsrv not installed (Debian package xapian-tools; scripts/setup test installs it)";
  {
    IndexWriter one(dir_ / "single");
    IndexWriter a(dir_ / "shard-a");
    IndexWriter b(dir_ / "shard-b");
    for (int i = 0; i < 300; ++i) {
      one.replace(sample(i));
      (i % 2 ? b : a).replace(sample(i));
    }
  }
  TcpServer sa(dir_ / "shard-a"), sb(dir_ / "shard-b");
  ASSERT_TRUE(sa.up() && sb.up()) << "xapian-tcpsrv did not start";
  {
    std::ofstream stub(dir_ / "shards.stub");
    stub << "remote 127.0.0.1:" << sa.port() << "\nremote 127.0.0.1:" << sb.port() << "\n";
  }
  Searcher single(dir_ / "single");
  Searcher remote(dir_ / "shards.stub");

  for (const char* q : {"会費", "地域医療再生基金", "診療 情報", "kind:case_overview pref:長崎県", "year:2008..2012",
                        "form:npo 介護", "fund:member_fees OR 画像診断"}) {
    SearchRequest req;
    req.query = q;
    req.limit = 20;
    req.facets = true;
    req.sort = "year";  // a total order (ties by id), so equal relevance cannot reorder
    auto s = single.search(req);
    auto r = remote.search(req);
    ASSERT_GT(s.total, 0u) << q;
    EXPECT_EQ(r.total, s.total) << q;
    EXPECT_EQ(id_list(r), id_list(s)) << q;
    ASSERT_EQ(r.facets.size(), s.facets.size()) << q;
    for (std::size_t f = 0; f < s.facets.size(); ++f) {
      ASSERT_EQ(r.facets[f].values.size(), s.facets[f].values.size()) << q << " " << s.facets[f].name;
      for (std::size_t v = 0; v < s.facets[f].values.size(); ++v) {
        EXPECT_EQ(r.facets[f].values[v].value, s.facets[f].values[v].value) << q;
        EXPECT_EQ(r.facets[f].values[v].count, s.facets[f].values[v].count) << q;
      }
    }
    // Relevance order too: the same documents at the top.
    req.sort.clear();
    req.limit = 5;
    EXPECT_EQ(id_set(remote.search(req)), id_set(single.search(req))) << q;
  }
  EXPECT_EQ(remote.get("r17")->title, "ネットワーク17");
}

}  // namespace senrei::index::test
