// Tests for senrei/url.hpp and url/uri_reference.hpp.
#include <gtest/gtest.h>

#include <string>

#include "senrei/url.hpp"
#include "url/uri_reference.hpp"

namespace senrei {
namespace {

struct ResolveCase {
  const char* ref;
  const char* strict;     // RFC 3986 §5.4, exactly
  const char* canonical;  // what resolve_url returns: fragment dropped, empty path "/"
};

// RFC 3986 §5.4.1 and §5.4.2, base "http://a/b/c/d;p?q".
const ResolveCase kRfcExamples[] = {
    {"g:h", "g:h", "g:h"},
    {"g", "http://a/b/c/g", "http://a/b/c/g"},
    {"./g", "http://a/b/c/g", "http://a/b/c/g"},
    {"g/", "http://a/b/c/g/", "http://a/b/c/g/"},
    {"/g", "http://a/g", "http://a/g"},
    {"//g", "http://g", "http://g/"},
    {"?y", "http://a/b/c/d;p?y", "http://a/b/c/d;p?y"},
    {"g?y", "http://a/b/c/g?y", "http://a/b/c/g?y"},
    {"#s", "http://a/b/c/d;p?q#s", "http://a/b/c/d;p?q"},
    {"g#s", "http://a/b/c/g#s", "http://a/b/c/g"},
    {"g?y#s", "http://a/b/c/g?y#s", "http://a/b/c/g?y"},
    {";x", "http://a/b/c/;x", "http://a/b/c/;x"},
    {"g;x", "http://a/b/c/g;x", "http://a/b/c/g;x"},
    {"g;x?y#s", "http://a/b/c/g;x?y#s", "http://a/b/c/g;x?y"},
    {"", "http://a/b/c/d;p?q", "http://a/b/c/d;p?q"},
    {".", "http://a/b/c/", "http://a/b/c/"},
    {"./", "http://a/b/c/", "http://a/b/c/"},
    {"..", "http://a/b/", "http://a/b/"},
    {"../", "http://a/b/", "http://a/b/"},
    {"../g", "http://a/b/g", "http://a/b/g"},
    {"../..", "http://a/", "http://a/"},
    {"../../", "http://a/", "http://a/"},
    {"../../g", "http://a/g", "http://a/g"},
    // §5.4.2 abnormal examples.
    {"../../../g", "http://a/g", "http://a/g"},
    {"../../../../g", "http://a/g", "http://a/g"},
    {"/./g", "http://a/g", "http://a/g"},
    {"/../g", "http://a/g", "http://a/g"},
    {"g.", "http://a/b/c/g.", "http://a/b/c/g."},
    {".g", "http://a/b/c/.g", "http://a/b/c/.g"},
    {"g..", "http://a/b/c/g..", "http://a/b/c/g.."},
    {"..g", "http://a/b/c/..g", "http://a/b/c/..g"},
    {"./../g", "http://a/b/g", "http://a/b/g"},
    {"./g/.", "http://a/b/c/g/", "http://a/b/c/g/"},
    {"g/./h", "http://a/b/c/g/h", "http://a/b/c/g/h"},
    {"g/../h", "http://a/b/c/h", "http://a/b/c/h"},
    {"g;x=1/./y", "http://a/b/c/g;x=1/y", "http://a/b/c/g;x=1/y"},
    {"g;x=1/../y", "http://a/b/c/y", "http://a/b/c/y"},
    {"g?y/./x", "http://a/b/c/g?y/./x", "http://a/b/c/g?y/./x"},
    {"g?y/../x", "http://a/b/c/g?y/../x", "http://a/b/c/g?y/../x"},
    {"g#s/./x", "http://a/b/c/g#s/./x", "http://a/b/c/g"},
    {"g#s/../x", "http://a/b/c/g#s/../x", "http://a/b/c/g"},
    {"http:g", "http:g", "http:g"},  // strict parser
};

TEST(ResolveReference, Rfc3986Section54Examples) {
  auto base = url_detail::split_reference("http://a/b/c/d;p?q");
  ASSERT_TRUE(base);
  for (const auto& c : kRfcExamples) {
    SCOPED_TRACE(c.ref);
    auto ref = url_detail::split_reference(c.ref);
    ASSERT_TRUE(ref);
    EXPECT_EQ(url_detail::resolve_reference(*base, *ref).str(), c.strict);
  }
}

TEST(ResolveUrl, Rfc3986Section54ExamplesCanonical) {
  for (const auto& c : kRfcExamples) {
    SCOPED_TRACE(c.ref);
    auto got = resolve_url("http://a/b/c/d;p?q", c.ref);
    ASSERT_TRUE(got);
    EXPECT_EQ(*got, c.canonical);
  }
}

TEST(RemoveDotSegments, Section524Examples) {
  EXPECT_EQ(url_detail::remove_dot_segments("/a/b/c/./../../g"), "/a/g");
  EXPECT_EQ(url_detail::remove_dot_segments("mid/content=5/../6"), "mid/6");
  EXPECT_EQ(url_detail::remove_dot_segments("/.."), "/");
  EXPECT_EQ(url_detail::remove_dot_segments("/a/.."), "/");
  EXPECT_EQ(url_detail::remove_dot_segments(""), "");
}

TEST(CanonicalizeUrl, SchemeAndHostLowerCasedPathCaseKept) {
  EXPECT_EQ(canonicalize_url("HTTP://Renkei-Support.MHLW.go.JP/Case/A.html"),
            "http://renkei-support.mhlw.go.jp/Case/A.html");
}

TEST(CanonicalizeUrl, DefaultPortDroppedOtherPortKept) {
  EXPECT_EQ(canonicalize_url("http://example.jp:80/a"), "http://example.jp/a");
  EXPECT_EQ(canonicalize_url("https://example.jp:443/a"), "https://example.jp/a");
  EXPECT_EQ(canonicalize_url("http://example.jp:0080/a"), "http://example.jp/a");
  EXPECT_EQ(canonicalize_url("https://example.jp:80/a"), "https://example.jp:80/a");
  EXPECT_EQ(canonicalize_url("http://example.jp:8080/a"), "http://example.jp:8080/a");
  EXPECT_EQ(canonicalize_url("http://example.jp:/a"), "http://example.jp/a");
}

TEST(CanonicalizeUrl, EmptyPathBecomesSlash) {
  EXPECT_EQ(canonicalize_url("http://example.jp"), "http://example.jp/");
  EXPECT_EQ(canonicalize_url("http://example.jp?x=1"), "http://example.jp/?x=1");
}

TEST(CanonicalizeUrl, FragmentDropped) {
  EXPECT_EQ(canonicalize_url("http://example.jp/a#top"), "http://example.jp/a");
  EXPECT_EQ(canonicalize_url("http://example.jp/a?b#c?d"), "http://example.jp/a?b");
}

TEST(CanonicalizeUrl, DotSegmentsRemovedIncludingEncodedDots) {
  EXPECT_EQ(canonicalize_url("http://example.jp/a/./b/../c"), "http://example.jp/a/c");
  EXPECT_EQ(canonicalize_url("http://example.jp/a/%2E%2E/c"), "http://example.jp/c");
  EXPECT_EQ(canonicalize_url("http://example.jp/../../x"), "http://example.jp/x");
}

TEST(CanonicalizeUrl, PercentEncodingNormalised) {
  // %7E is "~" and %41 "A": unreserved, decoded.  %2f stays encoded (reserved), hex upper.
  EXPECT_EQ(canonicalize_url("http://example.jp/%7Euser/%41%2f%3a"),
            "http://example.jp/~user/A%2F%3A");
  // A lone "%" is encoded; so are "%G1" and a trailing "%4".
  EXPECT_EQ(canonicalize_url("http://example.jp/100%/a%G1/b%4"),
            "http://example.jp/100%25/a%25G1/b%254");
  EXPECT_EQ(canonicalize_url("http://example.jp/a b?q=c d"), "http://example.jp/a%20b?q=c%20d");
  EXPECT_EQ(canonicalize_url("http://example.jp/a\"<>\\^`{|}"),
            "http://example.jp/a%22%3C%3E%5C%5E%60%7B%7C%7D");
  // "+" and "=" and "&" keep their meaning in a query; "?" and "/" are allowed there.
  EXPECT_EQ(canonicalize_url("http://example.jp/s?q=a+b&r=/x?y"), "http://example.jp/s?q=a+b&r=/x?y");
}

TEST(CanonicalizeUrl, JapanesePathAndQueryEncodedAsUtf8) {
  // 先例 = E5 85 88 E4 BE 8B; 事例 = E4 BA 8B E4 BE 8B.
  EXPECT_EQ(canonicalize_url("http://example.jp/先例/?q=事例"),
            "http://example.jp/%E5%85%88%E4%BE%8B/?q=%E4%BA%8B%E4%BE%8B");
  // Already encoded in lower case: the same canonical text.
  EXPECT_EQ(canonicalize_url("http://example.jp/%e5%85%88%e4%be%8b/?q=%E4%BA%8B%E4%BE%8B"),
            "http://example.jp/%E5%85%88%E4%BE%8B/?q=%E4%BA%8B%E4%BE%8B");
}

TEST(CanonicalizeUrl, IdnHostInPunycodeAsBrowsersSendIt) {
  EXPECT_EQ(canonicalize_url("http://例え.JP/"), "http://xn--r8jz45g.jp/");
}

TEST(CanonicalizeUrl, UserinfoDropped) {
  EXPECT_EQ(canonicalize_url("http://user:pw@Example.jp/a"), "http://example.jp/a");
  EXPECT_EQ(canonicalize_url("http://a@b@example.jp/"), "http://example.jp/");
}

TEST(CanonicalizeUrl, Ipv6) {
  EXPECT_EQ(canonicalize_url("http://[::1]:80/"), "http://[::1]/");
  EXPECT_EQ(canonicalize_url("http://[2001:DB8::1]:8080/x"), "http://[2001:db8::1]:8080/x");
  auto u = parse_url("http://[::1]:8080/x");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->host, "::1");
  EXPECT_EQ(u->port, 8080);
}

TEST(CanonicalizeUrl, EmptyQueryKept) {
  EXPECT_EQ(canonicalize_url("http://example.jp/a?"), "http://example.jp/a?");
}

TEST(CanonicalizeUrl, WhitespaceAroundAndInsideHrefRemoved) {
  EXPECT_EQ(canonicalize_url("  http://exa\tmple.jp/a\n/b \r\n"), "http://example.jp/a/b");
}

TEST(CanonicalizeUrl, Idempotent) {
  const char* inputs[] = {"http://example.jp/先例?q=a b#x", "HTTPS://A.B:443/%7e/./../c?%zz",
                          "http://[::1]/", "mailto:Someone@Example.jp"};
  for (const char* in : inputs) {
    SCOPED_TRACE(in);
    auto once = canonicalize_url(in);
    ASSERT_TRUE(once);
    EXPECT_EQ(canonicalize_url(*once), once);
  }
}

TEST(CanonicalizeUrl, NonHierarchicalSchemesKeepTheirShape) {
  EXPECT_EQ(canonicalize_url("MAILTO:Someone@Example.jp"), "mailto:Someone@Example.jp");
  EXPECT_EQ(canonicalize_url("file:///etc/passwd"), "file:///etc/passwd");
}

TEST(CanonicalizeUrl, HostileInputRefused) {
  EXPECT_FALSE(canonicalize_url(""));
  EXPECT_FALSE(canonicalize_url("/relative/path"));
  EXPECT_FALSE(canonicalize_url("http://"));
  EXPECT_FALSE(canonicalize_url("http:///path"));
  EXPECT_FALSE(canonicalize_url("http://exa mple.jp/"));
  EXPECT_FALSE(canonicalize_url("http://example.jp:99999/"));
  EXPECT_FALSE(canonicalize_url("http://example.jp:0/"));
  EXPECT_FALSE(canonicalize_url("http://example.jp:8o/"));
  EXPECT_FALSE(canonicalize_url("http://example.jp:-1/"));
  EXPECT_FALSE(canonicalize_url("http://[::1/"));
  EXPECT_FALSE(canonicalize_url("http://[::1]x/"));
  EXPECT_FALSE(canonicalize_url("http://[fe80::1%25eth0]/"));
  EXPECT_FALSE(canonicalize_url("http://exa%00mple.jp/"));
  EXPECT_FALSE(canonicalize_url("http://exa%2Fmple.jp/"));
  EXPECT_FALSE(canonicalize_url("http://exa%zzmple.jp/"));
  EXPECT_FALSE(canonicalize_url("1http://example.jp/"));
  EXPECT_FALSE(canonicalize_url(std::string(url_detail::kMaxUrlLength + 1, 'a')));
  std::string with_nul = "http://example.jp/a";
  with_nul += '\0';
  with_nul += "b";
  EXPECT_EQ(canonicalize_url(with_nul), "http://example.jp/a%00b");
}

TEST(CanonicalizeUrl, DeepDotSegmentsStayLinear) {
  std::string path;
  for (int i = 0; i < 3000; ++i) path += "/a";
  for (int i = 0; i < 1000; ++i) path += "/..";
  auto got = canonicalize_url("http://example.jp" + path);
  ASSERT_TRUE(got);
  std::string want = "http://example.jp";
  for (int i = 0; i < 2000; ++i) want += "/a";
  EXPECT_EQ(got, want + "/");
}

TEST(ResolveUrl, RelativeAgainstJapanesePage) {
  EXPECT_EQ(resolve_url("http://renkei-support.mhlw.go.jp/事例/一覧.html", "詳細.html?id=3#a"),
            "http://renkei-support.mhlw.go.jp/%E4%BA%8B%E4%BE%8B/"
            "%E8%A9%B3%E7%B4%B0.html?id=3");
  EXPECT_EQ(resolve_url("https://example.jp/a/b", "//other.jp"), "https://other.jp/");
  EXPECT_EQ(resolve_url("https://example.jp/a/b", " ../c "), "https://example.jp/c");
  EXPECT_EQ(resolve_url("https://example.jp/a/b", "javascript:void(0)"), "javascript:void(0)");
}

TEST(ResolveUrl, PathStartingWithTwoSlashesWithoutAuthorityStaysAPath) {
  // Found by fuzzing: "g:" + "//x" would re-parse with "x" as a host.
  EXPECT_EQ(resolve_url("g:h", "/.//x"), "g:/.//x");
  EXPECT_EQ(canonicalize_url("g:/.//x"), "g:/.//x");
}

TEST(ResolveUrl, UnusableBaseOrRef) {
  EXPECT_FALSE(resolve_url("/not/absolute", "x"));
  EXPECT_FALSE(resolve_url("http://example.jp/", "http://bad host/"));
  EXPECT_FALSE(resolve_url("http://example.jp/", "1x:y"));
}

TEST(Url, Parts) {
  auto u = parse_url("HTTPS://Example.JP:8443/a/%7Eb?x=1&y=先#frag");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "example.jp");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->path, "/a/~b");
  EXPECT_TRUE(u->has_query);
  EXPECT_EQ(u->query, "x=1&y=%E5%85%88");
  EXPECT_EQ(u->origin(), "https://example.jp:8443");
  EXPECT_EQ(u->path_and_query(), "/a/~b?x=1&y=%E5%85%88");
  EXPECT_EQ(u->str(), "https://example.jp:8443/a/~b?x=1&y=%E5%85%88");
}

TEST(Url, ParseRefusesNonAuthorityUrls) {
  EXPECT_FALSE(parse_url("mailto:a@b.jp"));
  EXPECT_FALSE(parse_url("g:h"));
  auto f = parse_url("file:///etc/passwd");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->scheme, "file");
  EXPECT_EQ(f->host, "");
  EXPECT_EQ(f->path, "/etc/passwd");
}

// Internationalized host names as browsers send them: UTS #46 mapping, then punycode
// (libidn2), so scope, robots.txt and fetching see the name DNS knows.
TEST(CanonicalizeUrl, InternationalizedHostIsPunycode) {
  EXPECT_EQ(canonicalize_url("http://みなと県.jp/"), "http://xn--o9jd6d4621b.jp/");
  // Percent-encoded UTF-8 in a host is the same name.
  EXPECT_EQ(canonicalize_url("http://%E3%81%BF%E3%81%AA%E3%81%A8%E7%9C%8C.jp/"),
            "http://xn--o9jd6d4621b.jp/");
  // Full-width letters and full stops map to ASCII; upper case folds.
  EXPECT_EQ(canonicalize_url("https://ＷＷＷ．ｍｈｌｗ．ｇｏ．ｊｐ/a"), "https://www.mhlw.go.jp/a");
  // A resolved link on such a host stays on the punycode host.
  EXPECT_EQ(resolve_url("http://みなと県.jp/a/", "b.html"), "http://xn--o9jd6d4621b.jp/a/b.html");
  // Punycode as written is kept.
  EXPECT_EQ(canonicalize_url("http://XN--O9JD6D4621B.jp/"), "http://xn--o9jd6d4621b.jp/");
  // A name UTS #46 refuses is not a host (a lone combining mark starts no label).
  EXPECT_EQ(canonicalize_url("http://\xCC\x81" "a.jp/"), std::nullopt);
}

TEST(DisplayUrl, PunycodeHostShownInUnicode) {
  EXPECT_EQ(display_host("xn--o9jd6d4621b.jp"), "みなと県.jp");
  EXPECT_EQ(display_host("www.mhlw.go.jp"), "www.mhlw.go.jp");
  EXPECT_EQ(display_url("http://xn--o9jd6d4621b.jp/xn--path?q=1"), "http://みなと県.jp/xn--path?q=1");
  EXPECT_EQ(display_url("http://www.example.jp/"), "http://www.example.jp/");
}

}  // namespace
}  // namespace senrei
