// A declarative source's URL patterns (plugins/site/site_spec.hpp: compile_url_pattern and
// UrlPattern::found_in, RE2) on any pattern and URL: "PATTERN\n--\nURL".  Properties: a pattern
// is either compiled or refused with a one-line reason; matching returns (RE2 is linear: a
// libFuzzer timeout here would be a ReDoS, F5 of the reliability report) and gives the same
// answer twice; a pattern with a back-reference or a lookaround is always refused; a pattern
// compiled from a plain word (letters and digits only) matches a URL that contains it.
#include <string>

#include "fuzz_support.hpp"
#include "plugins/site/site_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using senrei_fuzz::property_failed;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  auto [pattern, url] = senrei_fuzz::split2(in);
  std::string error;
  auto re = senrei_site::compile_url_pattern(pattern, error);
  if (!re) {
    if (error.empty() || error.find('\n') != std::string::npos) property_failed("a refusal without a one-line reason", in);
    return 0;
  }
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      if (pattern[i + 1] >= '1' && pattern[i + 1] <= '9') property_failed("a back-reference compiled", in);
      ++i;
    } else if (pattern.substr(i, 3) == "(?=" || pattern.substr(i, 3) == "(?!") {
      property_failed("a lookahead compiled", in);
    }
  }
  senrei_site::UrlPattern p{std::string(pattern), re};
  const bool first = p.found_in(url);
  if (p.found_in(url) != first) property_failed("two answers for one URL", in);
  const bool word = !pattern.empty() && pattern.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string_view::npos;
  if (word && !p.found_in("http://example.test/" + std::string(pattern) + "/"))
    property_failed("a plain word that does not match a URL holding it", in);
  return 0;
}
