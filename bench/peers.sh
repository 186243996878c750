#!/usr/bin/env bash
# bench/peers.sh — measure the peer tools on a generated corpus (bench/gen_corpus.py).
#
#   bench/peers.sh CORPUS_DIR WORK_DIR [STEP...]
#
# CORPUS_DIR holds renkei-support.mhlw.go.jp/ and .gen-stamp (gen_corpus.py --out).  STEPs, in
# this order by default: omindex recoll quest crawl.  Appends rows "tool<TAB>metric<TAB>value<TAB>
# unit" to WORK_DIR/results.tsv; logs go to WORK_DIR/<tool>/.  Every command runs under
# `timeout` (BENCH_STEP_TIMEOUT seconds, default 3600) and /usr/bin/time -v (peak RSS).
#
# Indexing is measured three times per indexer, each from a fresh database: full, a re-run
# with nothing changed, and a re-run after gen_corpus.py --mutate BENCH_MUTATE (1 %) rewrote
# pages; the corpus is restored to its pristine state afterwards (the rewrite is deterministic).
#
# Environment: BENCH_STEP_TIMEOUT, BENCH_REPS (query repetitions, default 5), BENCH_MUTATE (%),
# BENCH_WGET2_THREADS (default 2 × nproc), BENCH_CHECK_PAGES (case pages per charset checked
# for decoding, default 10).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
corpus=$(realpath "${1:?usage: peers.sh CORPUS_DIR WORK_DIR [omindex|recoll|quest|crawl]...}")
work=$(realpath -m "${2:?usage: peers.sh CORPUS_DIR WORK_DIR [STEP...]}")
shift 2
steps=("$@"); [ ${#steps[@]} -eq 0 ] && steps=(omindex recoll quest crawl)
site="$corpus/renkei-support.mhlw.go.jp"
[ -d "$site" ] && [ -f "$corpus/.gen-stamp" ] || { echo "peers.sh: $corpus is not a gen_corpus.py output" >&2; exit 2; }

T=${BENCH_STEP_TIMEOUT:-3600}
REPS=${BENCH_REPS:-5}
MUTATE=${BENCH_MUTATE:-1}
THREADS=${BENCH_WGET2_THREADS:-$(( 2 * $(nproc) ))}
CHECK=${BENCH_CHECK_PAGES:-10}
results="$work/results.tsv"
mkdir -p "$work"
stamp_get() { python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ''))" "$corpus/.gen-stamp" "$1"; }
PAGES=$(stamp_get pages); SEED=$(stamp_get seed)
FILES=$(find "$site" -name index.html | wc -l)

log() { printf '[%(%H:%M:%S)T] peers: %s\n' -1 "$*" >&2; }
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$results"; }
need() { command -v "$1" >/dev/null || { log "$1 is not installed (scripts/setup bench); skipping $2"; return 1; }; }

# measure TOOL RUN LOG -- CMD...: wall seconds, peak RSS; sets $secs, $rss_kb, $rc.
measure() {
  local tool=$1 run=$2 logf=$3; shift 4
  local tv="$logf.time" t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$tv" timeout "$T" "$@" >"$logf" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b - a}')
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tv" 2>/dev/null)
  # /usr/bin/time reports the status of `timeout`; 124 means the step hit BENCH_STEP_TIMEOUT.
  [ "$rc" -eq 124 ] && log "$tool $run: TIMED OUT after ${T}s"
  [ "$rc" -ne 0 ] && log "$tool $run: exit $rc (see $logf)"
  row "$tool" "${run}_seconds" "$(printf '%.2f' "$secs")" s
  row "$tool" "${run}_peak_rss_mb" "$(awk -v k="${rss_kb:-0}" 'BEGIN{printf "%.1f", k/1024}')" MB
  row "$tool" "${run}_exit" "$rc" code
  log "$tool $run: $(printf '%.1f' "$secs") s, peak RSS $(( ${rss_kb:-0} / 1024 )) MB, exit $rc"
}

mutate()  { python3 "$here/gen_corpus.py" --out "$corpus" --pages "$PAGES" --seed "$SEED" --mutate "$MUTATE" --variant 1 >&2; }
restore() {
  local v; v=$(stamp_get variant)
  if [ -n "$v" ] && [ "$v" != 0 ]; then
    python3 "$here/gen_corpus.py" --out "$corpus" --pages "$PAGES" --seed "$SEED" \
      --mutate "$(stamp_get mutated_percent)" --variant 0 >&2
  fi
}
dbsize() { row "$1" "$3" "$(du -sb "$2" | cut -f1)" bytes; log "$1: $3 $(du -sh "$2" | cut -f1)"; }

# Three runs of an indexer; $1 = tool, $2 = fresh-db command (a function), $3 = update command,
# $4 = the database directory (its size is taken after the full run and after the updates).
index_three() {
  local tool=$1 full=$2 update=$3 db=$4
  restore
  $full; measure "$tool" full "$work/$tool/full.log" -- "${cmd[@]}"
  row "$tool" full_docs_per_s "$(awk -v n="$FILES" -v s="$secs" 'BEGIN{printf "%.1f", n/s}')" docs/s
  dbsize "$tool" "$db" db_bytes
  $update; measure "$tool" nochange "$work/$tool/nochange.log" -- "${cmd[@]}"
  mutate
  $update; measure "$tool" changed1 "$work/$tool/changed1.log" -- "${cmd[@]}"
  restore
  dbsize "$tool" "$db" db_bytes_after_updates
}

# The decoding check: do the exact names of CHECK case pages in each charset find their page?
# fn_found PATH NAME must print 1 if PATH is among the hits for NAME.
charset_check() {
  local tool=$1 fn=$2 cs ok n path name
  for cs in UTF-8 Shift_JIS EUC-JP; do
    ok=0; n=0
    while IFS=$'\t' read -r path name; do
      n=$((n + 1))
      [ "$($fn "$path" "$name")" = 1 ] && ok=$((ok + 1))
    done < <(python3 "$here/gen_corpus.py" --pages "$PAGES" --seed "$SEED" --list-cases "$cs" --limit "$CHECK")
    [ "$n" -gt 0 ] && row "$tool" "found_by_name_${cs}" "$ok/$n" pages && log "$tool: $cs pages found by their network name: $ok/$n"
  done
}

# ---- omindex (Xapian Omega): XAPIAN_CJK_NGRAM=1 is its only way to index Japanese --------------
om_db="$work/omindex/db"
om_fresh()  { rm -rf "$om_db"; om_update; }
om_update() { cmd=(env XAPIAN_CJK_NGRAM=1 omindex --db "$om_db" --url / "$site"); }
om_found()  {
  local out; out=$(XAPIAN_CJK_NGRAM=1 timeout 60 quest -d "$om_db" -o and -m 100 "\"$2\"" 2>/dev/null)
  grep -qxF "url=${1}index.html" <<<"$out" && echo 1 || echo 0
}
run_omindex() {
  need omindex omindex || return 0
  mkdir -p "$work/omindex"
  log "omindex: $FILES files ($PAGES content pages)"
  index_three omindex om_fresh om_update "$om_db"
  row omindex docs "$(xapian-delve "$om_db" 2>/dev/null | sed -n 's/^number of documents = //p')" docs
  charset_check omindex om_found
}

# ---- recollindex: its own CJK bigrams; charset from <meta> ---------------------------------------
rc_conf="$work/recoll/conf"
rc_fresh()  { rm -rf "$work/recoll/xapiandb"; rc_update; }
rc_update() { cmd=(recollindex -c "$rc_conf"); }
rc_found()  {
  local out; out=$(timeout 60 recollq -c "$rc_conf" -n 0-100 "\"$2\"" 2>/dev/null)
  grep -qF "[file://$site${1}index.html]" <<<"$out" && echo 1 || echo 0
}
run_recoll() {
  need recollindex recoll || return 0
  mkdir -p "$rc_conf"
  # Defaults otherwise (stemming, CJK bigrams); aspell is not installed, so no spelling data.
  cat > "$rc_conf/recoll.conf" <<EOF
topdirs = $site
dbdir = $work/recoll/xapiandb
logfilename = $work/recoll/recollindex.log
loglevel = 2
noaspell = 1
EOF
  log "recoll: $FILES files"
  index_three recoll rc_fresh rc_update "$work/recoll/xapiandb"
  charset_check recoll rc_found
}

# ---- quest on omindex's database: one process per query ------------------------------------------
run_quest() {
  need quest quest || return 0
  [ -d "$om_db" ] || { log "quest: no omindex database at $om_db (run the omindex step first)"; return 0; }
  XAPIAN_CJK_NGRAM=1 python3 "$here/latency.py" --tool quest --queries "$here/queries.txt" \
    --reps "$REPS" --tsv "$results" --detail "$work/omindex/queries.tsv" \
    --hits '(?:Exactly|best estimate is) (\d+)' --timeout 60 -- quest -d "$om_db" -o and -m 10 {q} >&2
  # In-process: omindex's database searched through Xapian directly, as quest parses (one process
  # for all queries; bench/xapian_query.cpp), beside `senrei search --queries`.
  if g++ -O2 -o "$work/xapian_query" "$here/xapian_query.cpp" $(pkg-config --cflags --libs xapian-core) 2>"$work/xapian_query.build.log"; then
    python3 "$here/latency.py" --tool xapian --metric search_inproc --batch --queries "$here/queries.txt" \
      --reps "$REPS" --tsv "$results" --timeout 600 -- "$work/xapian_query" "$om_db" {file} >&2
  else
    log "xapian_query did not build (see $work/xapian_query.build.log): in-process peer latency not measured"
  fi
  if command -v recollq >/dev/null && [ -d "$work/recoll/xapiandb" ]; then
    python3 "$here/latency.py" --tool recollq --queries "$here/queries.txt" --reps "$REPS" \
      --tsv "$results" --detail "$work/recoll/queries.tsv" --hits '^(\d+) results' --timeout 60 \
      -- recollq -c "$rc_conf" -n 0-10 {q} >&2
  fi
}

# ---- crawl: nginx on loopback serving the mirror; wget and wget2 fetch it all ------------------
nginx_pid=
stop_nginx() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null; nginx_pid=; }
run_crawl() {
  need nginx nginx || return 0
  local nx="$work/nginx" port
  mkdir -p "$nx/tmp" "$nx/logs"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$nx/nginx.conf" <<EOF
worker_processes auto;
pid $nx/nginx.pid;
error_log $nx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $nx/tmp/body;
  proxy_temp_path $nx/tmp/proxy;
  fastcgi_temp_path $nx/tmp/fastcgi;
  uwsgi_temp_path $nx/tmp/uwsgi;
  scgi_temp_path $nx/tmp/scgi;
  types { text/html html; }
  default_type application/octet-stream;
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
    root $site;
    index index.html;
  }
}
EOF
  nginx -p "$nx" -c "$nx/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  trap stop_nginx EXIT
  local i
  for i in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
    python3 -c 'import urllib.request,sys; urllib.request.urlopen(sys.argv[1])' "http://127.0.0.1:$port/" 2>/dev/null && break
    sleep 0.1; done
  log "nginx on 127.0.0.1:$port (pid $nginx_pid) serving $site"
  row nginx files "$FILES" files

  if need wget wget; then
    rm -rf "$work/wget/out"; mkdir -p "$work/wget"
    measure wget crawl "$work/wget/crawl.log" -- wget -r -l inf -np -nv -P "$work/wget/out" "http://127.0.0.1:$port/"
    local n; n=$(find "$work/wget/out" -name index.html | wc -l)
    row wget pages "$n" pages
    row wget pages_per_s "$(awk -v n="$n" -v s="$secs" 'BEGIN{printf "%.1f", n/s}')" pages/s
    log "wget: $n pages"
  fi
  if need wget2 wget2; then
    rm -rf "$work/wget2/out"; mkdir -p "$work/wget2"
    measure wget2 crawl "$work/wget2/crawl.log" -- wget2 -r -l 0 -np -nv --max-threads="$THREADS" \
      -P "$work/wget2/out" "http://127.0.0.1:$port/"
    local n; n=$(find "$work/wget2/out" -name index.html | wc -l)
    row wget2 pages "$n" pages
    row wget2 threads "$THREADS" threads
    row wget2 pages_per_s "$(awk -v n="$n" -v s="$secs" 'BEGIN{printf "%.1f", n/s}')" pages/s
    log "wget2: $n pages"
  fi
  stop_nginx
  trap - EXIT
}

row corpus pages "$PAGES" pages
row corpus files "$FILES" files
row corpus bytes "$(stamp_get bytes)" bytes
for s in "${steps[@]}"; do
  case "$s" in
    omindex) run_omindex ;;
    recoll) run_recoll ;;
    quest) run_quest ;;
    crawl) run_crawl ;;
    *) log "unknown step '$s' (omindex, recoll, quest, crawl)"; exit 2 ;;
  esac
done
restore
