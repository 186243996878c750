// The Japanese normalizers (senrei/ja.hpp) on text as a page might write it.
// Properties: every number is finite; a stated non-value carries no amount; dates are
// well-formed months and days; parse_year agrees with parse_date; NFKC is a fixed point;
// format_money and format_era_year read back (the contracts in ja.hpp).
#include <cmath>
#include <cstring>
#include <string>

#include "fuzz_support.hpp"
#include "senrei/ja.hpp"

namespace {

using senrei_fuzz::property_failed;

void finite(const std::optional<double>& v, const char* what, std::string_view in) {
  if (v && !std::isfinite(*v)) property_failed(what, in);
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

void check_date(const std::string& d, std::string_view in) {
  // YYYY, YYYY-MM or YYYY-MM-DD (the year may be longer than four digits).
  size_t dash = d.find('-');
  if (!digits(d.substr(0, dash))) property_failed("parse_date: year is not digits", in);
  if (dash == std::string::npos) return;
  std::string rest = d.substr(dash + 1);
  int month = std::atoi(rest.substr(0, 2).c_str());
  if (rest.size() < 2 || !digits(rest.substr(0, 2)) || month < 1 || month > 12)
    property_failed("parse_date: month out of range", in);
  if (rest.size() == 2) return;
  int day = std::atoi(rest.substr(3).c_str());
  if (rest.size() != 5 || rest[2] != '-' || !digits(rest.substr(3)) || day < 1 || day > 31)
    property_failed("parse_date: day out of range", in);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace senrei;
  const std::string_view in = senrei_fuzz::as_view(data, size);

  const std::string n = ja::nfkc(in);
  if (ja::nfkc(n) != n) property_failed("nfkc is not a fixed point", in);
  (void)ja::fold(in);
  finite(ja::parse_number(in), "parse_number: not finite", in);
  finite(ja::parse_rate(in), "parse_rate: not finite", in);

  if (auto m = ja::parse_money(in)) {
    finite(m->yen, "parse_money: yen not finite", in);
    finite(m->yen_high, "parse_money: yen_high not finite", in);
    for (double p : m->parts)
      if (!std::isfinite(p)) property_failed("parse_money: part not finite", in);
    if (m->period != "year" && m->period != "month" && m->period != "unknown")
      property_failed("parse_money: period is not year, month or unknown", in);
    if (m->state != ValueState::stated && m->yen && !m->summed)
      property_failed("parse_money: a stated non-value carries an amount", in);
  }
  for (auto parse : {&ja::parse_count, &ja::parse_population}) {
    if (auto c = parse(in)) {
      finite(c->value, "parse_count: value not finite", in);
      for (const auto& [k, v] : c->breakdown)
        if (k.empty() || !std::isfinite(v)) property_failed("parse_count: bad breakdown entry", in);
    }
  }
  auto year = ja::parse_year(in);
  auto date = ja::parse_date(in);
  if (year.has_value() != date.has_value()) property_failed("parse_year and parse_date disagree", in);
  if (date) check_date(*date, in);

  (void)ja::parse_operator_form(in);
  (void)ja::parse_funding_sources(in);
  (void)ja::parse_area_scope(in);
  (void)ja::parse_prefecture(in);
  (void)ja::parse_payers(in);
  (void)ja::parse_data_output_included(in);
  (void)ja::parse_consent_method(in);

  // Round trips from the first bytes, over the ranges ja.hpp promises.
  if (size >= 8) {
    uint64_t bits;
    std::memcpy(&bits, data, 8);
    const double yen = static_cast<double>(bits % 1000000000000000000ull);
    auto back = ja::parse_money(ja::format_money(yen));
    if (!back || !back->yen || *back->yen != std::round(yen))
      property_failed("parse_money(format_money(x)) != x", in);
    const int y = 1868 + static_cast<int>(bits % (2117 - 1868 + 1));  // up to 令和99
    auto era = ja::parse_year(ja::format_era_year(y));
    if (!era || *era != y) property_failed("parse_year(format_era_year(y)) != y", in);
  }
  return 0;
}
