#include "crawl/index_sink.hpp"

#include "index/index_writer.hpp"

namespace senrei {

IndexSink::IndexSink(const std::filesystem::path& index_dir)
    : writer_(std::make_unique<index::IndexWriter>(index_dir)) {}
IndexSink::~IndexSink() = default;
void IndexSink::replace(const Record& record) { writer_->replace(record); }
void IndexSink::remove(const std::string& record_id) { writer_->remove(record_id); }
void IndexSink::commit() { writer_->commit(); }
std::uint64_t IndexSink::begin_commit(std::function<void()> first) { return writer_->commit_async(std::move(first)); }
void IndexSink::wait_commit(std::uint64_t ticket) { writer_->wait_commit(ticket); }
std::optional<std::unordered_set<std::string>> IndexSink::present_ids(const std::string& source) {
  unreadable_.clear();
  auto ids = writer_->ids(source, &unreadable_);
  return std::unordered_set<std::string>(std::make_move_iterator(ids.begin()), std::make_move_iterator(ids.end()));
}

}  // namespace senrei
