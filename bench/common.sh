# bench/common.sh — sourced by bench/run.sh and bench/scale.sh (not run on its own).
# Needs $results (the TSV), $T (a step's time limit in seconds) and $BENCH_WHO (the log prefix).

log() { printf '[%(%H:%M:%S)T] %s: %s\n' -1 "$BENCH_WHO" "$*" >&2; }
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$results"; }

# measure RUN LOG -- CMD...: runs a senrei step under /usr/bin/time and `timeout $T`, records its
# wall and CPU seconds, peak RSS and exit status as senrei rows, and sets $secs and $rc.  On
# failure it shows the log's last lines; returns the step's status.
measure() {
  local run=$1 logf=$2; shift 3
  local t0 t1 kb
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$logf.time" timeout "$T" "$@" >"$logf" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b - a}')
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$logf.time")
  row senrei "${run}_seconds" "$(printf '%.2f' "$secs")" s
  row senrei "${run}_cpu_seconds" "$(awk -F': ' '/User time|System time/ {t += $2} END {printf "%.2f", t}' "$logf.time")" s
  row senrei "${run}_peak_rss_mb" "$(awk -v k="${kb:-0}" 'BEGIN{printf "%.1f", k/1024}')" MB
  row senrei "${run}_exit" "$rc" code
  log "senrei $run: $(printf '%.1f' "$secs") s, peak RSS $(( ${kb:-0} / 1024 )) MB, exit $rc"
  [ "$rc" -eq 0 ] || { log "senrei $run failed (exit $rc); last lines of $logf:"; tail -5 "$logf" >&2; }
  return "$rc"
}
