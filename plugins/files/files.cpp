// files — any directory of HTML, PDF and text files, indexed as it is (like omindex).
//
// `senrei crawl files --mirror DIR` reads every file under DIR (a .csv as a table: rows, cells,
// header row; UTF-8 with or without BOM, CP932, UTF-16 with BOM); each becomes one Record of kind
// guideline (PDF) or other, titled by the page's title or the file name, with the labelled
// fields any page states.  The URL is the file's file:// URL.
#include <string>

#include "senrei/fields.hpp"
#include "senrei/plugin.hpp"
#include "senrei/url.hpp"

namespace {

using namespace senrei;

std::string file_name(const std::string& url) {
  auto slash = url.find_last_of('/', url.size() > 1 ? url.size() - 2 : 0);
  std::string name = slash == std::string::npos ? url : url.substr(slash + 1);
  if (!name.empty() && name.back() == '/') name.pop_back();
  return name;
}

class Files final : public Source {
 public:
  SourceInfo info() const override {
    return {"files", "ファイル（任意のフォルダ）", "local", "2", ""};  // 2: PDF reading order, label lines
  }
  std::vector<std::string> seeds() const override { return {}; }
  bool in_scope(std::string_view url) const override {
    // Only the mirror's own files: no link leads out of the folder being indexed.
    return url.rfind("file:", 0) == 0;
  }
  std::vector<Record> extract(const ParsedPage& page) const override {
    Record r;
    r.url = page.url;
    r.kind = page.content_type == "application/pdf" ? RecordKind::guideline : RecordKind::other;
    r.title = page.title.empty() ? file_name(page.url) : page.title;
    r.text = page.main_text();
    r.fields = read_labelled_fields(page);
    return {r};
  }
};

}  // namespace

SENREI_PLUGIN(Files)
