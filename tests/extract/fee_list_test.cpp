// Issue 12 item 5: fees as a list, one Field per payer type with amount, period and payer
// (record/fees.hpp).  Every page here is written by hand for this test, in wordings of Japanese
// networks' fee tables (会費規程, 利用料金表), not taken from the fidelity generator or the sample.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "extract/extract.hpp"
#include "record/record_json.hpp"
#include "senrei/case_page.hpp"
#include "senrei/fields.hpp"

namespace senrei {
namespace {

ParsedPage page_of(const std::string& body) {
  const std::string html = "<html><body><h1>さくらんぼネット</h1>" + body +
                           "<table><tr><th>運営主体</th><td>さくらんぼ医療連携協議会</td></tr>"
                           "<tr><th>人口</th><td>12万人</td></tr></table></body></html>";
  RawDocument d;
  d.url = "https://kaihi.example.jp/network/";
  d.content_type = "text/html";
  d.charset = "utf-8";
  d.body = html;  // a view: html outlives the extraction
  return extract_document(d);
}

using Fee = std::tuple<std::string, double, std::string>;  // payer_type, yen, period

std::vector<Fee> fees_of(const std::vector<Field>& fields) {
  std::vector<Fee> out;
  for (const auto& f : fields)
    if (f.name == "fees") out.emplace_back(f.payer_type, f.number.value_or(-1), f.period);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Fee> fees_of(const std::string& body) { return fees_of(read_case_overview(page_of(body)).fields); }

bool funds_member_fees(const std::vector<Field>& fields) {
  for (const auto& f : fields)
    if (f.name == "funding_sources" && std::count(f.items.begin(), f.items.end(), "member_fees")) return true;
  return false;
}

TEST(FeeList, OneFeePerPayerEachWithItsOwnPeriod) {
  EXPECT_EQ(fees_of("<table><tr><th>参加費</th><td>病院 56,000円（年間）、歯科診療所：月額1,000円</td></tr></table>"),
            (std::vector<Fee>{{"dental", 1000, "month"}, {"hospital", 56000, "year"}}));
  // Full-width digits, ideographic commas, 万 and a semicolon between payers.
  EXPECT_EQ(fees_of("<dl><dt>システム利用料</dt><dd>保険薬局　月額３千円；訪問看護ステーション　年額１．２万円</dd></dl>"),
            (std::vector<Fee>{{"home_nursing", 12000, "year"}, {"pharmacy", 3000, "month"}}));
}

TEST(FeeList, SeveralPayersOfOneAmountAreOneFeeEach) {
  EXPECT_EQ(fees_of("<p>利用料：病院・診療所 各月額10,000円、薬局 月額3,000円</p>"),
            (std::vector<Fee>{{"clinic", 10000, "month"}, {"hospital", 10000, "month"}, {"pharmacy", 3000, "month"}}));
  // Payers listed before their shared amount, cut by 、.
  EXPECT_EQ(fees_of("<p>会費：介護事業所、訪問看護ステーション：各年額6,000円</p>"),
            (std::vector<Fee>{{"care", 6000, "year"}, {"home_nursing", 6000, "year"}}));
}

TEST(FeeList, ThePeriodAndPayerOfTheLabelApply) {
  // The payer in the label's brackets and the period in 年会費 (the way saitama-tonet writes it).
  EXPECT_EQ(fees_of("<table><tr><th>年会費（中核病院）</th><td>50,000円</td></tr>"
                    "<tr><th>年会費（診療所・薬局）</th><td>10,000円</td></tr></table>"),
            (std::vector<Fee>{{"clinic", 10000, "year"}, {"hospital", 50000, "year"}, {"pharmacy", 10000, "year"}}));
  // A period before the whole list applies to every fee in it …
  EXPECT_EQ(fees_of("<p>負担金：年額　病院50,000円、診療所10,000円</p>"),
            (std::vector<Fee>{{"clinic", 10000, "year"}, {"hospital", 50000, "year"}}));
  // … but a period written after the first payer is that fee's only: the second stays unknown.
  EXPECT_EQ(fees_of("<p>負担金：病院 年額50,000円、診療所 10,000円</p>"),
            (std::vector<Fee>{{"clinic", 10000, "unknown"}, {"hospital", 50000, "year"}}));
}

TEST(FeeList, FeesStatedInASentence) {
  const auto r = read_case_overview(page_of("<p>会費は、病院が年額30,000円、診療所が年額10,000円である。</p>"));
  EXPECT_EQ(fees_of(r.fields), (std::vector<Fee>{{"clinic", 10000, "year"}, {"hospital", 30000, "year"}}));
  EXPECT_TRUE(funds_member_fees(r.fields));
  for (const auto& f : r.fields)
    if (f.name == "fees") EXPECT_NE(f.provenance.sentence.find("会費は"), std::string::npos) << f.provenance.sentence;
}

// A fee line in a paragraph ends with its sentence: the build cost after it is no fee.
TEST(FeeList, TheNextSentenceIsNoFee) {
  EXPECT_EQ(fees_of("<p>参加費：病院 月額10,000円。構築費用は2億円、運用費用は年額1,200万円である。</p>"),
            (std::vector<Fee>{{"hospital", 10000, "month"}}));
}

TEST(FeeList, NoAmountIsOneFeeWithItsText) {
  const auto r = read_case_overview(page_of("<p>利用料：参加機関の利用料で運用費用を賄う</p>"));
  ASSERT_EQ(fees_of(r.fields).size(), 1u);
  const auto fee = std::find_if(r.fields.begin(), r.fields.end(), [](const Field& f) { return f.name == "fees"; });
  EXPECT_FALSE(fee->number.has_value());
  EXPECT_EQ(fee->text, "参加機関の利用料で運用費用を賄う");
  EXPECT_TRUE(funds_member_fees(r.fields));
  // An amount stated elsewhere on the page replaces the amountless one.
  const auto both = read_case_overview(page_of(
      "<p>利用料：参加機関の利用料で運用費用を賄う</p><table><tr><th>会費</th><td>診療所 月額2,000円</td></tr></table>"));
  EXPECT_EQ(fees_of(both.fields), (std::vector<Fee>{{"clinic", 2000, "month"}}));
}

TEST(FeeList, AFeeStatedTwiceIsKeptOnceAndAnotherAmountIsFlagged) {
  const auto same = read_case_overview(page_of(
      "<table><tr><th>会費</th><td>病院 年額20,000円</td></tr></table><p>会費は、病院が年額20,000円である。</p>"));
  EXPECT_EQ(fees_of(same.fields), (std::vector<Fee>{{"hospital", 20000, "year"}}));
  const auto other = read_case_overview(page_of(
      "<table><tr><th>会費</th><td>病院 年額20,000円</td></tr></table><p>会費は、病院が年額24,000円である。</p>"));
  EXPECT_EQ(fees_of(other.fields), (std::vector<Fee>{{"hospital", 20000, "year"}}));
  const auto fee = std::find_if(other.fields.begin(), other.fields.end(), [](const Field& f) { return f.name == "fees"; });
  EXPECT_NE(std::find(fee->flags.begin(), fee->flags.end(), "conflicting_values"), fee->flags.end());
}

TEST(FeeList, SeveralAmountsForOnePayerAreNotAdded) {
  const auto r = read_case_overview(page_of("<p>会費：病院 月額1万円＋年額2万円</p>"));
  const auto fee = std::find_if(r.fields.begin(), r.fields.end(), [](const Field& f) { return f.name == "fees"; });
  ASSERT_NE(fee, r.fields.end());
  EXPECT_EQ(fee->payer_type, "hospital");
  EXPECT_FALSE(fee->number.has_value());
  EXPECT_NE(std::find(fee->flags.begin(), fee->flags.end(), "several_amounts"), fee->flags.end());
}

TEST(FeeList, PayerTypeSurvivesTheStoredJson) {
  Field f;
  f.name = "fees";
  f.number = 5000;
  f.period = "month";
  f.payer_type = "pharmacy";
  const Field back = field_from_json(to_json(f));
  EXPECT_EQ(back.payer_type, "pharmacy");
  EXPECT_EQ(to_json(f).at("payer_type"), "pharmacy");
}

}  // namespace
}  // namespace senrei
