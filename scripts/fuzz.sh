#!/usr/bin/env bash
# Long fuzzing runs: every libFuzzer target (or the ones named), one after the
# other, each for SECONDS on all cores (libFuzzer's -fork mode), then a summary
# per target. See tests/fuzz/README.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      default: 3600 seconds, every target
#
# Environment: FUZZ_JOBS (parallel fuzzing processes, default: every core),
# FUZZ_BUILD_DIR (default: build-fuzz).
#
# Builds with clang into FUZZ_BUILD_DIR. The corpus grows in
# FUZZ_BUILD_DIR/corpus/TARGET, starting from tests/fuzz/corpus/TARGET and
# tests/fuzz/regressions, which are only read. Crashes, leaks and timeouts land
# in FUZZ_BUILD_DIR/artifacts/TARGET, the full log in FUZZ_BUILD_DIR/logs. Exits
# 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-3600}
if [ $# -gt 0 ]; then shift; fi
case $seconds in
  ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac
jobs=${FUZZ_JOBS:-$(nproc)}
build=${FUZZ_BUILD_DIR:-build-fuzz}
all=(fuzz_request fuzz_response fuzz_roundtrip fuzz_struct fuzz_pattern fuzz_number)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all[@]}"); fi

echo "building the fuzz targets in $build (clang)"
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DACR_FUZZ=ON >/dev/null
cmake --build "$build" --target "${targets[@]}" -j"$jobs" >/dev/null

summary=()
found_any=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target
  log=$build/logs/$target.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seeds=()
  for dir in "tests/fuzz/corpus/$target" tests/fuzz/regressions; do
    if [ -d "$dir" ]; then seeds+=("$dir"); fi
  done
  echo "fuzzing $target for ${seconds}s on $jobs processes (log: $log)"
  start=$(date +%s)
  status=0
  "$build/fuzz/$target" -fork="$jobs" -ignore_crashes=1 -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -dict=tests/fuzz/acr.dict -artifact_prefix="$artifacts/" \
    -print_final_stats=1 "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  # The last status line of -fork mode:
  #   #123456: cov: 812 ft: 2544 corp: 433 exec/s 4200 oom/timeout/crash: 0/0/0 time: 61s job: 9 ...
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1 || true)
  runs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
  cov=$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$last")
  ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$last")
  oom_timeout_crash=$(sed -E 's#.*oom/timeout/crash: ([0-9/]+).*#\1#' <<<"$last")
  files=$(find "$corpus" -type f | wc -l)
  found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  rate=0
  if [ -n "$runs" ] && [ "$elapsed" -gt 0 ]; then rate=$(( runs / elapsed )); fi
  if [ "$found" -gt 0 ] || { [ "$status" -ne 0 ] && [ -z "$last" ]; }; then found_any=1; fi
  summary+=("$(printf '%-22s %12s %8s %6s %7s %8s %-14s %s' "$target" "${runs:-?}" "$rate" "${cov:-?}" \
    "${ft:-?}" "$files" "${oom_timeout_crash:-?}" "$found")")
done

echo
printf '%-22s %12s %8s %6s %7s %8s %-14s %s\n' target executions exec/s cov ft corpus oom/tmo/crash artifacts
printf '%s\n' "${summary[@]}"
if [ "$found_any" -ne 0 ]; then
  echo
  echo "something was found: see $build/artifacts/*/ and $build/logs/ (replay: $build/fuzz/TARGET FILE)"
  exit 1
fi
