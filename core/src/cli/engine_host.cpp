// Loading libsenrei-engine.so and running a command in it (cli/engine.hpp).
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/engine.hpp"
#include "i18n/i18n.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kModule = "libsenrei-engine.so";

fs::path self_dir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return fs::path(buf).parent_path();
}

// Where the module may be: $SENREI_ENGINE (a file), beside the binary (the build tree), and
// <prefix>/lib/senrei/ of an installed binary in <prefix>/bin.
std::vector<fs::path> candidates() {
  std::vector<fs::path> out;
  if (const char* e = std::getenv("SENREI_ENGINE"); e && *e) out.emplace_back(e);
  const fs::path dir = self_dir();
  out.push_back(dir / kModule);
  out.push_back(dir.parent_path() / SENREI_ENGINE_INSTALL_DIR / kModule);
  return out;
}

void* load() {
  static void* handle = nullptr;  // loaded once, never unloaded (objects it makes outlive calls)
  if (handle) return handle;
  std::string tried;
  for (const auto& p : candidates()) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      tried += (tried.empty() ? "" : ", ") + p.string();
      continue;
    }
    void* h = ::dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) throw Failure(trf("cannot load senrei's crawl engine {1}: {2} — reinstall senrei", {p.string(), ::dlerror()}));
    auto build = reinterpret_cast<const char* (*)()>(::dlsym(h, "senrei_engine_build"));
    if (!build || std::string(build()) != SENREI_ENGINE_BUILD)
      throw Failure(trf("the crawl engine {1} is from another build of senrei ({2}, this binary is {3}) — reinstall "
                        "senrei",
                        {p.string(), build ? build() : "unknown", SENREI_ENGINE_BUILD}));
    handle = h;
    return handle;
  }
  throw Failure(trf("senrei's crawl engine ({1}) is missing; looked in {2} — reinstall senrei, or set SENREI_ENGINE "
                    "to the file",
                    {kModule, tried}));
}

int run(const char* name, Context& ctx, const Args& args) {
  auto command = reinterpret_cast<senrei_engine_fn (*)(const char*)>(::dlsym(load(), "senrei_engine_command"));
  senrei_engine_fn fn = command ? command(name) : nullptr;
  if (!fn) throw Failure(trf("the engine (libsenrei-engine.so) has no command '{1}' — reinstall senrei", {name}));
  return fn(ctx, args);
}

}  // namespace

int engine_crawl(Context& ctx, const Args& args) { return run("crawl", ctx, args); }
int engine_sources(Context& ctx, const Args& args) { return run("sources", ctx, args); }
int engine_check_url(Context& ctx, const Args& args) { return run("check-url", ctx, args); }
int engine_compare(Context& ctx, const Args& args) { return run("compare", ctx, args); }
int engine_reindex(Context& ctx, const Args& args) { return run("reindex", ctx, args); }
int engine_doctor(Context& ctx, const Args& args) { return run("doctor", ctx, args); }

}  // namespace senrei::cli
