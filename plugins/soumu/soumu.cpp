// soumu — 総務省: press releases (報道資料, /menu_news/s-news/<id>.html) on the provider
// guideline 「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」
// (with 経済産業省; with the MHLW guideline, the 「3省2ガイドライン」) and the PDFs they link
// under /main_content/ (DOMAIN.md §2).
//
// A press release is a notice; a PDF is what its title says, else a guideline.  Fields: title,
// ministry, version, publication_date (senrei/documents.hpp).  The seeds are the press releases
// that matter (a new one is a new seed); links lead one step further, to their PDFs.
#include <string>

#include "senrei/documents.hpp"
#include "senrei/plugin.hpp"
#include "senrei/url.hpp"

namespace {

using namespace senrei;

constexpr const char* kHost = "www.soumu.go.jp";
constexpr const char* kPressRelease = "/menu_news/s-news/01ryutsu06_02000999.html";

class Soumu final : public Source {
 public:
  SourceInfo info() const override {
    return {"soumu", "総務省 医療情報を取り扱う事業者向け安全管理ガイドライン", "総務省", "1",
            std::string("https://") + kHost + "/"};
  }
  std::vector<std::string> seeds() const override { return {std::string("https://") + kHost + kPressRelease}; }
  // The press releases it names and the PDFs under /main_content/ (they link them); never the
  // news index or other press releases.
  bool in_scope(std::string_view url) const override {
    auto u = parse_url(url);
    if (!u || (u->scheme != "http" && u->scheme != "https") || u->host != kHost) return false;
    return u->path == kPressRelease || (u->path.rfind("/main_content/", 0) == 0 && u->path.ends_with(".pdf"));
  }
  CrawlPolicy policy() const override { return {1, 200, 2.0}; }

  std::vector<Record> extract(const ParsedPage& page) const override {
    return {read_document(page, "総務省", RecordKind::notice)};
  }
};

}  // namespace

SENREI_PLUGIN(Soumu)
