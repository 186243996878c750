// A plugin with the right ABI version but no factory.
#include <boost/config.hpp>

#include "senrei/version.hpp"

extern "C" BOOST_SYMBOL_EXPORT int senrei_plugin_abi_version() { return SENREI_PLUGIN_ABI_VERSION; }
