// store/body_store.hpp — raw fetched bodies, stored once each under their sha256.
//
// A body is written to a temporary file and renamed into place, so a killed process or a full
// disk leaves either the whole body or none under its name.  Durability is batched: put() does
// not fsync; sync() makes every body written since the last sync durable with one syncfs(2),
// and the crawler calls it before each index commit (one journal flush per batch instead of one
// per page — a per-page fsync made ingest I/O-bound at ~40 pages/s).  A body whose rename
// survived a crash but whose data did not (possible before sync) has the wrong size or digest;
// put() checks the size of an existing file and rewrites it when it differs, and get() returns
// nullopt for a body whose digest does not match.  Names are hex digests only: no URL text ever
// reaches the file system.  Safe for concurrent readers; one writer.
#pragma once
#include <atomic>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace senrei {

std::string sha256_hex(std::string_view bytes);

class BodyStore {
 public:
  explicit BodyStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Stores the bytes (if not already there) and returns their sha256.  Throws
  // std::runtime_error with the path and the OS error (e.g. "No space left on device").
  std::string put(std::string_view bytes);
  // Makes every body put() since the last sync durable (syncfs on the store's file system).
  // Throws std::runtime_error with the OS error.
  void sync();
  std::optional<std::string> get(const std::string& sha256) const;
  bool has(const std::string& sha256) const;
  std::filesystem::path path_of(const std::string& sha256) const;

 private:
  std::filesystem::path dir_;
  std::atomic<size_t> unsynced_{0};  // put() on the crawl thread, sync() on the index writer's
};

}  // namespace senrei
