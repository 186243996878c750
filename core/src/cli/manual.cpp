#include "cli/manual.hpp"

#include "cli/install_paths.hpp"

#include <ostream>
#include <sstream>

#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"
#include "senrei/version.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::cli {
namespace {

constexpr const char* kExitStatus =
    "Exit status: 0 success (search: something matched), 1 failure (search: nothing matched; "
    "sources --check: nothing checked), 2 usage error, 3 refused (check-url).";

std::string words(const std::vector<std::string_view>& list) {
  std::string out;
  for (auto w : list) out += (out.empty() ? "" : " ") + std::string(w);
  return out;
}

std::string vocabulary_words(vocabulary::Concept c) {
  std::string out;
  for (const auto& t : vocabulary::terms(c)) out += (out.empty() ? "" : " ") + std::string(t.keyword);
  return out;
}

// roff: a backslash doubled, '-' as \- (a real minus), a leading . or ' kept from being a request.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string roff_option(const OptionSpec& o) {
  std::string out = ".TP\n";
  if (o.short_name) out += "\\fB\\-" + std::string(1, o.short_name) + "\\fR, ";
  out += "\\fB\\-\\-" + roff(o.name) + "\\fR";
  if (!o.value_name.empty()) out += " \\fI" + roff(o.value_name) + "\\fR";
  out += "\n" + roff(o.help);
  if (!o.choices.empty()) out += " (" + roff(words(choices_of(o))) + ")";
  return out + "\n";
}

}  // namespace

namespace {
void print_help_text(std::ostream& out) {
  out << "senrei " << kVersion << " — " << tr("precedents for planning a regional medical information network") << "\n\n"
      << tr("usage: senrei [OPTIONS] COMMAND [ARGS]  (options before or after the command)") << "\n\n"
      << tr("commands:") << "\n";
  for (const auto& c : commands()) {
    std::string left = "  " + std::string(c.name);
    left.resize(14, ' ');
    out << left << tr(std::string(c.summary).c_str()) << "\n";
  }
  out << "\n" << tr("options:") << "\n" << format_options(global_options()) << "\n"
      << tr("`senrei COMMAND --help` describes a command; `man senrei` describes them all.") << "\n"
      << tr(kExitStatus) << "\n";
}

void print_command_help_text(std::ostream& out, const Command& c) {
  out << tr("usage:") << " senrei " << c.name << (c.usage.empty() ? "" : " ") << c.usage << "\n\n"
      << tr(std::string(c.summary).c_str()) << "\n";
  if (!c.options.empty()) out << "\n" << tr("options:") << "\n" << format_options(c.options);
  out << "\n" << tr("global options (before or after the command):") << "\n" << format_options(global_options());
}

}  // namespace

// Help names the documents where they are on this machine (cli/install_paths.hpp).
void print_help(std::ostream& out) {
  std::ostringstream text;
  print_help_text(text);
  out << with_installed_paths(text.str());
}

void print_command_help(std::ostream& out, const Command& c) {
  std::ostringstream text;
  print_command_help_text(text, c);
  out << with_installed_paths(text.str());
}

std::string manual_page() {
  std::string m;
  m += ".TH SENREI 1 \"\" \"senrei " + std::string(kVersion) + "\" \"User Commands\"\n"
       ".nh\n.ad l\n";  // no hyphenation, ragged right: option names stay whole
  m += ".SH NAME\nsenrei \\- precedents for planning a regional medical information network\n";
  m += ".SH SYNOPSIS\n\\fBsenrei\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n";
  m += ".SH DESCRIPTION\n"
       "senrei gathers other networks' case studies and the ministries' guidelines through source plugins, "
       "indexes them for Japanese search, and compares a council's plan with the precedents.\n"
       "Global options may be written before or after the command.\n";
  m += ".SH GLOBAL OPTIONS\n";
  for (const auto& o : global_options()) m += roff_option(o);
  m += ".SH COMMANDS\n";
  for (const auto& c : commands()) {
    m += ".SS \"" + roff(c.name) + (c.usage.empty() ? "" : " " + roff(c.usage)) + "\"\n" + roff(c.summary) + "\n";
    if (!c.options.empty()) m += ".RS\n";
    for (const auto& o : c.options) m += roff_option(o);
    if (!c.options.empty()) m += ".RE\n";
  }
  m += ".SH QUERY FILTERS\n"
       ".TP\n\\fBkind:\\fR\n" + roff(vocabulary_words(vocabulary::Concept::record_kind)) + "\n"
       ".TP\n\\fBform:\\fR\n" + roff(vocabulary_words(vocabulary::Concept::operator_form)) + "\n"
       ".TP\n\\fBfund:\\fR\n" + roff(vocabulary_words(vocabulary::Concept::funding_source)) + "\n"
       ".TP\n\\fBproduct:\\fR\n" + roff(vocabulary_words(vocabulary::Concept::product)) + "\n";
  m += ".SH EXIT STATUS\n" + roff(kExitStatus) + "\n";
  m += ".SH ENVIRONMENT\n"
       ".TP\n\\fBSENREI_DATA\\fR\nthe workspace when \\-\\-data is not given (else ./senrei\\-data)\n"
       ".TP\n\\fBSENREI_LANG\\fR\nja or en, when \\-\\-lang is not given\n"
       ".TP\n\\fBSENREI_CONTACT\\fR\nthe contact sent in the User\\-Agent of a crawl\n"
       ".TP\n\\fBSENREI_PLUGIN_PATH\\fR\nmore folders of source plugins, separated by colons\n"
       ".TP\n\\fBNO_COLOR\\fR\nno colour with \\-\\-color auto\n";
  m += ".SH FILES\n"
       ".TP\n\\fI<prefix>/share/doc/senrei/\\fR\nthe user documentation (query.md, plan.md, crawl.md, plugins.md, json.md)\n"
       ".TP\n\\fI<prefix>/share/senrei/sample/\\fR\nthe sample corpus and plan\\-example.toml\n"
       ".TP\n\\fI<prefix>/lib/senrei/plugins/\\fR\nthe built\\-in source plugins\n";
  m += ".SH SEE ALSO\n\\fBxapian\\fR(7), \\fBmecab\\fR(1)\n";
  return m;
}

std::string completion_script(std::string_view shell) {
  // Options with their value kinds, per command, as one case statement each.
  auto option_words = [](const std::vector<OptionSpec>& opts) {
    std::string out;
    for (const auto& o : opts) {
      out += (out.empty() ? "" : " ") + std::string("--") + std::string(o.name);
      if (o.short_name) out += std::string(" -") + o.short_name;
    }
    return out;
  };
  std::string command_names;
  for (const auto& c : commands()) command_names += (command_names.empty() ? "" : " ") + std::string(c.name);
  const std::string globals = option_words(global_options());
  // The value of an option: a case branch "--name|-n) …".
  auto value_cases = [&](const std::vector<OptionSpec>& opts, bool zsh) {
    std::string out;
    for (const auto& o : opts) {
      if (o.value_name.empty()) continue;
      out += "    --" + std::string(o.name) + (o.short_name ? std::string("|-") + o.short_name : "") + ") ";
      std::string what;
      if (!o.choices.empty()) what = "w '" + words(choices_of(o)) + "'";
      else if (o.complete == Complete::source) what = "w \"$(_senrei_sources)\"";
      else if (o.complete == Complete::dir) what = "d";
      else if (o.complete == Complete::file) what = "f";
      else what = "n";
      out += "_senrei_value " + what + "; return;;\n";
    }
    (void)zsh;
    return out;
  };
  std::string s;
  const bool zsh = shell == "zsh";
  if (shell != "bash" && !zsh) throw UsageError(fill(tr("completion takes bash or zsh, not '{1}'"), {shell}));
  if (zsh) s += "#compdef senrei\n";
  s += "# senrei " + std::string(kVersion) + " — generated by `senrei completion " + std::string(shell) +
       "` from senrei's option table; do not edit.\n";
  s += "_senrei_sources() { command senrei ${_senrei_data:+--data \"$_senrei_data\"} sources --names 2>/dev/null; }\n";
  if (zsh) {
    s += "_senrei_value() {\n"
         "  case $1 in\n"
         "    w) compadd -- ${=2};;\n"
         "    d) _files -/;;\n"
         "    f) _files;;\n"
         "  esac\n"
         "}\n"
         "_senrei() {\n"
         "  local cur=${words[CURRENT]} prev=${words[CURRENT-1]} cmd='' _senrei_data='' i\n"
         "  for ((i = 2; i < CURRENT; i++)); do\n"
         "    case ${words[i]} in\n"
         "      --data) _senrei_data=${words[i+1]}; ((i++));;\n"
         "      --data=*) _senrei_data=${words[i]#--data=};;\n"
         "      --color|--lang) ((i++));;\n"
         "      -*) ;;\n"
         "      *) [[ -z $cmd ]] && cmd=${words[i]};;\n"
         "    esac\n"
         "  done\n";
  } else {
    s += "_senrei_value() {\n"
         "  case $1 in\n"
         "    w) COMPREPLY=($(compgen -W \"$2\" -- \"$cur\"));;\n"
         "    d) COMPREPLY=($(compgen -d -- \"$cur\"));;\n"
         "    f) COMPREPLY=($(compgen -f -- \"$cur\"));;\n"
         "    *) COMPREPLY=();;\n"
         "  esac\n"
         "}\n"
         "# Bash splits words at ':' (COMP_WORDBREAKS): the word is read from the line, and the replies\n"
         "# lose what bash sees as an earlier word (kind:case_overview → case_overview after kind:).\n"
         "_senrei_colon_trim() {\n"
         "  if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then\n"
         "    local p=${cur%\"${cur##*:}\"}\n"
         "    local k; for k in \"${!COMPREPLY[@]}\"; do COMPREPLY[k]=${COMPREPLY[k]#\"$p\"}; done\n"
         "  fi\n"
         "}\n"
         "_senrei() {\n"
         "  local line=${COMP_LINE:0:COMP_POINT}\n"
         "  local cur=${line##*[[:space:]]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd='' _senrei_data='' i\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case ${COMP_WORDS[i]} in\n"
         "      --data) _senrei_data=${COMP_WORDS[i+1]}; ((i++));;\n"
         "      --data=*) _senrei_data=${COMP_WORDS[i]#--data=};;\n"
         "      --color|--lang) ((i++));;\n"
         "      -*) ;;\n"
         "      *) [[ -z $cmd ]] && cmd=${COMP_WORDS[i]};;\n"
         "    esac\n"
         "  done\n";
  }
  // An option's value.
  s += "  case $prev in\n" + value_cases(global_options(), zsh) + "  esac\n";
  s += "  case $cmd in\n";
  for (const auto& c : commands()) {
    std::string inner = value_cases(c.options, zsh);
    if (inner.empty()) continue;
    s += "  " + std::string(c.name) + ")\n    case $prev in\n" + inner + "    esac;;\n";
  }
  s += "  esac\n";
  // No command yet: commands and global options.
  s += "  if [[ -z $cmd ]]; then\n"
       "    if [[ $cur == -* ]]; then _senrei_value w '" + globals + "'; else _senrei_value w '" + command_names +
       "'; fi\n    return\n  fi\n";
  // An option of the command, or its operands.
  s += "  if [[ $cur == -* ]]; then\n    case $cmd in\n";
  for (const auto& c : commands())
    s += "      " + std::string(c.name) + ") _senrei_value w '" + option_words(c.options) + " " + globals + "';;\n";
  s += "    esac\n    return\n  fi\n";
  s += "  case $cmd in\n";
  for (const auto& c : commands()) {
    if (c.operands == Complete::none) continue;
    s += "    " + std::string(c.name) + ") ";
    if (c.operands == Complete::source) s += "_senrei_value w \"$(_senrei_sources)\";;\n";
    else if (c.operands == Complete::file) s += "_senrei_value f;;\n";
    else if (c.operands == Complete::dir) s += "_senrei_value d;;\n";
    else if (c.operands == Complete::query) {
      auto prefixed = [](std::string_view prefix, vocabulary::Concept concept_) {
        std::string out;
        for (const auto& t : vocabulary::terms(concept_))
          out += (out.empty() ? "" : " ") + std::string(prefix) + std::string(t.keyword);
        return out;
      };
      s += "\n      case $cur in\n"
           "        kind:*) _senrei_value w '" + prefixed("kind:", vocabulary::Concept::record_kind) + "';;\n"
           "        form:*) _senrei_value w '" + prefixed("form:", vocabulary::Concept::operator_form) + "';;\n"
           "        fund:*) _senrei_value w '" + prefixed("fund:", vocabulary::Concept::funding_source) + "';;\n"
           "        product:*) _senrei_value w '" + prefixed("product:", vocabulary::Concept::product) + "';;\n"
           "        source:*) _senrei_value w \"$(_senrei_sources | sed 's/^/source:/')\";;\n"
           "        *) _senrei_value w 'kind: form: fund: product: source: pref: year: build: run: pop: patients: inst:';;\n"
           "      esac\n" +
           std::string(zsh ? "" : "      _senrei_colon_trim\n") + "      ;;\n";
    } else {
      s += ";;\n";
    }
  }
  s += "  esac\n";
  s += "}\n";
  s += zsh ? "_senrei \"$@\"\n" : "complete -F _senrei senrei\n";
  return s;
}

int run_help(Context& ctx, const Args& args) {
  if (args.has("man")) {
    *ctx.out << manual_page();
    return 0;
  }
  if (!args.positional.empty()) {
    if (const Command* c = find_command(args.positional[0])) {
      print_command_help(*ctx.out, *c);
      return 0;
    }
    throw UsageError(fill(tr("help: no command '{1}' (senrei --help lists the commands)"), {echo_argument(args.positional[0])}));
  }
  print_help(*ctx.out);
  return 0;
}

int run_completion(Context& ctx, const Args& args) {
  if (args.positional.size() != 1) throw UsageError(tr("completion takes one shell: bash or zsh"));
  *ctx.out << completion_script(args.positional[0]);
  return 0;
}

}  // namespace senrei::cli
