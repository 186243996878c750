#include "compare/precedent.hpp"

#include <algorithm>

#include "senrei/ja.hpp"

namespace senrei::compare {

std::optional<double> Precedent::number(std::string_view n) const {
  const Field* f = field(n);
  if (!f || f->state != ValueState::stated || !f->number) return std::nullopt;
  return f->number;
}

std::string Precedent::text(std::string_view n) const {
  const Field* f = field(n);
  return f ? f->text : std::string();
}

bool Precedent::has_item(std::string_view n, std::string_view item) const {
  for (const auto& f : record.fields)
    if (f.name == n && std::find(f.items.begin(), f.items.end(), item) != f.items.end()) return true;
  return false;
}

std::optional<int> Precedent::start_year() const {
  if (auto y = number("start_year")) return static_cast<int>(*y);
  return std::nullopt;
}

std::string Precedent::as_of() const {
  if (!record.as_of.empty()) return record.as_of;
  std::string latest;
  for (const auto& f : record.fields)
    if (!f.as_of.empty() && f.as_of > latest) latest = f.as_of;
  return latest;
}

std::vector<Precedent> load_precedents(index::Searcher& searcher) {
  index::SearchRequest req;
  req.query = "kind:case_overview";
  req.limit = std::max<size_t>(1, searcher.doc_count());
  req.snippet_chars = 0;
  auto result = searcher.search(req);
  std::vector<Precedent> out;
  for (auto& hit : result.hits) {
    Precedent p;
    p.record = std::move(hit.record);
    const Field* name = p.record.field("network_name");
    p.name = name && !name->text.empty() ? name->text : p.record.title;
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const Precedent& a, const Precedent& b) { return a.record.id < b.record.id; });
  return out;
}

std::optional<size_t> owner_of(const Record& record, const std::vector<Precedent>& precedents) {
  for (size_t i = 0; i < precedents.size(); ++i)
    if (precedents[i].record.id == record.id) return i;
  std::vector<std::string> names;
  if (const Field* f = record.field("network_name")) names.push_back(ja::fold(f->text));
  names.push_back(ja::fold(record.title));
  std::optional<size_t> best;
  size_t best_len = 0;
  for (size_t i = 0; i < precedents.size(); ++i) {
    std::string name = ja::fold(precedents[i].name);
    if (name.empty() || name.size() <= best_len) continue;
    for (const auto& n : names) {
      if (n.compare(0, name.size(), name) == 0) {
        best = i;
        best_len = name.size();
        break;
      }
    }
  }
  return best;
}

}  // namespace senrei::compare
