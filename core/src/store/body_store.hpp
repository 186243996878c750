// store/body_store.hpp — raw fetched bodies, stored once each under their sha256.
//
// A body is written to a temporary file, fsynced and renamed into place, so a killed process
// or a full disk leaves either the whole body or none.  Names are hex digests only: no URL text
// ever reaches the file system.  Safe for concurrent readers; one writer.
#pragma once

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
  std::optional<std::string> get(const std::string& sha256) const;
  bool has(const std::string& sha256) const;
  std::filesystem::path path_of(const std::string& sha256) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace senrei
