#!/usr/bin/env bash
# bench/run.sh — the whole benchmark in one command (`make bench` calls it).
#
#   bench/run.sh [--pages N] [--seed S] [--peers-only | --senrei-only | --table-only]
#
# 1. generates the corpus (bench/gen_corpus.py; reused when the same --pages/--seed is there),
# 2. measures the peers (bench/peers.sh: omindex, recollindex, quest, recollq, wget, wget2),
# 3. measures senrei the same way, if build/senrei exists and has the commands (else skips),
# 4. prints the table with ratios senrei ÷ peer, all from this run's results.tsv.
#
# Environment: BENCH_PAGES (20000), BENCH_SEED (1), BENCH_CORPUS (build/bench/corpus),
# BENCH_WORK (build/bench/work-<pages>), SENREI_BIN (build/senrei), SENREI_BENCH_SOURCE
# (renkei-navi), BENCH_PEERS (peers.sh's steps, e.g. "omindex quest"; default all), and
# peers.sh's BENCH_STEP_TIMEOUT, BENCH_REPS, BENCH_MUTATE, BENCH_WGET2_THREADS.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
PAGES=${BENCH_PAGES:-20000}
SEED=${BENCH_SEED:-1}
mode=all
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --peers-only) mode=peers; shift ;;
    --senrei-only) mode=senrei; shift ;;
    --table-only) mode=table; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
CORPUS=${BENCH_CORPUS:-$top/build/bench/corpus}
WORK=${BENCH_WORK:-$top/build/bench/work-$PAGES}
SENREI=${SENREI_BIN:-$top/build/senrei}
SOURCE=${SENREI_BENCH_SOURCE:-renkei-navi}
T=${BENCH_STEP_TIMEOUT:-3600}
REPS=${BENCH_REPS:-5}
MUTATE=${BENCH_MUTATE:-1}
results="$WORK/results.tsv"
site="$CORPUS/renkei-support.mhlw.go.jp"

BENCH_WHO=bench
# shellcheck source=bench/common.sh
. "$here/common.sh"  # log, row, measure

if [ "$mode" = table ]; then
  exec python3 "$here/table.py" "$results"
fi

mkdir -p "$WORK"
python3 "$here/gen_corpus.py" --out "$CORPUS" --pages "$PAGES" --seed "$SEED" --if-missing >&2 || exit 1
stamp() { python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ''))" "$CORPUS/.gen-stamp" "$1"; }
# A fresh results file per run, so every ratio comes from one run on one machine state.
if [ "$mode" = all ] || [ "$mode" = peers ]; then
  : > "$results"
  row machine nproc "$(nproc)" cpus
  row machine loadavg "$(cut -d' ' -f1 /proc/loadavg)" load
  row machine cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1 | tr '\t' ' ')" text
  log "peers on $PAGES pages ($CORPUS), results in $results"
  # shellcheck disable=SC2086  # BENCH_PEERS: a space-separated list of peers.sh steps
  "$here/peers.sh" "$CORPUS" "$WORK" ${BENCH_PEERS:-}
else
  # --senrei-only: keep the peers' rows, replace senrei's.
  [ -f "$results" ] && sed -i '/^senrei\t/d' "$results"
fi

# ---- senrei: the same three ingests, search latency, loopback crawl -----------------------------
senrei_skip() { log "senrei: skipped — $*"; row senrei skipped "$*" text; }

run_senrei() {
  [ -x "$SENREI" ] || { senrei_skip "no executable at $SENREI (make build)"; return 0; }
  local help; help=$("$SENREI" crawl --help 2>&1; "$SENREI" search --help 2>&1)
  grep -q -- '--mirror' <<<"$help" || { senrei_skip "'senrei crawl' has no --mirror yet"; return 0; }
  grep -q -- '--json' <<<"$help" || { senrei_skip "'senrei search' has no --json yet"; return 0; }
  "$SENREI" sources 2>/dev/null | grep -qw -- "$SOURCE" \
    || { senrei_skip "source plugin '$SOURCE' not found (senrei sources)"; return 0; }
  local w="$WORK/senrei" data="$WORK/senrei/data"
  mkdir -p "$w"
  local gen=(python3 "$here/gen_corpus.py" --out "$CORPUS" --pages "$PAGES" --seed "$SEED")
  local files; files=$(find "$site" -name index.html | wc -l)
  if [ "$(stamp variant)" != 0 ]; then "${gen[@]}" --mutate "$(stamp mutated_percent)" --variant 0 >&2; fi

  rm -rf "$data"
  # --max-pages: the renkei-navi plugin stops at 5,000 pages of the real site; the bench has more.
  local crawl=("$SENREI" --data "$data" crawl "$SOURCE" --mirror "$site" --max-pages 100000000 --json)
  if measure full "$w/full.log" -- "${crawl[@]}"; then
    row senrei full_docs_per_s "$(awk -v n="$files" -v s="$secs" 'BEGIN{printf "%.1f", n/s}')" docs/s
    row senrei db_bytes "$(du -sb "$data" | cut -f1)" bytes
    "$SENREI" --data "$data" stats --json > "$w/stats.json" 2>/dev/null &&
      row senrei docs "$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
def find(o):
    if isinstance(o, dict):
        for k in ("documents", "records", "doccount", "index_documents"):
            if isinstance(o.get(k), int): return o[k]
        for v in o.values():
            r = find(v)
            if r is not None: return r
print(find(d) or "")' "$w/stats.json")" docs
    measure nochange "$w/nochange.log" -- "${crawl[@]}"
    "${gen[@]}" --mutate "$MUTATE" --variant 1 >&2
    measure changed1 "$w/changed1.log" -- "${crawl[@]}"
    "${gen[@]}" --mutate "$MUTATE" --variant 0 >&2
    row senrei db_bytes_after_updates "$(du -sb "$data" | cut -f1)" bytes

    # Decoding check, as for the peers: a case page's exact name must find that page.
    local cs ok n path name out
    for cs in UTF-8 Shift_JIS EUC-JP; do
      ok=0; n=0
      while IFS=$'\t' read -r path name; do
        n=$((n + 1))
        # (grep on the stream: bash's ${out//…} on megabytes of JSON takes minutes)
        timeout 60 "$SENREI" --data "$data" search --json -n 100 "\"$name\"" 2>/dev/null |
          grep -E "\"url\": ?\"http://renkei-support\.mhlw\.go\.jp${path//./\\.}\"" >/dev/null && ok=$((ok + 1))
      done < <("${gen[@]}" --list-cases "$cs" --limit "${BENCH_CHECK_PAGES:-10}")
      [ "$n" -gt 0 ] && row senrei "found_by_name_$cs" "$ok/$n" pages
    done

    python3 "$here/latency.py" --tool senrei --queries "$here/queries-senrei.txt" --reps "$REPS" \
      --tsv "$results" --detail "$w/queries.tsv" --hits '"(?:total|estimated_matches|matches)"\s*:\s*(\d+)' \
      --timeout 60 -- "$SENREI" --data "$data" search --json -n 10 {q} >&2
    if grep -q -- '--queries' <<<"$help"; then
      # In-process latency: one process answers every query and reports each one's elapsed_ms.
      python3 "$here/latency.py" --tool senrei --metric search_inproc --batch --queries "$here/queries-senrei.txt" \
        --reps "$REPS" --tsv "$results" --timeout 600 \
        -- "$SENREI" --data "$data" search --json -n 10 --queries {file} >&2
    else
      log "senrei: in-process search latency needs 'senrei search --queries FILE --json' with elapsed_ms per query; not measured"
    fi
  fi

  # Loopback crawl: the same nginx setup as the peers, senrei fetching over HTTP.
  if grep -q -- '--base-url' <<<"$help" && command -v nginx >/dev/null; then
    local nx="$WORK/nginx" port pid
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    [ -f "$nx/nginx.conf" ] || { log "senrei crawl: run the peers first (they write $nx/nginx.conf)"; return 0; }
    sed "s/listen 127.0.0.1:[0-9]*;/listen 127.0.0.1:$port;/" "$nx/nginx.conf" > "$nx/nginx-senrei.conf"
    nginx -p "$nx" -c "$nx/nginx-senrei.conf" -g 'daemon off;' & pid=$!
    sleep 0.5
    rm -rf "$w/crawl-data"
    # Delays off, one connection (as wget); robots.txt is fetched (a 404 here), politeness kept.
    measure crawl "$w/crawl.log" -- "$SENREI" --data "$w/crawl-data" crawl "$SOURCE" \
      --base-url "http://127.0.0.1:$port/" --allow-private --delay 0 --max-pages 100000000 --json
    # The summary is {"schema": 1, "runs": [{"fetched": N, ...}]} (docs/crawl.md); stderr notes may precede it.
    local got; got=$(python3 -c 'import json,sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
start = text.find("{")
try: d = json.JSONDecoder().raw_decode(text[start:])[0] if start >= 0 else {}
except ValueError: d = {}
runs = d.get("runs") or [{}]
print(runs[0].get("fetched", ""))' "$w/crawl.log")
    if [ -n "$got" ]; then
      row senrei crawl_pages "$got" pages
      row senrei crawl_pages_per_s "$(awk -v n="$got" -v s="$secs" 'BEGIN{printf "%.1f", n/s}')" pages/s
    fi
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  fi
}

if [ "$mode" = all ] || [ "$mode" = senrei ]; then
  [ -f "$results" ] || : > "$results"
  run_senrei
fi
echo
python3 "$here/table.py" "$results"
