#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "plugin/plugin_host.hpp"

namespace fs = std::filesystem;
using namespace senrei;

namespace {
const fs::path kBuiltin = fs::path(SENREI_BINARY_DIR) / "plugins";
const fs::path kBad = fs::path(SENREI_BINARY_DIR) / "test-plugins";

std::string reason_for(const PluginHost& host, const std::string& file_name) {
  for (const auto& r : host.refused())
    if (r.library.filename() == file_name) return r.reason;
  return "";
}
}  // namespace

TEST(PluginHost, LoadsTheBuiltInSources) {
  PluginHost host;
  host.load({kBuiltin});
  EXPECT_TRUE(host.refused().empty());
  const auto* navi = host.find("renkei-navi");
  ASSERT_NE(navi, nullptr);
  EXPECT_EQ(navi->info.publisher, "厚生労働省");
  EXPECT_EQ(navi->info.base_url, "http://renkei-support.mhlw.go.jp/");
  EXPECT_EQ(navi->library, kBuiltin / "renkei-navi.so");
  EXPECT_TRUE(navi->source->in_scope("https://renkei-support.mhlw.go.jp/chokai/"));
  EXPECT_FALSE(navi->source->in_scope("http://www.mhlw.go.jp/"));
  ASSERT_NE(host.find("files"), nullptr);
}

TEST(PluginHost, RefusesWrongAbiWrongIdentityNoFactoryAndNonLibrariesButLoadsTheRest) {
  auto dir = fs::temp_directory_path() / ("senrei-plugins-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kBad / "wrong_abi.so", dir / "wrong_abi.so", fs::copy_options::overwrite_existing);
  fs::copy_file(kBad / "no_factory.so", dir / "no_factory.so", fs::copy_options::overwrite_existing);
  fs::copy_file(kBad / "wrong_identity.so", dir / "wrong_identity.so", fs::copy_options::overwrite_existing);
  std::ofstream(dir / "notes.so") << "this is not a shared library\n";
  fs::copy_file(kBuiltin / "renkei-navi.so", dir / "renkei-navi.so", fs::copy_options::overwrite_existing);

  PluginHost host;
  host.load({dir});
  ASSERT_EQ(host.sources().size(), 1u);
  EXPECT_EQ(host.sources()[0].info.name, "renkei-navi");
  ASSERT_EQ(host.refused().size(), 4u);
  auto wrong = reason_for(host, "wrong_abi.so");
  EXPECT_NE(wrong.find("ABI version 99"), std::string::npos) << wrong;
  EXPECT_NE(wrong.find("loads ABI version " + std::to_string(senrei::kPluginAbiVersion)), std::string::npos) << wrong;
  // Same ABI number, another standard library: refused before its factory (which aborts) runs.
  auto identity = reason_for(host, "wrong_identity.so");
  EXPECT_NE(identity.find("stdlib=libc++"), std::string::npos) << identity;
  EXPECT_NE(identity.find(senrei::kBuildIdentity), std::string::npos) << identity;
  EXPECT_NE(reason_for(host, "no_factory.so").find("no senrei_create_source"), std::string::npos);
  EXPECT_NE(reason_for(host, "notes.so").find("not a loadable shared library"), std::string::npos);
  // A library that cannot be used at all is refused with the door's kind abi.
  for (const auto& r : host.refused()) EXPECT_EQ(r.kind, PluginErrorKind::abi) << r.library;
  fs::remove_all(dir);
}

TEST(PluginHost, ASourceNameIsProvidedOnce) {
  auto dir = fs::temp_directory_path() / ("senrei-plugins-dup-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kBuiltin / "files.so", dir / "files-copy.so", fs::copy_options::overwrite_existing);
  PluginHost host;
  host.load({kBuiltin, dir});
  ASSERT_NE(host.find("files"), nullptr);
  EXPECT_EQ(host.find("files")->library, kBuiltin / "files.so");
  EXPECT_NE(reason_for(host, "files-copy.so").find("already provided by"), std::string::npos);
  fs::remove_all(dir);
}

TEST(PluginHost, SourcesOutliveTheHost) {
  std::shared_ptr<Source> kept;
  {
    PluginHost host;
    host.load({kBuiltin});
    kept = host.find("renkei-navi")->source;
  }
  // The library stays loaded: calling into the plugin is still fine.
  EXPECT_EQ(kept->info().name, "renkei-navi");
  EXPECT_EQ(kept->seeds().front(), "http://renkei-support.mhlw.go.jp/");
}
