#include "cli/args.hpp"

#include <charconv>

#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"
#include "ja/nearest.hpp"
#include "senrei/ja.hpp"

namespace senrei::cli {

std::vector<std::string_view> choices_of(const OptionSpec& option) {
  std::vector<std::string_view> out;
  std::string_view s = option.choices;
  while (!s.empty()) {
    auto sp = s.find(' ');
    if (sp != 0) out.push_back(s.substr(0, sp));
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
  return out;
}

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
    throw UsageError(fill(tr("--{1} takes a whole number from {2} to {3}, not '{4}'"),
                          {name, std::to_string(min), std::to_string(max), echo_argument(v)}));
  return n;
}

std::string echo_argument(std::string_view arg, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0, i = 0;
  while (i < arg.size() && chars < max_chars) {
    const unsigned char c = static_cast<unsigned char>(arg[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = len > 0 && i + len <= arg.size();
    for (std::size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(arg[i + k]) & 0xC0) == 0x80;
    if (!valid) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no character
      ++i;
    } else {
      out += arg.substr(i, len);
      i += len;
    }
    ++chars;
  }
  if (i < arg.size()) out += "…";
  return ja::one_line(out);
}

namespace {

// "-東京 会費", "-tokyo 会費": a query the shell passed as one word, not an option.
bool is_operand_like(const std::string& a) {
  if (a.size() < 2 || a[0] != '-') return true;
  const std::size_t from = a[1] == '-' ? 2 : 1;
  if (from < a.size() && (static_cast<unsigned char>(a[from]) >= 0x80)) return true;
  return a.find_first_of(" \t") != std::string::npos && a.find('=') == std::string::npos;
}

std::string unknown_option(const std::string& written, const std::vector<OptionSpec>& options,
                           std::string_view context) {
  std::vector<std::string_view> names;
  std::vector<std::string> longs;
  for (const auto& o : options) longs.push_back("--" + std::string(o.name));
  for (const auto& l : longs) names.push_back(l);
  const std::string shown = echo_argument(written);
  if (auto best = ja::nearest(written, names)) {
    if (context.empty()) return fill(tr("unknown option {1}: did you mean {2}?"), {shown, *best});
    return fill(tr("unknown option {1} for {2}: did you mean {3}?"), {shown, context, *best});
  }
  if (context.empty()) return fill(tr("unknown option {1} (see senrei --help)"), {shown});
  if (context == "search")
    return fill(tr("unknown option {1} for search (see senrei search --help); a query that starts with - goes "
                   "after --: senrei search -- {1}"), {shown});
  return fill(tr("unknown option {1} for {2} (see senrei {2} --help)"), {shown, context});
}

void check_choice(const OptionSpec& o, const std::string& value) {
  const auto choices = choices_of(o);
  if (choices.empty()) return;
  for (auto c : choices)
    if (c == value) return;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  const std::string shown = echo_argument(value);
  if (auto best = ja::nearest(value, choices))
    throw UsageError(fill(tr("--{1} takes {2}, not '{3}': did you mean {4}?"), {o.name, list, shown, *best}));
  throw UsageError(fill(tr("--{1} takes {2}, not '{3}'"), {o.name, list, shown}));
}

}  // namespace

Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& options,
                std::string_view context) {
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
    if (!o.value_name.empty()) check_choice(o, value);
    auto& v = args.values[std::string(o.name)];
    if (!o.repeatable) v.clear();
    v.push_back(std::move(value));
  };
  auto needs_value = [&](const std::string& written, const OptionSpec& o) {
    return UsageError(fill(tr("{1} needs a value ({2})"), {written, o.value_name}));
  };
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") {
      for (++i; i < argv.size(); ++i) args.positional.push_back(argv[i]);
      break;
    }
    if (is_operand_like(a)) {
      args.positional.push_back(a);
      continue;
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
      if (!o) throw UsageError(unknown_option("--" + name, options, context));
      if (o->value_name.empty()) {
        if (inline_value) throw UsageError(fill(tr("{1} takes no value"), {"--" + name}));
        store(*o, "1");
      } else if (inline_value) {
        store(*o, value);
      } else {
        if (i + 1 >= argv.size()) throw needs_value("--" + name, *o);
        store(*o, argv[++i]);
      }
      continue;
    }
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && !(a[1] >= '0' && a[1] <= '9')) {
      const OptionSpec* o = find_short(a[1]);
      if (!o) throw UsageError(unknown_option(a.substr(0, 2), options, context));
      if (o->value_name.empty()) {
        if (a.size() > 2) throw UsageError(fill(tr("{1} takes no value"), {a.substr(0, 2)}));
        store(*o, "1");
      } else if (a.size() > 2) {
        store(*o, a.substr(2));
      } else {
        if (i + 1 >= argv.size()) throw needs_value(a, *o);
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
