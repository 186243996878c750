// crawl/index_sink.hpp — the RecordSink that writes the Xapian index.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "crawl/record_sink.hpp"

namespace senrei {

namespace index {
class IndexWriter;
}

class IndexSink : public RecordSink {
 public:
  explicit IndexSink(const std::filesystem::path& index_dir);
  ~IndexSink() override;
  void replace(const Record& record) override;
  void remove(const std::string& record_id) override;
  void commit() override;
  std::uint64_t begin_commit(std::function<void()> first) override;
  void wait_commit(std::uint64_t ticket) override;
  std::optional<std::unordered_set<std::string>> present_ids(const std::string& source) override;
  std::vector<std::string> unreadable_ids() const override { return unreadable_; }

 private:
  std::unique_ptr<index::IndexWriter> writer_;
  std::vector<std::string> unreadable_;
};

}  // namespace senrei
