// URL → file of a `--mirror` folder (fetch/mirror_fetcher.hpp) on any URL path, over a small
// mirror with a symlink out of it, a big sparse file and a folder.  Properties: a URL maps to
// no file or to a regular file inside the mirror (after resolving every link); a response
// never carries more than the cap + 1 bytes (F2 of the reliability report) and is 200, 404 or
// an error with a kind.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "fetch/mirror_fetcher.hpp"
#include "fuzz_support.hpp"

namespace {
namespace fs = std::filesystem;
fs::path root;
std::unique_ptr<senrei::MirrorFetcher> mirror;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const fs::path dir = fs::temp_directory_path() / ("senrei-fuzz-mirror-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  root = dir / "site";
  fs::create_directories(root / "a/b");
  fs::create_directories(dir / "outside");
  std::ofstream(root / "index.html") << "<p>top</p>";
  std::ofstream(root / "a/b/page.html?x=1") << "<p>query</p>";
  std::ofstream(root / "a/日本語.txt") << "テキスト";
  std::ofstream(dir / "outside/secret.txt") << "secret";
  std::ofstream(root / "big.txt") << "big";
  (void)::truncate((root / "big.txt").c_str(), 64 << 20);  // sparse, past the 8 MiB text cap
  std::error_code ec;
  fs::create_symlink(dir / "outside", root / "out", ec);
  fs::create_symlink("../../outside/secret.txt", root / "a/link.txt", ec);
  root = fs::canonical(root);
  mirror = std::make_unique<senrei::MirrorFetcher>(root, "http://example.test/");
  static const fs::path to_remove = dir;
  std::atexit([] { std::error_code e; fs::remove_all(to_remove, e); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using senrei_fuzz::property_failed;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  const std::string url = "http://example.test/" + std::string(in);
  fs::path file = mirror->file_for(url);
  if (!file.empty()) {
    std::error_code ec;
    fs::path real = fs::canonical(file, ec);
    const std::string r = root.string() + "/";
    if (ec || real.string().rfind(r, 0) != 0) property_failed("a URL mapped to a file outside the mirror", in);
    if (!fs::is_regular_file(real, ec)) property_failed("a URL mapped to something that is not a file", in);
  }
  senrei::FetchRequest request;
  request.url = url;
  mirror->submit(request);
  for (const auto& resp : mirror->poll(std::chrono::milliseconds(0))) {
    if (resp.body.size() > senrei::kMaxBodyBytesText + 1) property_failed("a body past the cap", in);
    if (resp.status != 200 && resp.status != 404 && resp.error_kind.empty() && !resp.not_modified)
      property_failed("a response with neither a body nor a reason", in);
  }
  return 0;
}
