// Golden tests on real Japanese PDFs nobody on this project wrote: pdf.js's non-embedded-font
// samples (tests/data/third_party/pdfjs-cjk/, README there), read through poppler and
// poppler-data.  The expected strings are the ones the README lists.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include "extract/extract.hpp"

namespace senrei {
namespace {

ParsedPage read_pdf(const std::string& name) {
  static std::map<std::string, std::string> bodies;  // RawDocument::body must outlive the call
  auto& body = bodies[name];
  std::ifstream in(SENREI_TEST_DATA "/third_party/pdfjs-cjk/" + name, std::ios::binary);
  body.assign(std::istreambuf_iterator<char>(in), {});
  EXPECT_FALSE(body.empty()) << name;
  RawDocument d;
  d.url = "https://example.org/pdfjs/" + name;
  d.content_type = "application/pdf";
  d.body = body;
  return extract_document(d);
}

// The text with spaces and line breaks removed, so the test checks the characters and their
// order, not how poppler spaced them.
std::string squeezed(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

struct Golden {
  const char* file;
  std::vector<std::string> expected;  // in reading order
};

class PdfCjkGolden : public ::testing::TestWithParam<Golden> {};

TEST_P(PdfCjkGolden, TextAsExpected) {
  const Golden& g = GetParam();
  const ParsedPage p = read_pdf(g.file);
  const std::string text = p.main_text();
  const std::string flat = squeezed(text);
  size_t at = 0;
  for (const auto& want : g.expected) {
    size_t found = flat.find(squeezed(want), at);
    ASSERT_NE(found, std::string::npos) << g.file << ": '" << want << "' not in order in: " << text;
    at = found + squeezed(want).size();
  }
  EXPECT_FALSE(p.has_flag("garbled_text")) << g.file;
  EXPECT_FALSE(p.has_flag("no_text_layer")) << g.file;
}

INSTANTIATE_TEST_SUITE_P(
    PdfJs, PdfCjkGolden,
    ::testing::Values(Golden{"90ms_rksj_h_sample.pdf", {"Hello ASCII", "日本語テスト"}},
                      Golden{"noembed-sjis.pdf", {"あいうえお"}},
                      Golden{"noembed-eucjp.pdf", {"あいうえお"}},
                      Golden{"noembed-jis7.pdf", {"ABC あいうえお 123"}},
                      Golden{"noembed-identity.pdf", {"ABC あいうえお 123"}},
                      Golden{"noembed-identity-2.pdf", {"あAbstract012"}},
                      Golden{"vertical.pdf", {"あいうえお", "日本語"}}),
    [](const ::testing::TestParamInfo<Golden>& info) {
      std::string name = info.param.file;
      std::string out;
      for (char c : name.substr(0, name.size() - 4))
        out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
      return out;
    });

}  // namespace
}  // namespace senrei
