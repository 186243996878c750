// extract/pdf_guard.hpp: streams that would inflate past the limits are refused before poppler.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

#include "extract/pdf_guard.hpp"

using namespace senrei;

namespace {

std::string deflate(const std::string& in) {
  uLongf size = compressBound(in.size());
  std::string out(size, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(in.data()),
                      in.size(), 9),
            Z_OK);
  out.resize(size);
  return out;
}

std::string ascii85(const std::string& in) {
  std::string out;
  for (size_t i = 0; i < in.size(); i += 4) {
    uint32_t v = 0;
    size_t n = std::min<size_t>(4, in.size() - i);
    for (size_t k = 0; k < 4; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(in[i + k]) : 0);
    char group[5];
    for (int k = 4; k >= 0; --k) group[k] = static_cast<char>('!' + v % 85), v /= 85;
    out.append(group, n + 1);
  }
  return out + "~>";
}

// Objects "N 0 obj << dict >> stream ... endstream" after a header; enough for the guard.
std::string pdf_with(const std::vector<std::pair<std::string, std::string>>& streams) {
  std::string pdf = "%PDF-1.5\n";
  int n = 4;
  for (const auto& [dict, data] : streams)
    pdf += std::to_string(n++) + " 0 obj\n<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" +
           data + "\nendstream\nendobj\n";
  return pdf + "%%EOF\n";
}

std::string error_of(const std::string& pdf, const ExtractLimits& limits = {}) {
  try {
    check_pdf_streams(pdf, limits, "http://x.test/a.pdf");
  } catch (const ExtractError& e) {
    return e.kind() + ": " + e.what();
  }
  return "";
}

const std::string kBig(20u << 20, 'A');  // inflates to 20 MB, over the 16 MB default

}  // namespace

TEST(PdfGuard, FlateStreamOverTheLimitIsRefusedNamingTheObject) {
  EXPECT_EQ(error_of(pdf_with({{"/Filter /FlateDecode", deflate("BT (x) Tj ET")}, {"/Filter /FlateDecode", deflate(kBig)}})),
            "too_large: http://x.test/a.pdf: object 5 0 of the PDF inflates to more than 16 MB (the limit for one "
            "stream); not read");
}

TEST(PdfGuard, FlateBehindAscii85AndInAnArrayIsMeasuredToo) {
  EXPECT_NE(error_of(pdf_with({{"/Filter [/ASCII85Decode /FlateDecode]", ascii85(deflate(kBig))}})).find("object 4 0"),
            std::string::npos);
  EXPECT_NE(error_of(pdf_with({{"/Filter [ /FlateDecode ]", deflate(kBig)}})).find("too_large"), std::string::npos);
}

TEST(PdfGuard, ImagesAndUnfilteredStreamsAreNotMeasured) {
  EXPECT_EQ(error_of(pdf_with({{"/Type /XObject /Subtype /Image /Filter /FlateDecode", deflate(kBig)}})), "");
  EXPECT_EQ(error_of(pdf_with({{"", std::string(1 << 20, 'B')}})), "");
  EXPECT_EQ(error_of(pdf_with({{"/Filter /LZWDecode", "not measured"}})), "");
}

TEST(PdfGuard, StreamsTogetherOverTheTotalAreRefused) {
  ExtractLimits limits;
  limits.max_pdf_stream_bytes = 1 << 20;
  limits.max_pdf_inflated_bytes = 3 << 20;
  const std::string part = deflate(std::string(900 << 10, 'C'));
  EXPECT_EQ(error_of(pdf_with({{"/Filter /FlateDecode", part}, {"/Filter /FlateDecode", part}, {"/Filter /FlateDecode", part}}),
                     limits),
            "");
  EXPECT_EQ(error_of(pdf_with({{"/Filter /FlateDecode", part},
                               {"/Filter /FlateDecode", part},
                               {"/Filter /FlateDecode", part},
                               {"/Filter /FlateDecode", part}}),
                     limits),
            "too_large: http://x.test/a.pdf: the PDF's streams inflate to more than 3 MB together (the limit); not read");
}

TEST(PdfGuard, RealPdfsPass) {
  for (const char* name : {"japanese-cid.pdf", "japanese-untitled.pdf", "image-only.pdf", "broken.pdf"}) {
    std::ifstream in(std::string(SENREI_TEST_DATA) + "/extract/pdf/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ASSERT_FALSE(bytes.str().empty()) << name;
    EXPECT_EQ(error_of(bytes.str()), "") << name;
  }
}
