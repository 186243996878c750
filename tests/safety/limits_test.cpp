// Documents built to exhaust the extractor stop at the limits extract/extract.hpp documents, and
// the crawl says so: deep markup is flattened (depth_capped), a huge page is cut (truncated), a
// PDF with too many pages is read up to the limit (truncated), and a PDF whose stream inflates
// far beyond its size is refused (too_large) before poppler reads it (issue 8).
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>

#include "safety_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

// A minimal valid PDF: `pages` pages sharing one content stream, Flate-compressed or not.
std::string make_pdf(const std::string& content, int pages, bool flate) {
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(4 + i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const int content_object = 4 + pages;
  for (int i = 0; i < pages; ++i)
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(content_object) + " 0 R >>");
  std::string data = content;
  if (flate) {
    uLongf size = compressBound(content.size());
    data.resize(size);
    EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(data.data()), &size,
                        reinterpret_cast<const Bytef*>(content.data()), content.size(), 9),
              Z_OK);
    data.resize(size);
  }
  objects.push_back("<< /Length " + std::to_string(data.size()) + (flate ? " /Filter /FlateDecode" : "") +
                    " >>\nstream\n" + data + "\nendstream");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

}  // namespace

TEST(Limits, DeepHugeAndBombDocumentsStopAtTheDocumentedLimits) {
  ScratchDir dir("limits");
  const fs::path docs = dir / "docs";
  fs::create_directories(docs);
  {
    std::ofstream deep(docs / "deep.html", std::ios::binary);
    deep << "<html><head><meta charset=\"utf-8\"><title>深い</title></head><body>";
    for (int i = 0; i < 100000; ++i) deep << "<div><span>";
    deep << "深層の本文";
    for (int i = 0; i < 100000; ++i) deep << "</span></div>";
    deep << "</body></html>";
  }
  {
    std::ofstream huge(docs / "huge.html", std::ios::binary);
    huge << "<html><head><meta charset=\"utf-8\"><title>巨大</title></head><body>";
    for (int i = 0; i < 400000; ++i) huge << "<p>巨大な頁の段落です。</p>";  // 12 MB > 8 MB
    huge << "<p>末尾の一文</p></body></html>";
  }
  std::ofstream(docs / "pages.pdf", std::ios::binary)
      << make_pdf("BT /F1 12 Tf 72 720 Td (pagetext) Tj ET\n", 2100, false);
  std::string bomb_content;
  const std::string op = "BT /F1 12 Tf 72 720 Td (A) Tj ET\n";
  while (bomb_content.size() < (40u << 20)) bomb_content += op;
  const std::string bomb = make_pdf(bomb_content, 1, true);
  ASSERT_LT(bomb.size(), 200u << 10) << "the bomb is small on disk";
  std::ofstream(docs / "bomb.pdf", std::ios::binary) << bomb;

  const std::string data = (dir / "data").string();
  const auto start = std::chrono::steady_clock::now();
  auto crawl = senrei({"--data", data, "crawl", "files", "--mirror", docs.string(), "--json"});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 60) << "limits should bound the work";
  ASSERT_EQ(crawl.status, 0) << crawl.err;
  const json run = json::parse(crawl.out)["runs"][0];
  const std::string base = "file://" + fs::weakly_canonical(docs).string() + "/";

  // The bomb is refused before poppler reads it, naming the URL and the limit.
  ASSERT_EQ(run["failures"].size(), 1u) << run.dump(2);
  EXPECT_EQ(run["failures"][0]["url"], base + "bomb.pdf");
  EXPECT_EQ(run["failures"][0]["reason"], "too_large");
  EXPECT_NE(run["failures"][0]["message"].get<std::string>().find("inflates to more than 16 MB"), std::string::npos)
      << run["failures"][0]["message"];
  // The run reports what was cut.
  EXPECT_EQ(run["flagged"]["depth_capped"], 1) << run.dump(2);
  EXPECT_EQ(run["flagged"]["truncated"], 2) << run.dump(2);

  auto show = [&](const std::string& name) {
    auto r = senrei({"--data", data, "show", base + name, "--json"});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.status == 0 ? json::parse(r.out) : json::object();
  };
  const json deep = show("deep.html");
  EXPECT_NE(deep["text"].get<std::string>().find("深層の本文"), std::string::npos) << "flattened, not lost";
  EXPECT_NE(deep["flags"].dump().find("depth_capped"), std::string::npos) << deep["flags"];
  const json huge = show("huge.html");
  EXPECT_NE(huge["flags"].dump().find("truncated"), std::string::npos) << huge["flags"];
  EXPECT_EQ(huge["text"].get<std::string>().find("末尾の一文"), std::string::npos) << "text past 8 MB is not read";
  const json pages = show("pages.pdf");
  EXPECT_NE(pages["flags"].dump().find("truncated"), std::string::npos) << pages["flags"];
  EXPECT_EQ(count(pages["text"].get<std::string>(), "pagetext"), 2000u) << "exactly max_pdf_pages pages are read";
}
