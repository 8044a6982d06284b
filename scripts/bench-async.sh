#!/usr/bin/env bash
# Calls in flight on one loop, with one command (see docs/PERFORMANCE.md,
# "Calls in flight on one loop"):
#
#   bash scripts/bench-async.sh           # about 2 to 4 minutes on 2 cores
#   bash scripts/bench-async.sh --quick   # a short run (fewer calls, one round)
#   bash scripts/bench-async.sh --profile acr-poll 100 [perf|callgrind|massif]
#                                         # one row (CLIENT N, 5000 calls) in one process under
#                                         # perf (CPU by library and function), callgrind
#                                         # (instructions per call by function) or massif (the
#                                         # heap at its peak, by allocation site)
#
# Builds acr_bench_async with -O2 (Release) into build-bench/, starts nginx on a
# free loopback port (its config, pid, logs and temp paths in a temp dir),
# and compares, at 1, 10, 100 and 1000 update calls in flight: acr's async API
# on one loop (poll style and callback style), a bare libcurl multi loop
# (curl_multi_poll, and socket_action on epoll), and acr_update on N threads.
# The table goes to standard output and to build-bench/bench-async-results.md.
# A benchmark: it reports figures, it never passes or fails on them.
#
# Knobs (environment): ACR_BENCH_BUILD_DIR (build-bench), ACR_BENCH_ASYNC_CALLS
# (20000), ACR_BENCH_ASYNC_CALLS_AT_1 (5000), ACR_BENCH_ASYNC_ROUNDS (3),
# ACR_BENCH_ASYNC_INFLIGHT (1,10,100,1000), ACR_BENCH_ASYNC_CLIENTS (all of
# acr-poll,acr-epoll,bare-poll,bare-epoll,threads), ACR_BENCH_NGINX_WORKERS (1),
# ACR_BENCH_SKIP_INSTALL=1 (no apt-get), ACR_BENCH_SKIP_CALLGRIND=1 (no
# instruction counts), ACR_BENCH_ASYNC_ICOUNT_CALLS (4000 calls per callgrind row).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${ACR_BENCH_BUILD_DIR:-build-bench}
calls=${ACR_BENCH_ASYNC_CALLS:-20000}
calls1=${ACR_BENCH_ASYNC_CALLS_AT_1:-5000}
rounds=${ACR_BENCH_ASYNC_ROUNDS:-3}
profile_client=""
profile_n=""
case "${1:-}" in
  --quick) calls=2000; calls1=500; rounds=1 ;;
  --profile) profile_client=${2:?--profile CLIENT N [perf|callgrind|massif]}; profile_n=${3:?--profile CLIENT N}
             profile_tool=${4:-perf}; calls=${ACR_BENCH_ASYNC_CALLS:-5000} ;;
  "") ;;
  *) echo "usage: bash scripts/bench-async.sh [--quick | --profile CLIENT N [perf|callgrind|massif]]" >&2; exit 2 ;;
esac

# --- 0. what it needs, from Debian's packages only ---
packages=(build-essential cmake pkg-config libyajl-dev libcurl4-openssl-dev libcjson-dev libjansson-dev curl
          valgrind)
nginx_bin=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
if [ "${ACR_BENCH_SKIP_INSTALL:-0}" != 1 ]; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ -n "$nginx_bin" ] || missing+=(nginx-light)
  if [ -n "${missing[*]}" ]; then
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
      echo "bench-async: missing Debian packages; as root run: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    log=$(mktemp)
    echo "installing: ${missing[*]}" >&2
    if ! { $sudo apt-get update -qq &&
           { $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
             $sudo apt-get install -y -qq --no-install-recommends \
               "${missing[@]/nginx-light/nginx}"; }; } >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      echo "bench-async: installing its dependencies failed" >&2
      exit 1
    fi
    rm -f "$log"
  fi
  nginx_bin=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
fi
[ -n "$nginx_bin" ] || { echo "bench-async: nginx is not installed (as root: apt-get install -y nginx-light)" >&2; exit 1; }

# --- build: Release, -O2 (-g only adds symbols for profiles) ---
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_C_FLAGS_RELEASE=-O2 -g -DNDEBUG" \
      -DACR_BENCH=ON -DACR_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target acr_bench_async >/dev/null
bench="$root/$build/bin/acr_bench_async"

work=$(mktemp -d)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- nginx on a free loopback port, everything it writes in $work ---
python3 bench/make_inputs.py schema/cloud_recording.json "$work/inputs" >/dev/null
answer=$(cat "$work/inputs/update_response.json")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
workers=${ACR_BENCH_NGINX_WORKERS:-1}
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes $workers;
worker_rlimit_nofile 8192;
daemon off;
master_process on;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; multi_accept on; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  server {
    listen 127.0.0.1:$port backlog=4096;
    location / {
      default_type application/json;
      return 200 '$answer';
    }
  }
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.05
done
curl -s -o /dev/null "http://127.0.0.1:$port/" || { echo "nginx did not start:" >&2; cat "$work/nginx/error.log" >&2; exit 1; }

if [ -n "$profile_client" ]; then
  row=("$bench" "http://127.0.0.1:$port" --no-fork --rounds 1 $([ "$profile_tool" = perf ] || echo --no-heap-samples) --calls "$calls" --calls-at-1 "$calls"
       --inflight "$profile_n" --clients "$profile_client")
  case "$profile_tool" in
    perf)
      command -v perf >/dev/null || { echo "bench-async: --profile needs perf (Debian: linux-perf)" >&2; exit 1; }
      perf record -q -o "$root/$build/bench-async.perf.data" -- "${row[@]}"
      echo
      echo "CPU samples by library:"
      perf report -i "$root/$build/bench-async.perf.data" --stdio --sort dso 2>/dev/null | grep -E '^ +[0-9]' | head -12
      echo
      echo "Top functions by self time:"
      perf report -i "$root/$build/bench-async.perf.data" --stdio --sort dso,sym 2>/dev/null | grep -E '^ +[0-9]' | head -40 ;;
    callgrind)
      # Only the timed calls: from the first call started to the last ended.
      valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
        --toggle-collect=acr_async_run --toggle-collect=bare_run --toggle-collect=blocking_thread \
        "${row[@]}" 2>"$work/cg.log" || { cat "$work/cg.log" >&2; exit 1; }
      cp "$work/cg.out" "$root/$build/bench-async.callgrind.out"
      total=$(sed -n 's/^summary: //p' "$work/cg.out" | head -1)
      echo
      echo "instructions per call: $((total / calls)) ($total over $calls calls)"
      echo
      echo "Inclusive, per function (instructions over the run):"
      callgrind_annotate --inclusive=yes "$work/cg.out" 2>/dev/null | grep -E '^ *[0-9,]+ ' | head -45
      echo
      echo "Self, per function:"
      callgrind_annotate "$work/cg.out" 2>/dev/null | grep -E '^ *[0-9,]+ ' | head -30 ;;
    massif)
      valgrind --tool=massif --massif-out-file="$work/massif.out" --threshold=0.5 \
        "${row[@]}" 2>"$work/massif.log" || { cat "$work/massif.log" >&2; exit 1; }
      cp "$work/massif.out" "$root/$build/bench-async.massif.out"
      echo
      ms_print "$work/massif.out" | awk '/^ *n *time/ { n++ } n >= 1' | grep -A80 -m1 -E '^ *[0-9]+ .*\(peak\)|->' | head -90 ;;
    *) echo "bench-async: --profile tool: perf, callgrind or massif" >&2; exit 2 ;;
  esac
  echo
  echo "(the whole profile: $build/bench-async.$profile_tool*; callgrind_annotate, ms_print or perf report)"
  exit 0
fi

results="$root/$build/bench-async-results.md"
exec > >(tee "$results")

echo "# acr: calls in flight on one loop"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- runtime generated bench 2>/dev/null || echo ' (with local changes)')"
echo "- command: bash scripts/bench-async.sh${1:+ $1} (calls per row $calls, $calls1 at 1 in flight; $rounds round(s))"
echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "- $(gcc --version | head -1), -O2 (Release); libcurl $(pkg-config --modversion libcurl); $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //') ($workers worker), answer ${#answer} B"
echo
"$bench" "http://127.0.0.1:$port" --calls "$calls" --calls-at-1 "$calls1" --rounds "$rounds" \
  --inflight "${ACR_BENCH_ASYNC_INFLIGHT:-1,10,100,1000}" \
  --clients "${ACR_BENCH_ASYNC_CLIENTS:-acr-poll,acr-epoll,bare-poll,bare-epoll,threads}"

# --- instructions per call: one callgrind run per row (exact, whatever the load) ---
if [ "${ACR_BENCH_SKIP_CALLGRIND:-0}" != 1 ] && command -v valgrind >/dev/null; then
  icalls=${ACR_BENCH_ASYNC_ICOUNT_CALLS:-4000}
  [ "${1:-}" = --quick ] && icalls=1000
  echo
  echo "Instructions per call (valgrind --tool=callgrind, from the first call started to the last ended;"
  echo "$icalls calls a row; acr against the bare loop driven the same way):"
  echo
  echo "| in flight | acr, acr_loop_run | bare, curl_multi_poll | ratio | acr, callbacks + epoll | bare, socket_action + epoll | ratio |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  icount() {
    valgrind --tool=callgrind --callgrind-out-file="$work/ic.out" \
      --toggle-collect=acr_async_run --toggle-collect=bare_run \
      "$bench" "http://127.0.0.1:$port" --no-fork --no-heap-samples --rounds 1 --calls "$icalls" --calls-at-1 "$icalls" \
      --inflight "$1" --clients "$2" >/dev/null 2>"$work/ic.log" || { cat "$work/ic.log" >&2; exit 1; }
    echo $(( $(sed -n 's/^summary: //p' "$work/ic.out" | head -1) / icalls ))
  }
  IFS=, read -r -a ns <<<"${ACR_BENCH_ASYNC_INFLIGHT:-1,10,100,1000}"
  for n in "${ns[@]}"; do
    a=$(icount "$n" acr-poll); b=$(icount "$n" bare-poll)
    c=$(icount "$n" acr-epoll); d=$(icount "$n" bare-epoll)
    awk -v n="$n" -v a="$a" -v b="$b" -v c="$c" -v d="$d" \
      'BEGIN { printf "| %d | %d | %d | %.2fx | %d | %d | %.2fx |\n", n, a, b, a / b, c, d, c / d }'
  done
fi

echo
echo "- load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(table also in $build/bench-async-results.md)"
