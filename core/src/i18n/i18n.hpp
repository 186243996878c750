// i18n/i18n.hpp — the language of senrei's human output (gettext catalog "senrei").
//
// Every sentence a person reads (help, errors, progress, summaries, `show`, `stats`, `sources`,
// `search` headers) is written in English in the code and passed through tr(); po/ja.po holds
// its Japanese, compiled to share/locale/ja/LC_MESSAGES/senrei.mo (build tree: build/locale/).
// Keys, field codes and JSON are never translated (docs/json.md).
//
// The language is Japanese unless asked otherwise: `--lang en|ja` (any command, taken out of the
// arguments by take_lang_option), else $SENREI_LANG=en|ja, else the first of $LC_ALL,
// $LC_MESSAGES, $LANG that is set, when it names English (en, en_US.UTF-8) or Japanese; C, POSIX
// and other languages give Japanese.  init() is called once by main before any thread starts:
// it records the choice in $SENREI_LANG (so the engine module, which has its own copy of this
// code, sees it) and, for Japanese, points gettext at the catalog with LC_MESSAGES = C.UTF-8 and
// $LANGUAGE = ja, which works on a machine where no ja_JP locale is generated.  Only
// LC_MESSAGES changes: numbers are still formatted in the "C" locale.
//
// Without init() (a library used by a test), tr() returns the English msgid and language() is
// $SENREI_LANG's, else English.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

// Marks a string for the catalog where it is declared (a static table); tr() it where shown.
#define N_(msgid) msgid

namespace senrei {

// The catalog's translation of `msgid` in the chosen language; `msgid` itself in English, or
// when the catalog lacks it.
const char* tr(const char* msgid);

// tr() then fill {1}, {2}, ... with `args` (a translation may reorder them).
std::string trf(const char* msgid, std::initializer_list<std::string_view> args);
// Fills {1}, {2}, ... of an already translated pattern: fill(n == 1 ? tr("{1} page") : tr("{1} pages"), {…})
// (xgettext sees both msgids only when each is inside tr()).
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

namespace i18n {

enum class Lang { ja, en };

// The language chosen by init(), else $SENREI_LANG's, else English.
Lang language();
inline bool japanese() { return language() == Lang::ja; }

// "en" or "ja" to a Lang; false for anything else.
bool parse_lang(std::string_view name, Lang& out);

// Removes every `--lang X` / `--lang=X` before a `--` from `args` and returns the last X ("" if
// none).  Throws std::invalid_argument (an English sentence) for a missing value.
std::string take_lang_option(std::vector<std::string>& args);

// Chooses the language (the rules above; `flag` is --lang's value or "") and sets gettext up.
// Throws std::invalid_argument for a --lang or $SENREI_LANG that is neither en nor ja.
Lang init(const std::string& flag);

// The folder holding <lang>/LC_MESSAGES/senrei.mo: $SENREI_LOCALEDIR, else the build tree's
// locale/ beside the binary, else <prefix>/share/locale; "" when none has the Japanese catalog.
std::string locale_dir();

// Whether init() found the Japanese catalog and set gettext up (false in English).
bool catalog_loaded();

}  // namespace i18n
}  // namespace senrei
