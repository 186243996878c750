// A RecordSink for crawl tests: records by id, as an index would hold them after commit().
#pragma once

#include <map>
#include <stdexcept>
#include <string>

#include "crawl/record_sink.hpp"

namespace senrei {

class MemorySink : public RecordSink {
 public:
  void replace(const Record& r) override { pending_[r.id] = r, ++replaced; }
  void remove(const std::string& id) override { pending_.erase(id); }
  void commit() override {
    committed = pending_;
    ++commits;
    if (fail_after_commits > 0 && commits >= fail_after_commits) throw std::runtime_error("killed");
  }
  std::optional<std::unordered_set<std::string>> present_ids(const std::string& source) override {
    std::unordered_set<std::string> out;
    for (const auto& [id, r] : committed)
      if (r.source == source) out.insert(id);
    return out;
  }
  // What an index reopened after a crash holds: the last commit.
  void reopen(const std::map<std::string, Record>& index) { committed = pending_ = index; }
  std::map<std::string, Record> committed;
  int replaced = 0;
  int commits = 0;
  int fail_after_commits = 0;

 private:
  std::map<std::string, Record> pending_;
};

}  // namespace senrei
