#include "cli/install_paths.hpp"

#include <unistd.h>

#include <climits>

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return fs::path(buf).parent_path();
}

bool present(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::exists(p, ec);
}

bool path_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '/';
}

}  // namespace

fs::path doc_file(std::string_view name) {
  const fs::path exe = executable_dir();
  const fs::path installed = exe.empty() ? fs::path() : exe.parent_path() / "share" / "doc" / "senrei" / name;
  if (present(installed)) return installed;
  return {};
}

fs::path sample_dir() {
  const fs::path exe = executable_dir();
  if (exe.empty()) return {};
  if (present(exe.parent_path() / "share" / "senrei" / "sample")) return exe.parent_path() / "share" / "senrei" / "sample";
  return {};
}

std::string with_installed_paths(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const bool starts_word = i == 0 || !path_char(text[i - 1]);
    if (starts_word && text.substr(i, 5) == "docs/") {
      std::size_t end = i + 5;
      while (end < text.size() && path_char(text[end])) ++end;
      std::string_view name = text.substr(i + 5, end - i - 5);
      while (!name.empty() && name.back() == '.') name.remove_suffix(1), --end;  // a sentence's full stop
      if (const fs::path p = doc_file(name); !name.empty() && !p.empty()) {
        out += p.string();
        i = end;
        continue;
      }
    }
    if (starts_word && text.substr(i, 14) == "corpus/sample/") {
      std::size_t end = i + 14;
      while (end < text.size() && path_char(text[end])) ++end;
      std::string_view rest = text.substr(i + 14, end - i - 14);
      while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1), --end;
      if (const fs::path dir = sample_dir(); !dir.empty() && present(dir / rest)) {
        out += (dir / rest).string();
        i = end;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace senrei::cli
