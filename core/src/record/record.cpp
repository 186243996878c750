#include "senrei/record.hpp"

#include <array>
#include <utility>

#include "senrei/page.hpp"

namespace senrei {
inline namespace SENREI_ABI_NAMESPACE {

namespace {
constexpr std::array<std::pair<RecordKind, std::string_view>, 11> kKinds{{
    {RecordKind::case_overview, "case_overview"},
    {RecordKind::case_step, "case_step"},
    {RecordKind::step_guide, "step_guide"},
    {RecordKind::point, "point"},
    {RecordKind::faq, "faq"},
    {RecordKind::glossary, "glossary"},
    {RecordKind::statistics, "statistics"},
    {RecordKind::guideline, "guideline"},
    {RecordKind::standard, "standard"},
    {RecordKind::notice, "notice"},
    {RecordKind::other, "other"},
}};
constexpr std::array<std::pair<ValueState, std::string_view>, 4> kStates{{
    {ValueState::stated, "stated"},
    {ValueState::undisclosed, "undisclosed"},
    {ValueState::unknown, "unknown"},
    {ValueState::not_applicable, "not_applicable"},
}};
}  // namespace

std::string_view to_string(RecordKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "other";
}

std::optional<RecordKind> parse_record_kind(std::string_view keyword) {
  for (const auto& [k, name] : kKinds)
    if (name == keyword) return k;
  return std::nullopt;
}

std::string_view to_string(ValueState state) {
  for (const auto& [s, name] : kStates)
    if (s == state) return name;
  return "stated";
}

std::optional<ValueState> parse_value_state(std::string_view keyword) {
  for (const auto& [s, name] : kStates)
    if (name == keyword) return s;
  return std::nullopt;
}

const Field* Record::field(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string make_record_id(std::string_view source, std::string_view url, std::string_view part) {
  std::string id;
  id.reserve(source.size() + url.size() + part.size() + 2);
  id.append(source).append(":").append(url);
  if (!part.empty()) id.append("#").append(part);
  return id;
}

std::string ParsedPage::main_text() const {
  std::string out;
  if (!blocks.empty()) {
    for (const auto& b : blocks) {
      if (b.text.empty()) continue;
      if (!out.empty()) out += '\n';
      out += b.text;
    }
  } else {
    for (const auto& p : pdf_pages) {
      if (!out.empty()) out += '\n';
      out += p;
    }
  }
  return out;
}

bool ParsedPage::has_flag(const std::string& flag) const {
  for (const auto& f : flags)
    if (f == flag) return true;
  return false;
}

}  // namespace SENREI_ABI_NAMESPACE
}  // namespace senrei
