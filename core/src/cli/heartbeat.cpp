#include "cli/heartbeat.hpp"

#include <cstdlib>
#include <ostream>
#include <string>

#include "i18n/fill.hpp"
#include "i18n/i18n.hpp"

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

void Heartbeat::tell(std::ostream& err, const std::string& source, const CrawlProgress& p) {
  if (!due()) return;
  err << "senrei: "
      << fill(tr("{1}: {2} pages done, {3} queued, {4} errors, {5} s so far"),
              {source, std::to_string(p.done), std::to_string(p.queued), std::to_string(p.errors),
               std::to_string(static_cast<long>(p.seconds))})
      << "\n" << std::flush;
}

}  // namespace senrei::cli
