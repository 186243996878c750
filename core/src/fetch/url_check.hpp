// fetch/url_check.hpp — may senrei fetch this URL?  (`senrei check-url`)
//
// The same decisions the HttpFetcher makes before a request, without the network: the URL
// parses, its scheme is http(s), a literal host is not a private address, it is in scope, and
// robots.txt (when given) allows it.  Names are not resolved, so a name that resolves to a
// private address passes here and is refused by the fetcher at connect time.  Pure.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "fetch/address_policy.hpp"
#include "fetch/robots.hpp"

namespace senrei {

struct UrlCheck {
  bool allowed = false;
  // e.g. "allowed by robots.txt line 4 'Allow: /faq/'", "refused: private address
  // (10.0.0.1 is a private address)", "refused: scheme ftp is not http(s)".
  std::string reason;
  std::string kind;  // the FetchResponse::error_kind it would get; empty when allowed
};

// `robots` may be null (not checked); an empty `scope` means everything is in scope.
UrlCheck check_url(std::string_view url, const RobotsRules* robots, std::string_view agent,
                   const std::function<bool(const std::string&)>& scope,
                   const AddressPolicy& addresses = {});

}  // namespace senrei
