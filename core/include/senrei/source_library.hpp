// senrei/source_library.hpp — a plugin that provides several sources from one library.
//
// The `site` plugin makes one source per TOML file it finds; another plugin might make one per
// prefecture of a series.  Such a library implements SourceLibrary instead of Source and ends
// with SENREI_PLUGIN_LIBRARY(MyLibrary).  The host makes the library once, calls configure()
// with the workspace's folders, then takes sources() (each a Source like any other: the same
// contract as in senrei/plugin.hpp) and refusals(), and then destroys the library; the sources
// it made stay alive, and the shared library stays loaded, until the process ends.
//
// Contract:
// - configure() runs once, before sources() and refusals(); it may read files in the folders
//   given, never write.  An exception from it refuses the whole library.
// - A source that cannot be made is not an exception: it is one line in refusals() saying where
//   and what ("…/sources/pref.toml:12:1: unknown key 'sead' …"); the host lists each as refused
//   and loads the library's other sources.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "senrei/plugin.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

class SourceLibrary {
 public:
  virtual ~SourceLibrary() = default;
  // The folders to read, most specific first (the workspace's sources/, then the installed ones).
  virtual void configure(const std::vector<std::string>& search_dirs) = 0;
  // The sources this library provides; may be empty.
  virtual std::vector<std::shared_ptr<Source>> sources() const = 0;
  // What it was asked for but could not make, one line each.
  virtual std::vector<std::string> refusals() const { return {}; }
};

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei

#define SENREI_PLUGIN_LIBRARY(LibraryType) \
  SENREI_PLUGIN_IDENTITY_EXPORTS           \
  extern "C" SENREI_PLUGIN_EXPORT ::senrei::SourceLibrary* senrei_create_library() { return new LibraryType(); }
