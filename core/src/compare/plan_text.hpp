// compare/plan_text.hpp — a plan file as people write it, before toml++ reads it.
//
// A plan is typed by an office worker in a Japanese editor, so the usual mistakes are found
// here, all of them at once (up to kMaxPlanProblems), each as "file:line: …" with the fix:
//   - a number with commas (population = 950,000): write 950000 or "95万";
//   - an unquoted Japanese or full-width value (build_cost_yen = 4億8000万円, = ９５万): quote it;
//   - unquoted words (operator_form = npo): quote them;
//   - full-width letters, digits or spaces in a key (ｐｏｐｕｌａｔｉｏｎ, "start　year"), or a
//     full-width ＝: write them half-width (the key is named as it should be).
// The bytes are decoded first: a UTF-8 BOM is dropped, and a file in Shift_JIS (CP932),
// EUC-JP or ISO-2022-JP is read with the charset detector (extract/charset.hpp); either is
// said in a note (the caller prints it), never silently.  Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace senrei::compare {

inline constexpr std::size_t kMaxPlanProblems = 20;

struct PlanText {
  std::string text;                // UTF-8, without a BOM
  std::vector<std::string> notes;  // "file: read as Shift_JIS …", one line each
};

// The file's bytes as UTF-8 TOML text.
PlanText decode_plan_bytes(std::string_view bytes, const std::string& file);

// The usual mistakes of `text` (UTF-8), each "file:line: key 'k': what — fix", in file order;
// at most kMaxPlanProblems, then one line saying how many more there are.
std::vector<std::string> find_plan_mistakes(std::string_view text, const std::string& file);

}  // namespace senrei::compare
