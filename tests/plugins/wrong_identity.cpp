// A plugin with the host's ABI version whose build identity says another standard library
// (as a plugin built with clang and libc++ would): the host must refuse it before the factory.
#include <cstdlib>

#include "senrei/plugin.hpp"

extern "C" __attribute__((visibility("default"))) int senrei_plugin_abi_version() { return SENREI_PLUGIN_ABI_VERSION; }
extern "C" __attribute__((visibility("default"))) const char* senrei_plugin_build_identity() {
  return "plugin-abi=" SENREI_STRINGIFY(SENREI_PLUGIN_ABI_VERSION) " compiler=clang cxxabi=1002 stdlib=libc++";
}
extern "C" __attribute__((visibility("default"))) senrei::Source* senrei_create_source() { std::abort(); }
