// The exported entry of libsenrei-engine.so (cli/engine.hpp).  Built only into the module.
#include <cstring>

#include "cli/engine.hpp"
#include "senrei/version.hpp"

extern "C" const char* senrei_engine_build() { return SENREI_ENGINE_BUILD; }

extern "C" senrei_engine_fn senrei_engine_command(const char* name) {
  using namespace senrei::cli;
  if (std::strcmp(name, "crawl") == 0) return &run_crawl;
  if (std::strcmp(name, "sources") == 0) return &run_sources;
  if (std::strcmp(name, "check-url") == 0) return &run_check_url;
  if (std::strcmp(name, "compare") == 0) return &run_compare;
  if (std::strcmp(name, "reindex") == 0) return &run_reindex;
  if (std::strcmp(name, "doctor") == 0) return &run_doctor;
  return nullptr;
}
