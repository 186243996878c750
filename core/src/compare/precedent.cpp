#include "compare/precedent.hpp"

#include <algorithm>
#include <map>

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
  return merge_networks(std::move(out));
}

// Folded, without spaces (two sources may space a name differently: あじさい ネット).
static std::string identity_text(const std::string& s) {
  std::string folded = ja::fold(s), out;
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == ' ' || folded[i] == '\t') continue;
    if (folded.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
      i += 2;
      continue;
    }
    out += folded[i];
  }
  return out;
}

std::string network_identity(const Precedent& p) {
  const Field* pref = p.field("prefecture");
  return identity_text(p.name) + "\t" + (pref ? identity_text(pref->text) : std::string());
}

std::vector<Precedent> merge_networks(std::vector<Precedent> precedents) {
  auto stated_fields = [](const Precedent& p) {
    return std::count_if(p.record.fields.begin(), p.record.fields.end(),
                         [](const Field& f) { return f.state == ValueState::stated; });
  };
  std::sort(precedents.begin(), precedents.end(), [](const Precedent& a, const Precedent& b) { return a.record.id < b.record.id; });
  std::map<std::string, std::vector<size_t>> groups;
  std::vector<std::string> order;
  for (size_t i = 0; i < precedents.size(); ++i) {
    auto key = network_identity(precedents[i]);
    if (!groups.count(key)) order.push_back(key);
    groups[key].push_back(i);
  }
  std::vector<Precedent> out;
  for (const auto& key : order) {
    auto& members = groups[key];
    // The overview with the most stated fields supplies the figures (stable: lowest id on a tie).
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      return stated_fields(precedents[a]) > stated_fields(precedents[b]);
    });
    Precedent kept = std::move(precedents[members[0]]);
    for (size_t m = 1; m < members.size(); ++m) {
      const Precedent& other = precedents[members[m]];
      kept.merged_urls.push_back(other.record.url);
      for (const auto& f : other.record.fields) {
        if (kept.record.field(f.name)) continue;
        Field added = f;
        if (added.provenance.url.empty()) added.provenance.url = other.record.url;
        kept.record.fields.push_back(std::move(added));
      }
    }
    std::sort(kept.merged_urls.begin(), kept.merged_urls.end());
    out.push_back(std::move(kept));
  }
  std::sort(out.begin(), out.end(), [](const Precedent& a, const Precedent& b) { return a.record.id < b.record.id; });
  return out;
}

std::optional<size_t> owner_of(const Record& record, const std::vector<Precedent>& precedents) {
  for (size_t i = 0; i < precedents.size(); ++i)
    if (precedents[i].record.id == record.id ||
        std::count(precedents[i].merged_urls.begin(), precedents[i].merged_urls.end(), record.url))
      return i;
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
