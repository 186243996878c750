// A plugin with the right ABI version and build identity but no factory.
#include "senrei/version.hpp"

extern "C" __attribute__((visibility("default"))) int senrei_plugin_abi_version() { return SENREI_PLUGIN_ABI_VERSION; }
extern "C" __attribute__((visibility("default"))) const char* senrei_plugin_build_identity() {
  return SENREI_BUILD_IDENTITY;
}
