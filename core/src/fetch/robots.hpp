// fetch/robots.hpp — robots.txt rules (RFC 9309) and what a fetch of robots.txt means.
//
// RobotsRules::parse never fails: anything it does not understand is skipped, as the RFC asks.
// Only the first kRobotsMaxBytes are read.  check() takes the path and query of a URL and the
// crawler's product token ("senrei", or a whole User-Agent string, whose token is used) and
// says whether it may be fetched and which line decided it.  Immutable after construction;
// const methods are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace senrei {

// RFC 9309 §2.5 asks for at least 500 KiB; more is ignored.
inline constexpr size_t kRobotsMaxBytes = 512 * 1024;

class RobotsRules {
 public:
  struct Verdict {
    bool allowed = true;
    int line = 0;      // 1-based line of the deciding rule; 0 when no rule decided
    std::string rule;  // e.g. "Disallow: /private/"; or why no rule applied
  };

  static RobotsRules parse(std::string_view text);
  static RobotsRules allow_all(std::string reason = "no robots.txt rules");
  static RobotsRules disallow_all(std::string reason = "robots.txt unavailable");

  // What a fetch of /robots.txt means (RFC 9309 §2.3.1): 2xx → its rules; 4xx (also a redirect
  // chain too long, passed as a 3xx) → allow all; 429, 5xx and unreachable (status 0) →
  // disallow all, to be fetched again later.
  static RobotsRules from_fetch(int status, std::string_view body);
  // True for the outcomes from_fetch turns into a temporary disallow-all.
  static bool is_temporary_failure(int status);

  Verdict check(std::string_view path_and_query, std::string_view agent) const;
  // Crawl-delay (not in RFC 9309, but widely written) of the group that applies, in seconds.
  std::optional<double> crawl_delay(std::string_view agent) const;

  size_t group_count() const { return groups_.size(); }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // escapes normalised; runs of "*" collapsed
    int line = 0;
    std::string text;
  };
  struct Group {
    std::vector<std::string> agents;  // lower-case product tokens; "*" for any
    std::vector<Rule> rules;
    std::optional<double> crawl_delay;
  };

  std::vector<const Group*> groups_for(std::string_view agent) const;

  std::vector<Group> groups_;
  bool fixed_ = false;  // allow_all / disallow_all: no groups consulted
  bool fixed_allowed_ = true;
  std::string fixed_reason_;
};

// The product token of a User-Agent value: "senrei/0.1 (+https://…)" → "senrei", lower case.
std::string robots_product_token(std::string_view user_agent);

}  // namespace senrei
