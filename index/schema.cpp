#include "index/schema.hpp"
#include "record/record_json.hpp"
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <charconv>

#include <cstdint>
#include <cstdio>

namespace senrei::index {

namespace {
constexpr std::size_t kMaxTermBytes = 240;

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
}  // namespace

std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term.append(value);
    return term;
  }
  // Cut at a UTF-8 boundary, then '#' + 16 hex digits: 240 bytes at most.
  std::size_t keep = kMaxTermBytes - prefix.size() - 17;
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
  term.append(value.substr(0, keep));
  char hex[18];
  std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(fnv1a(value)));
  term.append(hex);
  return term;
}

std::string encode_document_data(const Record& record) {
  nlohmann::json j = to_json(record);
  j.erase("text");
  const std::string head = j.dump();
  std::string out = std::to_string(head.size());
  out.reserve(out.size() + 1 + head.size() + record.text.size());
  out += '\n';
  out += head;
  out += record.text;
  return out;
}

Record decode_document_data(std::string_view data) {
  const auto nl = data.find('\n');
  std::size_t len = 0;
  if (nl == std::string_view::npos || nl == 0 || nl > 12 ||
      std::from_chars(data.data(), data.data() + nl, len).ptr != data.data() + nl || len > data.size() - nl - 1)
    throw std::runtime_error("document data in an unknown layout");
  Record r = record_from_json(nlohmann::json::parse(data.substr(nl + 1, len)));
  r.text.assign(data.substr(nl + 1 + len));
  return r;
}

}  // namespace senrei::index
