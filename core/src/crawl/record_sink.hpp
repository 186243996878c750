// crawl/record_sink.hpp — where the crawl loop puts records: the index, or a test's vector.
//
// replace() and remove() take effect at the next commit(); the crawl loop records a page as
// done in the crawl state only after commit() returned, so a killed crawl never leaves the
// state ahead of the index.
#pragma once

#include <string>

#include "senrei/record.hpp"

namespace senrei {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void replace(const Record& record) = 0;
  virtual void remove(const std::string& record_id) = 0;
  virtual void commit() = 0;
};

}  // namespace senrei
