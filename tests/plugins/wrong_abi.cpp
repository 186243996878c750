// A plugin built against another plugin ABI: exports version 99 and a factory the host must
// never call.
#include <cstdlib>
#include <memory>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#include "senrei/plugin.hpp"

extern "C" BOOST_SYMBOL_EXPORT int senrei_plugin_abi_version() { return 99; }
namespace wrong_abi {
std::shared_ptr<senrei::Source> create_source() { std::abort(); }
}  // namespace wrong_abi
BOOST_DLL_ALIAS(wrong_abi::create_source, senrei_create_source)
