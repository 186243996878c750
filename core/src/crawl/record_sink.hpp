// crawl/record_sink.hpp — where the crawl loop puts records: the index, or a test's vector.
//
// replace() and remove() take effect at the next commit(); the crawl loop records a page as
// done in the crawl state only after that commit is done (commit() returned, or
// wait_commit() for begin_commit()'s ticket), so a killed crawl never leaves the state ahead of
// the index.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "senrei/record.hpp"

namespace senrei {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void replace(const Record& record) = 0;
  virtual void remove(const std::string& record_id) = 0;
  virtual void commit() = 0;
  // A commit the caller need not wait for: `first` runs just before it (where the commit runs),
  // and wait_commit(ticket) returns once it is done (throwing what it failed with).  By default
  // both happen here and now.
  virtual std::uint64_t begin_commit(std::function<void()> first) {
    if (first) first();
    commit();
    return 0;
  }
  virtual void wait_commit(std::uint64_t /*ticket*/) {}
  // The ids of one source's records the sink holds (committed), or nullopt when it cannot say.
  // The crawler compares them with the crawl state to rebuild what the index lacks.
  virtual std::optional<std::unordered_set<std::string>> present_ids(const std::string& /*source*/) {
    return std::nullopt;
  }
  // Of the records the last present_ids() looked at, those the sink holds but cannot read (a
  // damaged index): left out of present_ids(), so the crawler makes them again.
  virtual std::vector<std::string> unreadable_ids() const { return {}; }
};

}  // namespace senrei
