// Acceptance (issue 3): the eight case overview pages of the sample corpus, ingested through the
// real binary, give exactly the facts of DOMAIN.md §5 — every stated fact extracted with its
// value, unit, approximate flag, as-of date and period; nothing where the page is silent; 非公開
// and 総額不明 as states, never 0.
//
// The expected table is written by hand from DOMAIN.md §5 and the pages (corpus/src/<slug>.frag):
// 約143万 is 1,430,000 persons, 950,007千円 is 950,007,000 yen, and so on.  Descriptive text
// fields (summary, services, stakeholders) are not facts of §5 and are only checked for
// provenance.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace senrei_test;
using nlohmann::json;

namespace {

struct Fact {
  std::string name;
  std::optional<double> number;
  std::string unit;
  std::string text;
  std::vector<std::string> items;
  std::optional<bool> flag;
  std::string state = "stated";
  std::string period;
  bool approximate = false;
  std::string as_of;
};

Fact num(std::string name, double n, std::string unit, bool approx = false, std::string as_of = "") {
  Fact f;
  f.name = std::move(name);
  f.number = n;
  f.unit = std::move(unit);
  f.approximate = approx;
  f.as_of = std::move(as_of);
  return f;
}
Fact yen(std::string name, double n, std::string period = "", bool approx = false) {
  Fact f = num(std::move(name), n, "yen", approx);
  f.period = std::move(period);
  return f;
}
Fact txt(std::string name, std::string text) {
  Fact f;
  f.name = std::move(name);
  f.text = std::move(text);
  return f;
}
Fact list(std::string name, std::vector<std::string> items, std::string unit = "") {
  Fact f;
  f.name = std::move(name);
  f.items = std::move(items);
  f.unit = std::move(unit);
  return f;
}
Fact state(std::string name, std::string st, std::string unit = "", std::string period = "") {
  Fact f;
  f.name = std::move(name);
  f.state = std::move(st);
  f.unit = std::move(unit);
  f.period = std::move(period);
  return f;
}
Fact flag(std::string name, bool v) {
  Fact f;
  f.name = std::move(name);
  f.flag = v;
  return f;
}
Fact payers(std::string name, std::vector<std::string> items, std::string text) {
  Fact f = list(std::move(name), std::move(items));
  f.text = std::move(text);
  return f;
}

struct Case {
  std::string slug;
  std::string as_of;  // the page's 時点 line
  std::vector<Fact> facts;
};

// DOMAIN.md §5, row by row, with the as-of dates and exact wording of the sample pages.
const std::vector<Case>& cases() {
  static const std::vector<Case> table = {
      {"ajisai", "2017-02",
       {txt("network_name", "あじさいネット"), num("start_year", 2004, "year"),
        txt("operator_name", "長崎地域医療連携ネットワークシステム協議会"), txt("operator_form", "npo"),
        txt("area_name", "長崎県全域"), txt("area_scope", "prefecture"), txt("prefecture", "長崎県"),
        num("population", 1430000, "person", true),
        yen("build_cost_yen", 20000000, "", true), flag("build_cost_includes_data_output", false),
        payers("build_payers", {"disclosing_institutions"}, "情報を開示する中核病院"),
        state("running_cost_yen", "undisclosed", "yen", "unknown"), state("running_payers", "undisclosed"),
        num("patients", 61134, "person", false, "2017-01"),
        num("institutions_total", 323, "institution", false, "2017-01"),
        num("institutions_disclosing", 32, "institution", false, "2017-01"),
        num("institutions_viewing", 293, "institution", false, "2017-01")}},
      {"mamenet", "2017-02",
       {txt("network_name", "まめネット"), num("start_year", 2013, "year"),
        txt("operator_name", "しまね医療情報ネットワーク協会"), txt("operator_form", "npo"),
        txt("area_name", "島根県全域"), txt("area_scope", "prefecture"), txt("prefecture", "島根県"),
        num("population", 720000, "person", true),
        yen("build_cost_yen", 434000000), flag("build_cost_includes_data_output", false),
        payers("build_payers", {"prefecture"}, "島根県（構築には地域医療再生基金を活用した）"),
        list("funding_sources", {"regional_revitalization_fund", "member_fees"}),
        yen("running_cost_yen", 235090000, "unknown"),  // the page states no period
        payers("running_payers", {"operator"}, "運営主体（参加機関の利用料などを充てる）"),
        num("patients", 29264, "person", true, "2017-01"),
        num("institutions_total", 769, "institution", false, "2017-01")}},
      {"hareyaka", "2017-03",
       {txt("network_name", "晴れやかネット"), num("start_year", 2013, "year"),
        txt("operator_name", "医療ネットワーク岡山協議会"), txt("operator_form", "general_association"),
        txt("area_name", "岡山県全域"), txt("area_scope", "prefecture"), txt("prefecture", "岡山県"),
        num("population", 1900000, "person", true),
        yen("build_cost_yen", 950007000), flag("build_cost_includes_data_output", true),
        payers("build_payers", {"operator"}, "運営主体（構築には地域医療再生基金を活用した）"),
        list("funding_sources", {"regional_revitalization_fund", "member_fees"}),
        yen("running_cost_yen", 50000000, "year"),
        payers("running_payers", {"operator"}, "運営主体（参加機関の会費などで賄う）"),
        num("patients", 12166, "person", false, "2017-02"),
        num("institutions_total", 429, "institution", false, "2017-03-01")}},
      {"biwako", "2018-03",
       {txt("network_name", "びわ湖メディカルネット"), num("start_year", 2014, "year"),
        txt("operator_name", "滋賀県医療情報連携ネットワーク協議会"), txt("operator_form", "npo"),
        txt("area_name", "滋賀県全域"), txt("area_scope", "prefecture"), txt("prefecture", "滋賀県"),
        num("population", 1410000, "person", true),
        state("build_cost_yen", "unknown", "yen"),  // 総額不明: a state, the parts kept apart
        [] {
          Fact f = list("build_cost_parts", {"40000000", "50000000", "35000000"}, "yen");
          f.approximate = true;
          return f;
        }(),
        list("funding_sources", {"regional_revitalization_fund", "comprehensive_care_fund"}),
        yen("running_cost_yen", 38000000, "unknown"),
        num("patients", 13500, "person", true, "2018-02"),
        num("institutions_total", 178, "institution", false, "2018-03")}},
      {"azalea", "2016-12",
       {txt("network_name", "アザレアネット"), num("start_year", 2012, "year"),
        txt("operator_name", "くるめ診療情報ネットワーク協議会"), txt("operator_form", "voluntary_association"),
        txt("area_name", "久留米医療圏"), txt("area_scope", "secondary_area"), txt("prefecture", "福岡県"),
        state("build_cost_yen", "unknown", "yen"),  // 各開示施設負担、全体額不明
        payers("build_payers", {"disclosing_institutions"}, "各開示施設"),
        yen("running_cost_yen", 2258000, "year"),
        num("patients", 8899, "person", false, "2016-11"),
        num("institutions_total", 179, "institution", false, "2016-12-01")}},
      {"chokai", "2019-07",
       {txt("network_name", "ちょうかいネット"), num("start_year", 2011, "year"),
        txt("operator_name", "酒田地区・鶴岡地区 医療情報ネットワーク協議会"), txt("operator_form", "council"),
        txt("area_name", "庄内二次医療圏"), txt("area_scope", "secondary_area"), txt("prefecture", "山形県"),
        // 29,925千円＋40,105千円 under a rowspan 費用負担 cell: no total on the page, so the
        // number is the sum of the parts and the parts are kept (docs/json.md).
        yen("build_cost_yen", 70030000), list("build_cost_parts", {"29925000", "40105000"}, "yen"),
        list("funding_sources", {"regional_revitalization_fund"}),
        yen("running_cost_yen", 1605000, "year"),
        num("patients", 37511, "person", false, "2019-06"),
        num("institutions_total", 204, "institution", false, "2019-06"),
        [] {
          Fact f = list("institutions_parts", {"139", "65"}, "institution");
          f.as_of = "2019-06";
          return f;
        }()}},
      {"picapica", "2017-03",
       {txt("network_name", "ピカピカリンク"), num("start_year", 2010, "year"),
        txt("operator_name", "佐賀県診療情報地域連携システム協議会"), txt("operator_form", "voluntary_association"),
        txt("area_name", "佐賀県の全県域"), txt("area_scope", "prefecture"), txt("prefecture", "佐賀県"),
        num("population", 840000, "person", true)}},
      {"himawari", "2017-01",
       {txt("network_name", "さどひまわりネット"), num("start_year", 2013, "year"),
        txt("operator_name", "佐渡地域医療連携推進協議会"), txt("operator_form", "npo"),
        txt("area_name", "佐渡医療圏"), txt("area_scope", "secondary_area"), txt("prefecture", "新潟県"),
        num("population", 62727, "person"),
        // 運用費用：参加機関の利用料で賄う — how it is paid, but no amount: no running_cost_yen.
        list("funding_sources", {"regional_revitalization_fund", "member_fees"}),
        payers("running_payers", {"participants"}, "参加機関")}},
  };
  return table;
}

const std::set<std::string> kDescriptive = {"summary", "services", "stakeholders"};

class CaseFacts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = (fs::temp_directory_path() / ("senrei-facts-" + std::to_string(::getpid()))).string();
    fs::remove_all(data_);
    auto crawl = senrei({"--data", data_, "crawl", "renkei-navi", "--mirror", kSample});
    ASSERT_EQ(crawl.status, 0) << crawl.err;
    auto exp = senrei({"--data", data_, "export", "--format", "jsonl"});
    ASSERT_EQ(exp.status, 0) << exp.err;
    size_t start = 0;
    while (start < exp.out.size()) {
      size_t end = exp.out.find('\n', start);
      json r = json::parse(exp.out.substr(start, end - start));
      records_[r["url"]] = r;
      start = end + 1;
    }
  }
  static void TearDownTestSuite() { fs::remove_all(data_); }

  static std::string data_;
  static std::map<std::string, json> records_;
};
std::string CaseFacts::data_;
std::map<std::string, json> CaseFacts::records_;

void expect_field(const json& f, const Fact& e, const std::string& where) {
  SCOPED_TRACE(where + " " + e.name + " (raw: " + f.value("raw", std::string()) + ")");
  EXPECT_EQ(f.value("state", std::string("stated")), e.state);
  if (e.number) {
    ASSERT_TRUE(f.contains("number"));
    EXPECT_DOUBLE_EQ(f["number"].get<double>(), *e.number);
  } else {
    EXPECT_FALSE(f.contains("number"));  // never a 0 for 非公開 / 不明
  }
  EXPECT_FALSE(f.contains("number_high"));
  EXPECT_EQ(f.value("unit", std::string()), e.unit);
  EXPECT_EQ(f.value("period", std::string()), e.period);
  EXPECT_EQ(f.value("approximate", false), e.approximate);
  EXPECT_EQ(f.value("as_of", std::string()), e.as_of);
  EXPECT_EQ(f.value("text", std::string()), e.text);
  EXPECT_EQ(f.value("items", std::vector<std::string>{}), e.items);
  if (e.flag) {
    ASSERT_TRUE(f.contains("flag"));
    EXPECT_EQ(f["flag"].get<bool>(), *e.flag);
  } else {
    EXPECT_FALSE(f.contains("flag"));
  }
}

}  // namespace

TEST_F(CaseFacts, EveryCaseOverviewMatchesDomainFactsAndNothingElse) {
  ASSERT_FALSE(records_.empty());
  size_t overviews = 0;
  for (const auto& [url, r] : records_) overviews += r["kind"] == "case_overview";
  EXPECT_EQ(overviews, cases().size());

  for (const auto& c : cases()) {
    const std::string url = kNavi + c.slug + "/";
    SCOPED_TRACE(url);
    ASSERT_TRUE(records_.count(url));
    const json& r = records_.at(url);
    EXPECT_EQ(r["kind"], "case_overview");
    EXPECT_EQ(r.value("as_of", std::string()), c.as_of);

    std::map<std::string, json> fields;
    for (const auto& f : r["fields"]) {
      const std::string name = f["name"];
      EXPECT_FALSE(fields.count(name)) << "field " << name << " appears twice";
      fields[name] = f;
    }
    std::set<std::string> expected_names, got_names;
    for (const auto& e : c.facts) expected_names.insert(e.name);
    for (const auto& [name, f] : fields)
      if (!kDescriptive.count(name)) got_names.insert(name);
    // Nothing invented, nothing missed.
    EXPECT_EQ(got_names, expected_names);
    for (auto e : c.facts) {
      // A value with no date of its own carries the page's ※…時点 note (issue 12 item 4);
      // start_year and values without a unit (names, keywords, lists) are not dated.
      if (e.as_of.empty() && !e.unit.empty() && e.name != "start_year") e.as_of = c.as_of;
      if (fields.count(e.name)) expect_field(fields.at(e.name), e, c.slug);
    }
  }
}

TEST_F(CaseFacts, EveryFieldIsTracedToItsPageAndSentence) {
  for (const auto& c : cases()) {
    const std::string url = kNavi + c.slug + "/";
    ASSERT_TRUE(records_.count(url));
    const json& r = records_.at(url);
    const std::string text = r["text"];
    for (const auto& f : r["fields"]) {
      SCOPED_TRACE(url + " " + f["name"].get<std::string>());
      ASSERT_TRUE(f.contains("provenance"));
      EXPECT_EQ(f["provenance"]["url"], url);
      const std::string sentence = f["provenance"]["sentence"];
      const std::string raw = f["raw"];
      EXPECT_FALSE(sentence.empty());
      EXPECT_NE(sentence.find(raw), std::string::npos) << sentence;
      // The value as written can be found in the page's own text (where a person would look).
      std::string head = raw.substr(0, std::min<size_t>(raw.find(' ') == std::string::npos ? raw.size() : raw.find(' '), 30));
      EXPECT_NE(text.find(head), std::string::npos) << head;
    }
  }
}

TEST_F(CaseFacts, StatesAreShownAsWordsNeverAsZero) {
  auto r = senrei({"--data", data_, "show", kNavi + "ajisai/"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("running_cost_yen = 非公開"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("running_payers = 非公開"), std::string::npos);
  auto b = senrei({"--data", data_, "show", kNavi + "biwako/"});
  EXPECT_NE(b.out.find("build_cost_yen = 不明"), std::string::npos) << b.out;
  EXPECT_NE(b.out.find("build_cost_parts = 約4,000万円, 約5,000万円, 約3,500万円"), std::string::npos) << b.out;
  EXPECT_EQ(b.out.find("build_cost_yen = 0"), std::string::npos);
}

namespace {

// RFC 4180 rows (quoted cells with "" escapes, CRLF ends).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell)), cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(cell)), cell.clear();
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace

TEST_F(CaseFacts, CsvExportHasEveryFieldOfEveryRecord) {
  auto r = senrei({"--data", data_, "export", "--format", "csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.out.rfind("\xEF\xBB\xBF", 0), 0u);
  auto rows = parse_csv(r.out.substr(3));
  ASSERT_FALSE(rows.empty());
  const auto& header = rows.front();
  ASSERT_EQ(header.size(), 19u);
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  EXPECT_EQ(header.back(), "flags");  // consistency flags, last so older readers keep their columns
  // One row per field, one row for a record without fields: as many as the JSONL export implies.
  size_t expected_rows = 0;
  for (const auto& [url, rec] : records_) expected_rows += std::max<size_t>(1, rec["fields"].size());
  EXPECT_EQ(rows.size() - 1, expected_rows);
  std::map<std::string, std::vector<std::string>> ajisai;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << i;
    if (rows[i][col["url"]] == kNavi + "ajisai/") ajisai[rows[i][col["field"]]] = rows[i];
  }
  const auto& build = ajisai.at("build_cost_yen");
  EXPECT_EQ(build[col["number"]], "20000000");
  EXPECT_EQ(build[col["value"]], "約2,000万円");
  EXPECT_EQ(build[col["approximate"]], "true");
  EXPECT_EQ(build[col["state"]], "stated");
  EXPECT_EQ(build[col["provenance_url"]], kNavi + "ajisai/");
  const auto& running = ajisai.at("running_cost_yen");
  EXPECT_EQ(running[col["number"]], "");  // 非公開 is not 0
  EXPECT_EQ(running[col["value"]], "非公開");
  EXPECT_EQ(running[col["state"]], "undisclosed");
  EXPECT_EQ(ajisai.at("patients")[col["field_as_of"]], "2017-01");
}
