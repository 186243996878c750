// Declarative source files (plugins/site/site_spec.hpp) on any TOML.  Properties: only SpecError
// escapes, its message is one line starting with the file name; a spec that reads has a name
// of [a-z0-9-] and an absolute http(s) base URL.
#include <filesystem>
#include <string>

#include "fuzz_support.hpp"
#include "plugins/site/site_spec.hpp"
#include "senrei/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using senrei_fuzz::property_failed;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  const std::string file = senrei_fuzz::input_file(in, "-site.toml");
  try {
    senrei_site::SiteSpec spec = senrei_site::read_site_spec(file);
    if (spec.info.name.empty() || spec.info.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") !=
                                      std::string::npos)
      property_failed("a source name outside [a-z0-9-]", in);
    auto base = senrei::parse_url(spec.info.base_url);
    if (!base || (base->scheme != "http" && base->scheme != "https"))
      property_failed("a base_url that is not absolute http(s)", in);
    for (const auto& rule : spec.kinds) (void)rule.url.found_in(spec.info.base_url);
  } catch (const senrei_site::SpecError& e) {
    const std::string message = e.what();
    if (message.find('\n') != std::string::npos) property_failed(("a SpecError of more than one line: " + message).c_str(), in);
    if (message.rfind(file, 0) != 0) property_failed(("a SpecError that does not start with the file: " + message).c_str(), in);
  }
  return 0;
}
