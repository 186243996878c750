// The search language (index/query_parser.hpp) run end to end through index::Searcher over a
// small real index: parse, match, sort, facets and snippets.  Properties: only QueryError
// escapes (IndexError would mean the index broke); hits are within the limit; a query longer
// than 4,096 bytes, or nesting parentheses or NOTs deeper than 32, is always refused (F4 of the
// reliability report: depth overflowed the stack, length cost gigabytes).
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz_support.hpp"
#include "index/index_writer.hpp"
#include "index/searcher.hpp"

namespace {

std::unique_ptr<senrei::index::Searcher> searcher;

senrei::Record record(const std::string& url, senrei::RecordKind kind, const std::string& title,
                      const std::string& text, double build_cost, double year) {
  senrei::Record r;
  r.source = "renkei-navi";
  r.url = url;
  r.id = senrei::make_record_id(r.source, url);
  r.kind = kind;
  r.title = title;
  r.text = text;
  senrei::Field cost;
  cost.name = "build_cost_yen";
  cost.number = build_cost;
  cost.unit = "yen";
  senrei::Field start;
  start.name = "start_year";
  start.number = year;
  start.unit = "year";
  senrei::Field form;
  form.name = "operator_form";
  form.text = "npo";
  r.fields = {cost, start, form};
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("senrei-fuzz-query-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  {
    senrei::index::IndexWriter w(dir);
    w.replace(record("http://renkei-support.mhlw.go.jp/ajisai/", senrei::RecordKind::case_overview,
                     "あじさいネット", "長崎県全域で地域医療再生基金を使い、構築費用は約2,000万円。会費は病院20,000円/年。",
                     2e7, 2004));
    w.replace(record("http://renkei-support.mhlw.go.jp/mamenet/", senrei::RecordKind::case_overview,
                     "まめネット", "島根県全域。構築費用434,000千円。ID-Link と HumanBridge。京都ではない東京都。", 4.34e8,
                     2013));
    w.replace(record("http://renkei-support.mhlw.go.jp/faq/", senrei::RecordKind::faq, "よくある質問",
                     "同意方式は一括同意。SS-MIX2 と HL7 FHIR。", 0, 2016));
    w.commit();
  }
  searcher = std::make_unique<senrei::index::Searcher>(dir);
  static const fs::path to_remove = dir;
  std::atexit([] { std::error_code ec; fs::remove_all(to_remove, ec); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei::index;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  SearchRequest req;
  req.query = std::string(in);
  req.limit = 5;
  req.facets = size % 2 == 1;
  static const char* sorts[] = {"", "year", "-build", "inst"};
  req.sort = sorts[size % 4];
  // The deepest run of '(' / NOT / '-' with nothing between, a lower bound of the nesting.
  size_t depth = 0, run = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    const bool op_start = i == 0 || in[i - 1] == ' ' || in[i - 1] == '(';
    if (in[i] == '(') run++;
    else if (in[i] == '-' && op_start && i + 1 < in.size() && in[i + 1] != ' ' && in[i + 1] != '\t' &&
             in[i + 1] != '\n' && in[i + 1] != '\r') run++;
    else if (op_start && in.substr(i, 4) == "NOT ") run++, i += 3;
    else if (in[i] != ' ') run = 0;
    depth = std::max(depth, run);
  }
  // (Inside quotes a parenthesis is text: the depth is only judged on queries without any.)
  bool quotes = false;
  for (std::string_view q : {"\"", "“", "”", "＂", "「", "」"}) quotes |= in.find(q) != std::string_view::npos;
  const bool must_refuse = in.size() > 4096 || (!quotes && depth > 33);
  try {
    SearchResult r = searcher->search(req);
    if (r.hits.size() > req.limit) senrei_fuzz::property_failed("more hits than the limit", in);
    if (must_refuse) senrei_fuzz::property_failed("a query past the length or depth limit was answered", in);
  } catch (const QueryError&) {
  }
  return 0;
}
