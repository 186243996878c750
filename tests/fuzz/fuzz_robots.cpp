// robots.txt parsing and matching (fetch/robots.hpp).  Input: "ROBOTS\n--\nPATH".
// Properties: parse never throws; a verdict's deciding line lies inside the file.
#include <algorithm>
#include <string>

#include "fetch/robots.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  auto [robots, path] = senrei_fuzz::split2(in);
  RobotsRules rules = RobotsRules::parse(robots);
  const std::string p = path.empty() ? std::string("/") : std::string(path);
  // Lines end at LF, CR or CRLF (RFC 9309 §2.2).
  int lines = 1;
  for (size_t i = 0; i < robots.size(); ++i)
    if (robots[i] == '\n' || (robots[i] == '\r' && (i + 1 >= robots.size() || robots[i + 1] != '\n'))) ++lines;
  for (const char* agent : {"senrei", "senrei/0.1 (+https://example.jp/)", "Googlebot", ""}) {
    auto v = rules.check(p, agent);
    if (v.line < 0 || v.line > lines) senrei_fuzz::property_failed("verdict line outside the file", in);
    if (v.line > 0 && v.rule.empty()) senrei_fuzz::property_failed("a deciding line without its rule", in);
    if (auto d = rules.crawl_delay(agent); d && !(*d >= 0)) senrei_fuzz::property_failed("negative crawl-delay", in);
  }
  (void)RobotsRules::from_fetch(200, robots);
  (void)robots_product_token(path);
  return 0;
}
