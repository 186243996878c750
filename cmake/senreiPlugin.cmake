# senrei_add_plugin(NAME [SOURCES] source...) — builds a senrei source plugin NAME.so.
#
# The one way a plugin is built, in senrei's own tree and out of it (installed with the CMake
# package, lib/cmake/senrei/): a MODULE library named NAME.so (no "lib" prefix, as the host
# looks for *.so), C++20, hidden visibility (so that only the two symbols SENREI_PLUGIN(...)
# exports are visible and one plugin's symbols never shadow another's), linked with the SDK
# (senrei::sdk: the public headers and libsenrei_sdk.a, whose code is copied into the plugin)
# and with --no-undefined, so a missing symbol fails the build instead of the load.
function(senrei_add_plugin name)
  set(srcs ${ARGN})
  list(REMOVE_ITEM srcs SOURCES)
  if(NOT srcs)
    message(FATAL_ERROR "senrei_add_plugin(${name}): give the plugin's source files, e.g. senrei_add_plugin(${name} src/${name}.cpp)")
  endif()
  add_library(${name} MODULE ${srcs})
  target_link_libraries(${name} PRIVATE senrei::sdk)
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  target_link_options(${name} PRIVATE -Wl,--no-undefined)
endfunction()
