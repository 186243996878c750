// fetch/address_policy.hpp — which IP addresses a crawler may connect to.
//
// A link on a public page must not make senrei talk to the machine it runs on or to the
// planner's intranet (SSRF): private, loopback, link-local, unique-local and other
// non-public ranges are refused unless the caller allows the address explicitly (tests,
// a local mirror server).  Checked on the resolved socket address just before connect
// (HttpFetcher) and on literal hosts in URLs (check_url).  Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace senrei {

enum class AddressKind {
  kPublic,
  kPrivate,      // RFC 1918, 100.64/10 shared, fec0::/10 site-local
  kLoopback,     // 127/8, ::1
  kLinkLocal,    // 169.254/16, fe80::/10
  kUniqueLocal,  // fc00::/7
  kUnspecified,  // 0/8, ::
  kMulticast,    // 224/4, ff00::/8
  kReserved,     // documentation, benchmarking, 240/4, broadcast, IPv4-compatible IPv6
};

// "private address", "loopback address", … for messages.
const char* describe(AddressKind kind);

// Classifies a socket address (AF_INET or AF_INET6; anything else is kReserved).  IPv4-mapped
// and NAT64 IPv6 addresses are classified by the IPv4 address inside.
AddressKind classify_address(const sockaddr* address);
// Classifies a literal IPv4/IPv6 host ("10.0.0.1", "::1"); nullopt when it is a name.
std::optional<AddressKind> classify_ip_literal(std::string_view host);
// Numeric text of a socket address ("127.0.0.1", "::1").
std::string address_text(const sockaddr* address);

struct AddressPolicy {
  bool allow_private = false;          // every address allowed
  std::vector<std::string> allowed;    // numeric addresses allowed although not public

  // Empty when `address` may be connected to; otherwise why not, e.g.
  // "10.0.0.1 is a private address".
  std::string refusal(const sockaddr* address) const;
  std::string refusal_for_host(std::string_view host) const;  // literal hosts only
};

}  // namespace senrei
