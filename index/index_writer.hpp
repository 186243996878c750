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
// every other call first waits for the queue to drain.  commit_async() queues a commit there
// too, so the caller parses the next pages while Xapian writes (a commit of 200 pages took
// ~200 ms that both threads used to wait out); wait_commit() says when it is durable.
//
// The document layout is index/schema.hpp.  An existing index is refused (IndexError) when it
// was built with another MeCab dictionary or schema version: delete it and crawl again.
#pragma once

#include <atomic>

#include <condition_variable>
#include <cstdint>
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
  // Queues a commit of everything replaced or removed so far, after `first` (run on the writer
  // thread just before it: the crawler syncs the stored bodies there).  Returns a ticket for
  // wait_commit(), which blocks until that commit is done and rethrows the writer's first error.
  std::uint64_t commit_async(std::function<void()> first = {});
  void wait_commit(std::uint64_t ticket);
  // Documents in the index, pending changes included.
  Xapian::doccount doc_count() const;
  // Ids of all records, or of one source's (to delete pages gone from a source).  With
  // `unreadable`, each record's stored data is read too: the ids of those whose data cannot be
  // read (a damaged docdata table) go there instead of into the result.  That reading is skipped
  // when the docdata table is the file this senrei last wrote or read whole (its inode, size and
  // modification time, kept in kVerifiedStampFile after each commit and each clean reading): it
  // was half of a no-change crawl.  A table changed behind senrei's back is read whole again; a
  // flipped bit that leaves the file's time alone is `senrei doctor`'s to find.
  std::vector<std::string> ids(std::string_view source = {}, std::vector<std::string>* unreadable = nullptr) const;
  static constexpr std::string_view kVerifiedStampFile = "senrei-verified";

  const std::filesystem::path& path() const { return dir_; }

 private:
  // Enough for the caller to keep parsing while a commit is written (~200 ms, ~60 pages).
  static constexpr std::size_t kQueueDepth = 64;
  // Queues work for the writer thread (blocking while kQueueDepth items wait).
  void post(std::function<void()> work);
  // Waits until the writer thread is idle with nothing queued; rethrows its first error.
  void drain() const;
  void work_loop();
  // The docdata table's inode, size and modification time ("" when it cannot be read), and
  // the same kept in kVerifiedStampFile.
  std::string docdata_stamp() const;
  bool docdata_verified() const;
  void keep_docdata_stamp() const;
  // The docdata table was read clean (or matched its stamp) in this writer's life, so a commit
  // may stamp what it leaves.
  mutable std::atomic<bool> docdata_trusted_{false};

  std::filesystem::path dir_;
  std::shared_ptr<const Tokenizer> tokenizer_;
  Xapian::WritableDatabase db_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<std::function<void()>> queue_;
  bool busy_ = false;
  std::uint64_t commits_posted_ = 0;  // tickets handed out by commit_async()
  std::uint64_t commits_done_ = 0;    // the last one finished
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
// The folded title and text the index holds for a record (the text with the searchable fields
// appended): what prepare_document() segments, and what the query parser re-reads to check
// where an n-gram match lies in a document's words.
void searchable_text(const Record& record, std::string& title, std::string& text);
Xapian::Document build_document(const PreparedDocument& prepared);

// Refuses (IndexError) a database built with another dictionary or schema.  `where` names it in
// the message.  An empty database without metadata passes.
void check_index_metadata(const Xapian::Database& db, const std::string& where, const Tokenizer& tokenizer);

}  // namespace senrei::index
