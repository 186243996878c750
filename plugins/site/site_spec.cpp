#include "site_spec.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <sstream>

#include <toml++/toml.h>

#include "senrei/fields.hpp"
#include "senrei/ja.hpp"
#include "senrei/label_phrasings.hpp"
#include "senrei/url.hpp"
#include "toml/toml_guard.hpp"

namespace senrei_site {

bool UrlPattern::found_in(std::string_view url) const { return re && re2::RE2::PartialMatch(url, *re); }

std::shared_ptr<const re2::RE2> compile_url_pattern(std::string_view text, std::string& error) {
  if (text.size() > kMaxPatternBytes) {
    error = "the pattern is " + std::to_string(text.size()) + " bytes long; URL patterns may have at most " +
            std::to_string(kMaxPatternBytes);
    return nullptr;
  }
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && text[i + 1] >= '1' && text[i + 1] <= '9') {
      error = "'" + senrei::ja::one_line(text) + "' has a back-reference (\\" + std::string(1, text[i + 1]) +
              "), which URL patterns do not support; write literal dots as \\. inside '...' strings";
      return nullptr;
    }
    if (text[i] == '\\') {
      ++i;  // the escaped character
      continue;
    }
    if (text.compare(i, 3, "(?=") == 0 || text.compare(i, 3, "(?!") == 0 || text.compare(i, 4, "(?<=") == 0 ||
        text.compare(i, 4, "(?<!") == 0) {
      error = "'" + senrei::ja::one_line(text) + "' has a lookaround (" + std::string(text.substr(i, text[i + 2] == '<' ? 4 : 3)) +
              "), which URL patterns (RE2) do not support: match the URL itself, or add a [scope] deny pattern";
      return nullptr;
    }
  }
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);  // a huge repetition count is refused, not built
  auto re = std::make_shared<const re2::RE2>(re2::StringPiece(text.data(), text.size()), options);
  if (!re->ok()) {
    error = "'" + senrei::ja::one_line(text) + "' is not a regular expression URL patterns (RE2) support (" +
            senrei::ja::one_line(re->error()) + "); write literal dots as \\. inside '...' strings";
    return nullptr;
  }
  return re;
}

namespace {

using senrei::RecordKind;

// The charsets a source may declare: the labels senrei's decoder maps (every Shift_JIS label
// is CP932, every EUC-JP label EUC-JP-MS; PITFALLS.md).
const std::vector<std::string> kCharsets = {"shift_jis", "sjis", "cp932", "windows-31j", "x-sjis", "ms_kanji",
                                            "euc-jp", "eucjp", "x-euc-jp", "iso-2022-jp", "utf-8", "utf8"};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class Reader {
 public:
  explicit Reader(std::filesystem::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& what) const {
    std::ostringstream msg;
    // Every message names a line: a key missing from the whole file is reported at line 1.
    msg << file_.string() << ":" << std::max<uint32_t>(where.begin.line, 1) << ":"
        << std::max<uint32_t>(where.begin.column, 1);
    // One line, whatever the file holds: control characters (a newline inside a quoted value,
    // in TOML's own error text) become spaces (found by tests/fuzz/fuzz_site.cpp).
    msg << ": " << senrei::ja::one_line(what);
    throw SpecError(msg.str());
  }

  // Every key of `table` must be one of `allowed`.
  void only_keys(const toml::table& table, const std::vector<std::string>& allowed, const std::string& where) const {
    for (const auto& [key, node] : table) {
      (void)node;
      if (std::find(allowed.begin(), allowed.end(), std::string(key.str())) == allowed.end())
        fail(key.source(), "unknown key '" + std::string(key.str()) + "'" + where + " (expected one of: " + join(allowed) +
                               ")");
    }
  }

  std::optional<std::string> string(const toml::table& t, const std::string& key, const std::string& example,
                                    bool required = false) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(t.source(), "missing key '" + key + "' (a string, e.g. " + key + " = " + example + ")");
      return std::nullopt;
    }
    if (!n->is_string()) fail(n->source(), "'" + key + "' must be a string, e.g. " + key + " = " + example);
    std::string v = **n->as_string();
    if (v.empty()) fail(n->source(), "'" + key + "' is empty (e.g. " + key + " = " + example + ")");
    return v;
  }

  std::vector<std::string> strings(const toml::table& t, const std::string& key, const std::string& example) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) fail(n->source(), "'" + key + "' must be a list of strings, e.g. " + key + " = [" + example + "]");
    for (const auto& item : *a) {
      if (!item.is_string())
        fail(item.source(), "'" + key + "' must hold strings only, e.g. " + key + " = [" + example + "]");
      out.push_back(**item.as_string());
    }
    return out;
  }

  std::optional<double> number(const toml::table& t, const std::string& key, double min, double max) const {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    double v = 0;
    if (n->is_integer())
      v = static_cast<double>(**n->as_integer());
    else if (n->is_floating_point())
      v = **n->as_floating_point();
    else
      fail(n->source(), "'" + key + "' must be a number");
    if (v < min || v > max)
      fail(n->source(), "'" + key + "' must be between " + std::to_string(static_cast<long long>(min)) + " and " +
                            std::to_string(static_cast<long long>(max)));
    return v;
  }

  UrlPattern pattern(const toml::node& n, const std::string& key) const {
    if (!n.is_string()) fail(n.source(), "'" + key + "' must be a regular expression in a string, e.g. '^https://www\\.pref\\.example\\.lg\\.jp/kenko/'");
    UrlPattern p;
    p.text = **n.as_string();
    std::string error;
    p.re = compile_url_pattern(p.text, error);
    if (!p.re) fail(n.source(), error);
    return p;
  }

  std::vector<UrlPattern> patterns(const toml::table& t, const std::string& key) const {
    std::vector<UrlPattern> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) fail(n->source(), "'" + key + "' must be a list of regular expressions, e.g. " + key + " = ['^https://…/kenko/']");
    for (const auto& item : *a) out.push_back(pattern(item, key));
    return out;
  }

  std::optional<RecordKind> kind(const toml::node& n, const std::string& key) const {
    static const std::string kinds =
        "case_overview, case_step, step_guide, point, faq, glossary, statistics, guideline, standard, notice, other, "
        "or none";
    if (!n.is_string()) fail(n.source(), "'" + key + "' must be a record kind in a string: " + kinds);
    std::string v = **n.as_string();
    if (v == "none") return std::nullopt;
    auto k = senrei::parse_record_kind(v);
    if (!k) fail(n.source(), "'" + v + "' is not a record kind (expected " + kinds + ")");
    return *k;
  }

 private:
  std::filesystem::path file_;
};

// The file's bytes, bounded in size and dotted-key depth before toml++ reads them (F3 of the
// reliability report: one file with a 50,000-part key crashed every command).
std::string read_file(const std::filesystem::path& file) {
  auto loaded = senrei::toml_guard::read_toml_text(file);
  if (loaded.problem)
    throw SpecError(file.string() + ":" + std::to_string(loaded.problem->line) + ":1: " + loaded.problem->message);
  return std::move(loaded.text);
}

// FNV-1a: the file's content goes into the source's version, so editing the file re-extracts
// the pages already stored (SourceInfo::version).
std::string content_hash(const std::string& bytes) {
  uint32_t h = 2166136261u;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 16777619u;
  }
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

bool valid_name(const std::string& s) {
  if (s.empty() || s.front() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

std::string label_key(std::string_view label) { return senrei::label_key(label); }

SiteSpec read_site_spec(const std::filesystem::path& file) {
  const std::string bytes = read_file(file);
  Reader r(file);
  toml::table t;
  try {
    t = toml::parse(bytes, file.string());
  } catch (const toml::parse_error& e) {
    r.fail(e.source(), "not valid TOML: " + std::string(e.description()));
  }
  r.only_keys(t,
              {"name", "title", "publisher", "version", "base_url", "seeds", "charset", "default_kind", "builtin_labels", "document_fields",
               "title_from", "title_strip", "scope", "kind", "labels", "politeness"},
              "");

  SiteSpec s;
  s.file = file;
  s.info.name = *r.string(t, "name", "\"pref-example\"", true);
  if (!valid_name(s.info.name))
    r.fail(t.get("name")->source(), "'name' must be lower-case letters, digits and '-' (it is the command-line name), not '" + s.info.name + "'");
  s.info.title = *r.string(t, "title", "\"○○県 医療政策課\"", true);
  s.info.publisher = *r.string(t, "publisher", "\"○○県\"", true);
  s.info.version = r.string(t, "version", "\"1\"").value_or("1") + "+" + content_hash(bytes);
  auto base = r.string(t, "base_url", "\"https://www.pref.example.lg.jp/\"", true);
  auto base_url = senrei::parse_url(*base);
  if (!base_url || (base_url->scheme != "http" && base_url->scheme != "https"))
    r.fail(t.get("base_url")->source(), "'base_url' must be an absolute http(s) URL such as \"https://www.pref.example.lg.jp/\", not '" + *base + "'");
  s.info.base_url = base_url->str();

  for (const auto& seed : r.strings(t, "seeds", "\"https://www.pref.example.lg.jp/kenko/\"")) {
    auto canon = senrei::canonicalize_url(seed);
    if (!canon || canon->rfind("http", 0) != 0)
      r.fail(t.get("seeds")->source(), "seed '" + seed + "' is not an absolute http(s) URL");
    s.seeds.push_back(*canon);
  }
  if (s.seeds.empty()) s.seeds.push_back(s.info.base_url);

  if (auto cs = r.string(t, "charset", "\"Shift_JIS\"")) {
    if (std::find(kCharsets.begin(), kCharsets.end(), lower(*cs)) == kCharsets.end())
      r.fail(t.get("charset")->source(), "charset '" + *cs + "' is not one senrei decodes (expected Shift_JIS, EUC-JP, ISO-2022-JP or UTF-8)");
    s.policy.charset = *cs;
  }
  if (const auto* n = t.get("default_kind")) s.default_kind = r.kind(*n, "default_kind");
  if (const auto* n = t.get("builtin_labels")) {
    if (!n->is_boolean()) r.fail(n->source(), "'builtin_labels' must be true or false");
    s.builtin_labels = **n->as_boolean();
  }
  if (const auto* n = t.get("document_fields")) {
    if (!n->is_boolean()) r.fail(n->source(), "'document_fields' must be true or false");
    s.document_fields = **n->as_boolean();
  }
  if (auto tf = r.string(t, "title_from", "\"h1\"")) {
    if (*tf != "title" && *tf != "h1") r.fail(t.get("title_from")->source(), "'title_from' must be \"title\" or \"h1\", not '" + *tf + "'");
    s.title_from = *tf;
  }
  s.title_strip = r.strings(t, "title_strip", "\"｜○○県\"");

  if (const auto* n = t.get("scope")) {
    const auto* scope = n->as_table();
    if (!scope) r.fail(n->source(), "'scope' must be a table: [scope] with allow = [...] and deny = [...]");
    r.only_keys(*scope, {"allow", "deny"}, " in [scope]");
    s.allow = r.patterns(*scope, "allow");
    s.deny = r.patterns(*scope, "deny");
  }

  if (const auto* n = t.get("kind")) {
    const auto* rules = n->as_array();
    if (!rules) r.fail(n->source(), "'kind' must be a list of tables: [[kind]] with url = '...' and kind = \"...\"");
    for (const auto& item : *rules) {
      const auto* rule = item.as_table();
      if (!rule) r.fail(item.source(), "each [[kind]] must be a table with url = '...' and kind = \"...\"");
      r.only_keys(*rule, {"url", "kind", "force"}, " in [[kind]]");
      const auto* url = rule->get("url");
      const auto* kind = rule->get("kind");
      if (!url || !kind) r.fail(rule->source(), "each [[kind]] needs both url = '<regular expression>' and kind = \"<record kind>\"");
      bool force = false;
      if (const auto* f = rule->get("force")) {
        if (!f->is_boolean()) r.fail(f->source(), "'force' in [[kind]] must be true or false");
        force = **f->as_boolean();
      }
      s.kinds.push_back({r.pattern(*url, "url"), r.kind(*kind, "kind"), force});
    }
  }

  if (const auto* n = t.get("labels")) {
    const auto* labels = n->as_table();
    if (!labels) r.fail(n->source(), "'labels' must be a table: [labels] with \"ラベル\" = \"field_name\" lines");
    const auto& known = senrei::known_field_names();
    for (const auto& [key, value] : *labels) {
      if (!value.is_string()) r.fail(value.source(), "the field for label '" + std::string(key.str()) + "' must be a string, e.g. \"build_cost_yen\"");
      std::string field = **value.as_string();
      if (field != "as_of" && std::find(known.begin(), known.end(), field) == known.end())
        r.fail(value.source(), "'" + field + "' is not a field senrei knows (expected as_of or one of: " + join(known) + ")");
      std::string k = label_key(key.str());
      if (k.empty()) r.fail(key.source(), "an empty label");
      s.labels.push_back({k, field});
    }
  }

  if (const auto* n = t.get("politeness")) {
    const auto* p = n->as_table();
    if (!p) r.fail(n->source(), "'politeness' must be a table: [politeness] with delay_seconds, max_pages, max_depth");
    r.only_keys(*p, {"delay_seconds", "max_pages", "max_depth"}, " in [politeness]");
    if (auto d = r.number(*p, "delay_seconds", 0, 3600)) s.policy.delay_seconds = *d;
    if (auto m = r.number(*p, "max_pages", 1, 10000000)) s.policy.max_pages = static_cast<int>(*m);
    if (auto m = r.number(*p, "max_depth", 1, 1000)) s.policy.max_depth = static_cast<int>(*m);
  }
  return s;
}

}  // namespace senrei_site
