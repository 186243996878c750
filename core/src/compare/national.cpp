// read_national(): share/reference/national.toml → NationalFigure rows (national.hpp).
#include "compare/national.hpp"

#include <stdexcept>

#include <toml++/toml.h>

#include "senrei/ja.hpp"

namespace senrei::compare {

std::vector<NationalFigure> read_national(const std::filesystem::path& file) {
  const std::string name = file.string();
  toml::table doc;
  try {
    doc = toml::parse_file(name);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(name + ":" + std::to_string(e.source().begin.line) + ": " + ja::one_line(e.description()) +
                             " (the national reference file is not valid TOML)");
  }
  std::vector<NationalFigure> out;
  const toml::array* figures = doc["figure"].as_array();
  if (!figures) throw std::runtime_error(name + ": no [[figure]] tables (the national reference file is incomplete)");
  for (const auto& node : *figures) {
    const toml::table* t = node.as_table();
    unsigned line = node.source().begin.line;
    auto fail = [&](const std::string& what) -> std::runtime_error {
      return std::runtime_error(name + ":" + std::to_string(line) + ": " + what);
    };
    if (!t) throw fail("expected a [[figure]] table");
    auto text = [&](const char* key, bool required) {
      const toml::node* n = t->get(key);
      if (!n) {
        if (required) throw fail(std::string("key '") + key + "': missing");
        return std::string();
      }
      if (!n->is_string()) throw fail(std::string("key '") + key + "': expected a string");
      return n->as_string()->get();
    };
    NationalFigure f;
    f.id = text("id", true);
    f.source_ja = text("source", true);
    f.source_en = text("source_en", true);
    f.url = text("url", false);
    f.text_ja = text("text", true);
    f.text_en = text("text_en", true);
    f.metric = text("metric", false);
    if (auto y = t->get("year"); !y || !y->is_integer()) throw fail("key 'year': expected the survey year as an integer");
    else f.year = static_cast<int>(y->as_integer()->get());
    if (const toml::node* v = t->get("value")) {
      if (v->is_integer()) f.value = static_cast<double>(v->as_integer()->get());
      else if (v->is_floating_point()) f.value = v->as_floating_point()->get();
      else throw fail("key 'value': expected a number");
    }
    if (f.value.has_value() != !f.metric.empty()) throw fail("keys 'metric' and 'value': give both or neither");
    if (const toml::node* a = t->get("approximate")) {
      if (!a->is_boolean()) throw fail("key 'approximate': expected true or false");
      f.approximate = a->as_boolean()->get();
    }
    out.push_back(std::move(f));
  }
  return out;
}

const NationalFigure* national_figure(const std::vector<NationalFigure>& figures, const std::string& id) {
  for (const auto& f : figures)
    if (f.id == id) return &f;
  return nullptr;
}

}  // namespace senrei::compare
