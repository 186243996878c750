#!/usr/bin/env python3
"""Search latency, one process per query: run COMMAND once per query line × --reps, p50/p95.

    latency.py --tool quest --queries bench/queries.txt --reps 5 --tsv results.tsv \\
               -- quest -d DB -o and {q}

{q} in COMMAND is replaced by the query line, passed as one argument (no shell).  Each run is
timed with time.perf_counter() around fork+exec+wait, so the figure is what a person typing the
command sees.  The first pass over the queries is a warm-up (page cache, dynamic loader) and is
not counted.  With --hits REGEX, the first group of REGEX in a run's output is recorded as the
hit count of that query (a sanity check that the queries have answers).

Appends TSV rows (tool, metric, value, unit) to --tsv and writes each query's median and hits
to --detail.

With --batch, COMMAND holds {file} instead of {q}: one process answers every query of the file
and prints JSON (one object per line, or an array) whose objects carry the time that query took
inside the process as elapsed_ms (or took_ms, time_ms).  That is the in-process latency.
"""
import argparse
import json
import re
import statistics
import subprocess
import sys
import time


def pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def elapsed_values(text):
    objs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        objs += o if isinstance(o, list) else [o]
    out = []
    for o in objs:
        if isinstance(o, dict):
            for k in ("elapsed_ms", "took_ms", "time_ms"):
                if isinstance(o.get(k), (int, float)):
                    out.append(float(o[k]))
                    break
    return out


def batch(a, cmd):
    samples = []
    for rep in range(a.reps + 1):
        argv = [x.replace("{file}", a.queries) for x in cmd]
        try:
            r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=a.timeout)
        except subprocess.TimeoutExpired:
            print(f"latency.py: {a.tool}: {argv!r} timed out", file=sys.stderr)
            return 2
        if r.returncode != 0:
            print(f"latency.py: {a.tool}: {argv!r} exited {r.returncode}: {r.stderr.decode('utf-8', 'replace')[:300]}", file=sys.stderr)
            return 2
        vals = elapsed_values(r.stdout.decode("utf-8", "replace"))
        if not vals:
            print(f"latency.py: {a.tool}: no elapsed_ms in the output of {argv!r}", file=sys.stderr)
            return 2
        if rep:
            samples += vals
    p50, p95 = pct(samples, 50), pct(samples, 95)
    with open(a.tsv, "a", encoding="utf-8") as f:
        f.write(f"{a.tool}\t{a.metric}_p50_ms\t{p50:.3f}\tms\n{a.tool}\t{a.metric}_p95_ms\t{p95:.3f}\tms\n")
    print(f"{a.tool}: {a.metric} p50 {p50:.2f} ms, p95 {p95:.2f} ms over {len(samples)} queries")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--detail")
    ap.add_argument("--hits", help="regex whose group 1 is the hit count in the output")
    ap.add_argument("--metric", default="search", help="metric name prefix (search → search_p50_ms …)")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--batch", action="store_true", help="in-process: COMMAND reads {file} and reports elapsed_ms")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    queries = [l.rstrip("\n") for l in open(a.queries, encoding="utf-8") if l.strip()]
    if a.batch:
        return batch(a, cmd)
    hits_re = re.compile(a.hits) if a.hits else None
    samples, per_query, hits, failures = [], {q: [] for q in queries}, {}, 0
    for rep in range(a.reps + 1):
        for q in queries:
            argv = [q if x == "{q}" else x.replace("{q}", q) for x in cmd]
            t0 = time.perf_counter()
            try:
                r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=a.timeout)
                rc = r.returncode
            except subprocess.TimeoutExpired:
                rc, r = -1, None
            dt = (time.perf_counter() - t0) * 1000
            if rc != 0:
                failures += 1
                if failures == 1:
                    err = r.stderr.decode("utf-8", "replace").strip()[:300] if r else "timeout"
                    print(f"latency.py: {a.tool}: {argv!r} exited {rc}: {err}", file=sys.stderr)
            if rep == 0:
                if hits_re and r is not None:
                    m = hits_re.search(r.stdout.decode("utf-8", "replace"))
                    hits[q] = m.group(1) if m else "?"
                continue
            samples.append(dt)
            per_query[q].append(dt)
    if not samples:
        return 1
    p50, p95 = pct(samples, 50), pct(samples, 95)
    with open(a.tsv, "a", encoding="utf-8") as f:
        f.write(f"{a.tool}\t{a.metric}_p50_ms\t{p50:.2f}\tms\n")
        f.write(f"{a.tool}\t{a.metric}_p95_ms\t{p95:.2f}\tms\n")
        f.write(f"{a.tool}\t{a.metric}_runs\t{len(samples)}\tcount\n")
        f.write(f"{a.tool}\t{a.metric}_failures\t{failures}\tcount\n")
    if a.detail:
        with open(a.detail, "w", encoding="utf-8") as f:
            f.write("query\tmedian_ms\thits\n")
            for q in queries:
                f.write(f"{q}\t{statistics.median(per_query[q]):.2f}\t{hits.get(q, '')}\n")
    print(f"{a.tool}: {a.metric} p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(samples)} runs"
          f"{f', {failures} failed' if failures else ''}")
    return 0 if failures == 0 else 2


if __name__ == "__main__":
    sys.exit(main())
