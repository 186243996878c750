// senrei — a knowledge base of precedents for regional medical information networks.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <xapian.h>

#include "cli/commands.hpp"
#include "i18n/i18n.hpp"
#include "senrei/ja.hpp"
#include "senrei/version.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define SENREI_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SENREI_LEAK_CHECK 1
#endif
#endif
#if SENREI_LEAK_CHECK
#include <sanitizer/lsan_interface.h>
#endif

namespace {

using senrei::cli::OptionSpec;

const std::vector<OptionSpec>& global_options() {
  static const std::vector<OptionSpec> opts = {
      {"data", 0, "DIR", N_("workspace: crawl state, stored pages and index (default $SENREI_DATA, else ./senrei-data)")},
      {"color", 0, "WHEN", N_("colour the output: auto (on a terminal), always or never")},
      {"lang", 0, "LANG", N_("language of messages and labels: ja (default) or en; also $SENREI_LANG, $LANG")},
      {"help", 'h', "", N_("show this help, or a command's help")},
      {"version", 0, "", N_("print the version")},
  };
  return opts;
}

void print_help(std::ostream& out) {
  using senrei::tr;
  out << "senrei " << senrei::kVersion << " — "
      << tr("precedents for planning a regional medical information network") << "\n\n"
      << tr("usage:") << " senrei [--data DIR] [--lang ja|en] COMMAND [ARGS]\n\n" << tr("commands:") << "\n";
  for (const auto& c : senrei::cli::commands()) {
    std::string left = "  " + std::string(c.name);
    left.resize(14, ' ');
    out << left << tr(std::string(c.summary).c_str()) << "\n";
  }
  out << "\n" << tr("options:") << "\n" << senrei::cli::format_options(global_options()) << "\n"
      << tr("`senrei COMMAND --help` describes a command.  Exit status: 0 ok, 1 failure, 2 usage error, "
            "3 refused (check-url).")
      << "\n";
}

void print_command_help(std::ostream& out, const senrei::cli::Command& c) {
  using senrei::tr;
  out << tr("usage:") << " senrei " << c.name << (c.usage.empty() ? "" : " ") << c.usage << "\n\n"
      << tr(std::string(c.summary).c_str()) << "\n";
  if (!c.options.empty()) out << "\n" << tr("options:") << "\n" << senrei::cli::format_options(c.options);
}

// An error message fit for a terminal: each of its lines through ja::one_line, so a query, a
// file name or a value echoed in it cannot send escape sequences (F8 of the reliability report).
std::string inert(std::string_view message) {
  std::string out;
  for (std::size_t start = 0; start <= message.size();) {
    std::size_t end = message.find('\n', start);
    if (end == std::string_view::npos) end = message.size();
    out += senrei::ja::one_line(message.substr(start, end - start));
    if (end < message.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

// --lang anywhere before `--` (taken out of the arguments), else $SENREI_LANG, else the locale
// (i18n/i18n.hpp).  A bad value is a usage error, said in the language the rest would give.
void choose_language(std::vector<std::string>& args) {
  using senrei::i18n::Lang;
  using senrei::trf;
  std::string flag;
  Lang lang;
  const char* env = std::getenv("SENREI_LANG");
  const std::string env_value = env ? env : "";
  if (!env_value.empty() && !senrei::i18n::parse_lang(env_value, lang)) {
    ::unsetenv("SENREI_LANG");
    senrei::i18n::init("");
    throw senrei::cli::UsageError(trf("SENREI_LANG takes en or ja, not '{1}'", {env_value}));
  }
  try {
    flag = senrei::i18n::take_lang_option(args);
  } catch (const std::invalid_argument&) {
    senrei::i18n::init("");
    throw senrei::cli::UsageError(senrei::tr("--lang needs a value: en or ja"));
  }
  if (!flag.empty() && !senrei::i18n::parse_lang(flag, lang)) {
    senrei::i18n::init("");
    throw senrei::cli::UsageError(trf("--lang takes en or ja, not '{1}'", {flag}));
  }
  if (senrei::i18n::init(flag) == Lang::ja && !senrei::i18n::catalog_loaded())
    // The one message that cannot come from the catalog: say so in both languages, once.
    std::cerr << "senrei: 日本語のメッセージ（senrei.mo）が見つからないため英語で表示します — senrei を入れ直すか "
                 "SENREI_LOCALEDIR を指定してください (the Japanese catalog senrei.mo was not found: reinstall senrei, "
                 "or set SENREI_LOCALEDIR; --lang en hides this)\n";
}

}  // namespace

namespace {
int run(int argc, char** argv);
}  // namespace

// Exits without running static destructors: by then every command has closed what it wrote
// (index writers commit, files close, the workspace lock goes with the process), and unmapping
// MeCab's dictionary and Xapian's tables one by one was a tenth of a search's CPU.
int main(int argc, char** argv) {
  const int rc = run(argc, argv);
  std::cout.flush();
  if (!std::cout.good() && rc == 0) {
    std::cerr << "senrei: " << senrei::tr("writing the output failed (disk full?)") << "\n";
    std::cerr.flush();
    std::_Exit(1);
  }
  std::cerr.flush();
#if SENREI_LEAK_CHECK
  // _Exit skips LeakSanitizer's atexit check; everything a command made is gone by now.
  __lsan_do_leak_check();
#endif
  std::_Exit(rc);
}

namespace {
int run(int argc, char** argv) {
  using namespace senrei::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  Context ctx;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  using senrei::tr;
  using senrei::trf;
  try {
    choose_language(args);
    // Global options come before the command.
    size_t i = 0;
    std::string color = "auto";
    for (; i < args.size(); ++i) {
      const auto& a = args[i];
      if (a == "--data" || a == "--color") {
        if (i + 1 >= args.size()) throw UsageError(trf("{1} needs a value", {a}));
        (a == "--data" ? ctx.data_flag : color) = args[++i];
      } else if (a.rfind("--data=", 0) == 0) {
        ctx.data_flag = a.substr(7);
      } else if (a.rfind("--color=", 0) == 0) {
        color = a.substr(8);
      } else if (a == "-h" || a == "--help") {
        print_help(std::cout);
        return 0;
      } else if (a == "--version") {
        std::cout << "senrei " << senrei::kVersion << " (plugin ABI " << senrei::kPluginAbiVersion << ")\n";
        return 0;
      } else if (a.rfind("-", 0) == 0) {
        throw UsageError(trf("unknown option {1} before the command (see senrei --help)", {a}));
      } else {
        break;
      }
    }
    if (color != "auto" && color != "always" && color != "never")
      throw UsageError(trf("--color takes auto, always or never, not '{1}'", {color}));
    ctx.color = color == "always" || (color == "auto" && ::isatty(1) && std::getenv("NO_COLOR") == nullptr);
    ctx.progress = ::isatty(2);
    if (i >= args.size()) {
      print_help(std::cerr);
      return 2;
    }
    std::string name = args[i];
    if (name == "help") {
      if (i + 1 < args.size())
        for (const auto& c : commands())
          if (c.name == args[i + 1]) {
            print_command_help(std::cout, c);
            return 0;
          }
      print_help(std::cout);
      return 0;
    }
    for (const auto& c : commands()) {
      if (c.name != name) continue;
      std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
      for (const auto& r : rest) {
        if (r == "--") break;
        if (r == "-h" || r == "--help") {
          print_command_help(std::cout, c);
          return 0;
        }
      }
      auto parsed = parse_args(rest, c.options);
      return c.run(ctx, parsed);
    }
    throw UsageError(trf("unknown command '{1}' (see senrei --help)", {name}));
  } catch (const UsageError& e) {
    std::cerr << "senrei: " << inert(e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "senrei: " << inert(e.what()) << "\n";
    return 1;
  } catch (const Xapian::Error& e) {
    // Not a std::exception: every Xapian error a command did not turn into an IndexError (F7).
    std::cerr << "senrei: "
              << trf("the index could not be read or written ({1}) — run `senrei doctor` to check the workspace, "
                     "`senrei doctor --repair` to rebuild the index",
                     {e.get_description()})
              << "\n";
    return 1;
  }
}
}  // namespace
