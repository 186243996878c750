// A plugin built against another plugin ABI: exports version 99 and a factory the host must
// never call.
#include <cstdlib>

#include "senrei/plugin.hpp"

extern "C" __attribute__((visibility("default"))) int senrei_plugin_abi_version() { return 99; }
extern "C" __attribute__((visibility("default"))) const char* senrei_plugin_build_identity() {
  return SENREI_BUILD_IDENTITY;
}
extern "C" __attribute__((visibility("default"))) senrei::Source* senrei_create_source() { std::abort(); }
