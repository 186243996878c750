// meti — 経済産業省: news releases (/press/<year>/<mm>/<id>/<id>.html) on the provider guideline
// 「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」 (with 総務省)
// and the PDFs beside them in the same folder (DOMAIN.md §2).
//
// A news release is a notice; a PDF is what its title says, else a guideline.  Fields: title,
// ministry, version, publication_date (senrei/documents.hpp).  The seeds are the news releases
// that matter (a new one is a new seed); links lead one step further, to their PDFs.
#include <string>

#include "senrei/documents.hpp"
#include "senrei/plugin.hpp"
#include "senrei/url.hpp"

namespace {

using namespace senrei;

constexpr const char* kHost = "www.meti.go.jp";
constexpr const char* kNewsRelease = "/press/2023/07/20230707999/20230707999.html";

class Meti final : public Source {
 public:
  SourceInfo info() const override {
    return {"meti", "経済産業省 医療情報を取り扱う事業者向け安全管理ガイドライン", "経済産業省", "1",
            std::string("https://") + kHost + "/"};
  }
  std::vector<std::string> seeds() const override { return {std::string("https://") + kHost + kNewsRelease}; }
  // The news releases it names and the PDFs in their folders; never the news index.
  bool in_scope(std::string_view url) const override {
    auto u = parse_url(url);
    if (!u || (u->scheme != "http" && u->scheme != "https") || u->host != kHost) return false;
    if (u->path == kNewsRelease) return true;
    const std::string_view release(kNewsRelease);
    const std::string_view folder = release.substr(0, release.rfind('/') + 1);
    return u->path.starts_with(folder) && u->path.ends_with(".pdf");
  }
  CrawlPolicy policy() const override { return {1, 200, 2.0}; }

  std::vector<Record> extract(const ParsedPage& page) const override {
    return {read_document(page, "経済産業省", RecordKind::notice)};
  }
};

}  // namespace

SENREI_PLUGIN(Meti)
