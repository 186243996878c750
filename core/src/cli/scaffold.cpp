#include "cli/scaffold.hpp"
#include "i18n/i18n.hpp"

#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"

#include <fstream>
#include <regex>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "senrei/version.hpp"

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

// "pref-minato" → "PrefMinato" (the Source class), "pref_minato" (its namespace).
std::string class_name(const std::string& name) {
  std::string out;
  bool up = true;
  for (char c : name) {
    if (c == '-') {
      up = true;
      continue;
    }
    out += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    up = false;
  }
  if (!out.empty() && out[0] >= '0' && out[0] <= '9') out.insert(0, "Source");
  return out;
}

}  // namespace

std::vector<fs::path> write_plugin_project(const std::string& name, const fs::path& dir) {
  static const std::regex valid("[a-z][a-z0-9-]*");
  if (!std::regex_match(name, valid) || name.back() == '-' || name.size() > 60)
    throw UsageError(trf("plugin name '{1}' must be lower-case letters, digits and '-', starting with a letter (it "
                         "is the source's command-line name, e.g. pref-minato)",
                         {name}));
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    throw Failure(trf("{1} already exists and is not an empty folder; choose a new one", {dir.string()}));

  std::string ns = name;
  replace_all(ns, "-", "_");
  std::vector<fs::path> written;
  for (const auto& t : scaffold_templates()) {
    std::string rel(t.path), text(t.content);
    replace_all(rel, "__name__", name);
    replace_all(text, "{{name}}", name);
    replace_all(text, "{{Class}}", class_name(name));
    replace_all(text, "{{namespace}}", ns);
    replace_all(text, "{{senrei_version}}", kVersion);
    replace_all(text, "{{abi}}", std::to_string(kPluginAbiVersion));
    fs::path file = dir / rel;
    fs::create_directories(file.parent_path(), ec);
    try {
      write_output_file(file, text);  // whole or not at all (F6)
    } catch (const OutputError& e) {
      throw Failure(e.what());
    }
    written.push_back(file);
  }
  return written;
}

int run_plugin(Context& ctx, const Args& args) {
  const auto& p = args.positional;
  if (p.empty() || p[0] != "new" || p.size() < 2 || p.size() > 3)
    throw UsageError(std::string(tr("usage:")) + " senrei plugin new NAME [DIR]");
  fs::path dir = p.size() == 3 ? fs::path(p[2]) : fs::path(p[1]);
  // A name another source already has would be refused when loaded beside it: say so now.
  for (const auto& s : ctx.plugins().sources())
    if (s.info.name == p[1])
      throw UsageError(fill(tr("'{1}' is already the name of a source ({2}): choose another name, e.g. pref-{1}"),
                            {p[1], s.library.string()}));
  auto files = write_plugin_project(p[1], dir);
  // The prefix this senrei is installed in, when it is (bin/senrei beside lib/cmake/senrei).
  std::string prefix = tr("<the prefix senrei was installed in: cmake --install build --prefix P>");
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path root = exe.parent_path().parent_path();
    for (const char* lib : {"lib", "lib64", "lib/x86_64-linux-gnu"})
      if (fs::exists(root / lib / "cmake/senrei/senreiConfig.cmake", ec)) prefix = root.string();
    // A build tree exports the package beside the binary (CMakeLists.txt, export(EXPORT …)).
    if (fs::exists(exe.parent_path() / "senreiConfig.cmake", ec) && fs::exists(exe.parent_path() / "CMakeCache.txt", ec))
      prefix = exe.parent_path().string();
  }
  auto& out = *ctx.out;
  out << trf("wrote {1} files for source plugin '{2}' in {3}:", {std::to_string(files.size()), p[1], dir.string()})
      << "\n";
  for (const auto& f : files) out << "  " << fs::relative(f, dir).string() << "\n";
  out << "\n" << tr("build and test it against this senrei (see README.md there and docs/plugins.md):") << "\n"
      << "  cmake -S " << dir.string() << " -B " << (dir / "build").string()
      << " -DCMAKE_PREFIX_PATH=" << prefix << "\n"
      << "  cmake --build " << (dir / "build").string() << " && ctest --test-dir " << (dir / "build").string() << "\n"
      << "  SENREI_PLUGIN_PATH=" << (dir / "build").string() << " senrei sources --check " << p[1] << "\n";
  return 0;
}

}  // namespace senrei::cli
