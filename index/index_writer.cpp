#include "index/index_writer.hpp"
#include "i18n/i18n.hpp"

#include <pthread.h>
#include <sys/stat.h>

#include <fstream>

#include <algorithm>
#include <system_error>
#include <unordered_set>
#include <utility>

#include "index/ngrams.hpp"
#include "index/schema.hpp"
#include "index/text_fold.hpp"
#include "record/record_json.hpp"

namespace senrei::index {

namespace {

// Words longer than this are noise (a base64 run, a URL without breaks), not search terms.
constexpr std::size_t kMaxWordBytes = 200;

// Field texts worth finding by words besides title and text.
constexpr std::string_view kSearchableFields[] = {"network_name", "operator_name", "area_name",
                                                  "products", "vendors", "standards"};

// Words at consecutive positions, but a symbol between two words (運用、費用) leaves a position
// empty, so the phrase 運用費用 does not match across it; whitespace does not.
void add_words(Xapian::Document& doc, std::string_view text, const std::vector<Word>& words, Xapian::termpos& pos,
               Xapian::termcount wdf) {
  std::size_t last_end = 0;
  for (const auto& w : words) {
    if (last_end != 0 && symbol_between(text, last_end, w.begin)) ++pos;
    last_end = w.end;
    ++pos;
    if (w.text.size() > kMaxWordBytes) continue;
    doc.add_posting(w.text, pos, wdf);
    // A user-dictionary name's parts (地域医療再生基金 → 地域|医療|再生|基金), without positions:
    // 基金 finds the page; a phrase across the name's inside does not (tokenizer.hpp).
    for (const auto& part : w.parts) doc.add_term(part, wdf);
  }
}

const Field* stated(const Record& r, std::string_view name) {
  const Field* f = r.field(name);
  return f && f->state == ValueState::stated ? f : nullptr;
}

}  // namespace

void searchable_text(const Record& r, std::string& title, std::string& text) {
  title = fold(r.title);
  text = fold(r.text);
  for (auto name : kSearchableFields) {
    const Field* f = stated(r, name);
    if (!f) continue;
    if (!f->text.empty()) text.append("\n").append(fold(f->text));
    for (const auto& item : f->items) text.append("\n").append(fold(item));
  }
}

PreparedDocument prepare_document(const Record& r, const Tokenizer& tokenizer) {
  PreparedDocument p;
  p.record = r;
  searchable_text(r, p.title, p.text);
  p.title_words = tokenizer.words_with_parts(p.title);
  p.text_words = tokenizer.words_with_parts(p.text);
  return p;
}

Xapian::Document make_document(const Record& r, const Tokenizer& tokenizer) {
  return build_document(prepare_document(r, tokenizer));
}

Xapian::Document build_document(const PreparedDocument& p) {
  const Record& r = p.record;
  Xapian::Document doc;
  Xapian::termpos pos = 0;
  add_words(doc, p.title, p.title_words, pos, kTitleWdf);
  pos += kTitleTextGap;
  add_words(doc, p.text, p.text_words, pos, 1);

  // The n-grams choose the candidates of the fallback, which then finds the string itself in each
  // candidate's text (word_bounds.hpp): counted first, with the positions of schema 5, and each
  // term added once (ngrams.hpp).  Here, not on the preparing thread: MeCab keeps that one busier.
  NgramCounts ngrams;
  ngrams.add(p.text, 1, ngrams.add(p.title, kTitleWdf) + kTitleTextGap);
  ngrams.sort_positions();
  ngrams.add_to(doc, kPrefixNgram);

  doc.add_boolean_term(bounded_term(kPrefixId, r.id));
  if (!r.url.empty()) doc.add_boolean_term(bounded_term(kPrefixUrl, r.url));
  const std::string kind(to_string(r.kind));
  doc.add_boolean_term(bounded_term(kPrefixKind, kind));
  doc.add_value(kSlotKind, kind);
  doc.add_value(kSlotId, r.id);
  if (!r.source.empty()) {
    const std::string source = fold(r.source);
    doc.add_boolean_term(bounded_term(kPrefixSource, source));
    doc.add_value(kSlotSource, source);
  }
  if (const Field* f = stated(r, "prefecture"); f && !f->text.empty()) {
    const std::string pref = fold(f->text);
    doc.add_boolean_term(bounded_term(kPrefixPrefecture, pref));
    doc.add_value(kSlotPrefecture, pref);
  }
  if (const Field* f = stated(r, "operator_form"); f && !f->text.empty()) {
    const std::string form = fold(f->text);
    doc.add_boolean_term(bounded_term(kPrefixOperatorForm, form));
    doc.add_value(kSlotOperatorForm, form);
  }
  for (const auto& kf : kKeywordFilters) {  // list fields: funding_sources, products
    if (kf.list_field.empty()) continue;
    const Field* f = stated(r, kf.list_field);
    if (!f || f->items.empty()) continue;
    std::vector<std::string> items;
    for (const auto& item : f->items) items.push_back(fold(item));
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    std::string joined;
    for (const auto& item : items) {
      doc.add_boolean_term(bounded_term(kf.prefix, item));
      if (!joined.empty()) joined.push_back(kListSeparator);
      joined += item;
    }
    doc.add_value(kf.slot, joined);
  }
  for (const auto& nf : kNumericFields) {
    if (const Field* f = stated(r, nf.field); f && f->number)
      doc.add_value(nf.slot, Xapian::sortable_serialise(*f->number));
  }
  doc.set_data(encode_document_data(r));
  return doc;
}

void check_index_metadata(const Xapian::Database& db, const std::string& where, const Tokenizer& tokenizer) {
  const std::string schema = db.get_metadata(std::string(kMetaSchema));
  const std::string key = db.get_metadata(std::string(kMetaDictionaryKey));
  if (schema.empty() && key.empty()) {
    if (db.get_doccount() == 0) return;
    throw IndexError(trf("index at {1} was not made by this version of senrei — run `senrei reindex` to rebuild it "
                         "from the stored pages",
                         {where}));
  }
  if (schema != std::to_string(kIndexSchemaVersion))
    throw IndexError(trf("index at {1} has schema version {2}, this senrei uses {3} — run `senrei reindex` to rebuild "
                         "it from the stored pages",
                         {where, schema, std::to_string(kIndexSchemaVersion)}));
  if (key != tokenizer.dictionary_key())
    throw IndexError(trf("index at {1} was built with MeCab dictionary {2}, this senrei uses {3} — run `senrei "
                         "reindex` to rebuild it from the stored pages",
                         {where, db.get_metadata(std::string(kMetaDictionary)), tokenizer.dictionary_name()}));
}

IndexWriter::IndexWriter(const std::filesystem::path& dir, std::shared_ptr<const Tokenizer> tokenizer)
    : dir_(dir), tokenizer_(tokenizer ? std::move(tokenizer) : Tokenizer::shared()) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(dir_, ec))
    throw IndexError(trf("index at {1} is a stub file naming other indexes (a search workspace, docs/scale.md) — "
                         "crawl into each shard's own workspace instead",
                         {dir_.string()}));
  // A glass folder without its revision file (iamglass) never had a commit: a process killed while
  // creating it.  Nothing in it is data, so it is made afresh (a crawl then rebuilds the records
  // from the stored bodies).
  if (std::filesystem::is_directory(dir_, ec) && !std::filesystem::exists(dir_ / "iamglass", ec) &&
      !std::filesystem::is_empty(dir_, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec))
      if (entry.path().extension() == ".glass" || entry.path().filename() == "flintlock")
        std::filesystem::remove(entry.path(), ec);
  }
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw IndexError(trf("cannot create the index folder {1}: {2}", {dir_.string(), ec.message()}));
  try {
    db_ = Xapian::WritableDatabase(dir_.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError& e) {
    throw IndexError(trf("index at {1} is being written by another process ({2}) — wait for it to finish",
                         {dir_.string(), e.get_msg()}));
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw IndexError(trf("index at {1} is damaged ({2})", {dir_.string(), e.get_msg()}) + repair_advice());
  } catch (const Xapian::Error& e) {
    throw IndexError(trf("cannot open index at {1} for writing: {2}", {dir_.string(), e.get_description()}) +
                     repair_advice());
  }
  try {
    check_index_metadata(db_, dir_.string(), *tokenizer_);
  } catch (const Xapian::Error& e) {
    throw IndexError(trf("cannot read index at {1}: {2}", {dir_.string(), e.get_description()}) + repair_advice());
  }
  // Written only when they differ (a new index): a crawl that changes nothing must leave the
  // index at the same revision.
  auto set_once = [this](std::string_view key, const std::string& value) {
    if (db_.get_metadata(std::string(key)) != value) db_.set_metadata(std::string(key), value);
  };
  set_once(kMetaSchema, std::to_string(kIndexSchemaVersion));
  set_once(kMetaDictionaryKey, tokenizer_->dictionary_key());
  set_once(kMetaDictionary, tokenizer_->dictionary_name());
  thread_ = std::thread([this] { work_loop(); });
  pthread_setname_np(thread_.native_handle(), "senrei-index");  // as top -H and perf show it
}

IndexWriter::~IndexWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();  // the loop finishes what is queued first
  try {
    db_.close();  // commits pending changes
  } catch (const Xapian::Error&) {
  }
}

void IndexWriter::work_loop() {
  for (;;) {
    std::function<void()> work;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      work = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    changed_.notify_all();  // room in the queue
    std::exception_ptr failed;
    try {
      if (!error_) work();  // after an error the rest is dropped: the caller hears of the first
    } catch (...) {
      failed = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      if (failed && !error_) error_ = failed;
      busy_ = false;
    }
    changed_.notify_all();
  }
}

void IndexWriter::post(std::function<void()> work) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < kQueueDepth || error_; });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  queue_.push_back(std::move(work));
  lock.unlock();
  changed_.notify_all();
}

void IndexWriter::drain() const {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void IndexWriter::replace(const Record& record) {
  if (record.id.empty()) throw IndexError("cannot index a record without an id (url " + record.url + ")");
  // Folding and MeCab on this thread; building the document (term maps, n-grams) and writing
  // it on the writer's, which balances the two cores best (perf: 11 s and 5 s of a 2,000-page
  // ingest's CPU were on the two threads when the whole document was built here).
  auto prepared = std::make_shared<PreparedDocument>(prepare_document(record, *tokenizer_));
  post([this, prepared, id = record.id] {
    try {
      db_.replace_document(bounded_term(kPrefixId, id), build_document(*prepared));
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot write record " + id + " to index at " + dir_.string() + ": " + e.get_description() +
                       repair_advice());
    }
  });
}

bool IndexWriter::remove(std::string_view id) {
  drain();
  const std::string term = bounded_term(kPrefixId, id);
  try {
    if (!db_.term_exists(term)) return false;
    db_.delete_document(term);
    return true;
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot remove record " + std::string(id) + " from index at " + dir_.string() + ": " +
                     e.get_description() + repair_advice());
  }
}

void IndexWriter::commit() { wait_commit(commit_async()); }

std::uint64_t IndexWriter::commit_async(std::function<void()> first) {
  std::uint64_t ticket;
  {
    std::lock_guard lock(mutex_);
    ticket = ++commits_posted_;
  }
  post([this, ticket, first = std::move(first)] {
    if (first) first();
    try {
      db_.commit();
    } catch (const Xapian::Error& e) {
      throw IndexError(trf("cannot commit index at {1}: {2}", {dir_.string(), e.get_description()}) + repair_advice());
    }
    if (docdata_trusted_) keep_docdata_stamp();  // a table read clean, plus what senrei wrote (ids())
    std::lock_guard lock(mutex_);
    commits_done_ = ticket;
  });
  return ticket;
}

void IndexWriter::wait_commit(std::uint64_t ticket) {
  std::unique_lock lock(mutex_);
  // Done, or failed (the error is thrown once), or dropped: the writer went idle without it
  // (it failed, and its error was already thrown to another call).
  changed_.wait(lock, [&] { return commits_done_ >= ticket || error_ || (queue_.empty() && !busy_); });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  if (commits_done_ < ticket)
    throw IndexError(trf("index at {1} was not committed: an earlier error stopped the writer", {dir_.string()}));
}

Xapian::doccount IndexWriter::doc_count() const {
  drain();
  try {
    return db_.get_doccount();
  } catch (const Xapian::Error& e) {
    throw IndexError(trf("cannot read index at {1}: {2}", {dir_.string(), e.get_description()}) + repair_advice());
  }
}

std::vector<std::string> IndexWriter::ids(std::string_view source, std::vector<std::string>* unreadable) const {
  drain();
  std::vector<std::string> out;
  const std::string term = source.empty() ? std::string() : bounded_term(kPrefixSource, fold(source));
  try {
    // Every record's data, of every source, unless the table is the one senrei last wrote or
    // read whole (docdata_verified()); a clean reading makes the stamp.
    std::unordered_set<std::string> bad;
    if (unreadable != nullptr && !docdata_verified()) {
      for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it) {
        Xapian::Document doc = db_.get_document(*it);
        try {
          (void)doc.get_data();  // the record itself, in the docdata table
        } catch (const Xapian::DatabaseError&) {  // damaged (corrupt, or failing to inflate)
          bad.insert(doc.get_value(kSlotId));
        }
      }
      if (bad.empty()) {
        docdata_trusted_ = true;
        keep_docdata_stamp();
      }
    } else if (unreadable != nullptr) {
      docdata_trusted_ = true;
    }
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
      std::string id = db_.get_document(*it).get_value(kSlotId);
      if (bad.count(id)) unreadable->push_back(std::move(id));
      else out.push_back(std::move(id));
    }
  } catch (const Xapian::Error& e) {
    throw IndexError(trf("cannot read index at {1}: {2}", {dir_.string(), e.get_description()}) + repair_advice());
  }
  return out;
}

std::string IndexWriter::docdata_stamp() const {
  struct stat st {};
  if (::stat((dir_ / "docdata.glass").c_str(), &st) != 0) return {};
  return std::to_string(st.st_ino) + ' ' + std::to_string(st.st_size) + ' ' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec);
}

bool IndexWriter::docdata_verified() const {
  const std::string now = docdata_stamp();
  if (now.empty()) return false;
  std::ifstream in(dir_ / kVerifiedStampFile);
  std::string kept;
  std::getline(in, kept);
  return kept == now;
}

void IndexWriter::keep_docdata_stamp() const {
  // Written to a temporary file and renamed: a crash leaves the old stamp or the new one.  A
  // stamp that cannot be written only means the next crawl reads the records again.
  const std::string now = docdata_stamp();
  const auto file = dir_ / kVerifiedStampFile;
  const auto tmp = dir_ / (std::string(kVerifiedStampFile) + ".tmp");
  std::error_code ec;
  if (now.empty()) {
    std::filesystem::remove(file, ec);
    return;
  }
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << now << '\n';
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, file, ec);
}

}  // namespace senrei::index
