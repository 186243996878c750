// cli/network_cause.hpp — why a site could not be reached, in one line per source and host.
//
// Without a network a crawl failed every page with the same transport error, and every page
// queued behind an unreachable robots.txt as "robots.txt unreachable; everything disallowed",
// which reads as "the ministry blocks us".  The crawl command instead collects, per source, the
// transport errors (libcurl's text: "Could not resolve host", "Connection refused", an SSL
// error, "Could not resolve proxy", "timed out") by host, and prints one line for each host:
// what went wrong and what to check; the pages it cost are counted, not listed.
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawl/crawler.hpp"

namespace senrei::cli {

struct NetworkCause {
  std::string code;   // "dns", "refused", "tls", "proxy", "timeout"
  std::string what;   // "name not resolved"
  std::string check;  // "check the network connection, DNS and the proxy setting"
};

// The cause a transport error's text names, or nullopt when it names none of the above.
std::optional<NetworkCause> network_cause(std::string_view error_text);

// The host (origin) of a URL: "https://www.mhlw.go.jp".
std::string origin_of_url(std::string_view url);

// Per source: the transport errors seen for each host (from the fetcher's notes and the
// failures), and the failures they explain.
class ReachReport {
 public:
  // A fetcher note "robots.txt for ORIGIN unreachable: DETAIL".  True when it was taken (the
  // caller then need not print it).
  bool take_note(std::string_view note);
  // Whether the failure is explained by a host's transport error: counted, and true.
  bool explains(const CrawlFailure& failure);
  // One line per unreachable host, "cannot reach HOST (what): check … — pages not fetched: N".
  std::vector<std::string> lines(std::string_view source) const;

 private:
  struct Host {
    NetworkCause cause;
    std::size_t pages = 0;
  };
  std::map<std::string, Host> hosts_;
};

}  // namespace senrei::cli
