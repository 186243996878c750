// HttpFetcher against tests/servers/fault_server.py on 127.0.0.1: each fault handled as
// fetch/http_fetcher.hpp promises, nothing bad returned as ok, requests counted at the server.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fetch/http_fetcher.hpp"
#include "servers/fault_server.hpp"

namespace senrei {
namespace {

const std::string kSite = "http://renkei-support.mhlw.go.jp/";

const auto* const kServer = ::testing::AddGlobalTestEnvironment(new FaultServer);

struct Harness {
  std::vector<std::string> log;
  HttpSettings settings;

  Harness() {
    std::string b = FaultServer::base();
    settings.user_agent = "senrei/0.1.0 (+http://example.jp/senrei)";
    settings.per_host_delay = 0.0;
    settings.crawl_delay_cap = 0.05;
    settings.allowed_addresses = {"127.0.0.1"};
    settings.retry_backoff = 0.05;
    settings.connect_timeout_ms = 5000;
    settings.total_timeout_ms = 30000;
    settings.url_rewrite = {{kSite, b},
                            {"http://robots500.test/", b + "r500/"},
                            {"http://robots404.test/", b + "r404/"},
                            {"http://disallow.test/", b + "rdis/"}};
    for (int i = 1; i <= 5; ++i) {
      std::string n = std::to_string(i);
      settings.url_rewrite.push_back({"http://h" + n + ".test/", b + "h" + n + "/"});
    }
    settings.log = [this](const std::string& m) { log.push_back(m); };
  }

  // Submits the requests and polls (a bounded number of times) until all have answered.
  std::vector<FetchResponse> run(std::vector<FetchRequest> requests) {
    HttpFetcher fetcher(settings);
    for (auto& r : requests) fetcher.submit(std::move(r));
    std::vector<FetchResponse> out;
    for (int i = 0; i < 120 && fetcher.pending() > 0; ++i) {
      for (auto& r : fetcher.poll(std::chrono::milliseconds(500))) out.push_back(std::move(r));
    }
    EXPECT_EQ(fetcher.pending(), 0u);
    return out;
  }
  FetchResponse get(const std::string& url, const std::string& etag = "", const std::string& lm = "") {
    FetchRequest r;
    r.url = url;
    r.etag = etag;
    r.last_modified = lm;
    auto out = run({r});
    if (out.size() != 1) {
      ADD_FAILURE() << "expected one response for " << url;
      return {};
    }
    return out[0];
  }
};

TEST(HttpFetcher, PageWithValidatorsThen304ToConditionalRequests) {
  Harness h;
  auto r = h.get(kSite + "page");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.final_url, kSite + "page");
  EXPECT_EQ(r.content_type, "text/html");
  EXPECT_EQ(r.charset, "UTF-8");
  EXPECT_EQ(r.etag, "\"v1\"");
  EXPECT_EQ(r.last_modified, "Wed, 01 May 2024 00:00:00 GMT");
  EXPECT_EQ(r.body, "<html><body>先例</body></html>");
  EXPECT_EQ(r.attempts, 1);

  auto by_etag = h.get(kSite + "page", "\"v1\"");
  EXPECT_TRUE(by_etag.ok());
  EXPECT_TRUE(by_etag.not_modified);
  EXPECT_EQ(by_etag.status, 304);
  EXPECT_EQ(by_etag.etag, "\"v1\"");
  EXPECT_EQ(by_etag.body, "");

  auto by_date = h.get(kSite + "page", "", "Wed, 01 May 2024 00:00:00 GMT");
  EXPECT_TRUE(by_date.not_modified);

  auto stale = h.get(kSite + "page", "\"v0\"");
  EXPECT_FALSE(stale.not_modified);
  EXPECT_EQ(stale.status, 200);
}

TEST(HttpFetcher, CrawlDelayFromRobotsIsCappedAndLogged) {
  Harness h;
  ASSERT_TRUE(h.get(kSite + "page").ok());
  bool logged = false;
  for (const auto& m : h.log) logged |= m.find("Crawl-delay: 3600") != std::string::npos && m.find("capped") != std::string::npos;
  EXPECT_TRUE(logged);
}

TEST(HttpFetcher, RetriesA500ThenSucceeds) {
  Harness h;
  auto r = h.get(kSite + "flaky/a");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, "recovered");
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(FaultServer::count("/flaky/a"), 2);
}

TEST(HttpFetcher, Persistent500GivesUpAfterTheRetries) {
  Harness h;
  h.settings.retries = 2;
  int before = FaultServer::count("/always500");
  auto r = h.get(kSite + "always500");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "http_5xx");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(FaultServer::count("/always500") - before, 3);
}

TEST(HttpFetcher, Honours429RetryAfter) {
  Harness h;
  auto start = std::chrono::steady_clock::now();
  auto r = h.get(kSite + "ratelimited/a");
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, "served");
  EXPECT_EQ(r.attempts, 2);
  EXPECT_GE(waited, 0.95);  // Retry-After: 1, not the 0.05 s back-off
  EXPECT_EQ(FaultServer::count("/ratelimited/a"), 2);
}

TEST(HttpFetcher, RedirectLoopStopsAtTheLimit) {
  Harness h;
  auto r = h.get(kSite + "loop/0");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "redirect_limit");
  // The first request and five redirects: /loop/0 … /loop/5; /loop/6 is never asked for.
  EXPECT_EQ(FaultServer::count("/loop/5"), 1);
  EXPECT_EQ(FaultServer::count("/loop/6"), 0);
}

TEST(HttpFetcher, RedirectToFileRefused) {
  Harness h;
  auto r = h.get(kSite + "to-file");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "protocol");
  EXPECT_NE(r.error.find("scheme file is not http(s)"), std::string::npos) << r.error;
  EXPECT_EQ(r.body, "");
}

TEST(HttpFetcher, RedirectToPrivateAddressRefusedBeforeConnecting) {
  Harness h;
  auto r = h.get(kSite + "to-private");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "private_address");
  EXPECT_EQ(r.final_url, "http://10.0.0.1/");
  EXPECT_NE(r.error.find("refused before connecting: 10.0.0.1 is a private address"), std::string::npos)
      << r.error;
}

TEST(HttpFetcher, NameResolvingToLoopbackRefusedAtConnect) {
  Harness h;
  h.settings.allowed_addresses.clear();
  h.settings.robots = false;
  h.settings.retries = 0;
  h.settings.url_rewrite = {{kSite, "http://localhost:" + std::to_string(FaultServer::port()) + "/"}};
  int before = FaultServer::count("/page");
  auto r = h.get(kSite + "page");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "private_address");
  EXPECT_NE(r.error.find("is a loopback address"), std::string::npos) << r.error;
  EXPECT_EQ(FaultServer::count("/page"), before);
}

TEST(HttpFetcher, LiteralLoopbackRefusedUnlessAllowed) {
  Harness h;
  h.settings.allowed_addresses.clear();
  auto r = h.get(FaultServer::base() + "page");
  EXPECT_EQ(r.error_kind, "private_address");
  EXPECT_NE(r.error.find("127.0.0.1 is a loopback address"), std::string::npos) << r.error;
}

TEST(HttpFetcher, AbsoluteRedirectToRewrittenServerKeepsRealSiteUrl) {
  Harness h;
  auto r = h.get(kSite + "to-abs-page");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.final_url, kSite + "page");
  EXPECT_EQ(r.request.url, kSite + "to-abs-page");
}

TEST(HttpFetcher, RelativeRedirectResolvedAgainstRealSiteUrl) {
  Harness h;
  auto r = h.get(kSite + "dir/../to-rel-page");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.final_url, kSite + "page");
}

TEST(HttpFetcher, ScopeCheckedAtEveryHop) {
  Harness h;
  h.settings.scope = [](const std::string& url) { return url.starts_with(kSite); };
  auto r = h.get(kSite + "to-elsewhere");
  EXPECT_EQ(r.error_kind, "scope");
  EXPECT_EQ(r.final_url, "http://elsewhere.example/");
  auto first = h.get("http://elsewhere.example/x");
  EXPECT_EQ(first.error_kind, "scope");
  EXPECT_EQ(first.attempts, 0);
}

TEST(HttpFetcher, NonHttpSchemeRefusedWithoutRequest) {
  Harness h;
  auto r = h.get("ftp://example.jp/file");
  EXPECT_EQ(r.error_kind, "protocol");
  EXPECT_NE(r.error.find("scheme ftp is not http(s)"), std::string::npos);
}

TEST(HttpFetcher, GzipBombStoppedAtTheCapWithContentLength) {
  Harness h;
  auto r = h.get(kSite + "bomb");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "too_large");
  EXPECT_EQ(r.body, "");
  EXPECT_NE(r.error.find("8 MiB cap for text/html"), std::string::npos) << r.error;
}

TEST(HttpFetcher, GzipBombStoppedAtTheCapWithoutContentLength) {
  Harness h;
  auto r = h.get(kSite + "bomb-nolength");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "too_large");
}

TEST(HttpFetcher, HtmlOverTheCapRefusedPdfUnderItsCapKept) {
  Harness h;
  auto big = h.get(kSite + "big");
  EXPECT_EQ(big.error_kind, "too_large");
  EXPECT_EQ(big.body, "");
  auto pdf = h.get(kSite + "big-pdf");
  ASSERT_TRUE(pdf.ok()) << pdf.error;
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_EQ(pdf.body.size(), 10u << 20);
}

TEST(HttpFetcher, DrippingServerTimesOut) {
  Harness h;
  h.settings.low_speed_limit = 10;
  h.settings.low_speed_time = 1;
  h.settings.retries = 0;
  auto r = h.get(kSite + "drip");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_kind, "timeout");
  EXPECT_EQ(r.body, "");
}

TEST(HttpFetcher, Robots500DisallowsAndNothingIsRequested) {
  Harness h;
  int robots_before = FaultServer::count("/r500/robots.txt");
  auto out = h.run({{"http://robots500.test/page", "", "", 0}, {"http://robots500.test/other", "", "", 0}});
  ASSERT_EQ(out.size(), 2u);
  for (const auto& r : out) {
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error_kind, "robots");
    EXPECT_NE(r.error.find("HTTP 500"), std::string::npos) << r.error;
  }
  EXPECT_EQ(FaultServer::count("/r500/page"), 0);
  EXPECT_EQ(FaultServer::count("/r500/other"), 0);
  EXPECT_EQ(FaultServer::count("/r500/robots.txt") - robots_before, 1);  // fetched once per host
}

TEST(HttpFetcher, Robots404AllowsAll) {
  Harness h;
  auto r = h.get("http://robots404.test/page");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.final_url, "http://robots404.test/page");
}

TEST(HttpFetcher, RobotsDisallowedUrlIsNeverRequested) {
  Harness h;
  auto out = h.run({{"http://disallow.test/secret", "", "", 0}, {"http://disallow.test/page", "", "", 0}});
  ASSERT_EQ(out.size(), 2u);
  const FetchResponse& secret = out[0].request.url.ends_with("secret") ? out[0] : out[1];
  const FetchResponse& page = out[0].request.url.ends_with("secret") ? out[1] : out[0];
  EXPECT_EQ(secret.error_kind, "robots");
  EXPECT_NE(secret.error.find("robots.txt line 2 'Disallow: /secret'"), std::string::npos) << secret.error;
  EXPECT_TRUE(page.ok()) << page.error;
  EXPECT_EQ(FaultServer::count("/rdis/secret"), 0);
}

TEST(HttpFetcher, NotFound) {
  Harness h;
  auto r = h.get(kSite + "notfound");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error_kind, "not_found");
  EXPECT_FALSE(r.ok());
}

TEST(HttpFetcher, ManyRequestsAcrossHostsAllAnswered) {
  Harness h;
  h.settings.concurrency = 2;
  std::vector<FetchRequest> reqs;
  for (int i = 0; i < 6; ++i) reqs.push_back({kSite + "page?n=" + std::to_string(i), "", "", 0});
  for (int i = 0; i < 3; ++i) reqs.push_back({"http://robots404.test/page?n=" + std::to_string(i), "", "", 0});
  auto out = h.run(reqs);
  ASSERT_EQ(out.size(), 9u);
  for (const auto& r : out) EXPECT_TRUE(r.ok()) << r.request.url << ": " << r.error;
}

TEST(HttpFetcher, RedirectIntoDisallowedPathIsNeverRequested) {
  Harness h;
  auto r = h.get("http://disallow.test/to-secret");
  EXPECT_EQ(r.error_kind, "robots");
  EXPECT_EQ(r.final_url, "http://disallow.test/secret");
  EXPECT_EQ(FaultServer::count("/rdis/secret"), 0);
}

std::vector<FetchRequest> slow_requests(const std::string& host, int n) {
  std::vector<FetchRequest> out;
  for (int i = 0; i < n; ++i) out.push_back({"http://" + host + "/slow?n=" + std::to_string(i), "", "", 0});
  return out;
}

TEST(HttpFetcher, OneConnectionPerHostByDefault) {
  Harness h;
  auto out = h.run(slow_requests("h1.test", 3));
  ASSERT_EQ(out.size(), 3u);
  for (const auto& r : out) EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(FaultServer::max_in_flight("/h1"), 1);
}

TEST(HttpFetcher, PerHostConnectionsSetting) {
  Harness h;
  h.settings.per_host_connections = 2;
  auto out = h.run(slow_requests("h2.test", 4));
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(FaultServer::max_in_flight("/h2"), 2);
}

TEST(HttpFetcher, GlobalConcurrencyBoundsAllHosts) {
  Harness h;
  h.settings.per_host_connections = 2;
  h.settings.concurrency = 3;
  std::vector<FetchRequest> reqs;
  for (const char* host : {"h3.test", "h4.test", "h5.test"}) {
    for (auto& r : slow_requests(host, 2)) reqs.push_back(r);
  }
  auto out = h.run(reqs);
  ASSERT_EQ(out.size(), 6u);
  for (const auto& r : out) EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_LE(FaultServer::max_in_flight(""), 3);
}

TEST(UrlRewrite, AppliedAndUndone) {
  std::vector<UrlRewrite> rules = {{"http://a.jp/", "http://127.0.0.1:9/x/"}};
  EXPECT_EQ(apply_rewrite(rules, "http://a.jp/p?q"), "http://127.0.0.1:9/x/p?q");
  EXPECT_EQ(undo_rewrite(rules, "http://127.0.0.1:9/x/p"), "http://a.jp/p");
  EXPECT_EQ(apply_rewrite(rules, "http://b.jp/p"), "http://b.jp/p");
}

}  // namespace
}  // namespace senrei
