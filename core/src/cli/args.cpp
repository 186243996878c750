#include "cli/args.hpp"

#include <charconv>

#include "i18n/i18n.hpp"

namespace senrei::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string>& Args::all(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = values.find(name);
  return it == values.end() ? none : it->second;
}

long Args::get_int(const std::string& name, long fallback, long min, long max) const {
  if (!has(name)) return fallback;
  std::string v = get(name);
  long n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < min || n > max)
    throw UsageError("--" + name + " takes a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not '" + v + "'");
  return n;
}

Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& options) {
  Args args;
  auto find_long = [&](std::string_view n) -> const OptionSpec* {
    for (const auto& o : options)
      if (o.name == n) return &o;
    return nullptr;
  };
  auto find_short = [&](char c) -> const OptionSpec* {
    for (const auto& o : options)
      if (o.short_name == c) return &o;
    return nullptr;
  };
  auto store = [&](const OptionSpec& o, std::string value) {
    auto& v = args.values[std::string(o.name)];
    if (!o.repeatable) v.clear();
    v.push_back(std::move(value));
  };
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") {
      for (++i; i < argv.size(); ++i) args.positional.push_back(argv[i]);
      break;
    }
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      std::string name = a.substr(2), value;
      bool inline_value = false;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
        inline_value = true;
      }
      const OptionSpec* o = find_long(name);
      if (!o) throw UsageError("unknown option --" + name + " (see --help)");
      if (o->value_name.empty()) {
        if (inline_value) throw UsageError("--" + name + " takes no value");
        store(*o, "1");
      } else if (inline_value) {
        store(*o, value);
      } else {
        if (i + 1 >= argv.size()) throw UsageError("--" + name + " needs a value (" + std::string(o->value_name) + ")");
        store(*o, argv[++i]);
      }
      continue;
    }
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && !(a[1] >= '0' && a[1] <= '9')) {
      const OptionSpec* o = find_short(a[1]);
      if (!o) throw UsageError("unknown option " + a.substr(0, 2) + " (see --help)");
      if (o->value_name.empty()) {
        if (a.size() > 2) throw UsageError(a.substr(0, 2) + " takes no value");
        store(*o, "1");
      } else if (a.size() > 2) {
        store(*o, a.substr(2));
      } else {
        if (i + 1 >= argv.size()) throw UsageError(a + " needs a value (" + std::string(o->value_name) + ")");
        store(*o, argv[++i]);
      }
      continue;
    }
    args.positional.push_back(a);
  }
  return args;
}

std::string format_options(const std::vector<OptionSpec>& options) {
  std::string out;
  for (const auto& o : options) {
    std::string left = "  ";
    left += o.short_name ? std::string("-") + o.short_name + ", " : "    ";
    left += "--" + std::string(o.name);
    if (!o.value_name.empty()) left += " " + std::string(o.value_name);
    if (left.size() < 28) left.resize(28, ' ');
    else left += "  ";
    out += left + tr(std::string(o.help).c_str()) + "\n";
  }
  return out;
}

}  // namespace senrei::cli
