#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...] — run each libFuzzer target for SECONDS from
# its committed seeds (tests/fuzz/corpus/<name>/), at the lowest CPU priority, one at a time.
# New inputs go to BUILD_DIR/fuzz-corpus/<name>/ (the committed seeds stay small); a crash is
# saved under BUILD_DIR/fuzz-artifacts/<name>/ and makes the script fail.  Prints executions
# per target.
set -uo pipefail
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$here"/fuzz_*.cpp; do
    t=$(basename "$f" .cpp); t=${t#fuzz_}
    [ "$t" = support ] || targets+=("$t")
  done
fi
# Seeds kept elsewhere in the tree (not copied into corpus/, see corpus/README).
declare -A more_seeds=(
  [html]="$root/corpus/sample $root/tests/data/extract/html"
  [pdf]="$root/tests/data/extract/pdf $root/tests/data/third_party/mhlw-table-pdfs"
  [xlsx]="$root/tests/data/extract/xlsx"
  [charset]="$root/tests/data/extract/charset"
  [site]="$root/sources $root/docs/examples"
)

# The suppressions of make check-asan (third-party leaks only: fontconfig's cache through poppler,
# which the html and pdf targets reach); without them libFuzzer stops on that leak at exit.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0}

failed=()
printf '%-10s %8s %12s %10s %8s  %s\n' target seconds executions exec/s corpus result > "$build/fuzz-summary.txt"
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/fuzz_$t"
  if [ ! -x "$bin" ]; then
    echo "fuzz: no target $bin (build it with: make fuzz)" >&2
    exit 2
  fi
  work="$build/fuzz-corpus/$t"
  art="$build/fuzz-artifacts/$t"
  mkdir -p "$work" "$art"
  log="$build/fuzz-$t.log"
  echo "fuzz: $t for ${seconds}s (log $log)"
  seeds=()
  [ -d "$here/corpus/$t" ] && seeds+=("$here/corpus/$t")
  for d in ${more_seeds[$t]:-}; do seeds+=("$d"); done
  # shellcheck disable=SC2086
  nice -n 19 "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=25 -rss_limit_mb=2560 \
    -artifact_prefix="$art/" "$work" "${seeds[@]}" > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  files=$(find "$work" -type f | wc -l)
  result=ok
  if [ $rc -ne 0 ]; then
    result="FAILED (exit $rc; see $log and $art/)"
    failed+=("$t")
  fi
  printf '%-10s %8s %12s %10s %8s  %s\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" "$files" "$result" \
    >> "$build/fuzz-summary.txt"
done
cat "$build/fuzz-summary.txt"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]} — turn each into a regression test in the normal suite" >&2
  exit 1
fi
