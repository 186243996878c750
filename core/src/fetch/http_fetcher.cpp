// fetch/http_fetcher.cpp — HttpFetcher: a per-host scheduler in front of curl_multi.
//
// Why things are done by hand here (see PITFALLS.md, libcurl):
//  - redirects: CURLOPT_FOLLOWLOCATION would skip our scope, robots and address checks on the
//    later hops, so each hop is a new transfer queued under its own host;
//  - byte caps: CURLOPT_MAXFILESIZE misses gzip bombs and bodies without Content-Length, so
//    bytes are counted after decompression in the write callback;
//  - politeness: a transfer queued inside curl counts against its timeout, so a handle is added
//    to the multi only when its host is due;
//  - addresses: no curl option refuses private ranges; the resolved sockaddr is checked in the
//    open-socket callback.
#include "fetch/http_fetcher.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <optional>

#include "fetch/address_policy.hpp"
#include "fetch/robots.hpp"
#include "senrei/url.hpp"
#include "url/uri_reference.hpp"

namespace senrei {
namespace {

using Clock = std::chrono::steady_clock;

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string mib(size_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

Clock::duration seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(std::max(0.0, s)));
}

// "text/html; charset=\"Shift_JIS\"" → {"text/html", "Shift_JIS"}.
std::pair<std::string, std::string> split_content_type(std::string_view value) {
  size_t semi = value.find(';');
  std::string type = lower(trim(value.substr(0, semi)));
  std::string charset;
  while (semi != std::string_view::npos) {
    size_t next = value.find(';', semi + 1);
    std::string_view param = value.substr(semi + 1, next == std::string_view::npos ? next : next - semi - 1);
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && lower(trim(param.substr(0, eq))) == "charset") {
      charset = trim(param.substr(eq + 1));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"')
        charset = charset.substr(1, charset.size() - 2);
    }
    semi = next;
  }
  return {type, charset};
}

std::string header_value(CURL* easy, const char* name) {
  curl_header* h = nullptr;
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) == CURLHE_OK && h && h->value)
    return trim(h->value);
  return {};
}

bool is_http_scheme(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

std::string scheme_of(std::string_view url) {
  size_t colon = url.find(':');
  return lower(std::string(url.substr(0, colon == std::string_view::npos ? 0 : colon)));
}

}  // namespace

std::string apply_rewrite(const std::vector<UrlRewrite>& rules, const std::string& url) {
  for (const auto& r : rules) {
    if (!r.from_prefix.empty() && url.starts_with(r.from_prefix))
      return r.to_prefix + url.substr(r.from_prefix.size());
  }
  return url;
}

std::string undo_rewrite(const std::vector<UrlRewrite>& rules, const std::string& url) {
  for (const auto& r : rules) {
    if (!r.to_prefix.empty() && url.starts_with(r.to_prefix))
      return r.from_prefix + url.substr(r.to_prefix.size());
  }
  return url;
}

struct HttpFetcher::Impl {
  struct Job {
    FetchResponse response;  // response.request is the request as submitted
    std::string url;         // the current hop, canonical, real-site URL space
    int redirects = 0;
    Clock::time_point not_before;
  };

  struct Transfer {
    Impl* impl = nullptr;
    CURL* easy = nullptr;
    std::unique_ptr<Job> job;  // null for a robots.txt fetch
    std::string host;          // host key the transfer counts against
    std::string url;           // real-site URL requested
    std::string wire_url;      // what curl was given
    int robots_redirects = 0;
    std::string body;
    size_t cap = 0;
    bool cap_known = false;
    bool too_large = false;
    bool truncated = false;  // robots.txt beyond kRobotsMaxBytes: kept, not an error
    std::string refused;     // address refusal from the open-socket callback
    curl_slist* headers = nullptr;
    char errbuf[CURL_ERROR_SIZE] = {};
  };

  struct HostState {
    std::deque<std::unique_ptr<Job>> queue;
    std::vector<std::unique_ptr<Job>> delayed;  // retries waiting for not_before
    int active = 0;
    Clock::time_point next_start;
    double delay = 0;
    std::optional<RobotsRules> robots;
    Clock::time_point robots_expires;
    bool robots_fetching = false;
  };

  explicit Impl(HttpSettings s) : settings(std::move(s)) {
    static CurlGlobal global;
    multi = curl_multi_init();
    addresses.allow_private = settings.allow_private_addresses;
    addresses.allowed = settings.allowed_addresses;
    agent_token = robots_product_token(settings.user_agent);
    settings.concurrency = std::max(1, settings.concurrency);
    settings.per_host_connections = std::max(1, settings.per_host_connections);
  }

  ~Impl() {
    for (auto& [easy, t] : transfers) {
      curl_multi_remove_handle(multi, easy);
      curl_easy_cleanup(easy);
      curl_slist_free_all(t->headers);
    }
    curl_multi_cleanup(multi);
  }

  void note(const std::string& message) const {
    if (settings.log) settings.log(message);
  }

  // ---- submission and per-hop checks -------------------------------------------------------

  void submit(FetchRequest request) {
    ++submitted;
    auto job = std::make_unique<Job>();
    job->response.request = request;
    job->response.attempts = 0;
    auto canonical = canonicalize_url(request.url);
    if (!canonical) {
      job->url = request.url;
      return finish(std::move(job), "protocol", request.url + ": not an absolute URL senrei can parse");
    }
    job->url = *canonical;
    enqueue_hop(std::move(job), "");
  }

  // Checks the job's current URL (scheme, address literal, scope) and queues it under its host;
  // `from` is the URL that redirected here, for messages.
  void enqueue_hop(std::unique_ptr<Job> job, const std::string& from) {
    const std::string& url = job->url;
    std::string via = from.empty() ? url : from + " redirected to " + url;
    if (!is_http_scheme(url))
      return finish(std::move(job), "protocol", via + ": scheme " + scheme_of(url) + " is not http(s)");
    auto parsed = parse_url(url);
    if (!parsed) return finish(std::move(job), "protocol", via + ": not a URL senrei can parse");
    auto wire = parse_url(apply_rewrite(settings.url_rewrite, url));
    if (wire) {
      if (std::string why = addresses.refusal_for_host(wire->host); !why.empty())
        return finish(std::move(job), "private_address",
                      via + ": refused before connecting: " + why +
                          " (allow it with allowed_addresses to crawl a local server)");
    }
    if (settings.scope && !settings.scope(url))
      return finish(std::move(job), "scope", via + ": outside the source's scope, not fetched");
    std::string host = parsed->origin();
    auto& h = host_state(host);
    h.queue.push_back(std::move(job));
  }

  HostState& host_state(const std::string& host) {
    auto it = hosts.find(host);
    if (it == hosts.end()) {
      it = hosts.emplace(host, HostState{}).first;
      it->second.delay = settings.per_host_delay;
      it->second.next_start = Clock::now();
    }
    return it->second;
  }

  void finish(std::unique_ptr<Job> job, std::string kind, std::string message) {
    FetchResponse& r = job->response;
    r.final_url = job->url;
    r.error_kind = std::move(kind);
    r.error = std::move(message);
    if (!r.error_kind.empty()) r.body.clear();
    done.push_back(std::move(r));
  }

  // ---- scheduling ---------------------------------------------------------------------------

  void schedule() {
    auto now = Clock::now();
    for (auto& [host, h] : hosts) {
      // Retries whose back-off has passed go first: they have waited longest.
      for (auto it = h.delayed.begin(); it != h.delayed.end();) {
        if ((*it)->not_before <= now) {
          h.queue.push_front(std::move(*it));
          it = h.delayed.erase(it);
        } else {
          ++it;
        }
      }
      while (!h.queue.empty()) {
        if (settings.robots && (!h.robots || now >= h.robots_expires)) {
          if (!h.robots_fetching && can_start(h, now)) start_robots(host, h, host + "/robots.txt", 0);
          break;
        }
        if (settings.robots) {
          auto& job = h.queue.front();
          auto path = parse_url(job->url);
          auto verdict = h.robots->check(path ? path->path_and_query() : "/", agent_token);
          if (!verdict.allowed) {
            std::string where = verdict.line > 0
                                    ? "robots.txt line " + std::to_string(verdict.line) + " '" + verdict.rule + "'"
                                    : verdict.rule;
            auto j = std::move(job);
            h.queue.pop_front();
            std::string msg = j->url + ": refused by " + where;
            finish(std::move(j), "robots", msg);
            continue;
          }
        }
        if (!can_start(h, now)) break;
        auto job = std::move(h.queue.front());
        h.queue.pop_front();
        start_job(host, h, std::move(job));
      }
    }
  }

  bool can_start(const HostState& h, Clock::time_point now) const {
    return static_cast<int>(transfers.size()) < settings.concurrency &&
           h.active < settings.per_host_connections && now >= h.next_start;
  }

  // When the scheduler next has something to do, for the poll timeout.  Hosts that cannot
  // start anything until a transfer completes are left out: completions wake the poll anyway.
  Clock::time_point next_due() const {
    auto due = Clock::time_point::max();
    if (static_cast<int>(transfers.size()) >= settings.concurrency) return due;
    for (const auto& [host, h] : hosts) {
      if (h.active >= settings.per_host_connections || h.robots_fetching) continue;
      if (!h.queue.empty()) due = std::min(due, h.next_start);
      for (const auto& j : h.delayed) due = std::min(due, std::max(j->not_before, h.next_start));
    }
    return due;
  }

  // ---- transfers ----------------------------------------------------------------------------

  static size_t on_write(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t len = size * count;
    if (!t->cap_known) {
      t->cap_known = true;
      if (!t->job) {
        t->cap = kRobotsMaxBytes;
      } else {
        char* ct = nullptr;
        curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
        std::string type = ct ? split_content_type(ct).first : "";
        const auto& s = t->impl->settings;
        t->cap = (type == "text/html" || type == "application/xhtml+xml") ? s.max_bytes_html
                 : type == "application/pdf"                              ? s.max_bytes_pdf
                                                                          : s.max_bytes_other;
      }
    }
    if (t->body.size() + len > t->cap) {
      if (!t->job) {
        t->body.append(data, t->cap - t->body.size());
        t->truncated = true;
      } else {
        t->too_large = true;
      }
      return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    t->body.append(data, len);
    return len;
  }

  static curl_socket_t on_open_socket(void* user, curlsocktype purpose, curl_sockaddr* address) {
    auto* t = static_cast<Transfer*>(user);
    if (purpose == CURLSOCKTYPE_IPCXN) {
      std::string why = t->impl->addresses.refusal(&address->addr);
      if (!why.empty()) {
        t->refused = why;
        return CURL_SOCKET_BAD;
      }
    }
    return socket(address->family, address->socktype, address->protocol);
  }

  Transfer* start_transfer(const std::string& host, HostState& h, const std::string& url) {
    auto t = std::make_unique<Transfer>();
    t->impl = this;
    t->host = host;
    t->url = url;
    t->wire_url = apply_rewrite(settings.url_rewrite, url);
    CURL* e = curl_easy_init();
    t->easy = e;
    curl_easy_setopt(e, CURLOPT_URL, t->wire_url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::on_write);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Impl::on_open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(e, CURLOPT_USERAGENT, settings.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_PROXY, settings.proxy.c_str());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, settings.connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, settings.total_timeout_ms);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, settings.low_speed_limit);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, settings.low_speed_time);
    h.active++;
    auto now = Clock::now();
    h.next_start = std::max(h.next_start, now + seconds(h.delay));
    Transfer* raw = t.get();
    transfers.emplace(e, std::move(t));
    return raw;
  }

  void add(Transfer* t) {
    if (t->headers) curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
    curl_multi_add_handle(multi, t->easy);
  }

  void start_job(const std::string& host, HostState& h, std::unique_ptr<Job> job) {
    Transfer* t = start_transfer(host, h, job->url);
    // Validators belong to the URL they came from: only the first hop is conditional.
    if (job->redirects == 0) {
      const auto& req = job->response.request;
      if (!req.etag.empty()) t->headers = curl_slist_append(t->headers, ("If-None-Match: " + req.etag).c_str());
      if (!req.last_modified.empty())
        t->headers = curl_slist_append(t->headers, ("If-Modified-Since: " + req.last_modified).c_str());
    } else if (const auto& target = job->response.request.target; !target.url.empty() && target.url == job->url) {
      if (!target.etag.empty()) t->headers = curl_slist_append(t->headers, ("If-None-Match: " + target.etag).c_str());
      if (!target.last_modified.empty())
        t->headers = curl_slist_append(t->headers, ("If-Modified-Since: " + target.last_modified).c_str());
    }
    job->response.attempts++;
    t->job = std::move(job);
    add(t);
  }

  void start_robots(const std::string& host, HostState& h, const std::string& url, int redirects) {
    h.robots_fetching = true;
    Transfer* t = start_transfer(host, h, url);
    t->robots_redirects = redirects;
    add(t);
  }

  // Where a 3xx points, in the real-site URL space; nullopt when Location is missing or bad.
  std::optional<std::string> redirect_target(const Transfer& t) {
    std::string location = header_value(t.easy, "Location");
    if (location.empty()) return std::nullopt;
    auto ref = url_detail::split_reference(location);
    if (!ref) return std::nullopt;
    // An absolute Location names the server as the client saw it (the rewritten one); a
    // relative one is relative to the real page.
    if (ref->has_scheme || ref->has_authority) {
      auto wire = resolve_url(t.wire_url, location);
      if (!wire) return std::nullopt;
      return canonicalize_url(undo_rewrite(settings.url_rewrite, *wire));
    }
    return resolve_url(t.url, location);
  }

  void complete(CURL* easy, CURLcode code) {
    auto node = transfers.extract(easy);
    std::unique_ptr<Transfer> t = std::move(node.mapped());
    curl_multi_remove_handle(multi, easy);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    auto& h = host_state(t->host);
    h.active--;
    h.next_start = std::max(h.next_start, Clock::now() + seconds(h.delay));
    if (t->job) {
      complete_job(*t, h, code, static_cast<int>(status));
    } else {
      complete_robots(*t, h, code, static_cast<int>(status));
    }
    curl_slist_free_all(t->headers);
    curl_easy_cleanup(easy);
  }

  void complete_robots(Transfer& t, HostState& h, CURLcode code, int status) {
    h.robots_fetching = false;
    bool transport_ok = code == CURLE_OK || (code == CURLE_WRITE_ERROR && t.truncated);
    if (transport_ok && status >= 300 && status < 400) {
      auto next = redirect_target(t);
      if (next && is_http_scheme(*next) && t.robots_redirects < 5) {
        // robots.txt redirects (http → https, www) are followed at once, RFC 9309 §2.3.1.2.
        h.next_start = Clock::now();
        start_robots(t.host, h, *next, t.robots_redirects + 1);
        return;
      }
    }
    if (!transport_ok) {
      status = 0;
      note("robots.txt for " + t.host + " unreachable: " +
           (t.refused.empty() ? std::string(t.errbuf[0] ? t.errbuf : curl_easy_strerror(code)) : t.refused));
    }
    RobotsRules rules = (status >= 300 && status < 400) ? RobotsRules::allow_all("robots.txt redirects too often (unavailable: all allowed)")
                                                         : RobotsRules::from_fetch(status, t.body);
    bool temporary = RobotsRules::is_temporary_failure(status);
    h.robots_expires = Clock::now() + (temporary ? settings.robots_retry : settings.robots_ttl);
    double delay = settings.per_host_delay;
    if (auto cd = rules.crawl_delay(agent_token)) {
      if (*cd > settings.crawl_delay_cap) {
        note("robots.txt for " + t.host + " asks Crawl-delay: " + std::to_string(*cd) + " s; capped at " +
             std::to_string(settings.crawl_delay_cap) + " s");
      }
      delay = std::max(delay, std::min(*cd, settings.crawl_delay_cap));
    }
    h.delay = delay;
    if (temporary) {
      // Fail what is queued now, instead of holding it for robots_retry: the crawl loop
      // decides when to come back.
      std::string why = rules.check("/", agent_token).rule;
      while (!h.queue.empty()) {
        auto j = std::move(h.queue.front());
        h.queue.pop_front();
        std::string msg = j->url + ": not fetched: " + why + " (" + t.host + ")";
        finish(std::move(j), "robots", msg);
      }
    }
    h.robots = std::move(rules);
  }

  // Schedules another attempt, or returns false when the attempts are used up.
  bool retry(std::unique_ptr<Job>& job, HostState& h, double wait_seconds) {
    if (job->response.attempts > settings.retries) return false;
    wait_seconds = std::min(wait_seconds, settings.retry_max_wait);
    job->not_before = Clock::now() + seconds(wait_seconds);
    h.delayed.push_back(std::move(job));
    return true;
  }

  double backoff(const Job& job) const {
    return settings.retry_backoff * std::pow(2.0, std::max(0, job.response.attempts - 1));
  }

  void complete_job(Transfer& t, HostState& h, CURLcode code, int status) {
    std::unique_ptr<Job> job = std::move(t.job);
    FetchResponse& r = job->response;
    std::string attempts = r.attempts > 1 ? " (after " + std::to_string(r.attempts) + " attempts)" : "";
    r.status = status;

    if (!t.refused.empty())
      return finish(std::move(job), "private_address",
                    t.url + ": refused to connect: " + t.refused +
                        " (allow it with allowed_addresses to crawl a local server)");
    if (t.too_large) {
      std::string type = split_content_type(header_value(t.easy, "Content-Type")).first;
      return finish(std::move(job), "too_large",
                    t.url + ": body exceeds the " + mib(t.cap) + " cap for " +
                        (type.empty() ? "this content type" : type) +
                        " (counted after decompression); not kept");
    }
    if (code != CURLE_OK) {
      std::string detail = t.errbuf[0] ? t.errbuf : curl_easy_strerror(code);
      bool timeout = code == CURLE_OPERATION_TIMEDOUT;
      if (code != CURLE_UNSUPPORTED_PROTOCOL && retry(job, h, backoff(*job))) return;
      r.status = 0;
      if (code == CURLE_UNSUPPORTED_PROTOCOL) return finish(std::move(job), "protocol", t.url + ": " + detail);
      return finish(std::move(job), timeout ? "timeout" : "network",
                    "GET " + t.url + (timeout ? " timed out: " : " failed: ") + detail + attempts);
    }

    if (status >= 300 && status < 400 && status != 304) {
      auto next = redirect_target(t);
      if (!next)
        return finish(std::move(job), "protocol",
                      t.url + ": HTTP " + std::to_string(status) + " without a usable Location");
      if (job->redirects >= settings.max_redirects)
        return finish(std::move(job), "redirect_limit",
                      r.request.url + ": more than " + std::to_string(settings.max_redirects) +
                          " redirects (the last to " + *next + ")");
      job->redirects++;
      std::string from = job->url;
      job->url = *next;
      job->response.status = 0;
      return enqueue_hop(std::move(job), from);
    }

    if (status == 429 || status >= 500) {
      curl_off_t retry_after = 0;
      curl_easy_getinfo(t.easy, CURLINFO_RETRY_AFTER, &retry_after);
      double wait = backoff(*job);
      if ((status == 429 || status == 503) && retry_after > 0) {
        wait = std::min<double>(static_cast<double>(retry_after), settings.retry_max_wait);
        // The server asked the whole host to wait, not just this URL.
        h.next_start = std::max(h.next_start, Clock::now() + seconds(wait));
      }
      if (retry(job, h, wait)) return;
      attempts = " (after " + std::to_string(r.attempts) + " attempts)";
      return finish(std::move(job), status == 429 ? "http_4xx" : "http_5xx",
                    "GET " + t.url + " answered HTTP " + std::to_string(status) + attempts);
    }

    auto [type, charset] = split_content_type(header_value(t.easy, "Content-Type"));
    r.content_type = type;
    r.charset = charset;
    r.etag = header_value(t.easy, "ETag");
    r.last_modified = header_value(t.easy, "Last-Modified");
    if (status == 304) {
      r.not_modified = true;
      if (r.etag.empty()) r.etag = r.request.etag;
      if (r.last_modified.empty()) r.last_modified = r.request.last_modified;
      return finish(std::move(job), "", "");
    }
    if (status == 404 || status == 410)
      return finish(std::move(job), "not_found", "GET " + t.url + " answered HTTP " + std::to_string(status));
    if (status >= 400)
      return finish(std::move(job), "http_4xx", "GET " + t.url + " answered HTTP " + std::to_string(status));
    if (status != 200)
      return finish(std::move(job), "protocol",
                    "GET " + t.url + " answered HTTP " + std::to_string(status) + ", not 200");
    r.body = std::move(t.body);
    finish(std::move(job), "", "");
  }

  // ---- the poll loop ------------------------------------------------------------------------

  std::vector<FetchResponse> poll(std::chrono::milliseconds wait) {
    auto deadline = Clock::now() + wait;
    while (true) {
      schedule();
      int running = 0;
      curl_multi_perform(multi, &running);
      int left = 0;
      while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
        if (m->msg == CURLMSG_DONE) complete(m->easy_handle, m->data.result);
      }
      schedule();
      auto now = Clock::now();
      if (!done.empty() || now >= deadline) break;
      if (transfers.empty() && next_due() == Clock::time_point::max()) break;  // nothing to wait for
      auto until = std::min(deadline, next_due());
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count();
      ms = std::clamp<long long>(ms, transfers.empty() ? 1 : 0, 1000);
      curl_multi_poll(multi, nullptr, 0, static_cast<int>(ms), nullptr);
    }
    returned += done.size();
    std::vector<FetchResponse> out;
    out.swap(done);
    return out;
  }

  HttpSettings settings;
  AddressPolicy addresses;
  std::string agent_token;
  CURLM* multi = nullptr;
  std::map<std::string, HostState> hosts;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers;
  std::vector<FetchResponse> done;
  size_t submitted = 0;
  size_t returned = 0;
};

HttpFetcher::HttpFetcher(HttpSettings settings) : impl_(std::make_unique<Impl>(std::move(settings))) {}
HttpFetcher::~HttpFetcher() = default;

void HttpFetcher::submit(FetchRequest request) { impl_->submit(std::move(request)); }

std::vector<FetchResponse> HttpFetcher::poll(std::chrono::milliseconds wait) { return impl_->poll(wait); }

size_t HttpFetcher::pending() const { return impl_->submitted - impl_->returned; }

}  // namespace senrei
