#!/usr/bin/env python3
"""A fault-injecting HTTP server for the fetcher tests (tests/fetch/http_fetcher_test.cpp).

Listens on 127.0.0.1 on a free port, prints the port on the first line of stdout, and serves
until killed.  Every request is counted by path; GET /__count?path=/x answers how many requests
/x received (the counting endpoint itself is not counted).  Stdlib only.

Paths (any prefix below may be put in front by the test's url_rewrite; handlers look at the
last part):
  /robots.txt            allow all, Crawl-delay: 3600 (the fetcher must cap it)
  /r500/robots.txt       500            /r404/robots.txt  404
  /rdis/robots.txt       Disallow: /secret (real-site path)
  /page                  ETag/Last-Modified; 304 to If-None-Match or If-Modified-Since
  /flaky/<key>           500 on the first request per key, then 200
  /always500              500, always
  /<prefix>/slow         answers after 0.3 s; GET /__max?key=/<prefix> (or key= for all) answers
                         the most requests ever in flight at once
  /to-secret             302 to "secret" (relative: under /rdis, robots.txt disallows it)
  /ratelimited/<key>     429 with Retry-After: 1 on the first request per key, then 200
  /loop/<n>              302 to /loop/<n+1>, forever
  /to-file               302 to file:///etc/passwd
  /to-private            302 to http://10.0.0.1/
  /to-abs-page           302 to the absolute 127.0.0.1 URL of /page
  /to-rel-page           301 to "page" (relative)
  /to-elsewhere          302 to http://elsewhere.example/
  /bomb                  gzip inflating to 50 MB, with Content-Length
  /bomb-nolength         the same without Content-Length (ends at close)
  /drip                  200, then one byte per second for up to 30 s
  /big                   20 MiB text/html
  /big-pdf               10 MB application/pdf (under the PDF cap)
  /notfound              404
  /wrong-charset         labelled "text/html; charset=utf-8", but the bytes are Shift_JIS (CP932)
                         with <meta charset="Shift_JIS">: 先例 地域医療連携
"""
import gzip
import http.server
import sys
import threading
import time
import urllib.parse

COUNTS = {}
IN_FLIGHT = {}   # "/h1" (the path before /slow), and "" for all: requests being answered
MAX_IN_FLIGHT = {}
SEEN = set()
LOCK = threading.Lock()
_BOMB = None


def bomb():
    global _BOMB
    with LOCK:
        if _BOMB is None:
            _BOMB = gzip.compress(b"\0" * (50 * 1000 * 1000), 9)
        return _BOMB


def first_time(key):
    with LOCK:
        if key in SEEN:
            return False
        SEEN.add(key)
        return True


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=(), length=True):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def redirect(self, status, location):
        self.send(status, b"", headers=[("Location", location)])

    def stream(self, total, chunk, ctype):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(total))
        self.end_headers()
        block = b"x" * chunk
        sent = 0
        try:
            while sent < total:
                self.wfile.write(block)
                sent += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        if path == "/__max":
            want = urllib.parse.parse_qs(url.query).get("key", [""])[0]
            with LOCK:
                n = MAX_IN_FLIGHT.get(want, 0)
            return self.send(200, str(n).encode(), "text/plain")
        if path == "/__count":
            want = urllib.parse.parse_qs(url.query).get("path", [""])[0]
            with LOCK:
                n = COUNTS.get(want, 0)
            return self.send(200, str(n).encode(), "text/plain")
        with LOCK:
            COUNTS[path] = COUNTS.get(path, 0) + 1
        port = self.server.server_address[1]
        parts = path.strip("/").split("/")
        leaf = parts[-1] if parts else ""

        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nAllow: /\nCrawl-delay: 3600\n", "text/plain")
        if path == "/r500/robots.txt":
            return self.send(500, b"oops", "text/plain")
        if path == "/r404/robots.txt":
            return self.send(404, b"none", "text/plain")
        if path == "/rdis/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /secret\n", "text/plain")
        if leaf == "page":
            etag = '"v1"'
            lm = "Wed, 01 May 2024 00:00:00 GMT"
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == lm:
                return self.send(304, b"", headers=[("ETag", etag), ("Last-Modified", lm)], length=True)
            body = "<html><body>先例</body></html>".encode()
            return self.send(200, body, "text/html; charset=UTF-8",
                             headers=[("ETag", etag), ("Last-Modified", lm)])
        if len(parts) >= 2 and parts[-2] == "flaky":
            if first_time(path):
                return self.send(500, b"try again", "text/plain")
            return self.send(200, b"recovered", "text/plain")
        if leaf == "slow":
            keys = ("", "/" + "/".join(parts[:-1]) if len(parts) > 1 else "/")
            with LOCK:
                for k in keys:
                    IN_FLIGHT[k] = IN_FLIGHT.get(k, 0) + 1
                    MAX_IN_FLIGHT[k] = max(MAX_IN_FLIGHT.get(k, 0), IN_FLIGHT[k])
            time.sleep(0.3)
            with LOCK:
                for k in keys:
                    IN_FLIGHT[k] -= 1
            return self.send(200, b"slow", "text/plain")
        if leaf == "to-secret":
            return self.redirect(302, "secret")
        if leaf == "always500":
            return self.send(500, b"down", "text/plain")
        if len(parts) >= 2 and parts[-2] == "ratelimited":
            if first_time(path):
                return self.send(429, b"slow down", "text/plain", headers=[("Retry-After", "1")])
            return self.send(200, b"served", "text/plain")
        if len(parts) >= 2 and parts[-2] == "loop":
            n = int(leaf) if leaf.isdigit() else 0
            return self.redirect(302, "/loop/%d" % (n + 1))
        if leaf == "to-file":
            return self.redirect(302, "file:///etc/passwd")
        if leaf == "to-private":
            return self.redirect(302, "http://10.0.0.1/")
        if leaf == "to-abs-page":
            return self.redirect(302, "http://127.0.0.1:%d/page" % port)
        if leaf == "to-rel-page":
            return self.redirect(301, "page")
        if leaf == "to-elsewhere":
            return self.redirect(302, "http://elsewhere.example/")
        if leaf in ("bomb", "bomb-nolength"):
            return self.send(200, bomb(), "text/html", headers=[("Content-Encoding", "gzip")],
                             length=(leaf == "bomb"))
        if leaf == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "30")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if leaf == "big":
            return self.stream(20 * 1024 * 1024, 64 * 1024, "text/html")
        if leaf == "big-pdf":
            return self.stream(10 * 1024 * 1024, 64 * 1024, "application/pdf")
        if leaf == "wrong-charset":
            body = ('<html><head><meta charset="Shift_JIS"><title>文字コード違い</title></head>'
                    '<body><p>先例 地域医療連携</p></body></html>').encode("cp932")
            return self.send(200, body, "text/html; charset=utf-8")
        return self.send(404, b"not found", "text/plain")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients that hang up mid-body (caps, timeouts) are what the tests are about.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
