#include "i18n/i18n.hpp"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace senrei {
namespace {

constexpr const char* kDomain = "senrei";

// Set by init() in this copy of the code; the engine module's copy reads $SENREI_LANG instead.
bool g_initialised = false;
i18n::Lang g_lang = i18n::Lang::en;
bool g_catalog = false;  // gettext is pointed at the Japanese catalog

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// A POSIX locale name ("ja_JP.UTF-8", "en", "C") to a language; false when it names neither.
bool lang_of_locale(std::string_view name, i18n::Lang& out) {
  if (starts_with(name, "ja") && (name.size() == 2 || name[2] == '_' || name[2] == '.' || name[2] == '@')) {
    out = i18n::Lang::ja;
    return true;
  }
  if (starts_with(name, "en") && (name.size() == 2 || name[2] == '_' || name[2] == '.' || name[2] == '@')) {
    out = i18n::Lang::en;
    return true;
  }
  return false;
}

std::filesystem::path executable_dir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return std::filesystem::path(buf).parent_path();
}

}  // namespace

const char* tr(const char* msgid) {
  if (!msgid || !*msgid) return msgid;
  if (g_initialised ? !g_catalog : i18n::language() != i18n::Lang::ja) return msgid;
  return ::dgettext(kDomain, msgid);
}

std::string trf(const char* msgid, std::initializer_list<std::string_view> args) { return fill(tr(msgid), args); }

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9' &&
        pattern[i + 2] == '}') {
      std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (n < args.size()) {
        out += *(args.begin() + n);
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

namespace i18n {

bool parse_lang(std::string_view name, Lang& out) {
  if (name == "ja") out = Lang::ja;
  else if (name == "en") out = Lang::en;
  else return false;
  return true;
}

Lang language() {
  if (g_initialised) return g_lang;
  Lang l = Lang::en;
  if (const char* e = std::getenv("SENREI_LANG")) parse_lang(e, l);
  return l;
}

std::string take_lang_option(std::vector<std::string>& args) {
  std::string value;
  for (std::size_t i = 0; i < args.size();) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a == "--lang") {
      if (i + 1 >= args.size()) throw std::invalid_argument("--lang needs a value (en or ja)");
      value = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else if (a.rfind("--lang=", 0) == 0) {
      value = a.substr(7);
      args.erase(args.begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
  return value;
}

std::string locale_dir() {
  auto has_catalog = [](const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "ja" / "LC_MESSAGES" / "senrei.mo", ec);
  };
  if (const char* e = std::getenv("SENREI_LOCALEDIR"); e && *e && has_catalog(e)) return e;
  const auto exe = executable_dir();
  if (exe.empty()) return {};
  if (has_catalog(exe / "locale")) return (exe / "locale").string();
  if (has_catalog(exe.parent_path() / "share" / "locale")) return (exe.parent_path() / "share" / "locale").string();
  return {};
}

Lang init(const std::string& flag) {
  Lang lang = Lang::ja;
  if (!flag.empty()) {
    if (!parse_lang(flag, lang)) throw std::invalid_argument("--lang takes en or ja, not '" + flag + "'");
  } else if (const char* e = std::getenv("SENREI_LANG"); e && *e) {
    if (!parse_lang(e, lang))
      throw std::invalid_argument("SENREI_LANG takes en or ja, not '" + std::string(e) + "'");
  } else {
    // POSIX order: the first of these that is set decides; C, POSIX and other languages keep
    // the default.
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      const char* v = std::getenv(var);
      if (!v || !*v) continue;
      lang_of_locale(v, lang);
      break;
    }
  }
  g_lang = lang;
  g_initialised = true;
  g_catalog = false;
  ::setenv("SENREI_LANG", lang == Lang::ja ? "ja" : "en", 1);
  if (lang == Lang::ja) {
    const std::string dir = locale_dir();
    // gettext translates only outside the "C" locale, and only into a language it is told:
    // C.UTF-8 is on every Debian machine (libc-bin), a generated ja_JP.UTF-8 is not needed.
    // LC_MESSAGES alone: LC_NUMERIC and the rest stay "C".
    bool locale_ok = false;
    for (const char* name : {"C.UTF-8", "C.utf8", "ja_JP.UTF-8", "en_US.UTF-8"})
      if (std::setlocale(LC_MESSAGES, name)) {
        locale_ok = true;
        break;
      }
    if (!dir.empty() && locale_ok) {
      ::setenv("LANGUAGE", "ja", 1);
      ::bindtextdomain(kDomain, dir.c_str());
      ::bind_textdomain_codeset(kDomain, "UTF-8");
      g_catalog = true;
    }
  }
  return lang;
}

bool catalog_loaded() { return g_catalog; }

}  // namespace i18n
}  // namespace senrei
