// fetch/url_check.cpp — the fetcher's pre-request decisions, as one pure function.
#include "fetch/url_check.hpp"

#include "senrei/url.hpp"

namespace senrei {

UrlCheck check_url(std::string_view url, const RobotsRules* robots, std::string_view agent,
                   const std::function<bool(const std::string&)>& scope,
                   const AddressPolicy& addresses) {
  auto canonical = canonicalize_url(url);
  if (!canonical) return {false, "refused: not an absolute URL senrei can parse", "protocol"};
  auto scheme_end = canonical->find(':');
  std::string scheme = canonical->substr(0, scheme_end);
  if (scheme != "http" && scheme != "https")
    return {false, "refused: scheme " + scheme + " is not http(s)", "protocol"};
  auto parsed = parse_url(*canonical);
  if (!parsed) return {false, "refused: not an absolute URL senrei can parse", "protocol"};
  if (std::string why = addresses.refusal_for_host(parsed->host); !why.empty())
    return {false, "refused: private address (" + why + ")", "private_address"};
  if (scope && !scope(*canonical))
    return {false, "refused: " + *canonical + " is outside the source's scope", "scope"};
  if (!robots) return {true, "allowed (robots.txt not checked)", ""};
  auto v = robots->check(parsed->path_and_query(), agent);
  if (v.line > 0) {
    return {v.allowed,
            std::string(v.allowed ? "allowed by" : "refused by") + " robots.txt line " +
                std::to_string(v.line) + " '" + v.rule + "'",
            v.allowed ? "" : "robots"};
  }
  return {v.allowed, std::string(v.allowed ? "allowed: " : "refused: ") + v.rule, v.allowed ? "" : "robots"};
}

}  // namespace senrei
