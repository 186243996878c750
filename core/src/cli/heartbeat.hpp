// cli/heartbeat.hpp — long work shows itself when stderr is not a terminal.
//
// On a terminal a crawl redraws one progress line; into a pipe or a log (`| tee crawl.log`)
// that line is not drawn, so instead one plain line is written every interval (10 s; the
// environment variable SENREI_HEARTBEAT_SECONDS, a decimal number > 0, sets another, which is
// how the tests see it).  due() is cheap and called from the progress callback; not thread-safe.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

#include "crawl/crawler.hpp"

namespace senrei::cli {

class Heartbeat {
 public:
  Heartbeat();
  // True once per interval: the first time an interval after construction, then each interval.
  bool due();
  double interval_seconds() const { return interval_.count(); }
  // When due(): "senrei: SOURCE: N pages done, M queued, E errors, S s so far" on `err`.
  void tell(std::ostream& err, const std::string& source, const CrawlProgress& progress);

 private:
  std::chrono::duration<double> interval_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace senrei::cli
