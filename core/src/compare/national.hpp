// compare/national.hpp — national figures behind the failure-pattern checks (DOMAIN.md §5).
//
// These are surveys and audits, not precedent pages: each is cited by its publisher and year
// as DOMAIN.md records it, in Japanese and English, and never mixed into a precedent median.
#pragma once

#include <string_view>

namespace senrei::compare {

struct NationalFigure {
  std::string_view id;
  std::string_view source_ja, source_en;  // publisher and year
  std::string_view text_ja, text_en;      // the finding, figures as published
};

// nullptr for an unknown id.
const NationalFigure* national_figure(std::string_view id);

}  // namespace senrei::compare
