// The exported entry of libsenrei-engine.so (cli/engine.hpp).  Built only into the module.
#include <cstring>

#include "cli/engine.hpp"
#include "plugin/plugin_worker.hpp"
#include "senrei/version.hpp"

extern "C" const char* senrei_engine_build() { return SENREI_ENGINE_BUILD; }

namespace {
// A command, then its plugin worker thread ended, so the process leaves no idle thread behind
// (LeakSanitizer's check before exit, and a clean exit).
template <int (*Command)(senrei::cli::Context&, const senrei::cli::Args&)>
int ending_plugin_worker(senrei::cli::Context& context, const senrei::cli::Args& args) {
  struct End {
    ~End() { senrei::end_plugin_worker(); }
  } end;
  return Command(context, args);
}
}  // namespace

extern "C" senrei_engine_fn senrei_engine_command(const char* name) {
  using namespace senrei::cli;
  if (std::strcmp(name, "crawl") == 0) return &ending_plugin_worker<&run_crawl>;
  if (std::strcmp(name, "sources") == 0) return &ending_plugin_worker<&run_sources>;
  if (std::strcmp(name, "check-url") == 0) return &ending_plugin_worker<&run_check_url>;
  if (std::strcmp(name, "compare") == 0) return &ending_plugin_worker<&run_compare>;
  if (std::strcmp(name, "reindex") == 0) return &ending_plugin_worker<&run_reindex>;
  if (std::strcmp(name, "doctor") == 0) return &ending_plugin_worker<&run_doctor>;
  return nullptr;
}
