// Issue 12 items 2–6 on pages written fresh for this test (not the sample corpus): the same
// facts in five markups (th/td rows, labels in plain <td>, <dl>, 「ラベル：値」 paragraphs) and
// three charsets (UTF-8, CP932, EUC-JP), read by the SDK as every source reads a case page
// (senrei/case_page.hpp): totals over parts, a date per value, facts stated anywhere, kinds from
// content and consistency flags.  Every expected value is written by hand from the page text.
#include <gtest/gtest.h>
#include <iconv.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "extract/extract.hpp"
#include "senrei/case_page.hpp"
#include "senrei/fields.hpp"
#include "senrei/ja.hpp"

namespace senrei {
namespace {

using Rows = std::vector<std::pair<std::string, std::string>>;

enum class Markup { th_td, td_td, dl, colon_paragraphs };
constexpr Markup kMarkups[] = {Markup::th_td, Markup::td_td, Markup::dl, Markup::colon_paragraphs};

std::string convert(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << to;
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* o = out.data();
  size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &o, &out_left), static_cast<size_t>(-1)) << to;
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

// A case page: an <h1>, the rows in the chosen markup, then free paragraphs.
std::string page(const std::string& h1, const Rows& rows, Markup m, const std::vector<std::string>& paragraphs = {},
                 const std::string& charset = "UTF-8") {
  std::string body;
  switch (m) {
    case Markup::th_td:
      body += "<table>";
      for (const auto& [l, v] : rows) body += "<tr><th>" + l + "</th><td>" + v + "</td></tr>";
      body += "</table>";
      break;
    case Markup::td_td:
      body += "<table border=1>";
      for (const auto& [l, v] : rows) body += "<tr><td>" + l + "</td><td>" + v + "</td></tr>";
      body += "</table>";
      break;
    case Markup::dl:
      body += "<dl>";
      for (const auto& [l, v] : rows) body += "<dt>" + l + "</dt><dd>" + v + "</dd>";
      body += "</dl>";
      break;
    case Markup::colon_paragraphs:
      for (const auto& [l, v] : rows) body += "<p>" + l + "：" + v + "</p>";
      break;
  }
  for (const auto& p : paragraphs) body += "<p>" + p + "</p>";
  return "<!DOCTYPE html><html lang=ja><head><meta charset=\"" + charset + "\"><title>" + h1 +
         "</title></head><body><nav><a href=/a/>あおばネット</a> <a href=/b/>しおかぜネット</a> 地域医療再生基金 ID-Link</nav>"
         "<main><h1>" + h1 + "</h1>" + body + "</main></body></html>";
}

CaseReading read(const std::string& html, const std::string& charset = "UTF-8") {
  const std::string bytes = charset == "UTF-8" ? html : convert(html, charset == "Shift_JIS" ? "CP932" : "EUC-JP");
  RawDocument d;
  d.url = "https://example.org/cases/kamome/";
  d.content_type = "text/html";
  d.body = bytes;
  const ParsedPage p = extract_document(d);
  EXPECT_FALSE(p.has_flag("charset_replaced")) << charset;
  return read_case_overview(p);
}

std::string page_in(const std::string& h1, const Rows& rows, Markup m, const std::vector<std::string>& paras,
                    const std::string& charset) {
  return page(h1, rows, m, paras, charset);
}

const Field* field(const CaseReading& r, std::string_view name) {
  for (const auto& f : r.fields)
    if (f.name == name) return &f;
  return nullptr;
}
std::optional<double> number(const CaseReading& r, std::string_view name) {
  const Field* f = field(r, name);
  return f ? f->number : std::nullopt;
}
std::vector<std::string> items(const CaseReading& r, std::string_view name) {
  const Field* f = field(r, name);
  return f ? f->items : std::vector<std::string>{};
}
bool flagged(const CaseReading& r, std::string_view name, std::string_view flag) {
  const Field* f = field(r, name);
  return f && std::find(f->flags.begin(), f->flags.end(), flag) != f->flags.end();
}
bool has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string where(Markup m, const std::string& charset) {
  return "markup " + std::to_string(static_cast<int>(m)) + " " + charset;
}

// A stated total is the value; breakdown rows after it are their own fields (item 3).
TEST(CasePage, StatedTotalWinsOverBreakdownRows) {
  const Rows rows = {{"運営主体", "かもめ医療連携協議会"},
                     {"運用開始", "2015年4月"},
                     {"参加機関数", "120施設"},
                     {"開示施設", "35施設（病院20、診療所15）"},
                     {"閲覧施設", "250施設（病院30、診療所200、薬局20）"}};
  for (Markup m : kMarkups)
    for (const std::string cs : {"UTF-8", "Shift_JIS", "EUC-JP"}) {
      const auto r = read(page_in("かもめネット", rows, m, {}, cs), cs);
      EXPECT_EQ(number(r, "institutions_total"), 120) << where(m, cs);
      EXPECT_EQ(number(r, "institutions_disclosing"), 35) << where(m, cs);
      EXPECT_EQ(number(r, "institutions_viewing"), 250) << where(m, cs);
      EXPECT_FALSE(flagged(r, "institutions_total", "derived")) << where(m, cs);
      EXPECT_TRUE(r.is_case_overview) << where(m, cs);
    }
}

// 「開示40施設〔うち35施設は閲覧も利用〕、閲覧300施設」: overlapping groups read as stated, and no
// total invented from their sum.
TEST(CasePage, NestedUchiIsASubsetOfItsPart) {
  const Rows rows = {{"運営主体", "はまなす連携協議会"},
                     {"参加機関", "開示40施設〔うち35施設は閲覧も利用〕、閲覧300施設"},
                     {"登録患者数", "約5,200人"}};
  for (Markup m : kMarkups) {
    const auto r = read(page("はまなすネット", rows, m));
    EXPECT_EQ(number(r, "institutions_disclosing"), 40) << where(m, "UTF-8");
    EXPECT_EQ(number(r, "institutions_viewing"), 300) << where(m, "UTF-8");
    EXPECT_EQ(field(r, "institutions_total"), nullptr) << where(m, "UTF-8");
  }
  // うち under the total is its breakdown.
  const auto c = ja::parse_count("参加機関150施設、うち病院12施設");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->value, 150);
  EXPECT_EQ(c->breakdown, (std::vector<std::pair<std::string, double>>{{"hospital", 12}}));
}

// Stated parts larger than the stated total: the total stays and the field says so; a sum only
// when no total is stated, marked derived.
TEST(CasePage, PartsMismatchAndDerivedSum) {
  auto r = read(page("いそしぎネット", {{"運営主体", "いそしぎ協議会"}, {"参加機関数", "合計100施設（病院30施設、診療所80施設）"}, {"登録患者数", "2,000人"}},
                     Markup::th_td));
  EXPECT_EQ(number(r, "institutions_total"), 100);
  EXPECT_TRUE(flagged(r, "institutions_total", "parts_mismatch"));
  EXPECT_TRUE(has(r.flags, "parts_mismatch"));
  r = read(page("いそしぎネット", {{"運営主体", "いそしぎ協議会"}, {"参加機関数", "病院32、診療所150"}, {"登録患者数", "2,000人"}},
                Markup::td_td));
  EXPECT_EQ(number(r, "institutions_total"), 182);
  EXPECT_TRUE(flagged(r, "institutions_total", "derived"));
  EXPECT_FALSE(flagged(r, "institutions_total", "parts_mismatch"));
  EXPECT_FALSE(has(r.flags, "derived"));  // a marker, not a consistency problem
}

// Each value carries the date nearest to it (item 4).
TEST(CasePage, ADatePerValue) {
  const Rows rows = {{"運営主体", "かもめ医療連携協議会"},
                     {"人口", "1,234,567人（平成26年）"},
                     {"登録患者数", "13,500人"},
                     {"参加機関数", "420施設"},
                     {"構築費用", "2億円"},
                     {"運用費用", "年額1,200万円（平成27年度決算）"}};
  const std::vector<std::string> notes = {"※平成29年2月時点。ただし、登録患者数や参加機関数は平成28年6月末時点"};
  for (Markup m : kMarkups)
    for (const std::string cs : {"UTF-8", "EUC-JP"}) {
      const auto r = read(page_in("かもめネット（平成22年稼働）", rows, m, notes, cs), cs);
      EXPECT_EQ(r.as_of, "2017-02") << where(m, cs);
      EXPECT_EQ(field(r, "population")->as_of, "2014") << where(m, cs);
      EXPECT_EQ(field(r, "patients")->as_of, "2016-06") << where(m, cs);
      EXPECT_EQ(field(r, "institutions_total")->as_of, "2016-06") << where(m, cs);
      EXPECT_EQ(field(r, "build_cost_yen")->as_of, "2017-02") << where(m, cs);
      EXPECT_EQ(field(r, "running_cost_yen")->as_of, "2015") << where(m, cs);
      EXPECT_EQ(number(r, "start_year"), 2010) << where(m, cs);
      EXPECT_TRUE(field(r, "start_year")->as_of.empty());
    }
  // A value's own note wins over the page note's exception.
  const auto r = read(page("かもめネット", {{"運営主体", "協議会"}, {"登録患者数", "13,500人（平成28年3月時点）"}, {"参加機関数", "420施設"}},
                           Markup::th_td, notes));
  EXPECT_EQ(field(r, "patients")->as_of, "2016-03");
  EXPECT_EQ(field(r, "institutions_total")->as_of, "2016-06");
}

// A population's own date in a sentence is no page note: the patients it does not date.  A note
// that is all bracket still is one.
TEST(CasePage, APopulationDateInProseDatesOnlyThePopulation) {
  const auto r = read(page("かもめネット", {{"運営主体", "かもめ医療連携協議会"}}, Markup::th_td,
                           {"総人口は、41,563人（平成22年10月1日現在）となっている。", "参加患者数は、18,561人となっている。"}));
  ASSERT_TRUE(field(r, "patients"));
  EXPECT_EQ(number(r, "patients"), 18561);
  EXPECT_EQ(field(r, "patients")->as_of, "");
  EXPECT_EQ(r.as_of, "");
  // A ※ later in the same paragraph does not make the population's date a page note.
  const auto marked = read(page("かもめネット", {{"運営主体", "かもめ医療連携協議会"}}, Markup::th_td,
                                {"総人口は、41,563人（平成22年10月1日現在）となっている。構築費用は2億円（※データ出力対応費を含まない）である。",
                                 "参加患者数は、18,561人となっている。"}));
  EXPECT_EQ(field(marked, "patients")->as_of, "");
  EXPECT_EQ(marked.as_of, "");
  const auto noted = read(page("かもめネット", {{"運営主体", "かもめ医療連携協議会"}, {"登録患者数", "13,500人"}}, Markup::th_td,
                               {"（令和5年6月時点）"}));
  EXPECT_EQ(noted.as_of, "2023-06");
  EXPECT_EQ(field(noted, "patients")->as_of, "2023-06");
}

// The aging rate wherever it is written (item 5).
TEST(CasePage, AgingRateInsideThePopulationCellAndInProse) {
  for (Markup m : kMarkups) {
    const auto r = read(page("かもめネット", {{"運営主体", "協議会"}, {"人口", "約80万人（高齢化率30.2％）"}, {"参加機関数", "300施設"}}, m));
    EXPECT_EQ(number(r, "population"), 800000) << where(m, "UTF-8");
    ASSERT_TRUE(number(r, "aging_rate")) << where(m, "UTF-8");
    EXPECT_NEAR(*number(r, "aging_rate"), 0.302, 1e-9);
  }
  const auto r = read(page("かもめネット", {{"運営主体", "協議会"}, {"参加機関数", "300施設"}, {"登録患者数", "1,000人"}}, Markup::dl,
                           {"対象地域は山あいの町で、高齢化率は38.5％に達する。"}));
  ASSERT_TRUE(number(r, "aging_rate"));
  EXPECT_NEAR(*number(r, "aging_rate"), 0.385, 1e-9);
  EXPECT_EQ(field(r, "aging_rate")->provenance.sentence, "対象地域は山あいの町で、高齢化率は38.5％に達する。");
}

// 「3億1,200万円／負担者：県・参加機関」 in a table whose labels are plain <td> cells, in EUC-JP
// and CP932 too: the amount, the payers, and the prefecture's budget as a funding source.
TEST(CasePage, MoneyWithPayersInOneCell) {
  const Rows rows = {{"運営主体", "しおかぜ連携協議会"}, {"構築費用", "3億1,200万円／負担者：県・参加機関"}, {"運用費用", "年間2,400万円／負担者：○○市"}};
  for (Markup m : {Markup::td_td, Markup::th_td, Markup::dl})
    for (const std::string cs : {"UTF-8", "EUC-JP", "Shift_JIS"}) {
      const auto r = read(page_in("しおかぜネット", rows, m, {}, cs), cs);
      EXPECT_EQ(number(r, "build_cost_yen"), 312000000) << where(m, cs);
      EXPECT_EQ(items(r, "build_payers"), (std::vector<std::string>{"prefecture", "participants"})) << where(m, cs);
      EXPECT_EQ(number(r, "running_cost_yen"), 24000000) << where(m, cs);
      ASSERT_NE(field(r, "running_cost_yen"), nullptr) << where(m, cs);
      EXPECT_EQ(field(r, "running_cost_yen")->period, "year") << where(m, cs);
      EXPECT_EQ(items(r, "running_payers"), std::vector<std::string>{"municipality"}) << where(m, cs);
      const auto funds = items(r, "funding_sources");
      EXPECT_TRUE(has(funds, "prefectural_budget")) << where(m, cs);
      EXPECT_TRUE(has(funds, "municipal_budget")) << where(m, cs);
    }
}

// Funds named in the summary, each with its own sentence; negations respected (item 5).
TEST(CasePage, FundsAnywhereWithNegations) {
  const auto r = read(page("あおさぎネット", {{"運営主体", "あおさぎ協議会"}, {"財源", "県費"}, {"参加機関数", "80施設"}},
                           Markup::th_td,
                           {"平成27年にシステムを地域医療再生基金で更新した。",
                            "運用は国の補助金に頼らず、参加機関の会費で賄っている。",
                            "地域医療介護総合確保基金は使っていない。"}));
  const Field* f = field(r, "funding_sources");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->items, (std::vector<std::string>{"prefectural_budget", "regional_revitalization_fund", "member_fees"}));
  ASSERT_EQ(f->item_provenance.size(), 3u);
  EXPECT_EQ(f->item_provenance[0].sentence, "財源：県費");
  EXPECT_EQ(f->item_provenance[1].sentence, "平成27年にシステムを地域医療再生基金で更新した。");
  EXPECT_EQ(f->item_provenance[2].sentence, "運用は国の補助金に頼らず、参加機関の会費で賄っている。");
  EXPECT_EQ(ja::parse_funding_sources("国庫補助ではなく県費で整備"), std::vector<std::string>{"prefectural_budget"});
  EXPECT_EQ(ja::parse_funding_sources("参加費は無料"), std::vector<std::string>{});
}

// Products kept apart from vendors (item 5).
TEST(CasePage, ProductsApartFromVendors) {
  const auto r = read(page("かもめネット", {{"運営主体", "協議会"}, {"参加機関数", "80施設"}, {"ベンダー", "NEC"}}, Markup::td_td,
                           {"病院の診療情報はＩＤ－Ｌｉｎｋで、薬局とはカルテコで共有する。"}));
  EXPECT_EQ(items(r, "products"), (std::vector<std::string>{"id_link", "karteco"}));
  const Field* v = field(r, "vendors");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->text, "NEC");
}

// A case overview only if it reads as one (item 2).
TEST(CasePage, KindsFromContent) {
  EXPECT_FALSE(read(page("このサイトについて", {{"運営", "厚生労働省"}}, Markup::th_td,
                         {"このサイトは医療情報連携ネットワークの構築を支援するための情報を提供します。"}))
                   .is_case_overview);
  // A list of networks: names and areas in a table, no labelled facts of one network.
  EXPECT_FALSE(read(page("事例一覧", {{"あおばネット", "宮城県"}, {"しおかぜネット", "山口県"}, {"かもめネット", "長崎県"}},
                         Markup::td_td))
                   .is_case_overview);
  EXPECT_TRUE(read(page("かもめネット", {{"運営主体", "協議会"}, {"参加機関数", "80施設"}}, Markup::td_td)).is_case_overview);
}

// Consistency flags on the field and the record; values unchanged (item 6).
TEST(CasePage, ConsistencyFlags) {
  const auto r = read(page("かもめネット（平成30年稼働）",
                           {{"運営主体", "協議会"},
                            {"人口", "50,000人"},
                            {"参加機関数", "900施設"},
                            {"登録患者数", "3,000人"},
                            {"構築費用", "1,000万円"},
                            {"運用費用", "月額100万円"},
                            {"構築費", "2,000万円"}},
                           Markup::th_td, {"※平成29年2月時点"}));
  EXPECT_EQ(number(r, "institutions_total"), 900);
  EXPECT_TRUE(flagged(r, "institutions_total", "implausible_per_capita"));  // 1,800 per 100,000
  EXPECT_FALSE(flagged(r, "patients", "implausible_per_capita"));
  EXPECT_TRUE(flagged(r, "patients", "as_of_before_start"));                // 2017-02 < 2018
  EXPECT_TRUE(flagged(r, "running_cost_yen", "running_above_build"));       // 1,200万/年 > 1,000万
  EXPECT_EQ(number(r, "build_cost_yen"), 10000000);                         // the first value stays
  EXPECT_TRUE(flagged(r, "build_cost_yen", "conflicting_values"));
  for (auto flag : {"implausible_per_capita", "as_of_before_start", "running_above_build", "conflicting_values"})
    EXPECT_TRUE(has(r.flags, flag)) << flag;
}

}  // namespace
}  // namespace senrei
