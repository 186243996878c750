#include "plugin/plugin_output.hpp"

#include <cmath>
#include <cstdint>
#include <set>

#include <unicode/utf8.h>

#include "senrei/ja.hpp"

namespace senrei {
namespace {

bool valid_utf8(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// The first problem with one field's values, or "".
std::string field_problem(const Field& f) {
  if (f.name.empty()) return "a field without a name";
  const std::string which = "field '" + (valid_utf8(f.name) ? f.name : std::string("?")) + "'";
  if (!valid_utf8(f.name)) return "a field name that is not UTF-8";
  if ((f.number && !std::isfinite(*f.number)) || (f.number_high && !std::isfinite(*f.number_high)))
    return which + " with a number that is not finite";
  for (const std::string* t : {&f.text, &f.unit, &f.period, &f.as_of, &f.raw, &f.provenance.url, &f.provenance.sentence})
    if (!valid_utf8(*t)) return which + " with text that is not UTF-8";
  for (const auto& item : f.items)
    if (!valid_utf8(item)) return which + " with a list item that is not UTF-8";
  for (const auto& flag : f.flags)
    if (!valid_utf8(flag)) return which + " with a flag that is not UTF-8";
  for (const auto& p : f.item_provenance)
    if (!valid_utf8(p.url) || !valid_utf8(p.sentence)) return which + " with a provenance that is not UTF-8";
  return {};
}

}  // namespace

std::string validate_records(const SourceInfo& info, const std::string& url, std::vector<Record>& records) {
  if (records.size() > kMaxRecordsPerPage)
    return std::to_string(records.size()) + " records from one page (the limit is " +
           std::to_string(kMaxRecordsPerPage) + ")";
  std::set<std::string> ids;
  for (size_t i = 0; i < records.size(); ++i) {
    auto& r = records[i];
    if (r.source.empty()) r.source = info.name;
    if (r.url.empty()) r.url = url;
    if (r.id.empty()) r.id = make_record_id(info.name, r.url, r.part);
    std::string which = "record " + std::to_string(i + 1);
    for (const std::string* t : {&r.id, &r.source, &r.title, &r.url, &r.as_of, &r.text, &r.part})
      if (!valid_utf8(*t)) return which + " has text that is not UTF-8";
    for (const auto& flag : r.flags)
      if (!valid_utf8(flag)) return which + " has a flag that is not UTF-8";
    which += " (" + r.id + ")";
    if (r.source != info.name) return which + " claims source '" + r.source + "'";
    if (r.id.rfind(info.name + ":", 0) != 0) return which + " has an id outside source '" + info.name + "'";
    if (r.title.empty()) return which + " has no title";
    if (!ids.insert(r.id).second) return which + " repeats an id";
    for (const auto& f : r.fields)
      if (auto problem = field_problem(f); !problem.empty()) return which + " has " + problem;
  }
  return {};
}

std::string clean_message(std::string_view text) {
  const bool cut = text.size() > 400;
  if (cut) text = text.substr(0, 400);
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c >= 0) {
      out.append(text.data() + begin, static_cast<size_t>(i - begin));
    } else if (!(cut && i == n)) {  // a character cut by the 400-byte limit is dropped, not replaced
      out += "\xEF\xBF\xBD";
    }
  }
  return ja::one_line(out);
}

}  // namespace senrei
