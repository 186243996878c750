// HTML extraction: structure, boilerplate, tables, labels, links.  Expected values are read
// off the test pages by hand.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "extract/extract.hpp"

namespace senrei {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

ParsedPage html(const std::string& body, const std::string& url = "http://example.jp/a/b.html",
                const ExtractLimits& limits = {}) {
  RawDocument d;
  d.url = url;
  d.content_type = "text/html; charset=utf-8";
  d.body = body;
  return extract_document(d, limits);
}

std::string all_text(const ParsedPage& p) {
  std::string s = p.main_text();
  for (const auto& t : p.tables)
    for (const auto& r : t.rows)
      for (const auto& c : r) s += "\n" + c.text;
  for (const auto& l : p.labels) s += "\n" + l.label + l.value + l.context + l.sentence;
  return s;
}

const LabelValue* find_label(const ParsedPage& p, const std::string& label, const std::string& context) {
  for (const auto& l : p.labels)
    if (l.label == label && l.context == context) return &l;
  return nullptr;
}

class CaseOverviewPage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    body_ = read_file(SENREI_TEST_DATA "/extract/html/case-overview.sjis.html");
    RawDocument d;
    d.url = "http://renkei-support.mhlw.go.jp/ajisai/";
    d.body = body_;  // no Content-Type: sniffed; charset from <meta http-equiv>
    page_ = extract_document(d);
  }
  static std::string body_;
  static ParsedPage page_;
};
std::string CaseOverviewPage::body_;
ParsedPage CaseOverviewPage::page_;

TEST_F(CaseOverviewPage, TypeCharsetTitleLangCanonicalMeta) {
  EXPECT_EQ(page_.content_type, "text/html");
  EXPECT_EQ(page_.charset, "windows-31j");
  EXPECT_EQ(page_.charset_source, "meta");
  EXPECT_TRUE(page_.flags.empty());
  EXPECT_EQ(page_.title, "あじさいネット（全体概要）｜医療情報連携ネットワーク支援Navi");
  EXPECT_EQ(page_.lang, "ja");
  // rel=canonical resolves against <base href>, which comes after it in the markup
  EXPECT_EQ(page_.canonical_url, "http://renkei-support.mhlw.go.jp/ajisai/");
  EXPECT_EQ(page_.meta.at("description"), "長崎県の地域医療連携ネットワーク");
}

TEST_F(CaseOverviewPage, BlocksInDocumentOrderFromTheMainRoot) {
  const auto& b = page_.blocks;
  ASSERT_GE(b.size(), 6u);
  EXPECT_EQ(b[0].role, Block::Role::heading);
  EXPECT_EQ(b[0].level, 1);
  EXPECT_EQ(b[0].text, "あじさいネット（平成16年稼働）");
  // a source line break between two Japanese characters vanishes
  EXPECT_EQ(b[1].text, "運営主体：特定非営利活動法人 長崎地域医療連携ネットワークシステム協議会");
  EXPECT_EQ(b[2].text, "構築費用：約2,000万円\n財源：地域医療再生基金");  // <br> kept as a line
  EXPECT_EQ(b[3].text, "※平成29年2月時点");
  EXPECT_EQ(b[4].role, Block::Role::heading);
  EXPECT_EQ(b[4].level, 2);
  EXPECT_EQ(b[4].text, "全体概要");
  EXPECT_EQ(b[5].text, "概要表");  // caption
  EXPECT_EQ(b[6].role, Block::Role::table_row);
  EXPECT_EQ(b[6].text, "対象地域 | 長崎県全域");
  EXPECT_EQ(b[7].text, "費用負担 | 構築費用 | 約2,000万円（※データ出力対応費を含まない）");
}

TEST_F(CaseOverviewPage, ListsDefinitionsPreAndInlineText) {
  std::vector<std::pair<Block::Role, std::string>> want = {
      {Block::Role::definition, "登録患者数"},     {Block::Role::definition, "61,134人"},
      {Block::Role::definition, "内訳"},           {Block::Role::definition, "病院"},
      {Block::Role::definition, "32施設"},         {Block::Role::list_item, "同意方式：一括同意"},
      {Block::Role::list_item, "施設の内訳"},      {Block::Role::list_item, "開示施設"},
      {Block::Role::list_item, "ここまで"},        {Block::Role::preformatted, "  整形済み\n    テキスト"},
      {Block::Role::paragraph, "詳細はこちら　をご覧ください。"},  // U+3000 kept
  };
  auto it = std::find_if(page_.blocks.begin(), page_.blocks.end(),
                         [](const Block& b) { return b.text == "登録患者数"; });
  ASSERT_NE(it, page_.blocks.end());
  for (const auto& [role, text] : want) {
    ASSERT_NE(it, page_.blocks.end());
    EXPECT_EQ(it->role, role) << text;
    EXPECT_EQ(it->text, text);
    ++it;
  }
}

TEST_F(CaseOverviewPage, BoilerplateSetApartAndNeverInMainText) {
  std::vector<std::string> want = {"支援Navi\nStep1 計画\nよくある質問", "ホーム > あじさいネット",
                                   "サイドバーの文", "Copyright 厚生労働省"};
  EXPECT_EQ(page_.boilerplate, want);
  std::string text = all_text(page_);
  for (const char* s : {"よくある質問", "ホーム", "サイドバー", "Copyright", "専用語", "color"})
    EXPECT_EQ(text.find(s), std::string::npos) << s;
}

TEST_F(CaseOverviewPage, TableCellsWithSpans) {
  ASSERT_EQ(page_.tables.size(), 1u);
  const Table& t = page_.tables[0];
  EXPECT_EQ(t.caption, "概要表");
  ASSERT_EQ(t.rows.size(), 5u);
  ASSERT_EQ(t.rows[1].size(), 3u);
  EXPECT_TRUE(t.rows[1][0].header);
  EXPECT_EQ(t.rows[1][0].rowspan, 2);
  EXPECT_EQ(t.rows[1][0].text, "費用負担");
  EXPECT_FALSE(t.rows[1][2].header);
  EXPECT_EQ(t.rows[3][0].colspan, 3);
  EXPECT_EQ(t.rows[4][1].colspan, 2);
  EXPECT_EQ(t.rows[4][1].text, "323（開示32/閲覧293）");
}

TEST_F(CaseOverviewPage, LabelsFromTablesDefinitionListsAndLines) {
  const LabelValue* l = find_label(page_, "構築費用", "費用負担");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "約2,000万円（※データ出力対応費を含まない）");
  EXPECT_EQ(l->sentence, "構築費用：約2,000万円（※データ出力対応費を含まない）");
  // the rowspan'd outer label applies to the next row
  l = find_label(page_, "負担者", "費用負担");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "情報を開示する中核病院");
  // no outer label: the nearest heading
  l = find_label(page_, "対象地域", "全体概要");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "長崎県全域");
  // a full-width group row is the context of the rows below it
  l = find_label(page_, "参加機関数", "規模");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "323（開示32/閲覧293）");
  // dt/dd, nested dl: context is the outer dt
  l = find_label(page_, "登録患者数", "規模");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "61,134人");
  l = find_label(page_, "病院", "内訳");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "32施設");
  // 「ラベル：値」 lines in paragraphs and list items, one per <br> line
  l = find_label(page_, "財源", "あじさいネット（平成16年稼働）");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "地域医療再生基金");
  EXPECT_EQ(l->sentence, "財源：地域医療再生基金");
  l = find_label(page_, "同意方式", "規模");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->value, "一括同意");
  // "受付時間 9:00～17:00、http://…" is not a label line
  for (const auto& lv : page_.labels) EXPECT_EQ(lv.label.find("受付"), std::string::npos);
  EXPECT_EQ(page_.labels.size(), 10u);
}

TEST_F(CaseOverviewPage, LinksAbsoluteAgainstBaseIncludingNavigation) {
  std::vector<std::pair<std::string, std::string>> want = {
      {"http://renkei-support.mhlw.go.jp/", "支援Navi"},
      {"http://renkei-support.mhlw.go.jp/process1/", "Step1 計画"},
      {"http://renkei-support.mhlw.go.jp/faq/", "よくある質問"},
      {"http://renkei-support.mhlw.go.jp/", "ホーム"},
      {"http://renkei-support.mhlw.go.jp/cases/detail.html", "こちら"},
  };
  ASSERT_EQ(page_.links.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(page_.links[i].url, want[i].first);
    EXPECT_EQ(page_.links[i].text, want[i].second);
  }
}

TEST(HtmlRowLabels, RowspanLabelWithLabelLinesInTheValueCell) {
  // The markup of the ちょうかいネット page: plain cells, the value cell says 「構築費用：…」.
  auto p = html(
      "<h2>全体概要</h2><table><tbody>"
      "<tr><td>対象地域</td><td>庄内二次医療圏（山形県）</td></tr>"
      "<tr><td rowspan=\"3\">費用負担</td><td>構築費用：29,925千円＋40,105千円</td></tr>"
      "<tr><td>財源：地域医療再生基金</td></tr>"
      "<tr><td>運営主体の運用費用：1,605千円(年間)</td></tr>"
      "<tr><td>概要</td><td>庄内の中核病院の診療情報を閲覧できる。</td></tr>"
      "</tbody></table>");
  ASSERT_EQ(p.labels.size(), 5u);
  EXPECT_EQ(p.labels[0].label, "対象地域");
  EXPECT_EQ(p.labels[0].value, "庄内二次医療圏（山形県）");
  EXPECT_EQ(p.labels[0].context, "全体概要");
  EXPECT_EQ(p.labels[1].label, "構築費用");
  EXPECT_EQ(p.labels[1].value, "29,925千円＋40,105千円");
  EXPECT_EQ(p.labels[1].context, "費用負担");
  EXPECT_EQ(p.labels[1].sentence, "構築費用：29,925千円＋40,105千円");
  EXPECT_EQ(p.labels[2].label, "財源");
  EXPECT_EQ(p.labels[2].context, "費用負担");
  EXPECT_EQ(p.labels[3].label, "運営主体の運用費用");
  EXPECT_EQ(p.labels[3].value, "1,605千円(年間)");
  EXPECT_EQ(p.labels[4].label, "概要");
  EXPECT_EQ(p.labels[4].context, "全体概要");
}

TEST(HtmlRowLabels, ValueCellWithBreaksKeepsBothLinesOnOneLine) {
  auto p = html("<table><tr><th>構築費用</th><td>約2,000万円<br />※データ出力対応費を含まない</td></tr>"
                "<tr><td>病院</td><td>診療所</td><td>薬局</td></tr></table>");
  ASSERT_GE(p.labels.size(), 1u);
  EXPECT_EQ(p.labels[0].value, "約2,000万円 ※データ出力対応費を含まない");
  EXPECT_EQ(p.tables[0].rows[0][1].text, "約2,000万円\n※データ出力対応費を含まない");
  EXPECT_EQ(p.blocks[0].text, "構築費用 | 約2,000万円 ※データ出力対応費を含まない");
}

TEST(HtmlLayout, LayoutTablesAreContainersNotData) {
  auto p = html("<table><tr><td><h2>見出し</h2><p>本文です。</p></td>"
                "<td><table><tr><th>人口</th><td>約72万人</td></tr></table></td></tr></table>");
  ASSERT_EQ(p.tables.size(), 1u);  // only the inner data table
  EXPECT_EQ(p.tables[0].rows[0][0].text, "人口");
  ASSERT_EQ(p.blocks.size(), 3u);
  EXPECT_EQ(p.blocks[0].text, "見出し");
  EXPECT_EQ(p.blocks[1].text, "本文です。");
  EXPECT_EQ(p.blocks[2].text, "人口 | 約72万人");
  ASSERT_EQ(p.labels.size(), 1u);
  EXPECT_EQ(p.labels[0].context, "見出し");
}

TEST(HtmlBoilerplate, RolesClassesAndMainElement) {
  auto p = html(
      "<div role=\"navigation\">ナビ1</div><div class=\"global-nav\">ナビ2</div>"
      "<div class=\"breadList\">パン</div><div id=\"skip\">スキップ</div>"
      "<p>ルート外の文</p>"
      "<main><header><h1>記事見出し</h1></header><p>本文</p>"
      "<div class=\"menuBox\">メニュー</div><div class=\"canvas\">図の説明</div></main>"
      "<div role=\"contentinfo\">フッター</div>");
  ASSERT_EQ(p.blocks.size(), 3u);
  EXPECT_EQ(p.blocks[0].text, "記事見出し");  // <header> inside <main> is not a site banner
  EXPECT_EQ(p.blocks[1].text, "本文");
  EXPECT_EQ(p.blocks[2].text, "図の説明");  // "canvas" does not name navigation
  std::vector<std::string> want = {"ナビ1", "ナビ2", "パン", "スキップ", "メニュー", "フッター"};
  EXPECT_EQ(p.boilerplate, want);
  EXPECT_EQ(p.title, "記事見出し");  // no <title>: the first h1
}

TEST(HtmlBoilerplate, WithoutMainRootTheBodyIsContent) {
  auto p = html("<nav><a href=\"/x\">X</a></nav><p>本文A</p><div><p>本文B</p></div>");
  ASSERT_EQ(p.blocks.size(), 2u);
  EXPECT_EQ(p.blocks[1].text, "本文B");
  ASSERT_EQ(p.links.size(), 1u);
  EXPECT_EQ(p.links[0].url, "http://example.jp/x");
}

TEST(HtmlText, WhitespaceCollapseRules) {
  auto p = html("<p>  a \t b\n c  </p><p>構築\n  費用</p><p>A\nあ</p><p>x&nbsp;&nbsp;y</p>"
                "<p>全角　　空白</p><p><span>一</span><span>二</span> <b>三</b></p>");
  ASSERT_EQ(p.blocks.size(), 6u);
  EXPECT_EQ(p.blocks[0].text, "a b c");
  EXPECT_EQ(p.blocks[1].text, "構築費用");
  EXPECT_EQ(p.blocks[2].text, "A あ");  // only between two East Asian characters
  EXPECT_EQ(p.blocks[3].text, "x y");
  EXPECT_EQ(p.blocks[4].text, "全角　　空白");
  EXPECT_EQ(p.blocks[5].text, "一二 三");
}

TEST(HtmlLinks, SchemesFragmentsAndImages) {
  auto p = html("<a href=\"#top\">上へ</a><a href=\"javascript:void(0)\">JS</a>"
                "<a href=\"mailto:a@example.jp\">mail</a><a href=\"../c.pdf\"><img alt=\"資料\"></a>"
                "<a href=\"https://Other.example.jp:443/d?q=1#frag\">外部</a>");
  ASSERT_EQ(p.links.size(), 2u);
  EXPECT_EQ(p.links[0].url, "http://example.jp/c.pdf");
  EXPECT_EQ(p.links[0].text, "資料");
  EXPECT_EQ(p.links[1].url, "https://other.example.jp/d?q=1");
}

TEST(HtmlRobustness, DeepNestingIsCappedAndFlagged) {
  std::string body;
  for (int i = 0; i < 100000; ++i) body += "<div>";
  body += "深い本文";
  auto start = std::chrono::steady_clock::now();
  auto p = html(body);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(p.has_flag("depth_capped"));
  EXPECT_NE(p.main_text().find("深い本文"), std::string::npos);
  EXPECT_LT(ms, 5000);
}

TEST(HtmlRobustness, ErrorsAreCapped) {
  std::string body = "<p>";
  for (int i = 0; i < 500; ++i) body += "</x><</y>";
  auto p = html(body);
  EXPECT_TRUE(p.has_flag("parse_errors_capped"));
}

TEST(HtmlRobustness, SizeCapTruncates) {
  ExtractLimits limits;
  limits.max_html_bytes = 20;
  auto p = html("<p>あいうえおかきくけこさしすせそ</p>", "http://example.jp/", limits);
  EXPECT_TRUE(p.has_flag("truncated"));
  EXPECT_FALSE(p.has_flag("charset_replaced"));  // a character cut in half is not a wrong byte
  ASSERT_EQ(p.blocks.size(), 1u);
  EXPECT_EQ(p.blocks[0].text, "あいうえお");  // "<p>" + 5 kana = 18 bytes; the 6th is cut
}

TEST(HtmlRobustness, HostileSnippetsDoNotCrash) {
  const char* cases[] = {
      "", "<", "<<<<>>>>", "<table><td rowspan=0 colspan=99999>x", "<dl><dd><dl><dd><dt>",
      "<svg><title>t</title><p>x", "<template><template><p>x", "<!--", "<script>",
      "<table><tr><td rowspan=65534>a<tr><td rowspan=65534>b<tr><td>c</table>",
      "<base href=\"javascript:x\"><a href=\"y\">z</a>", "<a href=\"http://[::1\">v</a>",
      "<meta charset=\"x\"><meta name=\"\" content=\"\">", "\xff\xfe\x00<\x00p\x00>", "<p>\x01\x02\x7f</p>",
  };
  for (const char* c : cases) {
    RawDocument d;
    d.url = "http://example.jp/";
    d.body = c;
    EXPECT_NO_THROW(extract_document(d)) << c;
  }
}

// A 17 KB Shift_JIS page (the content section repeated) reads the same on every pass: the
// extractor keeps no state between pages.  (Its speed is bench/'s job: bench/run.sh.)
TEST(HtmlRepeatability, SeventeenKilobyteJapanesePageReadsTheSameEveryTime) {
  std::string page = read_file(SENREI_TEST_DATA "/extract/html/case-overview.sjis.html");
  RawDocument d;
  d.url = "http://renkei-support.mhlw.go.jp/ajisai/";
  const size_t from = page.find("<h2>"), to = page.find("<noscript>");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  std::string body = page.substr(0, to);
  int copies = 1;
  while (body.size() < 17 * 1024) {
    body += page.substr(from, to - from);
    ++copies;
  }
  body += page.substr(to);
  d.body = body;
  const ParsedPage first = extract_document(d);
  const ParsedPage single = [&] {
    RawDocument one = d;
    one.body = page;
    return extract_document(one);
  }();
  EXPECT_EQ(first.charset, "windows-31j");
  EXPECT_FALSE(first.has_flag("charset_replaced"));
  EXPECT_GT(first.blocks.size(), single.blocks.size());  // the repeated sections are all read
  for (int i = 0; i < 20; ++i) {
    const ParsedPage again = extract_document(d);
    ASSERT_EQ(again.blocks.size(), first.blocks.size()) << "pass " << i;
    EXPECT_EQ(again.main_text(), first.main_text()) << "pass " << i;
  }
  EXPECT_GE(copies, 2);
}

}  // namespace
}  // namespace senrei
