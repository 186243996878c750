// ja::nearest: "did you mean" by characters, with swaps, within a limit for the word's length.
#include <gtest/gtest.h>

#include "ja/nearest.hpp"

using senrei::ja::edit_distance;
using senrei::ja::nearest;

TEST(Nearest, CountsCharactersNotBytes) {
  EXPECT_EQ(edit_distance("会費", "会員"), 1u);
  EXPECT_EQ(edit_distance("serch", "search"), 1u);
  EXPECT_EQ(edit_distance("saerch", "search"), 1u);  // a swap of neighbours is one edit
  EXPECT_EQ(edit_distance("LIMIT", "limit"), 0u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(Nearest, OffersOnlyWhatIsCloseForItsLength) {
  const std::vector<std::string_view> commands = {"crawl", "search", "show", "export", "stats", "sources"};
  EXPECT_EQ(nearest("serch", commands).value_or(""), "search");
  EXPECT_EQ(nearest("sourcse", commands).value_or(""), "sources");
  EXPECT_EQ(nearest("shwo", commands).value_or(""), "show");
  EXPECT_FALSE(nearest("compile", commands));  // nothing near: no guess
  EXPECT_FALSE(nearest("x", commands));
  EXPECT_FALSE(nearest("", commands));
  const std::vector<std::string_view> funds = {"member_fees", "regional_revitalization_fund"};
  EXPECT_EQ(nearest("member_fess", funds).value_or(""), "member_fees");
  EXPECT_EQ(nearest("regional_revitalisation_fnd", funds).value_or(""), "regional_revitalization_fund");
}

TEST(Nearest, TiesGoToTheEarlierCandidate) {
  EXPECT_EQ(nearest("ab", {"ax", "ay"}).value_or(""), "ax");
}
