// Ministry documents' identity (senrei/documents.hpp): editions, kinds, titles, and the fields
// read from a heading or cover, never from a history list further down.
#include <gtest/gtest.h>

#include "senrei/documents.hpp"

namespace senrei {
namespace {

TEST(Edition, AsWrittenIncludingFullWidth) {
  EXPECT_EQ(parse_edition("医療情報システムの安全管理に関するガイドライン 第6.0版"), "6.0");
  EXPECT_EQ(parse_edition("第5版（平成29年5月）"), "5");
  EXPECT_EQ(parse_edition("第1.1版"), "1.1");
  EXPECT_EQ(parse_edition("第５．２版"), "5.2");
  EXPECT_EQ(parse_edition("第 2.0 版"), "2.0");
  EXPECT_EQ(parse_edition("SS-MIX2 Ver.1.2"), "1.2");
  EXPECT_EQ(parse_edition("第3章 第2節"), std::nullopt);  // chapters are not editions
  EXPECT_EQ(parse_edition("改定版"), std::nullopt);
  EXPECT_EQ(parse_edition("第6.版"), std::nullopt);
  EXPECT_EQ(parse_edition("第3章、第1.1版"), "1.1");  // the first 第…版, past a 第 that is not one
}

TEST(DocumentKind, NoticeBeforeStandardBeforeGuideline) {
  EXPECT_EQ(document_kind("保健医療情報分野の標準規格として認めるべき規格について（通知）"), RecordKind::notice);
  EXPECT_EQ(document_kind("保健医療情報分野の標準規格（厚生労働省標準規格）について"), RecordKind::standard);
  EXPECT_EQ(document_kind("医療情報システムの安全管理に関するガイドライン 第6.0版"), RecordKind::guideline);
  EXPECT_EQ(document_kind("地域医療連携の手引き"), RecordKind::guideline);
  EXPECT_EQ(document_kind("報道資料：ガイドラインの策定"), RecordKind::notice);
  EXPECT_EQ(document_kind("令和5年度予算の概要"), std::nullopt);
}

ParsedPage html_page() {
  ParsedPage p;
  p.url = "https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html";
  p.content_type = "text/html";
  p.title = "安全管理ガイドライン｜厚生労働省";
  p.blocks = {{Block::Role::heading, 1, "医療情報システムの安全管理に関するガイドライン 第6.0版"},
              {Block::Role::paragraph, 0, "公表：令和5年5月"},
              {Block::Role::paragraph, 0, "医療機関等が医療情報システムを安全に管理するための指針。"},
              {Block::Role::heading, 2, "これまでの版"},
              {Block::Role::list_item, 0, "第5版（平成29年5月）"}};
  p.labels = {{"公表", "令和5年5月", "", "公表：令和5年5月"}};
  return p;
}

const Field* find(const std::vector<Field>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

TEST(DocumentFields, FromHeadingAndLabelNotFromTheHistoryList) {
  const ParsedPage p = html_page();
  EXPECT_EQ(document_title(p), "医療情報システムの安全管理に関するガイドライン 第6.0版");
  const auto fields = read_document_fields(p, document_title(p), "厚生労働省");
  ASSERT_NE(find(fields, "version"), nullptr);
  EXPECT_EQ(find(fields, "version")->text, "6.0");
  ASSERT_NE(find(fields, "publication_date"), nullptr);
  EXPECT_EQ(find(fields, "publication_date")->text, "2023-05");
  EXPECT_EQ(find(fields, "publication_date")->provenance.sentence, "公表：令和5年5月");
  EXPECT_EQ(find(fields, "publication_date")->provenance.url, p.url);
  EXPECT_EQ(find(fields, "ministry")->text, "厚生労働省");
  EXPECT_EQ(find(fields, "ministry")->items, std::vector<std::string>{"厚生労働省"});
  EXPECT_EQ(find(fields, "title")->text, "医療情報システムの安全管理に関するガイドライン 第6.0版");

  // Without the heading's edition and the label, the history list still says nothing.
  ParsedPage bare = p;
  bare.blocks[0].text = "医療情報システムの安全管理に関するガイドライン";
  bare.blocks[1].text = "医療機関等向けの指針";
  bare.labels.clear();
  const auto none = read_document_fields(bare, document_title(bare), "厚生労働省");
  EXPECT_EQ(find(none, "version"), nullptr);
  EXPECT_EQ(find(none, "publication_date"), nullptr);
}

TEST(DocumentFields, PdfCoverGivesDateAndJointMinistries) {
  ParsedPage p;
  p.url = "https://www.soumu.go.jp/main_content/000999001.pdf";
  p.content_type = "application/pdf";
  p.meta["Title"] = "提供事業者における安全管理ガイドライン（要約）";
  p.pdf_pages = {"提供事業者における\n安全管理ガイドライン\n第1版\n令和2年8月\n総務省 経済産業省",
                 "第1章 目的\n厚生労働省のガイドラインと合わせて読む。令和5年7月に改定。"};
  EXPECT_EQ(document_title(p), "提供事業者における安全管理ガイドライン（要約）");
  const auto fields = read_document_fields(p, document_title(p), "総務省");
  EXPECT_EQ(find(fields, "version")->text, "1");
  EXPECT_EQ(find(fields, "version")->provenance.sentence, "第1版");
  EXPECT_EQ(find(fields, "publication_date")->text, "2020-08");
  EXPECT_EQ(find(fields, "ministry")->items, (std::vector<std::string>{"総務省", "経済産業省"}));
  EXPECT_EQ(find(fields, "ministry")->provenance.sentence, "総務省 経済産業省");
}

TEST(DocumentTitle, FallsBackToTitleElementThenFileName) {
  ParsedPage p;
  p.url = "https://www.example.go.jp/docs/";
  p.content_type = "text/html";
  p.title = "お知らせ一覧｜厚生労働省";
  EXPECT_EQ(document_title(p), "お知らせ一覧");
  ParsedPage scan;
  scan.url = "https://www.mhlw.go.jp/content/10808000/000000603.pdf";
  scan.content_type = "application/pdf";
  scan.pdf_pages = {""};
  EXPECT_EQ(document_title(scan), "000000603.pdf");
}

TEST(ReadDocument, KindDateAndText) {
  ParsedPage p = html_page();
  Record r = read_document(p, "厚生労働省", RecordKind::notice);
  EXPECT_EQ(r.kind, RecordKind::notice);  // an HTML page is what the plugin says
  EXPECT_EQ(r.as_of, "2023-05");
  EXPECT_EQ(r.url, p.url);
  p.content_type = "application/pdf";
  p.pdf_pages = {"保健医療情報分野の標準規格について（通知）"};
  p.meta["Title"] = "保健医療情報分野の標準規格について（通知）";
  EXPECT_EQ(read_document(p, "厚生労働省", RecordKind::guideline).kind, RecordKind::notice);
  p.meta["Title"] = "年次報告";
  EXPECT_EQ(read_document(p, "厚生労働省", RecordKind::notice).kind, RecordKind::guideline);
}

}  // namespace
}  // namespace senrei
