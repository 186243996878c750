// The same facts in different markup give the same fields (issue 3, acceptance): table rows with
// <th>, labels in plain <td> under a rowspan group cell, nested definition lists, 「ラベル：値」
// paragraphs, plain text, and Shift_JIS / EUC-JP copies (tests/data/extract/variants/README).
// Fields are read as the renkei-navi plugin reads them: extract_document + read_labelled_fields.
// The expected values are written by hand from the facts on the pages.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <cctype>
#include <cmath>

#include "extract/extract.hpp"
#include "senrei/fields.hpp"

namespace senrei {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// What a council table would use of a field; provenance and raw differ by markup, by design.
struct Facts {
  std::optional<double> number, number_high;
  std::string unit, state, period, as_of, text;
  bool approximate = false;
  std::vector<std::string> items;
  std::optional<bool> flag;
  bool operator==(const Facts&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Facts& f) {
  os << "{";
  if (f.number) os << "number " << *f.number << ", ";
  if (f.number_high) os << "high " << *f.number_high << ", ";
  os << "unit '" << f.unit << "', state " << f.state << ", period '" << f.period << "', as_of '" << f.as_of
     << "', text '" << f.text << "', approx " << f.approximate << ", items [";
  for (const auto& i : f.items) os << i << " ";
  os << "]";
  if (f.flag) os << ", flag " << *f.flag;
  return os << "}";
}

std::map<std::string, Facts> fields_of(const std::string& file) {
  const std::string body = read_file(SENREI_TEST_DATA "/extract/variants/" + file);
  EXPECT_FALSE(body.empty()) << file;
  RawDocument d;
  d.url = "http://example.jp/kamome/" + file;
  d.content_type = file.ends_with(".txt") ? "text/plain" : "";  // HTML: sniffed, charset from <meta>
  d.body = body;
  const ParsedPage page = extract_document(d);
  EXPECT_FALSE(page.has_flag("charset_replaced")) << file;
  std::map<std::string, Facts> out;
  for (const Field& f : read_labelled_fields(page)) {
    EXPECT_FALSE(out.count(f.name)) << file << ": " << f.name << " twice";
    EXPECT_EQ(f.provenance.url, d.url);
    EXPECT_FALSE(f.provenance.sentence.empty()) << file << ": " << f.name;
    out[f.name] = {f.number, f.number_high, f.unit, std::string(to_string(f.state)), f.period, f.as_of,
                   f.text,   f.approximate, f.items, f.flag};
  }
  return out;
}

Facts num(double n, std::string unit, bool approx = false, std::string as_of = "", std::string period = "") {
  Facts f;
  f.number = n;
  f.unit = std::move(unit);
  f.approximate = approx;
  f.as_of = std::move(as_of);
  f.period = std::move(period);
  f.state = "stated";
  return f;
}
Facts txt(std::string text, std::vector<std::string> items = {}) {
  Facts f;
  f.text = std::move(text);
  f.items = std::move(items);
  f.state = "stated";
  return f;
}

const std::map<std::string, Facts>& expected() {
  static const std::map<std::string, Facts> e = [] {
    std::map<std::string, Facts> m;
    m["operator_name"] = txt("かもめ医療連携協議会");
    m["operator_form"] = txt("general_association");
    m["area_name"] = txt("仙台二次医療圏");
    m["area_scope"] = txt("secondary_area");
    m["prefecture"] = txt("宮城県");
    m["population"] = num(1500000, "person", true);
    m["aging_rate"] = num(0.245, "fraction");
    m["build_cost_yen"] = num(212810000, "yen", true);  // 約2億1,281万円
    Facts inc;
    inc.flag = true;
    inc.state = "stated";
    m["build_cost_includes_data_output"] = inc;
    m["build_payers"] = txt("宮城県（地域医療介護総合確保基金）", {"prefecture"});
    Facts funds;
    funds.state = "stated";
    funds.items = {"comprehensive_care_fund", "member_fees"};
    m["funding_sources"] = funds;
    m["running_cost_yen"] = num(1200000, "yen", false, "", "month");  // 月額120万円
    m["running_payers"] = txt("参加機関（年会費）", {"participants"});
    Facts fee = num(20000, "yen", false, "", "year");
    fee.text = "病院 20,000円/年";
    m["fees"] = fee;
    m["patients"] = num(13500, "person", true, "2020-03");
    m["institutions_total"] = num(182, "institution", false, "2020-03");  // 病院32、診療所150
    m["institutions_hospital"] = num(32, "institution", false, "2020-03");
    m["institutions_clinic"] = num(150, "institution", false, "2020-03");
    m["consent_method"] = txt("per_facility");
    return m;
  }();
  return e;
}

class LayoutVariant : public ::testing::TestWithParam<std::string> {};

TEST_P(LayoutVariant, YieldsExactlyTheExpectedFields) {
  const auto got = fields_of(GetParam());
  const auto& want = expected();
  for (const auto& [name, facts] : want) {
    auto it = got.find(name);
    if (it == got.end()) {
      ADD_FAILURE() << GetParam() << ": " << name << " missing";
      continue;
    }
    // Floating point: the rate is read as 24.5 / 100.
    Facts g = it->second;
    if (g.number && facts.number && std::abs(*g.number - *facts.number) < 1e-9) g.number = facts.number;
    EXPECT_EQ(g, facts) << GetParam() << ": " << name;
  }
  for (const auto& [name, facts] : got)
    EXPECT_TRUE(want.count(name)) << GetParam() << ": unexpected field " << name << " " << facts;
}

INSTANTIATE_TEST_SUITE_P(SameFacts, LayoutVariant,
                         ::testing::Values("table-th.html", "table-td-rowspan.html", "definition-list.html",
                                           "paragraphs.html", "plain.txt", "table-td-rowspan.sjis.html",
                                           "definition-list.eucjp.html"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(LayoutVariants, AllVariantsAgreeWithEachOther) {
  const auto reference = fields_of("table-th.html");
  for (const char* f : {"table-td-rowspan.html", "definition-list.html", "paragraphs.html", "plain.txt",
                        "table-td-rowspan.sjis.html", "definition-list.eucjp.html"}) {
    EXPECT_EQ(fields_of(f), reference) << f;
  }
}

}  // namespace
}  // namespace senrei
