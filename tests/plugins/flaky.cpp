// A source plugin that misbehaves on some pages, for the CLI test that one page's failure is
// reported with the plugin's name and URL while every other page is indexed:
//   .../throw/...    extract() throws
//   .../invalid/...  extract() returns a record without a title
//   .../foreign/...  extract() returns a record claiming another source
//   anything else    one good record
#include <stdexcept>
#include <string>

#include "senrei/plugin.hpp"

namespace {

using namespace senrei;

class Flaky final : public Source {
 public:
  SourceInfo info() const override { return {"flaky", "Flaky test source", "senrei tests", "1", "http://flaky.test/"}; }
  std::vector<std::string> seeds() const override { return {"http://flaky.test/"}; }
  bool in_scope(std::string_view url) const override { return url.rfind("http://flaky.test/", 0) == 0; }
  std::vector<Record> extract(const ParsedPage& page) const override {
    if (page.url.find("/throw/") != std::string::npos) throw std::runtime_error("cannot read this page's table");
    Record r;
    r.url = page.url;
    r.title = page.title;
    r.text = page.main_text();
    if (page.url.find("/invalid/") != std::string::npos) r.title.clear();
    if (page.url.find("/foreign/") != std::string::npos) r.source = "renkei-navi";
    return {r};
  }
};

}  // namespace

SENREI_PLUGIN(Flaky)
