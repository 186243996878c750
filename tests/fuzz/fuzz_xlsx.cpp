// .xlsx workbooks (libzip + expat behind extract_document()).  Input: the workbook's bytes.
// Properties: only ExtractError escapes; every sheet's rows are a grid (all as wide as the
// first); the cell budget holds.
#include <string>

#include "extract/extract.hpp"
#include "extract/xlsx.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  try {
    bool truncated = false;
    size_t cells = 0;
    for (const auto& sheet : read_xlsx(in, truncated)) {
      for (const auto& row : sheet.rows) {
        if (row.size() != sheet.rows.front().size()) senrei_fuzz::property_failed("a sheet that is not a grid", in);
        for (const auto& c : row) cells += !c.empty();
      }
    }
    if (cells > kMaxXlsxCells) senrei_fuzz::property_failed("more cells than the budget", in);
    RawDocument raw;
    raw.url = "https://www.pref.example.lg.jp/kikin/keikaku.xlsx";
    raw.content_type = kXlsxType;
    raw.body = in;
    ParsedPage page = extract_document(raw);
    (void)page.main_text();
  } catch (const ExtractError&) {
  }
  return 0;
}
