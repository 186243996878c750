// `senrei check-url`: the fetcher's decisions for one URL, without the network (fetch/url_check.hpp).
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "fetch/url_check.hpp"
#include "i18n/i18n.hpp"
#include "plugin/plugin_door.hpp"
#include "plugin/plugin_worker.hpp"
#include "senrei/url.hpp"

namespace senrei::cli {
namespace {

constexpr int kRefused = 3;

// Whether the source claims the URL, asked through the door under the crawl's plugin deadline
// (a plugin that throws does not claim it, as in a crawl); a call that does not return in time
// leaves `error` set.
bool claims(const LoadedSource& s, const std::string& url, std::chrono::milliseconds limit, std::string& error) {
  auto in = PluginDoor(*s.source, s.info, limit).in_scope({url});
  if (!in) {
    error = in.error().message;
    return false;
  }
  return !in->empty() && (*in)[0] != 0;
}

std::string read_robots(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError(trf("--robots {1}: cannot read it ({2})", {file, std::strerror(errno)}));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int run_check_url(Context& ctx, const Args& args) {
  if (args.positional.size() != 1) throw UsageError(tr("check-url takes one URL (e.g. senrei check-url http://example.jp/a/)"));
  const std::string url = args.positional[0];
  const std::string agent = args.get("agent", "senrei");
  if (agent.empty()) throw UsageError(tr("--agent needs a product token, e.g. senrei"));

  // Which sources' scope is checked: the one named, else every source (senrei fetches a URL
  // only for a source that claims it).
  std::vector<const LoadedSource*> sources;
  if (args.has("source")) {
    const auto* s = ctx.plugins().find(args.get("source"));
    if (!s) throw UsageError(trf("no source named '{1}' (see senrei sources)", {args.get("source")}));
    sources.push_back(s);
  } else {
    for (const auto& s : ctx.plugins().sources()) sources.push_back(&s);
  }
  // Every call into a plugin runs under the crawl's deadline (plugin/plugin_door.hpp).
  const auto limit = std::chrono::milliseconds(1000 * args.get_int("plugin-timeout", 30, 0, 86400));
  std::vector<std::string> claimed_by;
  std::vector<std::string> timeouts;  // sources whose in_scope() did not return in time
  auto scope = [&](const std::string& u) {
    claimed_by.clear();
    for (const auto* s : sources) {
      std::string error;
      if (claims(*s, u, limit, error)) claimed_by.push_back(s->info.name);
      if (!error.empty()) timeouts.push_back(error);
    }
    return !claimed_by.empty();
  };

  std::optional<RobotsRules> robots;
  if (args.has("robots")) robots = RobotsRules::parse(read_robots(args.get("robots")));
  AddressPolicy addresses;
  addresses.allow_private = args.has("allow-private");

  UrlCheck verdict = check_url(url, robots ? &*robots : nullptr, agent, scope, addresses);
  auto canonical = canonicalize_url(url);
  std::ostream& out = *ctx.out;
  out << (verdict.allowed ? tr("allowed") : tr("refused")) << "  " << (canonical ? *canonical : url) << "\n";
  // An internationalized host is fetched, scoped and matched in robots.txt as punycode.
  if (auto parsed = canonical ? parse_url(*canonical) : std::nullopt)
    if (std::string shown = display_host(parsed->host); shown != parsed->host)
      out << "  " << trf("host {1} is sent as {2} (internationalized name)", {shown, parsed->host}) << "\n";
  if (verdict.kind == "scope") {
    out << "  "
        << (args.has("source") ? trf("refused: outside the scope of source {1}", {args.get("source")})
                               : std::string(tr("refused: outside the scope of every source (senrei sources lists them)")))
        << "\n";
  } else {
    out << "  " << verdict.reason
        << (robots && verdict.kind != "protocol" && verdict.kind != "private_address"
                ? " (" + trf("{1}, agent {2}", {args.get("robots"), agent}) + ")"
                : "")
        << "\n";
  }
  if (verdict.allowed || verdict.kind == "robots") {
    std::string names;
    for (const auto& n : claimed_by) names += (names.empty() ? "" : ", ") + n;
    out << "  " << trf("in scope of {1}", {names}) << "\n";
    auto parsed = parse_url(*canonical);
    if (parsed && !classify_ip_literal(parsed->host))
      out << "  " << trf("{1} is a name: its addresses are checked when senrei connects", {parsed->host}) << "\n";
  }
  int status = verdict.allowed ? 0 : kRefused;
  // A source that did not answer: its scope is unknown, so the verdict is not the whole answer.
  for (const auto& e : timeouts) {
    *ctx.err << "senrei: " << e << "; " << tr("its scope is unknown, so this answer may be wrong") << "\n";
    status = 1;
  }
  if (abandoned_plugin_calls() > 0) {
    // A plugin thread never returned and still runs inside the plugin: end here rather than
    // destroy the plugin under it (as crawl and sources --check do).
    ctx.out->flush();
    ctx.err->flush();
    std::_Exit(status);
  }
  return status;
}

}  // namespace senrei::cli
