// index/index_writer.hpp — adds, replaces and removes Records in a senrei Xapian index.
//
// One IndexWriter per index directory at a time (Xapian's write lock; a second writer gets an
// IndexError).  Changes become visible to searchers at commit(), all at once: a reader never
// sees half of a commit.  The destructor commits what is pending.  Not thread-safe: use one
// writer from one thread (the tokenizer it holds is thread-safe and may be shared).
//
// Two cores: replace() tokenizes and builds the Xapian document on the caller's thread and
// hands it to the writer's own thread, which alone touches the database while it works; so
// the crawler's parsing and MeCab run beside Xapian's inverter.  At most kQueueDepth documents
// wait.  A database error on that thread is thrown by the next call (replace, commit, ...);
// every other call first waits for the queue to drain.
//
// The document layout is index/schema.hpp.  An existing index is refused (IndexError) when it
// was built with another MeCab dictionary or schema version: delete it and crawl again.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/errors.hpp"
#include "index/tokenizer.hpp"
#include "senrei/record.hpp"

namespace senrei::index {

class IndexWriter {
 public:
  // Opens the glass database at dir, creating it (and its parent folders) when missing.
  explicit IndexWriter(const std::filesystem::path& dir,
                       std::shared_ptr<const Tokenizer> tokenizer = Tokenizer::shared());
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds the record, or replaces the document with the same id.
  void replace(const Record& record);
  // Removes the record with this id; false when there was none.
  bool remove(std::string_view id);
  void commit();
  // Documents in the index, pending changes included.
  Xapian::doccount doc_count() const;
  // Ids of all records, or of one source's (to delete pages gone from a source).
  std::vector<std::string> ids(std::string_view source = {}) const;

  const std::filesystem::path& path() const { return dir_; }

 private:
  static constexpr std::size_t kQueueDepth = 32;
  // Queues work for the writer thread (blocking while kQueueDepth items wait).
  void post(std::function<void()> work);
  // Waits until the writer thread is idle with nothing queued; rethrows its first error.
  void drain() const;
  void work_loop();

  std::filesystem::path dir_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  Xapian::WritableDatabase db_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<std::function<void()>> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  mutable std::exception_ptr error_;
  std::thread thread_;  // last: started when everything above exists
};

// The Xapian document for a record (what replace() stores).  Exposed for tests and tools.
Xapian::Document make_document(const Record& record, const Tokenizer& tokenizer);
// The same in two steps: the folding and MeCab words (thread-safe, the caller's thread), and
// the Xapian document from them (the writer's thread).
struct PreparedDocument {
  Record record;
  std::string title, text;  // folded
  std::vector<Word> title_words, text_words;
};
PreparedDocument prepare_document(const Record& record, const Tokenizer& tokenizer);
Xapian::Document build_document(const PreparedDocument& prepared);

// Refuses (IndexError) a database built with another dictionary or schema.  `where` names it in
// the message.  An empty database without metadata passes.
void check_index_metadata(const Xapian::Database& db, const std::string& where, const Tokenizer& tokenizer);

}  // namespace senrei::index
