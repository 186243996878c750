// The plan file reader (compare/plan.hpp) on any TOML.  Properties: only PlanError escapes, each
// line of its message starts with the file name; a plan that reads has a positive, whole
// population and no negative amount, every number within ±2^53 (F10 of the reliability report);
// a file with a dotted key of more than 64 parts is refused before toml++ sees it (F3).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "compare/plan.hpp"
#include "fuzz_support.hpp"
#include "toml/toml_guard.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using senrei_fuzz::property_failed;
  const std::string_view in = senrei_fuzz::as_view(data, size);
  const std::string file = senrei_fuzz::input_file(in, "-plan.toml");
  try {
    senrei::compare::Plan plan = senrei::compare::read_plan(file);
    if (!(plan.region.population > 0)) property_failed("a plan read without a positive population", in);
    if (plan.region.population > 9007199254740992.0 || std::floor(plan.region.population) != plan.region.population)
      property_failed("a population past 2^53 or not whole", in);
    if (plan.budget.build_cost_yen > 9007199254740992.0 || plan.budget.running_cost_yen > 9007199254740992.0)
      property_failed("an amount past 2^53", in);
    if (senrei::toml_guard::check(in)) property_failed("a plan read that the TOML guard refuses", in);
    if (plan.budget.build_cost_yen < 0 || plan.budget.running_cost_yen < 0 || !std::isfinite(plan.budget.build_cost_yen))
      property_failed("a plan read with a negative or infinite amount", in);
    for (const auto& f : plan.budget.funding)
      if (f.amount_yen < 0 || !std::isfinite(f.amount_yen)) property_failed("a funding amount negative or infinite", in);
    for (const auto& f : plan.budget.fees)
      if (f.yen < 0 || !std::isfinite(f.yen)) property_failed("a fee negative or infinite", in);
  } catch (const senrei::compare::PlanError& e) {
    // One line per mistake (plan_text lists up to kMaxPlanProblems, as a compiler does), each
    // naming the file.
    const std::string message = e.what();
    size_t start = 0;
    while (start <= message.size()) {
      const size_t end = std::min(message.find('\n', start), message.size());
      if (message.compare(start, file.size(), file) != 0)
        property_failed(("a PlanError line that does not start with the file: " + message).c_str(), in);
      if (end + 1 >= message.size()) break;  // a final newline ends the last line
      start = end + 1;
    }
  }
  return 0;
}
