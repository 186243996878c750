#!/usr/bin/env python3
"""Print the benchmark table from results.tsv (rows: tool, metric, value, unit).

    table.py WORK/results.tsv [--markdown]

Columns: metric | senrei | omindex | recoll | quest | wget | wget2 | ratio, where ratio is
senrei ÷ each peer that has the metric in the same run (for times, sizes and RSS below 1 is
better for senrei; for docs/s and pages/s above 1 is).  recoll's search column is recollq;
omindex's in-process search column is its database through Xapian (bench/xapian_query.cpp).
"""
import sys

COLS = ["senrei", "omindex", "recoll", "quest", "wget", "wget2"]
# (label, metric, {column: tool} overrides, higher-is-better)
ROWS = [
    ("ingest full, docs/s", "full_docs_per_s", {}, True),
    ("ingest full, s", "full_seconds", {}, False),
    ("ingest full, CPU s (user+sys)", "full_cpu_seconds", {}, False),
    ("ingest full, peak RSS MB", "full_peak_rss_mb", {}, False),
    ("re-run, no change, s", "nochange_seconds", {}, False),
    ("re-run, 1% changed, s", "changed1_seconds", {}, False),
    ("re-run, 1% changed, peak RSS MB", "changed1_peak_rss_mb", {}, False),
    ("database after full, MB", "db_bytes", {}, False),
    ("database after updates, MB", "db_bytes_after_updates", {}, False),
    ("documents indexed", "docs", {}, True),
    ("found by name, UTF-8 pages", "found_by_name_UTF-8", {}, True),
    ("found by name, Shift_JIS pages", "found_by_name_Shift_JIS", {}, True),
    ("found by name, EUC-JP pages", "found_by_name_EUC-JP", {}, True),
    ("search p50 ms, process/query", "search_p50_ms", {"recoll": "recollq"}, False),
    ("search p95 ms, process/query", "search_p95_ms", {"recoll": "recollq"}, False),
    # omindex's column: its database searched through Xapian in one process (bench/xapian_query.cpp)
    ("search p50 ms, in-process", "search_inproc_p50_ms", {"omindex": "xapian"}, False),
    ("search p95 ms, in-process", "search_inproc_p95_ms", {"omindex": "xapian"}, False),
    ("crawl loopback, pages/s", "crawl_pages_per_s", {}, True),
    ("crawl loopback, s", "crawl_seconds", {}, False),
    ("crawl CPU s (user+sys)", "crawl_cpu_seconds", {}, False),
    ("crawl loopback, pages", "crawl_pages", {}, True),
    ("crawl peak RSS MB", "crawl_peak_rss_mb", {}, False),
]
ALIASES = {("wget", "crawl_pages_per_s"): "pages_per_s", ("wget2", "crawl_pages_per_s"): "pages_per_s",
           ("wget", "crawl_pages"): "pages", ("wget2", "crawl_pages"): "pages"}


def load(path):
    res = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            tool, metric, value = parts[:3]
            unit = parts[3] if len(parts) > 3 else ""
            if unit == "bytes":
                try:
                    value = f"{int(value) / 1e6:.1f}"
                except ValueError:
                    pass
            res[(tool, metric)] = value
    return res


def num(v):
    try:
        if "/" in v:
            a, b = v.split("/")
            return float(a) / float(b) if float(b) else None
        return float(v)
    except (ValueError, AttributeError):
        return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    res = load(sys.argv[1])
    md = "--markdown" in sys.argv
    header = ["metric"] + COLS + ["ratio (senrei ÷ peer)"]
    rows = []
    for label, metric, over, _ in ROWS:
        cells = []
        for c in COLS:
            tool = over.get(c, c)
            cells.append(res.get((tool, ALIASES.get((tool, metric), metric)), ""))
        if not any(cells):
            continue
        s = num(cells[0])
        ratios = []
        for c, v in zip(COLS[1:], cells[1:]):
            p = num(v)
            if s is not None and p:
                ratios.append(f"{over.get(c, c)} {s / p:.2f}")
        rows.append([label] + [x or "–" for x in cells] + ["; ".join(ratios) or "–"])
    notes = [f"{t} {m}: {res[(t, m)]}" for t, m in sorted(res) if m in ("skipped",)]
    if md:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        w = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
        print("  ".join(h.ljust(w[i]) for i, h in enumerate(header)))
        print("  ".join("-" * w[i] for i in range(len(header))))
        for r in rows:
            print("  ".join(str(x).ljust(w[i]) if i == 0 else str(x).rjust(w[i]) for i, x in enumerate(r)))
    corpus = {m: res.get(("corpus", m)) for m in ("pages", "files", "bytes")}
    print(f"\ncorpus: {corpus['pages']} content pages, {corpus['files']} files, {corpus['bytes']} MB; "
          f"machine: {res.get(('machine', 'nproc'), '?')} CPUs, load before run {res.get(('machine', 'loadavg'), '?')}")
    for n in notes:
        print("note: " + n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
