// crawl/document_identity.hpp — one record per document: which URL a page's records live under
// when the same document answers at several URLs.
//
// A document reached under several URLs of one source is one record, under one URL; the others
// are its aliases (store/crawl_state.hpp keeps them, `show` lists them and finds the record by
// any of them).  Three kinds of evidence fold URLs, all from what the site itself serves:
//   - a redirect: /old/ → 301 → /new/ makes /old/ an alias of /new/;
//   - the same bytes: two URLs whose bodies have one sha256 are one document (/x/ and
//     /x/index.html, ?tab=faq and ?tab=info serving one page), under the URL record_url_before()
//     prefers, so the choice does not depend on the order pages were fetched (a mirror and an HTTP
//     crawl of one site give the same records);
//   - <link rel="canonical">: honoured only when the target is on the page's own origin and in
//     the source's scope (usable_canonical()), and only when the target is itself fetched with a
//     usable body; otherwise the page keeps its own record.
// Tracking parameters (utm_*, gclid, fbclid) are dropped from links before they are queued
// (without_tracking_parameters()).  DocumentFolding holds one run's evidence; pure, not
// thread-safe, touches no store.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace senrei {

// `url` without utm_* / gclid / fbclid / yclid query parameters ("?" dropped when none remain).
std::string without_tracking_parameters(const std::string& url);

// True when the URL's last path segment is a directory index file (index.html, index.htm,
// index.shtml, index.php, default.htm, default.html, default.asp, default.aspx; any case).
bool names_directory_index(const std::string& url);

// True when `a` is the better URL to keep a document under than `b`: no query over a query,
// a directory (/x/) over its index file (/x/index.html), a shorter path, then the smaller text.
// A strict weak order, so the choice is the same in whatever order the URLs were met.
bool record_url_before(const std::string& a, const std::string& b);

// The rel=canonical target a page's records may move to: `canonical` canonicalized, without
// tracking parameters, when it is on `page_url`'s origin (scheme, host, port), `in_scope` accepts
// it and it differs from `page_url`; nullopt otherwise (off-site, out of scope, unusable, itself).
std::optional<std::string> usable_canonical(const std::string& page_url, const std::string& canonical,
                                            const std::function<bool(const std::string&)>& in_scope);

// One crawl run's evidence about which URLs are one document.
class DocumentFolding {
 public:
  struct Fold {
    std::string owner;    // the URL that holds the body's records after this page is counted
    std::string demoted;  // a URL that held them until now and becomes an alias of `owner`, or ""
  };
  // Page `url` answered with body `sha256` in this run (200, or 304 with the stored body).
  Fold body(const std::string& url, const std::string& sha256);
  // The body `url` served declared rel=canonical `target` (already checked with
  // usable_canonical()); every URL serving that body shares the declaration.  Also called for a
  // page kept as a canonical alias by an earlier run whose body is unchanged (not re-read).
  void declare_canonical(const std::string& url, const std::string& target);
  // `url` failed or is gone in this run: it holds nothing.
  void lost(const std::string& url);

  // After the run: the URL holding the records of `url`'s document — `url` itself, the owner of
  // its body, or its canonical target's owner when that target had a usable body in this run.
  // Empty when `url` had no usable body in this run (it failed, or was not fetched).
  std::string owner(const std::string& url) const;
  // The URL holding `url`'s body's records by the bytes alone (no canonical), or "".
  std::string body_owner(const std::string& url) const;
  // The URLs that had a usable body in this run, in the order met.
  const std::vector<std::string>& pages() const { return pages_; }

 private:
  std::unordered_map<std::string, std::string> owner_by_body_;  // sha256 → URL
  std::unordered_map<std::string, std::string> body_by_url_;    // URL → sha256
  std::unordered_map<std::string, std::string> canonical_of_;   // sha256 → declared target
  std::vector<std::string> pages_;
};

}  // namespace senrei
