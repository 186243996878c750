#include "fetch/mirror_fetcher.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <algorithm>

#include "senrei/url.hpp"

namespace senrei {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Percent-decodes a URL path for the file system (the mirror stores decoded names).
std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.native();
  auto s = p.native();
  return s.size() >= r.size() && s.compare(0, r.size(), r) == 0 && (s.size() == r.size() || s[r.size()] == '/');
}

// `candidate` (root / a decoded URL path) as a regular file inside `root`, or empty.  The common
// case — no symbolic link and no "..": one lstat per component below the root, not the 10+
// readlink calls of weakly_canonical() over the whole absolute path.  A link anywhere below the
// root sends it the long way, which resolves every link and checks the result is still inside.
fs::path resolve_inside(const fs::path& root, const fs::path& candidate) {
  std::error_code ec;
  auto slow = [&]() -> fs::path {
    fs::path real = fs::weakly_canonical(candidate, ec);
    if (ec || !inside(root, real)) return {};
    if (fs::is_directory(real, ec)) real /= "index.html";  // /a/b without a slash
    if (!fs::is_regular_file(real, ec) || !inside(root, fs::weakly_canonical(real, ec))) return {};
    return real;
  };
  const std::string& whole = candidate.native();
  const std::string& base = root.native();
  if (whole.size() <= base.size() + 1 || whole.compare(0, base.size(), base) != 0 || whole[base.size()] != '/')
    return slow();
  std::string path = base;
  struct stat st{};
  size_t i = base.size() + 1;
  while (i <= whole.size()) {
    size_t j = whole.find('/', i);
    if (j == std::string::npos) j = whole.size();
    std::string_view part(whole.data() + i, j - i);
    i = j + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") return slow();
    path += '/';
    path.append(part);
    if (::lstat(path.c_str(), &st) != 0) return {};
    if (S_ISLNK(st.st_mode)) return slow();
  }
  if (S_ISDIR(st.st_mode)) {
    path += "/index.html";
    if (::lstat(path.c_str(), &st) != 0) return {};
    if (S_ISLNK(st.st_mode)) return slow();
  }
  if (!S_ISREG(st.st_mode)) return {};
  return path;
}

}  // namespace

std::string media_type_for(const fs::path& file) {
  auto ext = lower(file.extension().string());
  auto qpos = ext.find('?');
  if (qpos != std::string::npos) ext = ext.substr(0, qpos);
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml" || ext == ".php" || ext == ".asp" ||
      ext == ".aspx")
    return "text/html";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".csv") return "text/csv";
  if (ext == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ext == ".txt" || ext == ".text" || ext == ".md") return "text/plain";
  return "application/octet-stream";
}

MirrorFetcher::MirrorFetcher(fs::path root, std::string base_url)
    : root_(fs::weakly_canonical(fs::absolute(root))), base_url_(std::move(base_url)) {
  if (base_url_.empty() || base_url_.back() != '/') base_url_ += '/';
}

fs::path MirrorFetcher::file_for(const std::string& url) const {
  if (url.compare(0, base_url_.size(), base_url_) != 0) return {};
  std::string rest = url.substr(base_url_.size());
  std::string path = rest, query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    path = rest.substr(0, q);
    query = rest.substr(q);
  }
  path = percent_decode(path);
  if (path.find('\0') != std::string::npos) return {};
  fs::path candidate = root_ / path;
  if (path.empty() || path.back() == '/') candidate /= "index.html";
  if (!query.empty()) candidate += percent_decode(query);
  return resolve_inside(root_, candidate);
}

namespace {
// nginx's ETag: hex mtime (seconds) and size; ours adds the nanoseconds, so a rewrite within
// the same second with the same size is still seen.
std::string file_etag(const fs::path& file) {
  struct stat st{};
  if (::stat(file.c_str(), &st) != 0) return {};
  char buf[80];
  std::snprintf(buf, sizeof buf, "\"%llx.%lx-%llx\"", static_cast<unsigned long long>(st.st_mtim.tv_sec),
                static_cast<unsigned long>(st.st_mtim.tv_nsec), static_cast<unsigned long long>(st.st_size));
  return buf;
}
}  // namespace

namespace {
// Reads at most the cap for the file's type plus one byte (F2 of the reliability report: the
// whole file used to be read and cut afterwards, 8.4 GB of memory for a 2 GB sparse file).
// HTML and text keep cap + 1 bytes, so the extractor sees there is more and flags the page
// `truncated`, as for any page past the cap; a PDF or other file past its cap is refused as
// "too_large" without reading it, as the HTTP fetcher refuses one.
void read_capped(const fs::path& file, FetchResponse& r) {
  const std::string type = media_type_for(file);
  const bool text = type == "text/html" || type == "text/plain";
  const size_t cap = type == "application/pdf" ? kMaxBodyBytesPdf : text ? kMaxBodyBytesText : kMaxBodyBytesOther;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  struct stat st{};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    r.error_kind = "read";
    r.error = "cannot read " + file.string();
    return;
  }
  const auto size = static_cast<unsigned long long>(st.st_size);
  if (!text && size > cap) {
    ::close(fd);
    r.error_kind = "too_large";
    r.error = r.request.url + ": the file " + file.string() + " of " + std::to_string(size) + " bytes exceeds the " + std::to_string(cap >> 20) +
              " MiB cap for " + type + "; not read";
    return;
  }
  const size_t want = static_cast<size_t>(std::min<unsigned long long>(size, cap) + (text ? 1 : 0));
  std::string body(want, '\0');
  size_t got = 0;
  while (got < want) {
    ssize_t n = ::read(fd, body.data() + got, want - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      r.error_kind = "read";
      r.error = "cannot read " + file.string() + ": " + std::strerror(errno);
      return;
    }
    if (n == 0) break;  // the file shrank while it was read
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  body.resize(got);
  r.status = 200;
  r.body = std::move(body);
  r.content_type = type;
}
}  // namespace

void MirrorFetcher::submit(FetchRequest request) { queue_.push_back(std::move(request)); }

std::vector<FetchResponse> MirrorFetcher::poll(std::chrono::milliseconds) {
  std::vector<FetchResponse> out;
  // Reading a file is immediate; return a modest batch so the caller interleaves its work.
  for (int n = 0; n < 64 && !queue_.empty(); ++n) {
    FetchResponse r;
    r.request = std::move(queue_.front());
    queue_.pop_front();
    r.final_url = r.request.url;
    auto file = file_for(r.request.url);
    if (file.empty()) {
      r.status = 404;
      r.error_kind = "not_found";
      r.error = "not in the mirror " + root_.string();
    } else if (std::string tag = file_etag(file); !tag.empty() && tag == r.request.etag) {
      // As a web server answers If-None-Match: the file's size and time are unchanged, so it
      // is not read at all (a no-change re-run of a 20,000-page mirror reads no page).
      r.status = 304;
      r.not_modified = true;
      r.etag = tag;
    } else {
      r.etag = tag;
      read_capped(file, r);
    }
    out.push_back(std::move(r));
  }
  return out;
}

namespace {
// A file name's bytes that a URL would lose or read as something else — control characters (a
// newline is dropped by URL parsing, F11), '%' (read as an escape) and '#' (a fragment) —
// percent-encoded, so file_for() finds the file again.
std::string escape_file_name(const std::string& name) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '%' || c == '#') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}
}  // namespace

std::vector<std::string> MirrorFetcher::known_urls() const {
  std::vector<std::string> urls;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root_, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec)) continue;
    // The iterator's paths start with root_ (canonical): cut it off rather than fs::relative(),
    // which resolves both paths through the file system for every file.
    const std::string& full = it->path().native();
    if (full.size() <= root_.native().size() + 1) continue;
    std::string rel = full.substr(root_.native().size() + 1);
    // wget -m saves /a/ as a/index.html and /a/?q=1 as a/index.html?q=1: both are the folder's URL.
    const size_t q_at = rel.find('?');
    std::string_view file(rel.data(), q_at == std::string::npos ? rel.size() : q_at);
    if (file == "index.html") {
      rel.erase(0, 10);
    } else if (file.size() > 11 && file.compare(file.size() - 11, 11, "/index.html") == 0) {
      rel.erase(file.size() - 10, 10);
    }
    std::string url = base_url_;
    auto q = rel.find('?');
    std::string path = q == std::string::npos ? rel : rel.substr(0, q);
    std::string query = q == std::string::npos ? "" : rel.substr(q);
    // Percent-encode through the canonicalizer (spaces, Japanese file names).
    path = escape_file_name(path);
    query = escape_file_name(query);
    auto canon = canonicalize_url(url + path + query);
    urls.push_back(canon ? *canon : url + path + query);
  }
  std::sort(urls.begin(), urls.end());
  return urls;
}

}  // namespace senrei
