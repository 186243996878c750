// senrei/plugin.hpp — the source plugin API, version 1.
//
// A source plugin is a shared library that says what a site is and how its pages become
// Records.  It does not fetch, store or index: the host does, so politeness, caching and safety
// hold for every plugin alike.  Build it against this header (and senrei/ja.hpp) only, with
// -fvisibility=hidden, and export exactly two symbols with the macro at the bottom:
//
//     SENREI_PLUGIN(MySource)   // MySource derives from senrei::Source
//
// Contract:
// - The host calls senrei_plugin_abi_version() first and refuses the library unless it returns
//   the host's SENREI_PLUGIN_ABI_VERSION.
// - The host may call in_scope() and extract() from several threads at once: keep them const
//   and free of shared mutable state.
// - extract() may throw; the host then fails only that page, reported with the plugin's name and
//   the URL.  Records with an empty title, a kind/URL the plugin does not own, or duplicate ids
//   are refused the same way.
// - A plugin must not write files, open sockets, start threads that outlive a call, or call
//   exit().  The library stays loaded until the process ends.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "senrei/page.hpp"
#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace abi_v1 {

struct SourceInfo {
  std::string name;       // command-line name, [a-z0-9-]+, e.g. "renkei-navi"
  std::string title;      // 医療情報連携ネットワーク支援Navi
  std::string publisher;  // 厚生労働省
  std::string version;    // the plugin's own version; a change re-extracts stored pages
  std::string base_url;   // the real site's root, e.g. "http://renkei-support.mhlw.go.jp/"
};

// What a plugin may say about how it is crawled.  Zero means "the host's default".
struct CrawlPolicy {
  int max_depth = 0;
  int max_pages = 0;
  double delay_seconds = 0;  // between requests to one host
  // Decode every page with this charset ("Shift_JIS", "EUC-JP", "UTF-8"), whatever the server
  // or the page's <meta> says: for a site that declares a wrong one, or none on short pages a
  // detector guesses wrong.  Empty: decided per page (HTTP header, BOM, <meta>, detector).
  std::string charset = {};
};

class Source {
 public:
  virtual ~Source() = default;

  virtual SourceInfo info() const = 0;
  // Start URLs on the real site.
  virtual std::vector<std::string> seeds() const = 0;
  // True when a URL (absolute, canonical) belongs to this source and should be fetched.
  virtual bool in_scope(std::string_view url) const = 0;
  // Turns one fetched page into zero or more Records.  Records' urls are the page's url.
  virtual std::vector<Record> extract(const ParsedPage& page) const = 0;
  virtual CrawlPolicy policy() const { return {}; }
  // Settings from the workspace (for the `site` plugin: where its TOML files are).  Called once,
  // before seeds(); the default ignores them.
  virtual void configure(const std::vector<std::string>& /*search_dirs*/) {}
  // More sources from one library (the `site` plugin makes one per TOML file).  Empty by
  // default: the library provides just this one.
  virtual std::vector<std::shared_ptr<Source>> more_sources() const { return {}; }
  // Sources this library was asked for but could not make, one line each saying where and what
  // (the `site` plugin: "…/sources/pref.toml:12:1: unknown key 'sead' …").  The host lists each
  // as refused and loads the library's other sources.  Called once, after more_sources().
  virtual std::vector<std::string> refusals() const { return {}; }
};

}  // namespace abi_v1
}  // namespace senrei

// The two exported symbols: a plain C function for the ABI version, and the factory as a
// Boost.DLL alias named "senrei_create_source" (a std::shared_ptr<senrei::Source>() function).
#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#define SENREI_PLUGIN(SourceType)                                                         \
  extern "C" BOOST_SYMBOL_EXPORT int senrei_plugin_abi_version() {                        \
    return SENREI_PLUGIN_ABI_VERSION;                                                     \
  }                                                                                       \
  namespace senrei_plugin_detail {                                                        \
  std::shared_ptr<::senrei::Source> create_source() { return std::make_shared<SourceType>(); } \
  }                                                                                       \
  BOOST_DLL_ALIAS(senrei_plugin_detail::create_source, senrei_create_source)
