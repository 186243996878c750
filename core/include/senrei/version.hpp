// senrei/version.hpp — the release version and the plugin ABI version.
//
// kPluginAbiVersion changes whenever anything a plugin sees changes shape: Record, Field,
// ParsedPage, Document, Source or the normalizers' signatures.  The host refuses a plugin whose
// exported senrei_plugin_abi_version() differs, before it calls anything else in it.
#pragma once

#define SENREI_VERSION_STRING "0.1.0"
#define SENREI_PLUGIN_ABI_VERSION 2

namespace senrei {
inline constexpr const char* kVersion = SENREI_VERSION_STRING;
inline constexpr int kPluginAbiVersion = SENREI_PLUGIN_ABI_VERSION;
}  // namespace senrei
