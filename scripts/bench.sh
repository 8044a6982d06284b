#!/usr/bin/env bash
# The benchmarks, all of them, with one command (see docs/PERFORMANCE.md):
#
#   bash scripts/bench.sh            # about 3 to 5 minutes on 2 busy cores
#
# Installs what they need from Debian, builds with -O2 (Release) into
# build-bench/, and runs:
#   1+2. parsing stop responses, validating and serializing the largest update
#        request: ours against yajl, cJSON and jansson, in one process;
#   3.   update calls end to end against nginx on a loopback port: ours, a bare
#        libcurl loop, Python requests and one curl process per call;
#   4.   instructions per operation under valgrind --tool=callgrind: parsing and
#        serializing (one run), then update calls, ours against bare libcurl
#        (a second run, against the same nginx);
#   5.   16 threads calling at once: one shared client on distinct recordings,
#        bare libcurl with a handle per thread, one shared client on ONE recording;
#   6.   1000 calls in flight on one acr_loop against a bare multi loop
#        (bench/async's acr_bench_async): heap and RSS per call in flight;
# then the "Issue 13 table": each row of issue 13's table (and the memory
# figures), ours, the reference, the ratio, the goal and met/missed.
# The tables go to standard output and to build-bench/bench-results.md.
# Benchmarks report figures; they never pass or fail on them.
#
# Knobs (environment): ACR_BENCH_BUILD_DIR (build-bench), ACR_BENCH_ROUNDS (9)
# and ACR_BENCH_ROUND_MS (40) for sections 1-2, ACR_BENCH_E2E_CALLS (8000),
# ACR_BENCH_PY_CALLS (1000), ACR_BENCH_CURL_CALLS (100), ACR_BENCH_E2E_ROUNDS (4),
# ACR_BENCH_ICOUNT_CALLS (1000 calls a callgrind batch), ACR_BENCH_THREADS (16),
# ACR_BENCH_THREAD_CALLS (8000 a round), ACR_BENCH_THREAD_ROUNDS (5),
# ACR_BENCH_INFLIGHT (1000), ACR_BENCH_ASYNC_CALLS (20000 a row),
# ACR_BENCH_ASYNC_ROUNDS (3), ACR_BENCH_NGINX_WORKERS (the CPU count),
# ACR_BENCH_PYTHON (/usr/bin/python3), ACR_BENCH_SKIP_INSTALL=1 (no apt-get),
# ACR_BENCH_SKIP_CALLGRIND=1 (no section 4), ACR_BENCH_SKIP_E2E=1 (no nginx:
# none of sections 3, 5, 6 nor the call batches of 4).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${ACR_BENCH_BUILD_DIR:-build-bench}

# --- 0. what the benchmarks need, from Debian's packages only ---
packages=(build-essential cmake pkg-config libyajl-dev libcurl4-openssl-dev
          libcjson-dev libjansson-dev python3 python3-requests valgrind curl)
if [ "${ACR_BENCH_SKIP_INSTALL:-0}" != 1 ]; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  nginx_bin=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
  if [ -n "${missing[*]}" ] || [ -z "$nginx_bin" ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    log=$(mktemp)
    echo "installing: ${missing[*]} ${nginx_bin:+}$([ -z "$nginx_bin" ] && echo nginx-light)" >&2
    if ! { $sudo apt-get update -qq &&
           $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" &&
           { [ -n "$nginx_bin" ] ||
             $sudo apt-get install -y -qq --no-install-recommends nginx-light ||
             $sudo apt-get install -y -qq --no-install-recommends nginx; }; } >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      echo "installing the benchmarks' dependencies failed" >&2
      exit 1
    fi
    rm -f "$log"
  fi
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
# Debian's interpreter, whose requests is python3-requests (a python3 earlier on
# the PATH, from pyenv say, may carry another requests or none).
py=${ACR_BENCH_PYTHON:-/usr/bin/python3}
[ -x "$py" ] || py=python3

# --- build: Release, -O2 (-g only adds symbols for profiles) ---
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_C_FLAGS_RELEASE=-O2 -g -DNDEBUG" \
      -DACR_BENCH=ON -DACR_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target acr_bench acr_bench_async >/dev/null
bench="$root/$build/bin/acr_bench"
bench_async="$root/$build/bin/acr_bench_async"
started_at=$(date +%s)
laps=""
lap_at=$started_at
lap() { local t; t=$(date +%s); laps="$laps${laps:+, }$1 $((t - lap_at)) s"; lap_at=$t; }

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

results="$root/$build/bench-results.md"
exec > >(tee "$results")
# Every section appends its figures here ("|"-separated lines) for the Issue 13 table.
export ACR_BENCH_SUMMARY="$work/summary"
: >"$ACR_BENCH_SUMMARY"

python3 bench/make_inputs.py schema/cloud_recording.json "$work/inputs" >/dev/null

# --- the machine ---
echo "# acr benchmarks"
echo
echo "- command: $(env | grep '^ACR_BENCH_' | grep -v '^ACR_BENCH_SUMMARY=' | sort | tr '\n' ' ')bash scripts/bench.sh"
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- runtime generated bench 2>/dev/null || echo ' (with local changes)')"
echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $(gcc --version | head -1), flags -O2 (Release); yajl $(pkg-config --modversion yajl), cJSON $(pkg-config --modversion libcjson), jansson $(pkg-config --modversion jansson), libcurl $(pkg-config --modversion libcurl)"
echo "- $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), Python $("$py" -c 'import platform; print(platform.python_version())') with requests $("$py" -c 'import requests; print(requests.__version__)'), curl $(curl --version | head -1 | cut -d' ' -f2), $(valgrind --version)"
echo "- inputs: $(cd "$work/inputs" && for f in stop_page.json stop_individual.json stop_web.json update_response.json; do printf '%s %s B; ' "$f" "$(wc -c <"$f")"; done)"

# --- 1 and 2: one process (kept for the side-by-side parse table of section 4) ---
lap "build"
"$bench" micro "$work/inputs"
lap "sections 1-2"

# --- nginx on a free loopback port, for sections 3 to 6, started and stopped here ---
# worker_processes: one per CPU (2 here). With one worker, nginx alone tops out
# below what 16 client threads ask of it and the rows of section 5 would measure
# the server; with one per CPU it competes with the client for the same cores,
# alike for ours and the reference. A single keep-alive connection (sections 3
# and 4) is served by one worker either way. reuseport spreads the connections
# of sections 5 and 6 over the workers; 4096 connections each for section 6.
workers=${ACR_BENCH_NGINX_WORKERS:-$(nproc)}
e2e=0
if [ "${ACR_BENCH_SKIP_E2E:-0}" != 1 ]; then
e2e=1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
answer=$(cat "$work/inputs/update_response.json")
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
    listen 127.0.0.1:$port reuseport backlog=4096;
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
  curl -s -o /dev/null "$url/" && break
  sleep 0.05
done
curl -s -o /dev/null "$url/" || { echo "nginx did not start:" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
echo
echo "nginx for sections 3 to 6: $workers worker process(es) (one per CPU), 4096 connections each,"
echo "keep-alive unlimited, answering every request with the update page's example (${#answer} B)."

# --- 3: update calls end to end, one thread ---
"$bench" e2e "$url" "$work" \
  --calls "${ACR_BENCH_E2E_CALLS:-8000}" --python-calls "${ACR_BENCH_PY_CALLS:-1000}" \
  --curl-calls "${ACR_BENCH_CURL_CALLS:-100}" --rounds "${ACR_BENCH_E2E_ROUNDS:-4}" \
  --requests-client "$root/bench/requests_client.py" --python "$py"
lap "section 3"
fi

# --- 4: instructions per operation under callgrind, one dump per batch ---
# Prints "op|input|contender|instructions per op" for each dump $1.N (named
# "op|input|contender|K" by the bench), and keeps them in $work/icount.
dumps() {
  for ((i = 1; ; i++)); do
    f="$1.$i"
    [ -f "$f" ] || break
    name=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f" | head -1)
    total=$(sed -n 's/^summary: //p' "$f" | head -1)
    case "$name" in *"|"*"|"*"|"*) printf '%s|%s\n' "$name" "$total" ;; esac
  done | awk -F'|' '{ printf "%s|%s|%s|%.0f\n", $1, $2, $3, $5 / $4 }' | tee -a "$work/icount"
}
if [ "${ACR_BENCH_SKIP_CALLGRIND:-0}" != 1 ]; then
  mkdir -p "$work/cg"
  valgrind --tool=callgrind --compress-strings=no --callgrind-out-file="$work/cg/out" \
    "$bench" icount "$work/inputs" >"$work/cg/log" 2>&1 || { cat "$work/cg/log" >&2; exit 1; }
  dumps "$work/cg/out" >/dev/null
  echo
  echo "## 4. Instructions per operation (valgrind --tool=callgrind; stable on a busy machine)"
  echo
  echo "| operation | input | contender | instructions/op | vs acr |"
  echo "|---|---|---|---:|---:|"
  awk -F'|' '
    { key[NR] = $1 "|" $2; row[NR] = $3; value[NR] = $4
      if ($3 ~ /^acr typed parse$/ || $3 ~ /^acr to_json$/) ours[$1 "|" $2] = $4 }
    END { for (i = 1; i <= NR; i++) {
            split(key[i], k, "|"); base = ours[key[i]]
            ratio = (base > 0 && row[i] !~ /^acr/) ? sprintf("%.2fx", value[i] / base) : ""
            printf "| %s | %s | %s | %.0f | %s |\n", k[1], k[2], row[i], value[i], ratio } }' "$work/icount"
  echo
  echo "\"vs acr\": this row's instructions / ours (acr typed parse, or acr to_json), so above 1"
  echo "means more work than ours. Each batch runs K operations after one warm-up, between"
  echo "callgrind's zero and dump; the figure is the batch's total / K."

  # The parse rows of sections 1 and 4 side by side: instructions (exact) and
  # wall clock (best round) of the same contender on the same input.
  echo
  echo "### Parsing: instructions and wall clock side by side"
  echo
  echo "| input | parser | instructions/parse | floor / it (instr.) | MB/s | it / floor (MB/s) | allocs/parse | peak KiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  { grep '^parse|' "$work/icount" | sed 's/^/I|/'; grep '^parse|' "$ACR_BENCH_SUMMARY" | sed 's/^/W|/'; } | awk -F'|' '
    $1 == "I" { key = $3 "|" $4; instr[key] = $5; if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
    $1 == "W" { key = $3 "|" $4; mbps[key] = $5; allocs[key] = $6; peak[key] = $7 }
    END {
      for (i = 1; i <= n; i++) {
        split(order[i], k, "|"); floor_key = k[1] "|yajl tokens only (floor)"
        ri = (instr[order[i]] > 0) ? sprintf("%.2fx", instr[floor_key] / instr[order[i]]) : ""
        rw = (mbps[floor_key] > 0 && order[i] in mbps) ? sprintf("%.2fx", mbps[order[i]] / mbps[floor_key]) : ""
        printf "| %s | %s | %.0f | %s | %s | %s | %s | %s |\n", k[1], k[2], instr[order[i]], ri,
               mbps[order[i]], rw, allocs[order[i]], peak[order[i]] } }'
  echo
  echo "\"floor / it\": the floor's instructions / this row's; \"it / floor\": this row's MB/s / the"
  echo "floor's (both 1.00x for the floor; the higher, the closer to yajl alone). Instructions are"
  echo "exact and repeatable; MB/s move with the machine's load (section 1)."

  if [ "$e2e" = 1 ]; then
    k=${ACR_BENCH_ICOUNT_CALLS:-1000}
    valgrind --tool=callgrind --compress-strings=no --callgrind-out-file="$work/cg/calls" \
      "$bench" icount-calls "$url" "$k" >"$work/cg/calls.log" 2>&1 || { cat "$work/cg/calls.log" >&2; exit 1; }
    echo
    echo "### Update calls: instructions per call, acr_update against bare libcurl"
    echo
    echo "| body | client | instructions/call | bare / it |"
    echo "|---|---|---:|---:|"
    dumps "$work/cg/calls" | awk -F'|' '
      { row[NR] = $0; if ($3 ~ /^bare/) bare[$2] = $4 }
      END { for (i = 1; i <= NR; i++) { split(row[i], f, "|")
              printf "| %s | %s | %.0f | %s |\n", f[2], f[3], f[4], (bare[f[2]] > 0 ? sprintf("%.2fx", bare[f[2]] / f[4]) : "") } }'
    echo
    echo "The client process only (nginx is another process), user-space instructions (the"
    echo "kernel's work in system calls is not counted): $k calls a batch over one keep-alive"
    echo "connection, after two warm-up calls, between callgrind's zero and dump. The bare"
    echo "client sets the URL, headers and body once; acr_update validates, serializes, builds"
    echo "the URL, posts and parses the answer on every call."

    t=${ACR_BENCH_THREADS:-16}
    valgrind --tool=callgrind --compress-strings=no --callgrind-out-file="$work/cg/threads" \
      "$bench" threads "$url" --threads "$t" --icount "$k" >"$work/cg/threads.log" 2>&1 ||
      { cat "$work/cg/threads.log" >&2; exit 1; }
    echo
    echo "### $t threads calling at once: instructions per call (the clients of section 5)"
    echo
    echo "| client | instructions/call | bare / it |"
    echo "|---|---:|---:|"
    dumps "$work/cg/threads" | awk -F'|' '
      { row[NR] = $0; if ($3 ~ /^bare/) bare = $4 }
      END { for (i = 1; i <= NR; i++) { split(row[i], f, "|")
              printf "| %s | %.0f | %s |\n", f[3], f[4], (bare > 0 ? sprintf("%.2fx", bare / f[4]) : "") } }'
    echo
    echo "One round of about $k calls a client on $t threads after the warm-up rounds, between"
    echo "callgrind's zero and dump. Valgrind runs one thread at a time and switches at blocking"
    echo "system calls: this is the work per call with $t threads (locks, wake-ups, waits that"
    echo "return at once), not how the threads overlap on real cores, which section 5 measures."
  fi
  sed 's/^/icount|/' "$work/icount" >>"$ACR_BENCH_SUMMARY"
  lap "section 4"
fi

if [ "$e2e" = 1 ]; then
# --- 5: T threads calling at once ---
  "$bench" threads "$url" --threads "${ACR_BENCH_THREADS:-16}" --calls "${ACR_BENCH_THREAD_CALLS:-8000}" \
    --rounds "${ACR_BENCH_THREAD_ROUNDS:-5}"
  lap "section 5"

# --- 6: calls in flight on one loop (scripts/bench-async.sh has every N and both styles) ---
  inflight=${ACR_BENCH_INFLIGHT:-1000}
  echo
  echo "## 6. $inflight calls in flight on one acr_loop, against a bare libcurl multi loop"
  echo
  "$bench_async" "$url" --calls "${ACR_BENCH_ASYNC_CALLS:-20000}" --rounds "${ACR_BENCH_ASYNC_ROUNDS:-3}" \
    --inflight "$inflight" --clients acr-poll,bare-poll
  echo
  echo "acr_bench_async (bench/async/): one acr_loop driven by acr_loop_run, and one multi handle"
  echo "driven by curl_multi_poll with $inflight easy handles posting the same prebuilt body; each"
  echo "row in a child process of its own, $inflight calls on distinct recordings kept in flight"
  echo "until the row's total, rounds interleaved. Heap: the most heap in use (mallinfo2, about"
  echo "200 samples) over the idle baseline after a warm-up call, per call in flight, median of"
  echo "the rounds; RSS: the peak RSS over the same baseline; calls/s: best round (noisy)."
  lap "section 6"

  kill "$nginx_pid"
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
fi

# --- the Issue 13 table, from the figures every section appended to the summary ---
echo
python3 bench/issue13_table.py "$ACR_BENCH_SUMMARY"
echo
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); the run took $(( $(date +%s) - started_at )) s ($laps)"
echo
echo "(tables also in $build/bench-results.md)"
