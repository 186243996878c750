// index/ja_bridge.hpp — the few readings of Japanese filter values the query parser needs.
//
// parse_amount() is senrei::ja::parse_number/parse_year made strict (a query value must be only
// a number).  The keyword readers are temporary stand-ins for senrei::ja::parse_operator_form,
// parse_funding_sources and parse_prefecture until those land in core/src/ja.  Each takes text
// as typed in a query (full- or half-width) and returns nullopt when it recognises nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace senrei::index::ja_bridge {

// "2010", "1億", "5億円", "2,000万", "950,007千円", "3億5千万", "1.2億", "１２３" → a number;
// nullopt when anything else is in the text ("1億x").
std::optional<double> parse_amount(std::string_view text);
// A year: "2010", "平成22", "H22", "令和2年度".
std::optional<double> parse_year_value(std::string_view text);
// "一般社団法人" → general_association, ... (DOMAIN.md §3 operator_form keywords).
std::optional<std::string> parse_operator_form(std::string_view text);
// "地域医療再生基金" → {regional_revitalization_fund}, ...
std::vector<std::string> parse_funding_sources(std::string_view text);
// "長崎" / "長崎県" → "長崎県".
std::optional<std::string> parse_prefecture(std::string_view text);

}  // namespace senrei::index::ja_bridge
