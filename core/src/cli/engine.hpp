// cli/engine.hpp — the commands that fetch and read pages live in a module of their own.
//
// Crawling needs libcurl, poppler and gumbo, and through them some forty more shared libraries
// (GnuTLS, Kerberos, LDAP, NSS, freetype, libjpeg, …).  Loading those costs every process about
// 6 ms of CPU before main(), which is more than a whole search takes; `compare`'s XLSX writer
// and plan reader bring libxlsxwriter, libcrypto, minizip and toml++ (~1.2 ms).  So `senrei`
// itself links only what searching, showing, exporting and listing need, and the commands
// below run in libsenrei-engine.so, which the binary loads (dlopen) when one is asked for.
// The module is found beside the binary (build tree) or in <prefix>/lib/senrei/, and must come
// from the same build: it exports its version, checked before anything else is called.
#pragma once

#include <string_view>

#include "cli/commands.hpp"

namespace senrei::cli {

// Trampolines for the commands table: load the engine once, run the command there.
int engine_crawl(Context&, const Args&);
int engine_sources(Context&, const Args&);
int engine_check_url(Context&, const Args&);
int engine_compare(Context&, const Args&);
int engine_reindex(Context&, const Args&);
int engine_doctor(Context&, const Args&);

}  // namespace senrei::cli

// What the module exports (C names, default visibility; everything else in it is hidden).
#define SENREI_ENGINE_EXPORT __attribute__((visibility("default")))
extern "C" {
using senrei_engine_fn = int (*)(senrei::cli::Context&, const senrei::cli::Args&);
// The senrei version and plugin ABI the module was built with, e.g. "0.1.0/1".
SENREI_ENGINE_EXPORT const char* senrei_engine_build();
// The command's entry point, or null for a name the engine does not have.
SENREI_ENGINE_EXPORT senrei_engine_fn senrei_engine_command(const char* name);
}
