// A real nginx for integration tests: started on 127.0.0.1 on a free port with its own prefix,
// config, pid file and logs under a temporary directory (no root, no system nginx), serving a
// directory with gzip, ETag and Last-Modified.  The access log has one line per request:
//   STATUS METHOD "URI" "If-None-Match" "If-Modified-Since" "User-Agent" "gzip ratio"
// A response delay (to land a kill mid-crawl) needs the echo module (libnginx-mod-http-echo).
// ok() is false when nginx is not installed or did not start (scripts/setup test installs it).
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace senrei_test {

struct AccessLine {
  int status = 0;
  std::string method;
  std::string uri;
  std::string if_none_match;      // "-" when absent
  std::string if_modified_since;  // "-" when absent
  std::string user_agent;
  std::string gzip_ratio;  // "-" when the response was not compressed
};

inline constexpr const char* kNginxEchoModule = "/usr/lib/nginx/modules/ngx_http_echo_module.so";

inline int free_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

inline bool port_answers(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

inline std::string nginx_binary() {
  for (const char* p : {"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"})
    if (::access(p, X_OK) == 0) return p;
  return {};
}

class Nginx {
 public:
  struct Options {
    std::filesystem::path root;
    double response_delay = 0;  // seconds before each response (echo_sleep), 0: none
    std::string server_config = {};  // more directives inside server { } (e.g. a redirect's location)
  };

  // Starts nginx; check ok() (false with a message in error()).
  explicit Nginx(Options options) : options_(std::move(options)) {
    binary_ = nginx_binary();
    if (binary_.empty()) {
      error_ = "nginx is not installed (scripts/setup test)";
      return;
    }
    static int n = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("senrei-nginx-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "logs");
    std::filesystem::create_directories(dir_ / "tmp");
    // Workers of an nginx started by root run as nobody: they must be able to read the tree.
    std::filesystem::permissions(dir_, std::filesystem::perms(0755));
    for (int attempt = 0; attempt < 5 && !ok_; ++attempt) start();
  }
  ~Nginx() {
    stop();
    std::filesystem::remove_all(dir_);
  }
  Nginx(const Nginx&) = delete;
  Nginx& operator=(const Nginx&) = delete;

  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
  std::filesystem::path access_log_path() const { return dir_ / "logs" / "access.log"; }

  std::vector<AccessLine> access_log() const {
    std::vector<AccessLine> out;
    std::ifstream in(access_log_path());
    std::string line;
    while (std::getline(in, line)) {
      AccessLine a;
      std::istringstream ss(line);
      ss >> a.status >> a.method;
      std::vector<std::string> quoted;
      size_t pos = line.find('"');
      while (pos != std::string::npos) {
        size_t end = line.find('"', pos + 1);
        if (end == std::string::npos) break;
        quoted.push_back(line.substr(pos + 1, end - pos - 1));
        pos = line.find('"', end + 1);
      }
      if (quoted.size() >= 5) {
        a.uri = quoted[0];
        a.if_none_match = quoted[1];
        a.if_modified_since = quoted[2];
        a.user_agent = quoted[3];
        a.gzip_ratio = quoted[4];
      }
      out.push_back(std::move(a));
    }
    return out;
  }
  void clear_access_log() const { std::ofstream(access_log_path(), std::ios::trunc); }

  void stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }

 private:
  void start() {
    port_ = free_loopback_port();
    std::string d = dir_.string();
    std::ofstream conf(dir_ / "nginx.conf");
    if (options_.response_delay > 0) conf << "load_module " << kNginxEchoModule << ";\n";
    conf << "worker_processes 1;\n"
         << "pid " << d << "/nginx.pid;\n"
         << "error_log " << d << "/logs/error.log warn;\n"
         << "events { worker_connections 64; }\n"
         << "http {\n"
         << "  log_format senrei '$status $request_method \"$request_uri\" \"$http_if_none_match\" "
            "\"$http_if_modified_since\" \"$http_user_agent\" \"$gzip_ratio\"';\n"
         << "  access_log " << d << "/logs/access.log senrei;\n"
         << "  client_body_temp_path " << d << "/tmp/body;\n"
         << "  proxy_temp_path " << d << "/tmp/proxy;\n"
         << "  fastcgi_temp_path " << d << "/tmp/fastcgi;\n"
         << "  uwsgi_temp_path " << d << "/tmp/uwsgi;\n"
         << "  scgi_temp_path " << d << "/tmp/scgi;\n"
         << "  types { text/html html; text/plain txt; application/pdf pdf; }\n"
         << "  default_type application/octet-stream;\n"
         << "  gzip on;\n  gzip_min_length 1;\n  etag on;\n"
         << "  server {\n"
         << "    listen 127.0.0.1:" << port_ << ";\n"
         << "    root " << options_.root.string() << ";\n"
         // The mirror layout is path/index.html; a deleted page answers 404, not 403.
         << "    location @file { try_files $uri $uri/index.html =404; }\n"
         << options_.server_config << "\n";
    if (options_.response_delay > 0)
      conf << "    location / { echo_sleep " << options_.response_delay << "; echo_exec @file; }\n";
    else
      conf << "    location / { try_files $uri $uri/index.html =404; }\n";
    conf << "  }\n}\n";
    conf.close();
    std::string conf_path = (dir_ / "nginx.conf").string();
    std::string error_log = (dir_ / "logs" / "error.log").string();
    std::string prefix = d + "/";
    std::vector<std::string> args = {binary_, "-p", prefix, "-e", error_log, "-c", conf_path, "-g", "daemon off;"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawn(&pid_, binary_.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
      error_ = "cannot start " + binary_;
      pid_ = -1;
      return;
    }
    for (int i = 0; i < 100; ++i) {
      if (port_answers(port_)) {
        ok_ = true;
        return;
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // exited: port taken, bad config
        pid_ = -1;
        std::ifstream in(error_log);
        std::stringstream ss;
        ss << in.rdbuf();
        error_ = "nginx exited: " + ss.str();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    error_ = "nginx did not answer on port " + std::to_string(port_);
    stop();
  }

  Options options_;
  std::string binary_;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  bool ok_ = false;
  std::string error_;
};

}  // namespace senrei_test
