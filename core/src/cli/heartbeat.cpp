#include "cli/heartbeat.hpp"

#include <cstdlib>
#include <string>

namespace senrei::cli {

Heartbeat::Heartbeat() : interval_(10.0), last_(std::chrono::steady_clock::now()) {
  if (const char* e = std::getenv("SENREI_HEARTBEAT_SECONDS"); e && *e) {
    char* end = nullptr;
    const double s = std::strtod(e, &end);
    if (end && *end == '\0' && s > 0 && s < 86400) interval_ = std::chrono::duration<double>(s);
  }
}

bool Heartbeat::due() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < interval_) return false;
  last_ = now;
  return true;
}

}  // namespace senrei::cli
