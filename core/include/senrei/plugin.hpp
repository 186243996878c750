// senrei/plugin.hpp — the source plugin API, version 1.
//
// A source plugin is a shared library that says what a site is and how its pages become
// Records.  It does not fetch, store or index: the host does, so politeness, caching and safety
// hold for every plugin alike.  Build it against this header (and senrei/ja.hpp) only, with
// -fvisibility=hidden, and export its symbols with the macro at the bottom:
//
//     SENREI_PLUGIN(MySource)   // MySource derives from senrei::Source
//
// Contract:
// - The host calls senrei_plugin_abi_version() and senrei_plugin_build_identity() first and
//   refuses the library unless they return the host's SENREI_PLUGIN_ABI_VERSION and
//   SENREI_BUILD_IDENTITY (senrei/version.hpp); only then does it call the factory.
// - This header needs nothing beyond the C++ standard library and senrei/*.hpp.
// - The host may call in_scope() and extract() from several threads at once: keep them const
//   and free of shared mutable state.
// - extract() may throw; the host then fails only that page, reported with the plugin's name and
//   the URL.  Records with an empty title, a kind/URL the plugin does not own, or duplicate ids
//   are refused the same way.
// - A plugin must not write files, open sockets, start threads that outlive a call, or call
//   exit().  The library stays loaded until the process ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "senrei/page.hpp"
#include "senrei/record.hpp"
#include "senrei/version.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

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
  // A library that provides several sources (one per TOML file, say) implements SourceLibrary
  // (senrei/source_library.hpp) instead.
};

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei

// The exported symbols, plain C functions (default visibility; everything else in a plugin is
// hidden): the ABI version, the build identity, and the factory.  The factory returns a Source
// made with new; the host owns it (deletes it through the virtual destructor) and keeps the
// library loaded for as long as the object lives.
#define SENREI_PLUGIN_EXPORT __attribute__((visibility("default")))

// The two symbols every plugin exports, whatever its factory (see also SENREI_PLUGIN_LIBRARY).
#define SENREI_PLUGIN_IDENTITY_EXPORTS                                                          \
  extern "C" SENREI_PLUGIN_EXPORT int senrei_plugin_abi_version() { return SENREI_PLUGIN_ABI_VERSION; } \
  extern "C" SENREI_PLUGIN_EXPORT const char* senrei_plugin_build_identity() { return SENREI_BUILD_IDENTITY; }

#define SENREI_PLUGIN(SourceType)  \
  SENREI_PLUGIN_IDENTITY_EXPORTS   \
  extern "C" SENREI_PLUGIN_EXPORT ::senrei::Source* senrei_create_source() { return new SourceType(); }
