#include "cli/commands.hpp"

namespace senrei::cli {

int run_check_url(Context&, const Args&) {
  throw Failure("check-url is not wired yet");
}

}  // namespace senrei::cli
