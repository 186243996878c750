// senrei/version.hpp — the release version, the plugin ABI version and the build identity.
//
// SENREI_PLUGIN_ABI_VERSION changes whenever anything a plugin sees changes shape: Record, Field,
// ParsedPage, Document, Source or the normalizers' signatures.  The public names live in the
// inline namespace SENREI_ABI_NAMESPACE (abi_v<N>), derived from it, so a plugin built against
// another ABI fails to link rather than misreading a struct.  The host refuses a plugin whose
// exported senrei_plugin_abi_version() differs, or whose build identity (compiler family, C++
// standard library and its ABI) differs from the host's, before it calls anything else in it.
#pragma once

#define SENREI_VERSION_STRING "0.1.0"
#define SENREI_PLUGIN_ABI_VERSION 3

#define SENREI_ABI_CONCAT2(a, b) a##b
#define SENREI_ABI_CONCAT(a, b) SENREI_ABI_CONCAT2(a, b)
// abi_v3 (Field::payer_type added; abi_v2 put every public name in the inline namespace):
// `namespace senrei { inline namespace SENREI_ABI_NAMESPACE { … } }` in every public header.
#define SENREI_ABI_NAMESPACE SENREI_ABI_CONCAT(abi_v, SENREI_PLUGIN_ABI_VERSION)

#define SENREI_STRINGIFY2(x) #x
#define SENREI_STRINGIFY(x) SENREI_STRINGIFY2(x)

// What must match between the host and a plugin for C++ types (std::string, std::vector,
// std::shared_ptr, exceptions) to cross the boundary: the compiler family and its C++ ABI, the
// standard library and its string ABI, and the plugin ABI.  Compiler patch levels may differ.
#if defined(__clang__)
#define SENREI_BUILD_COMPILER "clang"
#elif defined(__GNUC__)
#define SENREI_BUILD_COMPILER "gcc"
#else
#define SENREI_BUILD_COMPILER "other"
#endif
#if defined(_LIBCPP_VERSION)
#define SENREI_BUILD_STDLIB "libc++"
#elif defined(__GLIBCXX__) || defined(__GLIBCPP__) || defined(_GLIBCXX_RELEASE) || defined(__GNUC__)
#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI == 0
#define SENREI_BUILD_STDLIB "libstdc++-old-string"
#else
#define SENREI_BUILD_STDLIB "libstdc++"
#endif
#else
#define SENREI_BUILD_STDLIB "other"
#endif
#if defined(__GXX_ABI_VERSION)
#define SENREI_BUILD_CXXABI SENREI_STRINGIFY(__GXX_ABI_VERSION)
#else
#define SENREI_BUILD_CXXABI "0"
#endif
// e.g. "plugin-abi=2 compiler=gcc cxxabi=1017 stdlib=libstdc++"
#define SENREI_BUILD_IDENTITY                                                              \
  "plugin-abi=" SENREI_STRINGIFY(SENREI_PLUGIN_ABI_VERSION) " compiler=" SENREI_BUILD_COMPILER \
  " cxxabi=" SENREI_BUILD_CXXABI " stdlib=" SENREI_BUILD_STDLIB

namespace senrei {
inline constexpr const char* kVersion = SENREI_VERSION_STRING;
inline constexpr int kPluginAbiVersion = SENREI_PLUGIN_ABI_VERSION;
inline constexpr const char* kBuildIdentity = SENREI_BUILD_IDENTITY;
}  // namespace senrei
