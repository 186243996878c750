#include "cli/network_cause.hpp"

#include <algorithm>

#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"

namespace senrei::cli {
namespace {

bool has(std::string_view text, std::string_view word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                    std::tolower(static_cast<unsigned char>(b)); });
  return it != text.end();
}

}  // namespace

std::optional<NetworkCause> network_cause(std::string_view e) {
  if (has(e, "resolve proxy") || has(e, "proxy connect") || has(e, "proxy handshake") || has(e, "from proxy"))
    return NetworkCause{"proxy", tr("the proxy failed"),
                        tr("check the proxy setting (https_proxy, http_proxy) and that the proxy is up")};
  if (has(e, "could not resolve") || has(e, "couldn't resolve"))
    return NetworkCause{"dns", tr("name not resolved"),
                        tr("check the network connection, DNS, the proxy setting (https_proxy) and the host name")};
  if (has(e, "connection refused") || has(e, "failed to connect") || has(e, "couldn't connect"))
    return NetworkCause{"refused", tr("connection refused"),
                        tr("check that the site is up and that a firewall or proxy lets senrei through")};
  if (has(e, "ssl") || has(e, "tls") || has(e, "certificate"))
    return NetworkCause{"tls", tr("the TLS (HTTPS) connection failed"),
                        tr("check this machine's date and time, the CA certificates (ca-certificates), or a "
                           "proxy that intercepts HTTPS")};
  if (has(e, "timed out") || has(e, "timeout"))
    return NetworkCause{"timeout", tr("no answer in time"), tr("check the network connection and the proxy setting")};
  return std::nullopt;
}

std::string origin_of_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const auto end = url.find_first_of("/?#", scheme + 3);
  return std::string(url.substr(0, end));
}

bool ReachReport::take_note(std::string_view note) {
  constexpr std::string_view kStart = "robots.txt for ";
  constexpr std::string_view kMid = " unreachable: ";
  if (note.substr(0, kStart.size()) != kStart) return false;
  const auto mid = note.find(kMid);
  if (mid == std::string_view::npos) return false;
  const auto cause = network_cause(note.substr(mid + kMid.size()));
  if (!cause) return false;
  const std::string host = origin_of_url(note.substr(kStart.size(), mid - kStart.size()));
  hosts_.try_emplace(host, Host{*cause, 0});
  return true;
}

bool ReachReport::explains(const CrawlFailure& f) {
  const std::string host = origin_of_url(f.url);
  if (f.kind == "network" || f.kind == "timeout") {
    if (auto cause = network_cause(f.message)) {
      auto& h = hosts_.try_emplace(host, Host{*cause, 0}).first->second;
      ++h.pages;
      return true;
    }
    return false;
  }
  if (f.kind == "robots") {  // queued behind an unreachable robots.txt of a host seen above
    auto it = hosts_.find(host);
    if (it == hosts_.end() || f.message.find("unreachable") == std::string::npos) return false;
    ++it->second.pages;
    return true;
  }
  return false;
}

std::vector<std::string> ReachReport::lines(std::string_view source) const {
  std::vector<std::string> out;
  for (const auto& [host, h] : hosts_) {
    const auto scheme = host.find("://");
    const std::string name = scheme == std::string::npos ? host : host.substr(scheme + 3);
    out.push_back(fill(tr("{1}: cannot reach {2} ({3}): {4} — pages not fetched: {5}"),
                       {source, name, h.cause.what, h.cause.check, std::to_string(h.pages)}));
  }
  return out;
}

}  // namespace senrei::cli
