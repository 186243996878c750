// URL canonicalization and reference resolution (senrei/url.hpp).
// Input: a URL, or "BASE\n--\nREF".  Properties: canonical forms are fixed points, a resolved
// URL is canonical, and a parsed Url prints as its canonical text.
#include <string>

#include "fuzz_support.hpp"
#include "senrei/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  auto [first, second] = senrei_fuzz::split2(in);

  if (auto c = canonicalize_url(first)) {
    auto again = canonicalize_url(*c);
    if (!again || *again != *c) senrei_fuzz::property_failed("canonicalize_url is not idempotent", in);
  }
  if (auto u = parse_url(first)) {
    auto c = canonicalize_url(u->str());
    if (!c || *c != u->str()) senrei_fuzz::property_failed("Url::str() is not canonical", in);
    (void)u->origin();
    (void)u->path_and_query();
  }
  if (!second.empty()) {
    if (auto r = resolve_url(first, second)) {
      auto c = canonicalize_url(*r);
      if (!c || *c != *r) senrei_fuzz::property_failed("resolve_url result is not canonical", in);
    }
  }
  return 0;
}
