#include "store/workspace.hpp"
#include "i18n/i18n.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace senrei {
namespace fs = std::filesystem;

fs::path Workspace::resolve(const std::string& data_flag) {
  if (!data_flag.empty()) return fs::path(data_flag);
  if (const char* env = std::getenv("SENREI_DATA"); env && *env) return fs::path(env);
  return fs::path("senrei-data");
}

Workspace Workspace::open_existing(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec))
    throw WorkspaceError(trf("no senrei data at {1} — run `senrei crawl` first, or point --data (or $SENREI_DATA) at "
                             "an existing workspace",
                             {dir.string()}));
  if (!fs::is_directory(dir, ec)) throw WorkspaceError(trf("{1} is not a directory (given as the data directory)", {dir.string()}));
  if (::access(dir.c_str(), R_OK | X_OK) != 0)
    throw WorkspaceError(trf("cannot read the data directory {1}: {2}", {dir.string(), std::strerror(errno)}));
  return Workspace(dir);
}

Workspace Workspace::create(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw WorkspaceError(trf("cannot create the data directory {1}: {2}", {dir.string(), ec.message()}));
  if (!fs::is_directory(dir, ec)) throw WorkspaceError(trf("{1} is not a directory (given as the data directory)", {dir.string()}));
  if (::access(dir.c_str(), R_OK | W_OK | X_OK) != 0)
    throw WorkspaceError(trf("cannot write to the data directory {1}: {2}", {dir.string(), std::strerror(errno)}));
  fs::create_directories(dir / "bodies", ec);
  if (ec) throw WorkspaceError(trf("cannot create {1}: {2}", {(dir / "bodies").string(), ec.message()}));
  return Workspace(dir);
}

Workspace::Workspace(Workspace&& other) noexcept : dir_(std::move(other.dir_)), lock_fd_(other.lock_fd_) {
  other.lock_fd_ = -1;
}

Workspace::~Workspace() {
  if (lock_fd_ < 0) return;
  if (::ftruncate(lock_fd_, 0) != 0) {
    // the holder line is informative only; a stale one is recognised by its pid
  }
  ::close(lock_fd_);  // releases the flock
}

void Workspace::lock_for_writing(const std::string& what) {
  if (lock_fd_ >= 0) return;
  auto path = dir_ / "lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw WorkspaceError(trf("cannot open {1}: {2}", {path.string(), std::strerror(errno)}));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    // The holder writes its line just after it takes the lock: until then the file is empty or
    // names the previous holder, whose process is gone.  Give it a moment to name itself.
    std::string holder;
    for (int attempt = 0; attempt < 50; ++attempt) {
      holder.clear();
      std::ifstream in(path);
      std::getline(in, holder);
      long pid = holder.rfind("pid ", 0) == 0 ? std::atol(holder.c_str() + 4) : 0;
      if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) break;
      ::usleep(10000);
    }
    ::close(fd);
    throw WorkspaceError(trf("the data directory {1} is in use by another writer ({2}) — wait for it to finish, or "
                             "use another --data directory",
                             {dir_.string(), holder.empty() ? std::string(tr("unknown process")) : holder}));
  }
  std::ostringstream who;
  who << "pid " << ::getpid() << ": " << what;
  std::string text = who.str() + "\n";
  if (::ftruncate(fd, 0) == 0) {
    ssize_t n = ::pwrite(fd, text.data(), text.size(), 0);
    (void)n;  // the holder line is informative only
  }
  lock_fd_ = fd;
}

}  // namespace senrei
