// check_url (senrei check-url) and the address ranges it and the fetcher refuse.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

#include "fetch/address_policy.hpp"
#include "fetch/url_check.hpp"

namespace senrei {
namespace {

const auto kRobots = RobotsRules::parse(
    "User-agent: *\n"        // 1
    "Disallow: /admin/\n"    // 2
    "# FAQ is public\n"      // 3
    "Allow: /faq/\n"         // 4
    "Disallow: /faq/tmp\n"); // 5

const std::function<bool(const std::string&)> kAll;

TEST(CheckUrl, AllowedByAnAllowLine) {
  auto c = check_url("https://example.jp/faq/q1", &kRobots, "senrei", kAll);
  EXPECT_TRUE(c.allowed);
  EXPECT_EQ(c.reason, "allowed by robots.txt line 4 'Allow: /faq/'");
}

TEST(CheckUrl, RefusedByADisallowLine) {
  auto c = check_url("https://example.jp/faq/tmp1", &kRobots, "senrei", kAll);
  EXPECT_FALSE(c.allowed);
  EXPECT_EQ(c.reason, "refused by robots.txt line 5 'Disallow: /faq/tmp'");
  EXPECT_EQ(c.kind, "robots");
}

TEST(CheckUrl, NoRuleMatches) {
  auto c = check_url("https://example.jp/index.html", &kRobots, "senrei", kAll);
  EXPECT_TRUE(c.allowed);
  EXPECT_EQ(c.reason, "allowed: no robots.txt rule matches");
}

TEST(CheckUrl, RobotsNotGiven) {
  auto c = check_url("https://example.jp/admin/", nullptr, "senrei", kAll);
  EXPECT_TRUE(c.allowed);
  EXPECT_EQ(c.reason, "allowed (robots.txt not checked)");
}

TEST(CheckUrl, CanonicalizedBeforeRobots) {
  // "/x/../admin/" is "/admin/"; %7E… decoded the same way robots.txt paths are.
  auto c = check_url("HTTPS://Example.JP/x/../admin/", &kRobots, "senrei", kAll);
  EXPECT_FALSE(c.allowed);
  EXPECT_EQ(c.reason, "refused by robots.txt line 2 'Disallow: /admin/'");
}

TEST(CheckUrl, SchemeNotHttp) {
  auto c = check_url("ftp://example.jp/file", &kRobots, "senrei", kAll);
  EXPECT_FALSE(c.allowed);
  EXPECT_EQ(c.reason, "refused: scheme ftp is not http(s)");
  EXPECT_EQ(check_url("file:///etc/passwd", nullptr, "senrei", kAll).reason,
            "refused: scheme file is not http(s)");
}

TEST(CheckUrl, PrivateAddress) {
  auto c = check_url("http://10.0.0.1/", nullptr, "senrei", kAll);
  EXPECT_FALSE(c.allowed);
  EXPECT_EQ(c.reason, "refused: private address (10.0.0.1 is a private address)");
  EXPECT_EQ(c.kind, "private_address");
  EXPECT_EQ(check_url("http://[::1]:8080/", nullptr, "senrei", kAll).reason,
            "refused: private address (::1 is a loopback address)");
  AddressPolicy local;
  local.allowed = {"127.0.0.1"};
  EXPECT_TRUE(check_url("http://127.0.0.1:8080/", nullptr, "senrei", kAll, local).allowed);
}

TEST(CheckUrl, Scope) {
  auto scope = [](const std::string& u) { return u.starts_with("https://example.jp/"); };
  auto c = check_url("https://other.jp/a", &kRobots, "senrei", scope);
  EXPECT_FALSE(c.allowed);
  EXPECT_EQ(c.reason, "refused: https://other.jp/a is outside the source's scope");
  EXPECT_TRUE(check_url("https://example.jp/a", &kRobots, "senrei", scope).allowed);
}

TEST(CheckUrl, Unparseable) {
  EXPECT_EQ(check_url("not a url", nullptr, "senrei", kAll).reason,
            "refused: not an absolute URL senrei can parse");
  EXPECT_FALSE(check_url("http://exa mple.jp/", nullptr, "senrei", kAll).allowed);
}

struct LiteralCase {
  const char* host;
  AddressKind kind;
};

TEST(AddressPolicy, LiteralRanges) {
  const LiteralCase cases[] = {
      {"8.8.8.8", AddressKind::kPublic},           {"10.1.2.3", AddressKind::kPrivate},
      {"172.16.0.1", AddressKind::kPrivate},       {"172.31.255.255", AddressKind::kPrivate},
      {"172.32.0.1", AddressKind::kPublic},        {"192.168.1.1", AddressKind::kPrivate},
      {"100.64.0.1", AddressKind::kPrivate},       {"127.0.0.1", AddressKind::kLoopback},
      {"127.255.0.9", AddressKind::kLoopback},     {"169.254.169.254", AddressKind::kLinkLocal},
      {"0.0.0.0", AddressKind::kUnspecified},      {"224.0.0.1", AddressKind::kMulticast},
      {"255.255.255.255", AddressKind::kReserved}, {"192.0.2.1", AddressKind::kReserved},
      {"::1", AddressKind::kLoopback},             {"::", AddressKind::kUnspecified},
      {"fe80::1", AddressKind::kLinkLocal},        {"fc00::1", AddressKind::kUniqueLocal},
      {"fd12:3456::1", AddressKind::kUniqueLocal}, {"ff02::1", AddressKind::kMulticast},
      {"::ffff:10.0.0.1", AddressKind::kPrivate},  {"::ffff:8.8.8.8", AddressKind::kPublic},
      {"64:ff9b::7f00:1", AddressKind::kLoopback}, {"2001:db8::1", AddressKind::kReserved},
      {"2400:cb00::1", AddressKind::kPublic},      {"[::1]", AddressKind::kLoopback},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.host);
    auto kind = classify_ip_literal(c.host);
    ASSERT_TRUE(kind);
    EXPECT_EQ(*kind, c.kind);
  }
  EXPECT_FALSE(classify_ip_literal("renkei-support.mhlw.go.jp"));
}

TEST(AddressPolicy, SocketAddressRefusal) {
  sockaddr_in v4{};
  v4.sin_family = AF_INET;
  inet_pton(AF_INET, "192.168.0.10", &v4.sin_addr);
  AddressPolicy policy;
  EXPECT_EQ(policy.refusal(reinterpret_cast<sockaddr*>(&v4)), "192.168.0.10 is a private address");
  policy.allowed = {"192.168.0.10"};
  EXPECT_EQ(policy.refusal(reinterpret_cast<sockaddr*>(&v4)), "");
  sockaddr_in6 v6{};
  v6.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "fe80::2", &v6.sin6_addr);
  EXPECT_EQ(policy.refusal(reinterpret_cast<sockaddr*>(&v6)), "fe80::2 is a link-local address");
  AddressPolicy open;
  open.allow_private = true;
  EXPECT_EQ(open.refusal(reinterpret_cast<sockaddr*>(&v6)), "");
}

}  // namespace
}  // namespace senrei
