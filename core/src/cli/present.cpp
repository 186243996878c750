#include "cli/present.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "i18n/i18n.hpp"
#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::cli {

namespace {
using report::grouped;

// A unit code (yen, person, …) for a person: its Japanese word, or the code in English.
std::string unit_label(const std::string& unit) {
  if (!i18n::japanese()) return unit;
  if (unit == "yen") return "円";
  if (unit == "person") return "人";
  if (unit == "institution") return "施設";
  if (unit == "year") return "年";
  if (unit == "fraction") return "割合";
  return unit;
}

// One item of a list field (funding_sources: member_fees) for a person.
std::string item_label(const Field& f, const std::string& item) {
  const auto* spec = vocabulary::field(f.name);
  return spec && spec->has_values ? code_label(spec->values, item) : item;
}

std::string number_with_unit(double v, const std::string& unit) {
  if (unit == "yen") return ja::format_money(v);
  if (unit == "person") return grouped(v) + "人";
  if (unit == "institution") return grouped(v) + "施設";
  if (unit == "year") return std::to_string(static_cast<long long>(v)) + "年";
  if (unit == "fraction") {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
    return buf;
  }
  if (std::floor(v) == v) return grouped(v);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
}  // namespace

std::string period_label(const Field& f) {
  if (f.period == "year") return "/年";
  if (f.period == "month") return "/月";
  if (f.period == "unknown") return "（期間の記載なし）";
  return "";
}

std::string display_value(const Field& f) {
  if (f.state != ValueState::stated)
    return std::string(vocabulary::label(vocabulary::Concept::value_state, to_string(f.state), true));
  std::string out;
  if (f.number) {
    out = (f.approximate ? "約" : "") + number_with_unit(*f.number, f.unit);
    if (f.number_high) out += "～" + number_with_unit(*f.number_high, f.unit);
    out += period_label(f);
  } else if (f.flag) {
    out = f.name == "build_cost_includes_data_output" ? (*f.flag ? "含む" : "含まない") : (*f.flag ? "yes" : "no");
  } else if (!f.items.empty()) {
    // Numeric lists (build_cost_parts, institutions_parts) read like the numbers they are.
    for (const auto& i : f.items) {
      std::string item = i;
      if (!f.unit.empty()) {
        char* end = nullptr;
        double v = std::strtod(i.c_str(), &end);
        if (end && *end == '\0' && !i.empty()) item = (f.approximate ? "約" : "") + number_with_unit(v, f.unit);
      }
      out += (out.empty() ? "" : ", ") + item;
    }
  } else {
    out = f.text;
  }
  // A fee names its payer: 「病院 2万円/年」.
  if (!f.payer_type.empty() && f.number)
    out = code_label(vocabulary::Concept::institution_kind, f.payer_type) + " " + out;
  return out;
}

void print_fields(std::ostream& out, const Record& rec, const std::string& indent, bool color) {
  // Every field with what a council table needs to trust it: the value, its unit, whether it
  // is approximate, its own date, and the page and sentence it was read from.
  for (const auto& f : rec.fields) {
    out << indent << (color ? "\033[1m" : "") << field_label(f.name) << (color ? "\033[0m" : "") << " = "
        << human_value(f);
    std::string notes;
    auto note = [&](const std::string& n) { notes += (notes.empty() ? "" : ", ") + n; };
    using vocabulary::Concept;
    if (!f.unit.empty()) note(unit_label(f.unit));
    if (f.approximate) note(tr("approximate"));
    if (!f.period.empty()) note(trf("period {1}", {code_label(Concept::period, f.period)}));
    if (!f.payer_type.empty()) note(trf("payer {1}", {code_label(Concept::institution_kind, f.payer_type)}));
    if (f.state != ValueState::stated) note(trf("state {1}", {code_label(Concept::value_state, to_string(f.state))}));
    if (!f.as_of.empty()) note(trf("as of {1}", {f.as_of}));
    for (const auto& flag : f.flags) note(trf("flag {1}", {flag_label(flag)}));
    if (!notes.empty()) out << "  [" << notes << "]";
    out << "\n";
    if (!f.provenance.sentence.empty()) out << indent << "    「" << f.provenance.sentence << "」\n";
    if (!f.provenance.url.empty()) out << indent << "    " << f.provenance.url << "\n";
    // Items read from other sentences than the field's first (a fund named in the summary).
    for (std::size_t i = 0; i < f.item_provenance.size() && i < f.items.size(); ++i) {
      const auto& p = f.item_provenance[i];
      if (p.sentence == f.provenance.sentence && p.url == f.provenance.url) continue;
      out << indent << "    " << item_label(f, f.items[i]) << ": 「" << p.sentence << "」\n";
    }
  }
}

std::string key_fields_line(const Record& r) {
  static const char* keys[] = {"start_year", "prefecture", "operator_form", "build_cost_yen", "running_cost_yen",
                               "patients", "institutions_total", "funding_sources",
                               // ministry documents
                               "version", "publication_date"};
  std::string out;
  for (const char* k : keys) {
    const Field* f = r.field(k);
    if (!f) continue;
    std::string v = human_value(*f);
    if (v.empty()) continue;
    out += (out.empty() ? "" : "  ") + field_label(k) + "=" + v;
  }
  return out;
}

std::pair<std::string, std::vector<std::pair<size_t, size_t>>> split_marks(std::string_view marked) {
  std::string plain;
  std::vector<std::pair<size_t, size_t>> spans;
  size_t open = std::string::npos;
  for (char c : marked) {
    if (c == '\x01') {
      open = plain.size();
    } else if (c == '\x02') {
      if (open != std::string::npos) spans.emplace_back(open, plain.size());
      open = std::string::npos;
    } else {
      plain += c;
    }
  }
  return {plain, spans};
}

std::string flag_explanation(std::string_view flag) {
  if (flag == "no_text_layer") return tr("(a PDF without a text layer: scanned?)");
  if (flag == "garbled_text")
    return tr("(text not usable, kept out of fields and search: a PDF font without a ToUnicode map?)");
  return {};
}

std::string code_label(vocabulary::Concept concept_, std::string_view keyword) {
  if (!i18n::japanese()) return std::string(keyword);
  return std::string(vocabulary::label(concept_, keyword, true));
}

std::string field_label(std::string_view name) {
  if (!i18n::japanese()) return std::string(name);
  const auto* spec = vocabulary::field(name);
  return spec && !spec->ja.empty() ? std::string(spec->ja) : std::string(name);
}

std::string human_value(const Field& f) {
  if (!i18n::japanese() || f.state != ValueState::stated || f.number || f.flag) return display_value(f);
  const auto* spec = vocabulary::field(f.name);
  if (!spec || !spec->has_values) return display_value(f);
  if (!f.items.empty()) {
    std::string out;
    for (const auto& i : f.items) out += (out.empty() ? "" : "、") + item_label(f, i);
    return out;
  }
  return f.text.empty() ? display_value(f) : code_label(spec->values, f.text);
}

namespace {
// Flags a person meets in `show`, `stats` and `sources --check` (senrei/record.hpp), in English;
// tr() gives the Japanese.  A flag not listed is shown as it is.
struct FlagName {
  std::string_view flag;
  const char* name;
};
// Page states of the crawl state (store/crawl_state.hpp).
constexpr FlagName kPageStates[] = {
    {"done", N_("done")}, {"failed", N_("failed")}, {"gone", N_("gone")}, {"queued", N_("queued")},
    {"skipped", N_("skipped")}, {"missing", N_("missing")},
};
// Search facets (index/searcher.hpp) and the vocabulary concept of their values.
struct FacetName {
  std::string_view facet;
  const char* name;
  vocabulary::Concept values;
  bool has_values;
};
const FacetName kFacets[] = {
    {"kind", N_("kind"), vocabulary::Concept::record_kind, true},
    {"source", N_("source"), vocabulary::Concept::record_kind, false},
    {"pref", N_("prefecture"), vocabulary::Concept::record_kind, false},
    {"form", N_("operator form"), vocabulary::Concept::operator_form, true},
    {"fund", N_("funding"), vocabulary::Concept::funding_source, true},
    {"product", N_("product"), vocabulary::Concept::product, true},
};
}  // namespace

std::string flag_label(std::string_view flag) { return code_label(vocabulary::Concept::flag, flag); }

std::string page_state_label(std::string_view state) {
  if (!i18n::japanese()) return std::string(state);
  for (const auto& s : kPageStates)
    if (s.flag == state) return tr(s.name);
  return std::string(state);
}

std::string facet_label(std::string_view facet) {
  if (!i18n::japanese()) return std::string(facet);
  for (const auto& f : kFacets)
    if (f.facet == facet) return tr(f.name);
  return std::string(facet);
}

std::string facet_value_label(std::string_view facet, std::string_view value) {
  for (const auto& f : kFacets)
    if (f.facet == facet && f.has_values) return code_label(f.values, value);
  return std::string(value);
}

std::string pad_display(std::string_view text, std::size_t width) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    w += wide ? 2 : 1;
    i += len;
  }
  std::string out(text);
  if (w < width) out.append(width - w, ' ');
  else out += ' ';
  return out;
}

}  // namespace senrei::cli
