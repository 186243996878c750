#include "senrei/label_phrasings.hpp"

#include <algorithm>
#include <stdexcept>

#include "senrei/fields.hpp"
#include "senrei/ja.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

std::string label_key(std::string_view label) {
  std::string n = ja::nfkc(label);
  std::string out;
  for (char c : n)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  for (std::string_view cut : {":", "(", "【", "["}) {
    auto p = out.find(cut);
    if (p != std::string::npos && p > 0) out.resize(p);
  }
  return out;
}

LabelPhrasings& LabelPhrasings::add(std::string_view label, std::string_view field) {
  std::string key = label_key(label);
  if (key.empty()) throw std::invalid_argument("an empty label phrasing (for field '" + std::string(field) + "')");
  const auto& known = known_field_names();
  if (field != "as_of" && std::find(known.begin(), known.end(), field) == known.end())
    throw std::invalid_argument("label '" + std::string(label) + "': '" + std::string(field) +
                                "' is not a field a label may name (senrei/fields.hpp, known_field_names())");
  for (auto& [k, f] : phrasings_) {
    if (k == key) {
      f = std::string(field);
      return *this;
    }
  }
  phrasings_.emplace_back(std::move(key), std::string(field));
  return *this;
}

std::optional<std::string> LabelPhrasings::field_for(std::string_view label) const {
  const std::string key = label_key(label);
  for (const auto& [k, f] : phrasings_)
    if (k == key) return f;
  return std::nullopt;
}

std::vector<Field> LabelPhrasings::read(const ParsedPage& page, std::string* as_of) const {
  std::vector<Field> fields;
  for (const auto& lv : page.labels) {
    auto field = field_for(lv.label);
    if (!field) continue;
    Provenance from{page.url, lv.sentence.empty() ? lv.label + "：" + lv.value : lv.sentence};
    if (*field == "as_of") {
      if (auto d = ja::parse_date(lv.value); d && as_of && as_of->empty()) *as_of = *d;
      continue;
    }
    merge_fields(fields, read_fields(*field, lv.value, from));
  }
  return fields;
}

std::vector<Field> LabelPhrasings::read_labelled_fields(const ParsedPage& page, std::string* as_of) const {
  std::vector<Field> fields = read(page, as_of);
  const bool any_own = std::any_of(page.labels.begin(), page.labels.end(),
                                   [&](const LabelValue& lv) { return field_for(lv.label).has_value(); });
  if (!any_own) {
    merge_fields(fields, senrei::read_labelled_fields(page));
    return fields;
  }
  // The labels this table read are not read again by the built-in table (which might name them
  // otherwise).
  ParsedPage rest = page;
  rest.labels.erase(std::remove_if(rest.labels.begin(), rest.labels.end(),
                                   [&](const LabelValue& lv) { return field_for(lv.label).has_value(); }),
                    rest.labels.end());
  merge_fields(fields, senrei::read_labelled_fields(rest));
  return fields;
}

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
