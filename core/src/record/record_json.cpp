#include "record/record_json.hpp"

#include <stdexcept>

namespace senrei {

using nlohmann::json;

json to_json(const Field& f) {
  json j;
  j["name"] = f.name;
  if (f.state != ValueState::stated) j["state"] = std::string(to_string(f.state));
  if (f.number) j["number"] = *f.number;
  if (f.number_high) j["number_high"] = *f.number_high;
  if (!f.text.empty()) j["text"] = f.text;
  if (!f.items.empty()) j["items"] = f.items;
  if (f.flag) j["flag"] = *f.flag;
  if (!f.unit.empty()) j["unit"] = f.unit;
  if (!f.period.empty()) j["period"] = f.period;
  if (!f.payer_type.empty()) j["payer_type"] = f.payer_type;
  if (f.approximate) j["approximate"] = true;
  if (!f.as_of.empty()) j["as_of"] = f.as_of;
  if (!f.raw.empty()) j["raw"] = f.raw;
  if (!f.provenance.url.empty() || !f.provenance.sentence.empty())
    j["provenance"] = {{"url", f.provenance.url}, {"sentence", f.provenance.sentence}};
  if (!f.item_provenance.empty()) {
    json items = json::array();
    for (const auto& p : f.item_provenance) items.push_back({{"url", p.url}, {"sentence", p.sentence}});
    j["item_provenance"] = std::move(items);
  }
  if (!f.flags.empty()) j["flags"] = f.flags;
  return j;
}

json to_json(const Record& r) {
  json j;
  j["id"] = r.id;
  j["source"] = r.source;
  j["kind"] = std::string(to_string(r.kind));
  j["title"] = r.title;
  j["url"] = r.url;
  if (!r.as_of.empty()) j["as_of"] = r.as_of;
  if (!r.part.empty()) j["part"] = r.part;
  j["text"] = r.text;
  json fields = json::array();
  for (const auto& f : r.fields) fields.push_back(to_json(f));
  j["fields"] = std::move(fields);
  if (!r.flags.empty()) j["flags"] = r.flags;
  return j;
}

namespace {
std::string str(const json& j, const char* key, bool required = false) {
  auto it = j.find(key);
  if (it == j.end()) {
    if (required) throw std::runtime_error(std::string("record JSON lacks \"") + key + "\"");
    return {};
  }
  if (!it->is_string()) throw std::runtime_error(std::string("record JSON: \"") + key + "\" is not a string");
  return it->get<std::string>();
}
}  // namespace

Field field_from_json(const json& j) {
  if (!j.is_object()) throw std::runtime_error("record JSON: a field is not an object");
  Field f;
  f.name = str(j, "name", true);
  if (auto s = str(j, "state"); !s.empty()) {
    auto st = parse_value_state(s);
    if (!st) throw std::runtime_error("record JSON: unknown field state \"" + s + "\"");
    f.state = *st;
  }
  if (j.contains("number")) f.number = j.at("number").get<double>();
  if (j.contains("number_high")) f.number_high = j.at("number_high").get<double>();
  f.text = str(j, "text");
  if (j.contains("items")) f.items = j.at("items").get<std::vector<std::string>>();
  if (j.contains("flag")) f.flag = j.at("flag").get<bool>();
  f.unit = str(j, "unit");
  f.period = str(j, "period");
  f.payer_type = str(j, "payer_type");
  f.approximate = j.value("approximate", false);
  f.as_of = str(j, "as_of");
  f.raw = str(j, "raw");
  if (auto p = j.find("provenance"); p != j.end()) {
    f.provenance.url = str(*p, "url");
    f.provenance.sentence = str(*p, "sentence");
  }
  if (auto ps = j.find("item_provenance"); ps != j.end() && ps->is_array())
    for (const auto& p : *ps) f.item_provenance.push_back({str(p, "url"), str(p, "sentence")});
  if (j.contains("flags")) f.flags = j.at("flags").get<std::vector<std::string>>();
  return f;
}

Record record_from_json(const json& j) {
  if (!j.is_object()) throw std::runtime_error("record JSON is not an object");
  Record r;
  r.id = str(j, "id", true);
  r.source = str(j, "source", true);
  auto kind = str(j, "kind", true);
  auto k = parse_record_kind(kind);
  if (!k) throw std::runtime_error("record JSON: unknown kind \"" + kind + "\"");
  r.kind = *k;
  r.title = str(j, "title");
  r.url = str(j, "url", true);
  r.as_of = str(j, "as_of");
  r.part = str(j, "part");
  r.text = str(j, "text");
  if (auto fs = j.find("fields"); fs != j.end())
    for (const auto& f : *fs) r.fields.push_back(field_from_json(f));
  if (j.contains("flags")) r.flags = j.at("flags").get<std::vector<std::string>>();
  return r;
}

}  // namespace senrei
