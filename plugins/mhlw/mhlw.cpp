// mhlw — 厚生労働省: the 医療情報システムの安全管理に関するガイドライン pages and their PDFs,
// and the 厚生労働省標準規格 page with its notices (DOMAIN.md §2).
//
// The ministry's site is large; this source reads only the landing pages it names
// (/stf/shingi/0000516275_00006.html for the guideline, /stf/seisakunitsuite/bunya/0000114706.html
// for the standards) and the PDFs they link under /content/.  Landing pages are guideline or
// standard records; a PDF is what its title says (通知 → notice, 標準規格 → standard, else
// guideline); a scanned PDF with neither title nor text is a notice (the ministry scans notices),
// flagged no_text_layer by the host.  Fields: title, ministry, version, publication_date
// (senrei/documents.hpp) and, on the standards page, the standards it lists.
#include <string>

#include "senrei/documents.hpp"
#include "senrei/fields.hpp"
#include "senrei/plugin.hpp"
#include "senrei/url.hpp"

namespace {

using namespace senrei;

constexpr const char* kHost = "www.mhlw.go.jp";
constexpr const char* kGuidelinePage = "/stf/shingi/0000516275_00006.html";
constexpr const char* kStandardsPage = "/stf/seisakunitsuite/bunya/0000114706.html";

class Mhlw final : public Source {
 public:
  SourceInfo info() const override {
    return {"mhlw", "厚生労働省 医療情報システムの安全管理ガイドライン・標準規格", "厚生労働省", "1",
            std::string("https://") + kHost + "/"};
  }
  std::vector<std::string> seeds() const override {
    return {std::string("https://") + kHost + kGuidelinePage, std::string("https://") + kHost + kStandardsPage};
  }
  bool in_scope(std::string_view url) const override {
    auto u = parse_url(url);
    if (!u || (u->scheme != "http" && u->scheme != "https") || u->host != kHost) return false;
    if (u->path == kGuidelinePage || u->path == kStandardsPage) return true;
    return u->path.rfind("/content/", 0) == 0 && u->path.ends_with(".pdf");
  }
  CrawlPolicy policy() const override { return {1, 500, 2.0}; }

  std::vector<Record> extract(const ParsedPage& page) const override {
    auto u = parse_url(page.url);
    if (!u) return {};
    Record r = read_document(page, "厚生労働省", RecordKind::guideline);
    if (u->path == kStandardsPage) r.kind = RecordKind::standard;
    if (page.content_type == "application/pdf" && !document_kind(r.title) && page.has_flag("no_text_layer"))
      r.kind = RecordKind::notice;
    if (r.kind == RecordKind::standard) {
      // The standards a page lists, one table row each (番号 | 規格名 | …).
      for (const auto& t : page.tables)
        for (const auto& row : t.rows) {
          std::string line;
          for (const auto& cell : row) line += (line.empty() ? "" : " ") + cell.text;
          auto named = read_fields("standards", line, {page.url, line});
          if (!named.empty() && !named.front().items.empty()) merge_fields(r.fields, std::move(named));
        }
    }
    return {r};
  }
};

}  // namespace

SENREI_PLUGIN(Mhlw)
