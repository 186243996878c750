#include "cli/command_line.hpp"

#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"
#include "ja/nearest.hpp"

namespace senrei::cli {
namespace {

const OptionSpec* global_named(const std::string& arg) {
  for (const auto& o : global_options()) {
    if (arg.size() == 2 && arg[0] == '-' && o.short_name == arg[1]) return &o;
    if (arg.rfind("--", 0) == 0 && arg.substr(2, arg.find('=') == std::string::npos ? std::string::npos : arg.find('=') - 2) == o.name)
      return &o;
  }
  return nullptr;
}

void take_globals(const Args& from, CommandLine& into) {
  if (from.has("data")) into.data = from.get("data");
  if (from.has("color")) into.color = from.get("color");
  if (from.has("lang")) into.lang = from.get("lang");
  into.help = into.help || from.has("help");
  into.version = into.version || from.has("version");
}

}  // namespace

CommandLine parse_command_line(const std::vector<std::string>& argv) {
  CommandLine cl;
  // Global options before the command.
  std::size_t i = 0;
  for (; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    const OptionSpec* o = global_named(a);
    if (!o) {
      // An option of some command written before it: say where it belongs.
      std::string name = a.substr(0, a.find('='));
      for (const auto& c : commands())
        for (const auto& co : c.options)
          if (name == "--" + std::string(co.name))
            throw UsageError(fill(tr("{1} is an option of senrei {2}: write it after the command, e.g. senrei {2} {1}"),
                                  {name, c.name}));
      parse_args({a}, global_options());  // throws the unknown-option error with its suggestion
      throw UsageError(fill(tr("unknown option {1} (see senrei --help)"), {echo_argument(a)}));  // -語 before a command
    }
    if (o && !o->value_name.empty() && a.find('=') == std::string::npos) ++i;  // its value
  }
  take_globals(parse_args(std::vector<std::string>(argv.begin(), argv.begin() + static_cast<long>(std::min(i, argv.size()))),
                          global_options()),
               cl);
  if (i >= argv.size()) return cl;

  const std::string& name = argv[i];
  cl.command = find_command(name);
  if (!cl.command) {
    std::vector<std::string_view> names;
    for (const auto& c : commands()) names.push_back(c.name);
    if (auto best = ja::nearest(name, names))
      throw UsageError(fill(tr("unknown command '{1}': did you mean {2}? (senrei --help lists the commands)"),
                            {echo_argument(name), *best}));
    throw UsageError(fill(tr("unknown command '{1}' (senrei --help lists the commands)"), {echo_argument(name)}));
  }
  std::vector<std::string> rest(argv.begin() + static_cast<long>(i) + 1, argv.end());
  // --help anywhere before `--` asks for the command's help, whatever else is written.
  for (const auto& r : rest) {
    if (r == "--") break;
    if (r == "-h" || r == "--help") {
      cl.help = true;
      return cl;
    }
  }
  std::vector<OptionSpec> options = cl.command->options;
  for (const auto& g : global_options()) {
    bool own = false;
    for (const auto& o : options) own = own || o.name == g.name || (g.short_name && o.short_name == g.short_name);
    if (!own) options.push_back(g);
  }
  cl.args = parse_args(rest, options, cl.command->name);
  take_globals(cl.args, cl);
  if (!cl.lang.empty()) cl.args.values["lang"] = {cl.lang};
  return cl;
}

}  // namespace senrei::cli
