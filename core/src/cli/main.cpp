// senrei — a knowledge base of precedents for regional medical information networks.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <xapian.h>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "i18n/i18n.hpp"
#include "cli/install_paths.hpp"
#include "cli/manual.hpp"
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

// An error message fit for a terminal: each of its lines through ja::one_line, so a query, a
// file name or a value echoed in it cannot send escape sequences (F8 of the reliability report).
std::string inert(std::string_view message) {
  std::string out;
  for (std::size_t start = 0; start <= message.size();) {
    std::size_t end = message.find('\n', start);
    if (end == std::string_view::npos) end = message.size();
    out += senrei::cli::with_installed_paths(senrei::ja::one_line(message.substr(start, end - start)));
    if (end < message.size()) out += '\n';
    start = end + 1;
  }
  return out;
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
    std::cerr << "senrei: writing the output failed (disk full?)\n";
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
  try {
    // The language first (--lang anywhere, $SENREI_LANG, $LANG: i18n/i18n.hpp), so every later
    // message is in it; then the other global options before or after the command.
    choose_language(args);
    CommandLine cl = parse_command_line(args);
    if (cl.version) {
      std::cout << "senrei " << senrei::kVersion << " (plugin ABI " << senrei::kPluginAbiVersion << ")\n";
      return 0;
    }
    if (cl.help) {
      if (cl.command && cl.command->name != "help") print_command_help(std::cout, *cl.command);
      else print_help(std::cout);
      return 0;
    }
    ctx.data_flag = cl.data;
    ctx.lang = senrei::i18n::japanese() ? "ja" : "en";
    ctx.color = cl.color == "always" || (cl.color == "auto" && ::isatty(1) && std::getenv("NO_COLOR") == nullptr);
    ctx.progress = ::isatty(2);
    if (!cl.command) {
      print_help(std::cerr);
      return 2;
    }
    return cl.command->run(ctx, cl.args);
  } catch (const UsageError& e) {
    std::cerr << "senrei: " << inert(e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "senrei: " << inert(e.what()) << "\n";
    return 1;
  } catch (const Xapian::Error& e) {
    // Not a std::exception: every Xapian error a command did not turn into an IndexError (F7).
    std::cerr << "senrei: "
              << senrei::trf("the index could not be read or written ({1}) — run `senrei doctor` to check the workspace, "
                             "`senrei doctor --repair` to rebuild the index",
                             {e.get_description()})
              << "\n";
    return 1;
  }
}
}  // namespace
