// fetch/address_policy.cpp — IP range classification (IANA special-purpose registries).
#include "fetch/address_policy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace senrei {
namespace {

AddressKind classify_v4(uint32_t a) {  // host byte order
  auto in = [a](uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  if (in(0x00000000, 8)) return AddressKind::kUnspecified;
  if (in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x64400000, 10))
    return AddressKind::kPrivate;
  if (in(0x7F000000, 8)) return AddressKind::kLoopback;
  if (in(0xA9FE0000, 16)) return AddressKind::kLinkLocal;
  if (in(0xE0000000, 4)) return AddressKind::kMulticast;
  if (in(0xC0000000, 24) || in(0xC0000200, 24) || in(0xC6336400, 24) || in(0xCB007100, 24) ||
      in(0xC6120000, 15) || in(0xF0000000, 4))
    return AddressKind::kReserved;  // also covers 255.255.255.255
  return AddressKind::kPublic;
}

AddressKind classify_v6(const unsigned char* b) {
  static const unsigned char kZero[16] = {};
  auto v4_at = [b](int i) {
    return (uint32_t{b[i]} << 24) | (uint32_t{b[i + 1]} << 16) | (uint32_t{b[i + 2]} << 8) | b[i + 3];
  };
  if (std::memcmp(b, kZero, 15) == 0 && b[15] <= 1)
    return b[15] == 1 ? AddressKind::kLoopback : AddressKind::kUnspecified;
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMapped, 12) == 0) return classify_v4(v4_at(12));
  static const unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kNat64, 12) == 0) return classify_v4(v4_at(12));
  if (std::memcmp(b, kZero, 12) == 0) return AddressKind::kReserved;  // IPv4-compatible
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressKind::kLinkLocal;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressKind::kPrivate;
  if ((b[0] & 0xfe) == 0xfc) return AddressKind::kUniqueLocal;
  if (b[0] == 0xff) return AddressKind::kMulticast;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressKind::kReserved;
  return AddressKind::kPublic;
}

}  // namespace

const char* describe(AddressKind kind) {
  switch (kind) {
    case AddressKind::kPublic: return "public address";
    case AddressKind::kPrivate: return "private address";
    case AddressKind::kLoopback: return "loopback address";
    case AddressKind::kLinkLocal: return "link-local address";
    case AddressKind::kUniqueLocal: return "unique-local address";
    case AddressKind::kUnspecified: return "unspecified address";
    case AddressKind::kMulticast: return "multicast address";
    case AddressKind::kReserved: return "reserved address";
  }
  return "address";
}

AddressKind classify_address(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    return classify_v4(ntohl(v4.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 v6;
    std::memcpy(&v6, address, sizeof v6);
    return classify_v6(v6.sin6_addr.s6_addr);
  }
  return AddressKind::kReserved;
}

std::optional<AddressKind> classify_ip_literal(std::string_view host) {
  std::string h(host);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  in_addr v4;
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return classify_v4(ntohl(v4.s_addr));
  in6_addr v6;
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) return classify_v6(v6.s6_addr);
  return std::nullopt;
}

std::string address_text(const sockaddr* address) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    inet_ntop(AF_INET, &v4.sin_addr, buf, sizeof buf);
  } else if (address->sa_family == AF_INET6) {
    sockaddr_in6 v6;
    std::memcpy(&v6, address, sizeof v6);
    inet_ntop(AF_INET6, &v6.sin6_addr, buf, sizeof buf);
  } else {
    return "(non-IP address)";
  }
  return buf;
}

std::string AddressPolicy::refusal(const sockaddr* address) const {
  if (allow_private) return {};
  AddressKind kind = classify_address(address);
  if (kind == AddressKind::kPublic) return {};
  std::string text = address_text(address);
  if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return {};
  return text + " is a " + describe(kind);
}

std::string AddressPolicy::refusal_for_host(std::string_view host) const {
  if (allow_private) return {};
  auto kind = classify_ip_literal(host);
  if (!kind || *kind == AddressKind::kPublic) return {};
  // Compare in the same numeric text the socket check uses ("::1", not "0::1").
  std::string h(host);
  unsigned char buf[16];
  char text[INET6_ADDRSTRLEN] = {};
  if (inet_pton(AF_INET, h.c_str(), buf) == 1) {
    inet_ntop(AF_INET, buf, text, sizeof text);
  } else if (inet_pton(AF_INET6, h.c_str(), buf) == 1) {
    inet_ntop(AF_INET6, buf, text, sizeof text);
  }
  if (std::find(allowed.begin(), allowed.end(), std::string(text)) != allowed.end()) return {};
  return std::string(text) + " is a " + describe(*kind);
}

}  // namespace senrei
