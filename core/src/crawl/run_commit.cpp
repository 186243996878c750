// crawl/crawl_run.hpp, step "commit": a batch of pages whose records were handed to the index,
// and the commit that makes them durable.  Bodies before the index (every indexed record has its
// stored body), both before the state.  The index commit runs on the index writer's thread while
// the loop reads the next pages; the batch is written to the state once that commit is done
// (settle), so the state never claims more than the index holds.
#include <ctime>

#include "crawl/crawl_run.hpp"

namespace senrei {

void CrawlRun::settle() {
  if (!committing_) return;
  sink_.wait_commit(committing_->ticket);
  state_.begin();
  enqueue_new(committing_->new_urls);
  for (const auto& p : committing_->finished) {
    if (p.state == "gone")
      state_.erase(name_, p.url);
    else
      state_.save(p);
  }
  state_.touch(name_, committing_->touched, run_.generation, std::time(nullptr));
  state_.commit();
  committing_.reset();
}

void CrawlRun::flush() {
  last_flush_ = Clock::now();
  settle();  // the previous batch: its commit had this batch's time to finish
  const std::uint64_t ticket = sink_.begin_commit([this] { bodies_.sync(); });
  committing_ = Batch{ticket, frontier_.take_new(), std::move(finished_), std::move(touched_)};
  finished_.clear();
  touched_.clear();
}

// The row of `url` as it will be saved: the pending one (edited in place), else a copy of the
// committing batch's or the stored one appended to the pending rows; nullptr when none.
PageState* CrawlRun::pending_row(const std::string& url) {
  for (auto it = finished_.rbegin(); it != finished_.rend(); ++it)
    if (it->url == url) return &*it;
  std::optional<PageState> row;
  if (committing_)
    for (const auto& c : committing_->finished)
      if (c.url == url) row = c;
  if (!row) row = state_.get(name_, url);
  if (!row || row->state == "gone") return nullptr;
  row->generation = run_.generation;
  finished_.push_back(std::move(*row));
  return &finished_.back();
}

}  // namespace senrei
