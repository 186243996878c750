// The n-gram terms (index/ngrams.hpp): CJK runs as characters and pairs, other words whole, and
// the property the fallback rests on: a string's terms are terms of every text holding it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "index/ngrams.hpp"

namespace senrei::index::test {
namespace {

std::set<std::string> terms_of(std::string_view text) {
  NgramCounts c;
  c.add(text, 1);
  const auto v = c.terms();
  return {v.begin(), v.end()};
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
    for (std::size_t b = 0; b < text.size(); ++b) {
      if ((static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
      for (std::size_t e = b + 1; e <= text.size(); ++e) {
        if (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) continue;
        const auto edge_ascii = [&](std::size_t i) {
          return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]));
        };
        if ((b > 0 && edge_ascii(b) && edge_ascii(b - 1)) || (edge_ascii(e - 1) && edge_ascii(e))) continue;
        for (const auto& t : terms_of(text.substr(b, e - b)))
          EXPECT_TRUE(all.count(t)) << "'" << t << "' of '" << text.substr(b, e - b) << "' not in '" << text << "'";
      }
    }
  }
}

}  // namespace
}  // namespace senrei::index::test
