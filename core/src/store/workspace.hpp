// store/workspace.hpp — the data directory: crawl state, raw bodies and the index.
//
//   DIR/state.sqlite   crawl state (SQLite, WAL)       DIR/bodies/ab/abcdef…  raw bodies by sha256
//   DIR/index/         the Xapian database              DIR/sources/           declarative sources
//   DIR/lock           held (flock) by the one process that writes
//   DIR/synonyms.toml  the workspace's own synonym groups, added to senrei's (index/synonyms.hpp)
//
// DIR is --data, else $SENREI_DATA, else ./senrei-data.  Readers (search, show) take no lock;
// a writer (crawl) takes the lock and a second writer is refused with the holder's pid and
// command line.  Errors are WorkspaceError with a message a person can act on.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace senrei {

class WorkspaceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Workspace {
 public:
  // Resolves the directory from the flag / environment / default.
  static std::filesystem::path resolve(const std::string& data_flag);

  // Opens an existing workspace (for reading) or creates it (for writing).
  static Workspace open_existing(const std::filesystem::path& dir);
  static Workspace create(const std::filesystem::path& dir);

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) = delete;
  ~Workspace();

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path state_db() const { return dir_ / "state.sqlite"; }
  std::filesystem::path bodies_dir() const { return dir_ / "bodies"; }
  std::filesystem::path index_dir() const { return dir_ / "index"; }
  std::filesystem::path sources_dir() const { return dir_ / "sources"; }
  std::filesystem::path synonyms_file() const { return dir_ / "synonyms.toml"; }

  // Takes the writer lock for `what` (e.g. "senrei crawl renkei-navi"); throws WorkspaceError
  // naming the holder when another process has it.  Released by the destructor.
  void lock_for_writing(const std::string& what);

 private:
  explicit Workspace(std::filesystem::path dir) : dir_(std::move(dir)) {}
  std::filesystem::path dir_;
  int lock_fd_ = -1;
};

}  // namespace senrei
