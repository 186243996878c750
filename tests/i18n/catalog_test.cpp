// The message catalog (core/src/i18n/i18n.hpp, po/ja.po) and the language of human output.
//
// CatalogTest extracts every msgid of the code with xgettext, as `make pot` does, and fails when
// po/ja.po lacks one, leaves one untranslated, or drops a {N} of it.  Language tests run the built
// binary: Japanese by default (no locale, C, POSIX), English with --lang en (before or after the
// command), SENREI_LANG or an English $LANG; codes shown with the labels of senrei/vocabulary.hpp.
// JapaneseOutput runs the commands a secretariat uses on the sample corpus in Japanese and fails
// on a line holding an English sentence.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "cli/cli_support.hpp"

namespace fs = std::filesystem;
using senrei_test::CliRun;
using senrei_test::run_shell;
using senrei_test::shell_quote;

namespace {

// No language chosen anywhere: what a fresh machine (or cron, or a container) gives.
const std::string kNoLanguage = "env -u SENREI_LANG -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE";

CliRun ja(const std::vector<std::string>& args) { return senrei_test::senrei(args, kNoLanguage); }
CliRun en(const std::vector<std::string>& args) { return senrei_test::senrei(args, "SENREI_LANG=en"); }

// The strings of a .po/.pot file: msgid → msgstr (C escapes undone).
std::map<std::string, std::string> read_po(const fs::path& file) {
  std::map<std::string, std::string> out;
  std::string text = senrei_test::slurp(file), *target = nullptr, id, str;
  auto flush = [&] {
    if (!id.empty()) out[id] = str;
    id.clear();
    str.clear();
  };
  auto unquote = [](const std::string& line) {
    std::string s;
    auto a = line.find('"'), b = line.rfind('"');
    for (auto i = a + 1; i < b; ++i) {
      if (line[i] == '\\' && i + 1 < b) {
        char c = line[++i];
        s += c == 'n' ? '\n' : c == 't' ? '\t' : c;
      } else {
        s += line[i];
      }
    }
    return s;
  };
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#~", 0) == 0) continue;  // obsolete entries
    if (line.rfind("msgid ", 0) == 0) {
      flush();
      target = &id;
      *target = unquote(line);
    } else if (line.rfind("msgstr ", 0) == 0) {
      target = &str;
      *target = unquote(line);
    } else if (!line.empty() && line[0] == '"' && target) {
      *target += unquote(line);
    } else if (line.empty()) {
      target = nullptr;
    }
  }
  flush();
  return out;
}

std::set<std::string> placeholders(const std::string& s) {
  std::set<std::string> out;
  static const std::regex re("\\{[1-9]\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) out.insert(it->str());
  return out;
}

TEST(Catalog, EveryMessageOfTheCodeIsTranslatedInPoJa) {
  const fs::path src = SENREI_SOURCE_DIR;
  const fs::path pot = fs::temp_directory_path() / ("senrei-catalog-" + std::to_string(::getpid()) + ".pot");
  const fs::path list = pot.string() + ".files";
  // The same extraction as cmake/pot.cmake (make pot).
  auto r = run_shell("cd " + shell_quote(src.string()) + " && find core index -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort >" +
                     shell_quote(list.string()) +
                     " && xgettext --from-code=UTF-8 --language=C++ --keyword=tr --keyword=trf --keyword=N_ "
                     "--flag=tr:1:no-c-format --flag=trf:1:no-c-format --flag=N_:1:no-c-format -f " +
                     shell_quote(list.string()) + " -o " + shell_quote(pot.string()));
  fs::remove(list);
  ASSERT_EQ(r.status, 0) << r.err << " (xgettext is in Debian's gettext: scripts/setup)";
  auto code = read_po(pot);
  fs::remove(pot);
  auto ja = read_po(src / "po" / "ja.po");
  ASSERT_GT(code.size(), 250u) << "xgettext found too few messages: is tr() still the keyword?";
  std::string missing, untranslated, broken;
  for (const auto& [id, _] : code) {
    auto it = ja.find(id);
    if (it == ja.end()) missing += "\n  " + id;
    else if (it->second.empty()) untranslated += "\n  " + id;
    else if (placeholders(id) != placeholders(it->second)) broken += "\n  " + id + "  →  " + it->second;
  }
  EXPECT_TRUE(missing.empty()) << "not in po/ja.po (run `make pot`, then translate):" << missing;
  EXPECT_TRUE(untranslated.empty()) << "untranslated in po/ja.po:" << untranslated;
  EXPECT_TRUE(broken.empty()) << "a translation drops or adds a {N}:" << broken;
}

TEST(Catalog, IsCompiledIntoTheBuildTree) {
  EXPECT_TRUE(fs::is_regular_file(fs::path(SENREI_BINARY_DIR) / "locale/ja/LC_MESSAGES/senrei.mo"));
}

// A binary that finds no catalog (not beside it in locale/, not in ../share/locale) says so once
// and speaks English; SENREI_LOCALEDIR points it at one.
TEST(Catalog, AMissingCatalogIsSaidAndEnglishIsUsed) {
  const fs::path dir = fs::temp_directory_path() / ("senrei-nocatalog-" + std::to_string(::getpid()));
  fs::create_directories(dir / "bin");
  fs::copy_file(fs::path(SENREI_BINARY_DIR) / "senrei", dir / "bin" / "senrei", fs::copy_options::overwrite_existing);
  const std::string binary = shell_quote((dir / "bin" / "senrei").string());
  auto lost = run_shell(kNoLanguage + " " + binary + " --help");
  EXPECT_EQ(lost.status, 0) << lost.err;
  EXPECT_NE(lost.out.find("usage:"), std::string::npos) << lost.out;
  EXPECT_NE(lost.err.find("senrei.mo"), std::string::npos) << lost.err;
  EXPECT_EQ(senrei_test::count_lines(lost.err), 1u) << lost.err;
  auto found = run_shell(kNoLanguage + " SENREI_LOCALEDIR=" + shell_quote(std::string(SENREI_BINARY_DIR) + "/locale") +
                         " " + binary + " --help");
  EXPECT_NE(found.out.find("使い方:"), std::string::npos) << found.out << found.err;
  EXPECT_EQ(found.err, "");
  auto english = run_shell(kNoLanguage + " " + binary + " --lang en --help");
  EXPECT_EQ(english.err, "") << "English needs no catalog";
  // Installed: <prefix>/bin/senrei finds <prefix>/share/locale.
  fs::create_directories(dir / "share/locale/ja/LC_MESSAGES");
  fs::copy_file(fs::path(SENREI_BINARY_DIR) / "locale/ja/LC_MESSAGES/senrei.mo", dir / "share/locale/ja/LC_MESSAGES/senrei.mo");
  auto installed = run_shell(kNoLanguage + " " + binary + " --help");
  EXPECT_NE(installed.out.find("使い方:"), std::string::npos) << installed.out << installed.err;
  EXPECT_EQ(installed.err, "");
  fs::remove_all(dir);
}

// ---- which language ----

TEST(Language, JapaneseByDefaultWithoutAnyLocale) {
  auto r = ja({"--help"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("使い方:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("コマンド:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("地域医療情報連携ネットワーク"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("usage:"), std::string::npos) << r.out;
}

TEST(Language, CAndPosixLocalesGiveJapaneseAndEnglishOrJapaneseLocalesAreRespected) {
  for (const char* c : {"LANG=C", "LANG=POSIX", "LANG=C.UTF-8", "LANG=fr_FR.UTF-8", "LANG=ja_JP.UTF-8", "LC_ALL=ja_JP.eucJP"})
    EXPECT_NE(senrei_test::senrei({"--help"}, kNoLanguage + " " + c).out.find("使い方:"), std::string::npos) << c;
  for (const char* c : {"LANG=en_US.UTF-8", "LANG=en", "LC_MESSAGES=en_GB.UTF-8", "LC_ALL=en_US.UTF-8 LANG=ja_JP.UTF-8"})
    EXPECT_NE(senrei_test::senrei({"--help"}, kNoLanguage + " " + c).out.find("usage:"), std::string::npos) << c;
  // SENREI_LANG beats the locale; --lang beats both.
  EXPECT_NE(senrei_test::senrei({"--help"}, kNoLanguage + " LANG=en_US.UTF-8 SENREI_LANG=ja").out.find("使い方:"),
            std::string::npos);
  EXPECT_NE(senrei_test::senrei({"--lang", "en", "--help"}, kNoLanguage + " SENREI_LANG=ja").out.find("usage:"),
            std::string::npos);
}

TEST(Language, LangIsAcceptedBeforeOrAfterTheCommandAndBadValuesAreUsageErrors) {
  auto before = ja({"--lang", "en", "search", "--help"});
  auto after = ja({"search", "--help", "--lang=en"});
  EXPECT_NE(before.out.find("usage: senrei search"), std::string::npos) << before.out << before.err;
  EXPECT_EQ(before.out, after.out);
  EXPECT_NE(ja({"search", "--help"}).out.find("使い方: senrei search"), std::string::npos);

  auto bad = ja({"--lang", "fr", "stats"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("'fr'"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("en か ja"), std::string::npos) << bad.err;  // said in the default language
  auto none = ja({"stats", "--lang"});
  EXPECT_EQ(none.status, 2) << none.err;
  auto env = senrei_test::senrei({"stats"}, "SENREI_LANG=de");
  EXPECT_EQ(env.status, 2);
  EXPECT_NE(env.err.find("SENREI_LANG"), std::string::npos) << env.err;
  // After `--` it is a query word, not an option.
  auto word = ja({"--data", "/nonexistent-senrei-ws", "search", "--", "--lang"});
  EXPECT_EQ(word.status, 1) << word.err;
  EXPECT_NE(word.err.find("/nonexistent-senrei-ws"), std::string::npos) << word.err;
}

TEST(Language, ErrorsAreTranslatedWithTheirPlaceholdersFilled) {
  auto ws = ja({"--data", "/nonexistent-senrei-ws", "stats"});
  EXPECT_EQ(ws.status, 1);
  EXPECT_NE(ws.err.find("/nonexistent-senrei-ws に senrei のデータがありません"), std::string::npos) << ws.err;
  auto cmd = ja({"serch", "会費"});
  EXPECT_EQ(cmd.status, 2);
  EXPECT_NE(cmd.err.find("'serch' というコマンドはありません"), std::string::npos) << cmd.err;
  auto english = en({"serch", "会費"});
  EXPECT_NE(english.err.find("unknown command 'serch'"), std::string::npos) << english.err;
}

// ---- Japanese output on the sample corpus ----

class JapaneseOutput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = (fs::temp_directory_path() / ("senrei-i18n-" + std::to_string(::getpid()))).string();
    fs::remove_all(data_);
    auto crawl = ja({"--data", data_, "crawl", "renkei-navi", "--mirror", senrei_test::kSample});
    ASSERT_EQ(crawl.status, 0) << crawl.out << crawl.err;
    crawl_ = crawl;
  }
  static void TearDownTestSuite() { fs::remove_all(data_); }
  static inline std::string data_;
  static inline CliRun crawl_;
};

// A line holding three English words in a row, once URLs, paths, options, `code`, identifiers
// (snake_case, dotted), placeholders (FILE, N) and the program's name are left out.
std::string english_sentence(const std::string& text) {
  static const std::regex noise(
      "[a-z]+://[^\\s）」]*|`[^`]*`|(^|\\s)--?[A-Za-z][-A-Za-z=]*|[^\\s（）「」、。:]*[/._$=][^\\s（）「」、。:]*|"
      "\\b[A-Z][A-Z0-9|_-]+\\b|\\bsenrei\\b");
  static const std::regex words("[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}");
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string rest = std::regex_replace(line, noise, " ");
    if (std::regex_search(rest, words)) return line;
  }
  return {};
}

TEST_F(JapaneseOutput, TheCrawlSummaryIsJapanese) {
  EXPECT_NE(crawl_.out.find("新規"), std::string::npos) << crawl_.out;
  // Numbers keep the "C" form in Japanese (only LC_MESSAGES is set): "0.6秒", not "0,6秒".
  EXPECT_TRUE(std::regex_search(crawl_.out, std::regex("renkei-navi: [0-9]+ページ、[0-9]+\\.[0-9]秒 — 新規[0-9]+"))) << crawl_.out;
  EXPECT_EQ(english_sentence(crawl_.out + crawl_.err), "") << crawl_.out << crawl_.err;
}

TEST_F(JapaneseOutput, SearchShowsJapaneseHeadersAndLabelsForCodes) {
  auto r = ja({"--data", data_, "search", "会費", "--facets"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("^[0-9]+件（1–[0-9]+件目を表示）"))) << r.out;
  EXPECT_NE(r.out.find("[事例概要]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("組織形態="), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("operator_form="), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("種類:"), std::string::npos) << r.out;  // the facet's name
  EXPECT_EQ(english_sentence(r.out), "") << r.out;

  auto e = en({"--data", data_, "search", "会費", "--facets"});
  EXPECT_TRUE(std::regex_search(e.out, std::regex("^[0-9]+ results, showing 1–[0-9]+"))) << e.out;
  EXPECT_NE(e.out.find("operator_form="), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("[case_overview]"), std::string::npos) << e.out;

  auto none = ja({"--data", data_, "search", "存在しないはずの語句ですよ"});
  EXPECT_NE(none.out.find("に一致する先例はありません"), std::string::npos) << none.out;
}

TEST_F(JapaneseOutput, ShowLabelsFieldsAndTheirValuesFromTheVocabularyTable) {
  auto r = ja({"--data", data_, "show", senrei_test::kNavi + "hareyaka/"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("種類:    事例概要"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("項目:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("組織形態 = 一般社団法人"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("財源 = 地域医療再生基金、会費・利用料"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[円, 年額, "), std::string::npos) << r.out;  // period and unit in Japanese
  EXPECT_EQ(r.out.find("operator_form"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("funding_sources"), std::string::npos) << r.out;
  EXPECT_EQ(english_sentence(r.out), "") << r.out;
  auto e = en({"--data", data_, "show", senrei_test::kNavi + "hareyaka/"});
  EXPECT_NE(e.out.find("kind:    case_overview"), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("operator_form = general_association"), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("funding_sources = regional_revitalization_fund, member_fees"), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("period year"), std::string::npos) << e.out;
}

TEST_F(JapaneseOutput, StatsDoctorSourcesAndHelpHaveNoEnglishSentence) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--data", data_, "stats"},
           {"--data", data_, "doctor"},
           {"sources"},
           {"--help"},
           {"crawl", "--help"},
           {"search", "--help"},
           {"show", "--help"},
           {"export", "--help"},
           {"compare", "--help"},
           {"stats", "--help"},
           {"reindex", "--help"},
           {"doctor", "--help"},
           {"sources", "--help"},
           {"plugin", "--help"},
           {"check-url", "--help"},
           {"--data", data_, "show", "no-such-record"},
           {"--data", data_, "search", "kind:"},
           {"--data", data_, "search", "build:9億..1億"},
           {"--data", data_, "export", "-o", "x.pdf"},
       }) {
    auto r = ja(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(english_sentence(r.out + r.err), "") << joined << "\n" << r.out << r.err;
    EXPECT_FALSE(r.out.empty() && r.err.empty()) << joined;
  }
  auto stats = ja({"--data", data_, "stats"});
  EXPECT_NE(stats.out.find("索引の記録:"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("取得済み"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("事例概要"), std::string::npos) << stats.out;
}

}  // namespace
