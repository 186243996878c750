// report/labels.hpp — Japanese and English names of the keywords a report shows.
//
// Keywords are DOMAIN.md §3's (operator forms, area scopes, funding sources, institution kinds)
// and compare's own (metrics, incomparability reasons, checks, score and similarity parts).
// One table; an unknown keyword is shown as it is.
#pragma once

#include <string>
#include <string_view>

#include "report/report.hpp"

namespace senrei::report {

// group: form, scope, fund, payer, consent, metric, unit, reason, check, result, score_part,
// similarity_part, use, period, left_out, confidence, renewal_basis.
std::string label(std::string_view group, std::string_view keyword, Lang lang);

}  // namespace senrei::report
