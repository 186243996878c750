#include "cli/output_file.hpp"
#include "i18n/i18n.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace senrei::cli {
namespace fs = std::filesystem;

namespace {

std::string why(int err) {
  if (err == ENOSPC || err == EDQUOT) return tr("the disk is full: free some space and run the command again");
  if (err == EFBIG) return tr("the file is larger than this system allows");
  if (err == EACCES || err == EPERM || err == EROFS) return tr("the folder is not writable: choose another -o path");
  if (err == ENOENT) return tr("its folder does not exist: create it or choose another -o path");
  return std::strerror(err);
}

// fsync of a path opened read-only (a file, or a folder after a rename).
int sync_path(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return err;
}

}  // namespace

OutputFile::OutputFile(fs::path target) : target_(std::move(target)) {
  fs::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  // O_EXCL: a name nobody else uses; the PID and a counter keep two writers in one folder apart.
  static int counter = 0;
  for (int attempt = 0;; ++attempt) {
    temp_ = dir / (target_.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                   (counter++ ? "-" + std::to_string(counter) : ""));
    int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::close(fd);
      break;
    }
    if (errno != EEXIST || attempt > 100)
      throw OutputError(trf("cannot write {1}: {2}", {target_.string(), why(errno)}));
  }
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    int err = errno;
    std::error_code ec;
    fs::remove(temp_, ec);
    throw OutputError(trf("cannot write {1}: {2}", {target_.string(), why(err)}));
  }
}

OutputFile::~OutputFile() {
  if (committed_) return;
  if (out_.is_open()) out_.close();
  std::error_code ec;
  fs::remove(temp_, ec);
}

void OutputFile::commit() {
  if (committed_) return;
  errno = 0;
  if (out_.is_open()) {
    out_.flush();
    out_.close();
  }
  auto fail = [&](int err) {
    std::error_code ec;
    fs::remove(temp_, ec);
    committed_ = true;  // nothing left to remove
    throw OutputError(trf("writing {1} failed ({2}); the previous file, if any, is unchanged",
                          {target_.string(), why(err ? err : EIO)}));
  };
  if (out_.fail()) fail(errno);
  if (int err = sync_path(temp_, 0)) fail(err);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
  committed_ = true;
  fs::path dir = target_.parent_path();
  (void)sync_path(dir.empty() ? fs::path(".") : dir, O_DIRECTORY);  // best effort: the rename is done
}

void write_output_file(const fs::path& target, std::string_view bytes) {
  OutputFile file(target);
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.commit();
}

}  // namespace senrei::cli
