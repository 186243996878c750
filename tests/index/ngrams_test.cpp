// The n-gram terms (index/ngrams.hpp): CJK runs as characters and pairs, other words whole, and
// the property the fallback rests on: a string's terms are terms of every text holding it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/ngrams.hpp"

namespace senrei::index::test {
namespace {

std::set<std::string> terms_of(std::string_view text) {
  NgramCounts c;
  c.add(text, 1);
  const auto v = c.terms();
  return {v.begin(), v.end()};
}

// Every substring of `text` that starts and ends on a character and does not cut a latin word
// (the word boundaries reject such a match anyway).
template <class Fn>
void for_each_substring(const std::string& text, Fn fn) {
  const auto ascii = [&](std::size_t i) { return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])); };
  for (std::size_t b = 0; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
    for (std::size_t e = b + 1; e <= text.size(); ++e) {
      if (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) continue;
      if ((b > 0 && ascii(b) && ascii(b - 1)) || (ascii(e - 1) && ascii(e))) continue;
      fn(text.substr(b, e - b));
    }
  }
}

TEST(Ngrams, CjkRunsAsCharactersAndPairsOtherWordsWhole) {
  EXPECT_EQ(terms_of("地域医療 id-link、平成25年"),
            (std::set<std::string>{"地", "地域", "域", "域医", "医", "医療", "療", "id", "link", "平", "平成", "成", "25",
                                   "年"}));
  // A symbol, a space or a latin word breaks a run: no pair across it.
  EXPECT_EQ(terms_of("運用、費用"), (std::set<std::string>{"運", "運用", "用", "費", "費用"}));
  EXPECT_EQ(terms_of("ss-mix2"), (std::set<std::string>{"ss", "mix2"}));
  EXPECT_TRUE(terms_of("、。・「」 ").empty());
}

TEST(Ngrams, WdfCountsEveryOccurrenceWithItsWeight) {
  NgramCounts c;
  c.add("会費会費", 5);  // a title
  c.add("会費", 1);
  Xapian::Document doc;
  c.add_to(doc, "XN");
  std::map<std::string, Xapian::termcount> wdf;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) wdf[*it] = it.get_wdf();
  EXPECT_EQ(wdf["XN会費"], 11u);
  EXPECT_EQ(wdf["XN費会"], 5u);
  EXPECT_EQ(wdf["XN会"], 11u);
  EXPECT_EQ(doc.termlist_count(), 4u);
}

TEST(Ngrams, AStringsTermsAreTermsOfEveryTextHoldingIt) {
  // Every substring of these (folded) texts that starts and ends on a character: its terms are a subset
  // of the text's, except a latin word it cuts (mix of mix2) — which is no word boundary, so the
  // fallback rejects it anyway.
  const std::string texts[] = {"地域医療再生基金（再生基金）を活用した。", "ss-mix2、id-link。",
                               "平成25年度に1,000万円", "ピカピカリンクと東京都"};
  for (const std::string& text : texts) {
    const auto all = terms_of(text);
    for_each_substring(text, [&](const std::string& sub) {
      for (const auto& t : terms_of(sub))
        EXPECT_TRUE(all.count(t)) << "'" << t << "' of '" << sub << "' not in '" << text << "'";
    });
  }
}

// A one-document in-memory index of `text` as the writer makes its n-grams.
Xapian::WritableDatabase index_of(std::string_view title, std::string_view text) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  NgramCounts c;
  c.add(text, 1, c.add(title, 5) + 100);
  Xapian::Document doc;
  c.add_to(doc, "XN");
  db.add_document(doc);
  return db;
}

bool candidate(const Xapian::Database& db, std::string_view needle) {
  const auto q = ngram_candidates(needle, "XN");
  if (!q) return false;
  Xapian::Enquire e(db);
  e.set_query(*q);
  return e.get_mset(0, 1).size() == 1;
}

TEST(Ngrams, UnitsStandAtTheirCodePoint) {
  NgramCounts c;
  // id at 4 (after "地域、"), リン 6, ンク 7; ア (a run of one) at 10.
  c.add("地域、idリンク。ア", 1);
  Xapian::Document doc;
  c.add_to(doc, "XN");
  std::map<std::string, std::vector<Xapian::termpos>> pos;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) pos[*it].push_back(*p);
  EXPECT_EQ(pos["XNid"], (std::vector<Xapian::termpos>{4}));
  EXPECT_EQ(pos["XNリン"], (std::vector<Xapian::termpos>{6}));
  EXPECT_EQ(pos["XNンク"], (std::vector<Xapian::termpos>{7}));
  EXPECT_EQ(pos["XNア"], (std::vector<Xapian::termpos>{10}));
  // A letter of a longer run has no position, nor a kanji or hiragana unit; each is still counted.
  EXPECT_TRUE(pos["XNリ"].empty());
  EXPECT_TRUE(pos["XN地域"].empty());
  EXPECT_EQ(doc.termlist_count(), 10u);  // 地 地域 域 id リ リン ン ンク ク ア
  // Positions sorted first or not, the same document.
  NgramCounts sorted;
  sorted.add("地域、idリンク。ア", 1);
  sorted.sort_positions();
  Xapian::Document doc2;
  sorted.add_to(doc2, "XN");
  EXPECT_EQ(doc2.serialise(), doc.serialise());
}

TEST(Ngrams, CandidatesHoldTheLettersTogetherAndInOrder) {
  // Every letter pair of アイディーリンク, but never together: schema 4 read such pages.
  const auto scattered = index_of("", "アイス、イデア、ディスク、ィー、ーリ、リンク");
  EXPECT_FALSE(candidate(scattered, "アイディーリンク"));
  EXPECT_TRUE(candidate(index_of("", "県のアイディーリンクと"), "アイディーリンク"));
  // A latin word and a katakana run: together, not anywhere in the page.
  EXPECT_FALSE(candidate(index_of("", "idを使う。リンクを貼る"), "idリンク"));
  EXPECT_TRUE(candidate(index_of("", "idリンクを使う"), "idリンク"));
  // Not across title and text, nor across a break.
  EXPECT_FALSE(candidate(index_of("運用", "費用"), "運用費用"));
  EXPECT_FALSE(candidate(index_of("", "運用、費用"), "運用費用"));
  EXPECT_TRUE(candidate(index_of("運用費用", "本文"), "運用費用"));
  // A one-letter run at the needle's end may go on in the page; inside, it may not.
  EXPECT_TRUE(candidate(index_of("", "トアid"), "アid"));
  EXPECT_TRUE(candidate(index_of("", "東京id"), "京id"));
  EXPECT_TRUE(candidate(index_of("", "第2回目"), "第2回"));
  EXPECT_TRUE(candidate(index_of("", "aアb"), "aアb"));
  EXPECT_FALSE(candidate(index_of("", "aトアb"), "aアb"));
  // Kanji and hiragana carry no positions: their pairs are required anywhere (as in schema 4),
  // the katakana and latin units around them still in order.
  EXPECT_TRUE(candidate(index_of("", "運用費と費用が"), "運用費用"));  // 運用 用費 費用, not together
  EXPECT_TRUE(candidate(index_of("", "県のid連携リンクと"), "id連携リンク"));
  EXPECT_FALSE(candidate(index_of("", "リンクと連携したid"), "id連携リンク"));
  // Repeated pairs (ーー twice) and a needle of one letter.
  EXPECT_TRUE(candidate(index_of("", "ーーー"), "ーーー"));
  EXPECT_FALSE(candidate(index_of("", "ーー、ー"), "ーーー"));
  EXPECT_TRUE(candidate(index_of("", "東京都"), "京"));
  EXPECT_FALSE(ngram_candidates("、。", "XN").has_value());
}

TEST(Ngrams, EveryStringOfAPageMakesItACandidate) {
  // The fallback's recall rests on this: whatever substring the user searches (on character
  // bounds, not cutting a latin word: the word boundaries reject that anyway), the page holding
  // it is a candidate — in the title, in the text, at either end of a run.
  const std::string texts[] = {"地域医療再生基金（再生基金）を活用した。", "ss-mix2、id-linkとidリンク。",
                               "平成25年度に1,000万円", "ピカピカリンクと東京都", "第2回の会議、京", "ーーー・ア",
                               "id連携リンクのアとイ", "한국어 텍스트"};
  for (const std::string& text : texts) {
    for (int in_title = 0; in_title < 2; ++in_title) {
      const auto db = in_title ? index_of(text, "本文") : index_of("題", text);
      for_each_substring(text, [&](const std::string& needle) {
        if (!ngram_candidates(needle, "XN")) return;  // only symbols
        EXPECT_TRUE(candidate(db, needle)) << "'" << needle << "' of '" << text << "'";
      });
    }
  }
}

}  // namespace
}  // namespace senrei::index::test
