#include "store/body_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <openssl/evp.h>

namespace senrei {
namespace fs = std::filesystem;

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

namespace {
bool is_digest(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}
[[noreturn]] void fail(const std::string& what, const fs::path& p) {
  throw std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}
}  // namespace

fs::path BodyStore::path_of(const std::string& sha) const {
  if (!is_digest(sha)) throw std::invalid_argument("not a sha256 digest: " + sha);
  return dir_ / sha.substr(0, 2) / sha;
}

bool BodyStore::has(const std::string& sha) const {
  std::error_code ec;
  return is_digest(sha) && fs::exists(path_of(sha), ec);
}

std::string BodyStore::put(std::string_view bytes) {
  std::string sha = sha256_hex(bytes);
  auto target = path_of(sha);
  std::error_code ec;
  if (auto size = fs::file_size(target, ec); !ec && size == bytes.size()) return sha;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw std::runtime_error("cannot create " + target.parent_path().string() + ": " + ec.message());
  auto tmp = target;
  tmp += ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", tmp);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = saved;
      fail("cannot write", tmp);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot write", tmp);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot store", target);
  }
  ++unsynced_;
  return sha;
}

void BodyStore::sync() {
  // Every body put() before this call is synced by it (one put() after the exchange is counted
  // for the next sync, and synced by this one's syncfs or that one's).
  const size_t pending = unsynced_.exchange(0);
  if (pending == 0) return;
  int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    unsynced_ += pending;
    fail("cannot open", dir_);
  }
  if (::syncfs(fd) != 0) {
    int saved = errno;
    ::close(fd);
    unsynced_ += pending;
    errno = saved;
    fail("cannot sync", dir_);
  }
  ::close(fd);
}

std::optional<std::string> BodyStore::get(const std::string& sha) const {
  if (!is_digest(sha)) return std::nullopt;
  std::ifstream in(path_of(sha), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string body = ss.str();
  if (sha256_hex(body) != sha) return std::nullopt;  // torn by a crash before sync()
  return body;
}

}  // namespace senrei
