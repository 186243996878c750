#include "cli/present.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "senrei/ja.hpp"
#include "senrei/vocabulary.hpp"

namespace senrei::cli {

namespace {
using report::grouped;

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
    out = std::string(vocabulary::label(vocabulary::Concept::institution_kind, f.payer_type, true)) + " " + out;
  return out;
}

void print_fields(std::ostream& out, const Record& rec, const std::string& indent, bool color) {
  // Every field with what a council table needs to trust it: the value, its unit, whether it
  // is approximate, its own date, and the page and sentence it was read from.
  for (const auto& f : rec.fields) {
    out << indent << (color ? "\033[1m" : "") << f.name << (color ? "\033[0m" : "") << " = " << display_value(f);
    std::string notes;
    auto note = [&](const std::string& n) { notes += (notes.empty() ? "" : ", ") + n; };
    if (!f.unit.empty()) note(f.unit);
    if (f.approximate) note("approximate");
    if (!f.period.empty()) note("period " + f.period);
    if (!f.payer_type.empty()) note("payer " + f.payer_type);
    if (f.state != ValueState::stated) note("state " + std::string(to_string(f.state)));
    if (!f.as_of.empty()) note("as of " + f.as_of);
    for (const auto& flag : f.flags) note("flag " + flag);
    if (!notes.empty()) out << "  [" << notes << "]";
    out << "\n";
    if (!f.provenance.sentence.empty()) out << indent << "    「" << f.provenance.sentence << "」\n";
    if (!f.provenance.url.empty()) out << indent << "    " << f.provenance.url << "\n";
    // Items read from other sentences than the field's first (a fund named in the summary).
    for (std::size_t i = 0; i < f.item_provenance.size() && i < f.items.size(); ++i) {
      const auto& p = f.item_provenance[i];
      if (p.sentence == f.provenance.sentence && p.url == f.provenance.url) continue;
      out << indent << "    " << f.items[i] << ": 「" << p.sentence << "」\n";
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
    std::string v = display_value(*f);
    if (v.empty()) continue;
    out += (out.empty() ? "" : "  ") + std::string(k) + "=" + v;
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
  if (flag == "no_text_layer") return "(a PDF without a text layer: scanned?)";
  if (flag == "garbled_text")
    return "(text not usable, kept out of fields and search: a PDF font without a ToUnicode map?)";
  return {};
}

}  // namespace senrei::cli
