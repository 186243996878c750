// PDF extraction through poppler-cpp on the PDFs scripts/make-test-pdfs writes.  Expected text is
// what that script draws, read off its source: the Japanese PDF uses a non-embedded CID font
// (Ryumin-Light, Adobe-Japan1), so these tests also check that poppler-data is installed.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>

#include "extract/extract.hpp"

namespace senrei {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string kDir = SENREI_TEST_DATA "/extract/pdf/";

ParsedPage pdf(const std::string& name, const std::string& content_type = "application/pdf",
               const ExtractLimits& limits = {}) {
  static std::map<std::string, std::string> bodies;  // string_view in RawDocument must outlive the call
  auto& body = bodies[name];
  body = read_file(kDir + name);
  EXPECT_FALSE(body.empty()) << kDir + name << " is missing: run scripts/make-test-pdfs";
  RawDocument d;
  d.url = "https://www.example.go.jp/content/" + name;
  d.content_type = content_type;
  d.body = body;
  return extract_document(d, limits);
}

TEST(Pdf, NonEmbeddedCidFontTextPerPageInReadingOrder) {
  const ParsedPage p = pdf("japanese-cid.pdf");
  EXPECT_EQ(p.content_type, "application/pdf");
  ASSERT_EQ(p.pdf_pages.size(), 2u);
  ASSERT_FALSE(p.pdf_pages[0].empty()) << "no text from a non-embedded CID font: is poppler-data installed?";
  EXPECT_EQ(p.pdf_pages[0],
            "医療情報連携ネットワーク運用指針\n"
            "構築費用：約2,000万円（※データ出力対応費を含まない）\n"
            "参加機関数：323施設");
  // Page 2 draws 第2章 before 第1章; it reads top to bottom, and the full-width space between a
  // chapter number and its title keeps them on one line.
  EXPECT_EQ(p.pdf_pages[1], "第1章 費用負担\n第2章 運用費用");
  EXPECT_EQ(p.main_text(), p.pdf_pages[0] + "\n" + p.pdf_pages[1]);
  EXPECT_TRUE(p.flags.empty());
}

TEST(Pdf, TitleAndDatesFromTheInfoDictionary) {
  const ParsedPage p = pdf("japanese-cid.pdf");
  EXPECT_EQ(p.title, "医療情報連携ネットワーク運用指針（第1版）");
  EXPECT_EQ(p.meta.at("Title"), "医療情報連携ネットワーク運用指針（第1版）");
  EXPECT_EQ(p.meta.at("Author"), "厚生労働省");
  // D:20170201103000+09'00' is 01:30 UTC.
  EXPECT_EQ(p.meta.at("CreationDate"), "2017-02-01T01:30:00Z");
  EXPECT_EQ(p.meta.at("ModDate"), "2019-03-15T12:00:00Z");
}

TEST(Pdf, WithoutInfoTitleTheFirstLineIsTheTitle) {
  const ParsedPage p = pdf("japanese-untitled.pdf");
  EXPECT_EQ(p.title, "医療情報連携ネットワーク運用指針");
  EXPECT_EQ(p.meta.count("Title"), 0u);
  EXPECT_EQ(p.meta.at("Producer"), "senrei make-test-pdfs");
  EXPECT_EQ(p.meta.count("CreationDate"), 0u);
}

TEST(Pdf, LabelLinesBecomeLabels) {
  const ParsedPage p = pdf("japanese-cid.pdf");
  ASSERT_EQ(p.labels.size(), 2u);
  EXPECT_EQ(p.labels[0].label, "構築費用");
  EXPECT_EQ(p.labels[0].value, "約2,000万円（※データ出力対応費を含まない）");
  EXPECT_EQ(p.labels[0].sentence, "構築費用：約2,000万円（※データ出力対応費を含まない）");
  EXPECT_EQ(p.labels[1].label, "参加機関数");
  EXPECT_EQ(p.labels[1].value, "323施設");
}

TEST(Pdf, SniffedWhenServedAsOctetStream) {
  const ParsedPage p = pdf("japanese-cid.pdf", "application/octet-stream");
  EXPECT_EQ(p.content_type, "application/pdf");
  EXPECT_EQ(p.pdf_pages.size(), 2u);
}

TEST(Pdf, EncryptedIsReportedWithItsUrl) {
  try {
    pdf("encrypted.pdf");
    FAIL() << "an encrypted PDF must not extract";
  } catch (const ExtractError& e) {
    EXPECT_EQ(e.kind(), "encrypted_pdf");
    EXPECT_NE(std::string(e.what()).find("https://www.example.go.jp/content/encrypted.pdf"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("password"), std::string::npos);
  }
}

TEST(Pdf, BrokenIsReportedWithItsUrl) {
  try {
    pdf("broken.pdf");
    FAIL() << "a broken PDF must not extract";
  } catch (const ExtractError& e) {
    EXPECT_EQ(e.kind(), "broken_pdf");
    EXPECT_NE(std::string(e.what()).find("broken.pdf"), std::string::npos);
  }
  // Truncated in the middle of a good file: still an error, never a crash.
  std::string cut = read_file(kDir + "japanese-cid.pdf");
  cut.resize(cut.size() / 3);
  RawDocument d;
  d.url = "https://www.example.go.jp/cut.pdf";
  d.content_type = "application/pdf";
  d.body = cut;
  try {
    auto p = extract_document(d);
    // poppler may rebuild the xref of a cut file; what it reads must then be a prefix of the text.
    for (const auto& page : p.pdf_pages) EXPECT_EQ(page.find("\xEF\xBF\xBD"), std::string::npos);
  } catch (const ExtractError& e) {
    EXPECT_EQ(e.kind(), "broken_pdf");
  }
}

TEST(Pdf, ImageOnlyIsFlaggedNoTextLayerNotAnError) {
  const ParsedPage p = pdf("image-only.pdf");
  ASSERT_EQ(p.pdf_pages.size(), 1u);
  EXPECT_TRUE(p.pdf_pages[0].empty());
  EXPECT_TRUE(p.has_flag("no_text_layer"));
  EXPECT_TRUE(p.title.empty());
}

TEST(Pdf, PageCapTruncates) {
  ExtractLimits limits;
  limits.max_pdf_pages = 1;
  const ParsedPage p = pdf("japanese-cid.pdf", "application/pdf", limits);
  EXPECT_EQ(p.pdf_pages.size(), 1u);
  EXPECT_TRUE(p.has_flag("truncated"));
  limits.max_pdf_bytes = 100;
  try {
    pdf("japanese-cid.pdf", "application/pdf", limits);
    FAIL();
  } catch (const ExtractError& e) {
    EXPECT_EQ(e.kind(), "too_large");
  }
}

}  // namespace
}  // namespace senrei
