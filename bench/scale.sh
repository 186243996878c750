#!/usr/bin/env bash
# bench/scale.sh — senrei at 200,000 pages (`make bench-scale`): bounded memory and search latency.
#
#   bench/scale.sh [--pages N] [--seed S]
#
# 1. generates the corpus (bench/gen_corpus.py, ~3.4 GB for 200,000 pages; reused when present),
# 2. ingests it into an empty workspace (`senrei crawl --mirror`), recording wall time, CPU and
#    peak RSS (/usr/bin/time), then a re-run with nothing changed,
# 3. measures search latency for the 20 fixed queries: one process per query and in-process
#    (`search --queries`), p50 and p95,
# 4. prints the rows and checks them against the issue's bounds (peak RSS under 1 GiB, search
#    p95 under 50 ms); exit 1 when a bound is not met.
#
# No peers: this is senrei alone against fixed bounds (the ratios are `make bench`).
# Environment: BENCH_CORPUS (build/bench/corpus-<pages>), BENCH_WORK (build/bench/work-<pages>),
# SENREI_BIN (build/senrei), BENCH_REPS (5), BENCH_STEP_TIMEOUT (7200 s).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
PAGES=200000
SEED=1
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "scale.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
CORPUS=${BENCH_CORPUS:-$top/build/bench/corpus-$PAGES}
WORK=${BENCH_WORK:-$top/build/bench/work-$PAGES}
SENREI=${SENREI_BIN:-$top/build/senrei}
REPS=${BENCH_REPS:-5}
T=${BENCH_STEP_TIMEOUT:-7200}
results="$WORK/results.tsv"
site="$CORPUS/renkei-support.mhlw.go.jp"
BENCH_WHO=scale
# shellcheck source=bench/common.sh
. "$here/common.sh"  # log, row, measure

[ -x "$SENREI" ] || { echo "scale.sh: no senrei at $SENREI (make build)" >&2; exit 2; }
mkdir -p "$WORK"
: > "$results"
row machine nproc "$(nproc)" cpus
row machine loadavg "$(cut -d' ' -f1 /proc/loadavg)" load
log "corpus: $PAGES pages in $CORPUS"
python3 "$here/gen_corpus.py" --out "$CORPUS" --pages "$PAGES" --seed "$SEED" --if-missing >&2 || exit 1
files=$(find "$site" -name index.html | wc -l)
row corpus files "$files" files
row corpus bytes "$(du -sb "$CORPUS" | cut -f1)" bytes

data="$WORK/senrei/data"
rm -rf "$data"
mkdir -p "$WORK/senrei"
crawl=("$SENREI" --data "$data" crawl renkei-navi --mirror "$site" --max-pages 100000000 --json)
log "ingest (the full corpus into an empty workspace)"
measure full "$WORK/senrei/full.log" -- "${crawl[@]}" || exit 1
row senrei full_docs_per_s "$(awk -v n="$files" -v s="$secs" 'BEGIN{printf "%.1f", n/s}')" docs/s
row senrei db_bytes "$(du -sb "$data" | cut -f1)" bytes
measure nochange "$WORK/senrei/nochange.log" -- "${crawl[@]}"

log "search latency: 20 queries x $REPS, one process each, then in one process"
python3 "$here/latency.py" --tool senrei --queries "$here/queries-senrei.txt" --reps "$REPS" --tsv "$results" \
  --hits '"(?:total)"\s*:\s*(\d+)' --timeout 60 -- "$SENREI" --data "$data" search --json -n 10 {q} >&2
python3 "$here/latency.py" --tool senrei --metric search_inproc --batch --queries "$here/queries-senrei.txt" \
  --reps "$REPS" --tsv "$results" --timeout 600 -- "$SENREI" --data "$data" search --json -n 10 --queries {file} >&2

echo
column -t -s $'\t' "$results"
python3 - "$results" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    tool, metric, value, unit = line.rstrip("\n").split("\t")
    rows[(tool, metric)] = value
bounds = [("full_peak_rss_mb", 1024, "ingest peak RSS (MB)"),
          ("nochange_peak_rss_mb", 1024, "no-change re-run peak RSS (MB)"),
          ("search_p95_ms", 50, "search p95, one process per query (ms)"),
          ("search_inproc_p95_ms", 50, "search p95, in-process (ms)")]
failed = False
print()
for metric, bound, label in bounds:
    v = rows.get(("senrei", metric))
    if v is None:
        print(f"{label}: not measured"); failed = True; continue
    ok = float(v) < bound
    failed |= not ok
    print(f"{label}: {v} (bound {bound}) {'ok' if ok else 'NOT MET'}")
sys.exit(1 if failed else 0)
EOF
