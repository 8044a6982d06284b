#!/usr/bin/env bash
# The benchmarks, all of them, with one command (see docs/PERFORMANCE.md):
#
#   bash scripts/bench.sh            # about 1 to 2 minutes on 2 cores
#
# Installs what they need from Debian, builds with -O2 (Release) into
# build-bench/, and runs:
#   1+2. parsing stop responses, validating and serializing the largest update
#        request: ours against yajl, cJSON and jansson, in one process;
#   3.   update calls end to end against nginx on a loopback port: ours, a bare
#        libcurl loop, Python requests and one curl process per call;
#   4.   instructions per operation under valgrind --tool=callgrind (one run).
# The tables go to standard output and to build-bench/bench-results.md.
# Benchmarks report figures; they never pass or fail on them.
#
# Knobs (environment): ACR_BENCH_BUILD_DIR (build-bench), ACR_BENCH_ROUNDS (9)
# and ACR_BENCH_ROUND_MS (40) for sections 1-2, ACR_BENCH_E2E_CALLS (8000),
# ACR_BENCH_PY_CALLS (1000), ACR_BENCH_CURL_CALLS (100), ACR_BENCH_E2E_ROUNDS (4),
# ACR_BENCH_PYTHON (/usr/bin/python3), ACR_BENCH_SKIP_INSTALL=1 (no apt-get),
# ACR_BENCH_SKIP_CALLGRIND=1, ACR_BENCH_SKIP_E2E=1 (no nginx, no section 3).
# Section 4 ends with the parse rows of sections 1 and 4 side by side.
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
cmake --build "$build" -j"$(nproc)" --target acr_bench >/dev/null
bench="$root/$build/bin/acr_bench"

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

python3 bench/make_inputs.py schema/cloud_recording.json "$work/inputs" >/dev/null

# --- the machine ---
echo "# acr benchmarks"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- runtime generated bench 2>/dev/null || echo ' (with local changes)')"
echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $(gcc --version | head -1), flags -O2 (Release); yajl $(pkg-config --modversion yajl), cJSON $(pkg-config --modversion libcjson), jansson $(pkg-config --modversion jansson), libcurl $(pkg-config --modversion libcurl)"
echo "- $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), Python $("$py" -c 'import platform; print(platform.python_version())') with requests $("$py" -c 'import requests; print(requests.__version__)'), curl $(curl --version | head -1 | cut -d' ' -f2), $(valgrind --version)"
echo "- inputs: $(cd "$work/inputs" && for f in stop_page.json stop_individual.json stop_web.json update_response.json; do printf '%s %s B; ' "$f" "$(wc -c <"$f")"; done)"

# --- 1 and 2: one process (kept for the side-by-side parse table of section 4) ---
"$bench" micro "$work/inputs" | tee "$work/micro.md"

# --- 3: nginx on a free loopback port, started and stopped here ---
if [ "${ACR_BENCH_SKIP_E2E:-0}" != 1 ]; then
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
answer=$(cat "$work/inputs/update_response.json")
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  server {
    listen 127.0.0.1:$port;
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
"$bench" e2e "http://127.0.0.1:$port" "$work" \
  --calls "${ACR_BENCH_E2E_CALLS:-8000}" --python-calls "${ACR_BENCH_PY_CALLS:-1000}" \
  --curl-calls "${ACR_BENCH_CURL_CALLS:-100}" --rounds "${ACR_BENCH_E2E_ROUNDS:-4}" \
  --requests-client "$root/bench/requests_client.py" --python "$py"
kill "$nginx_pid"
wait "$nginx_pid" 2>/dev/null || true
nginx_pid=""
fi

# --- 4: instructions per operation, one callgrind run, one dump per batch ---
if [ "${ACR_BENCH_SKIP_CALLGRIND:-0}" != 1 ]; then
  mkdir -p "$work/cg"
  valgrind --tool=callgrind --compress-strings=no --callgrind-out-file="$work/cg/out" \
    "$bench" icount "$work/inputs" >"$work/cg/log" 2>&1 || { cat "$work/cg/log" >&2; exit 1; }
  echo
  echo "## 4. Instructions per operation (valgrind --tool=callgrind; stable on a busy machine)"
  echo
  echo "| operation | input | contender | instructions/op | vs acr |"
  echo "|---|---|---|---:|---:|"
  for ((i = 1; ; i++)); do
    f="$work/cg/out.$i"
    [ -f "$f" ] || break
    name=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f" | head -1)
    total=$(sed -n 's/^summary: //p' "$f" | head -1)
    case "$name" in *"|"*"|"*"|"*) printf '%s|%s\n' "$name" "$total" ;; esac
  done | awk -F'|' '
    { op = $1; input = $2; who = $3; per = $5 / $4
      key[NR] = op "|" input; row[NR] = who; value[NR] = per
      if (who ~ /^acr typed parse$/ || who ~ /^acr to_json$/) ours[op "|" input] = per }
    END { for (i = 1; i <= NR; i++) {
            split(key[i], k, "|"); base = ours[key[i]]
            ratio = (base > 0 && row[i] !~ /^acr/) ? sprintf("%.2fx", value[i] / base) : ""
            printf "| %s | %s | %s | %.0f | %s |\n", k[1], k[2], row[i], value[i], ratio } }'
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
  for ((i = 1; ; i++)); do
    f="$work/cg/out.$i"
    [ -f "$f" ] || break
    name=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f" | head -1)
    total=$(sed -n 's/^summary: //p' "$f" | head -1)
    case "$name" in parse"|"*) printf 'I|%s|%s\n' "$name" "$total" ;; esac
  done >"$work/cg/parse_rows"
  # Section 1's rows: | input (N B) | parser | MB/s | vs floor | acr vs it | allocs | peak |
  sed -n 's/^| \(.*\) ([0-9]* B) | \([^|]*\) | \([0-9.]*\) | [^|]* | [^|]* | \([0-9]*\) | \([0-9.]*\) |$/W|\1|\2|\3|\4|\5/p' \
    "$work/micro.md" >>"$work/cg/parse_rows"
  awk -F'|' '
    $1 == "I" { key = $3 "|" $4; instr[key] = $6 / $5; if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
    $1 == "W" { key = $2 "|" $3; mbps[key] = $4; allocs[key] = $5; peak[key] = $6 }
    END {
      for (i = 1; i <= n; i++) {
        split(order[i], k, "|"); floor_key = k[1] "|yajl tokens only (floor)"
        ri = (instr[order[i]] > 0) ? sprintf("%.2fx", instr[floor_key] / instr[order[i]]) : ""
        rw = (mbps[floor_key] > 0 && order[i] in mbps) ? sprintf("%.2fx", mbps[order[i]] / mbps[floor_key]) : ""
        printf "| %s | %s | %.0f | %s | %s | %s | %s | %s |\n", k[1], k[2], instr[order[i]], ri,
               mbps[order[i]], rw, allocs[order[i]], peak[order[i]] } }' "$work/cg/parse_rows"
  echo
  echo "\"floor / it\": the floor's instructions / this row's; \"it / floor\": this row's MB/s / the"
  echo "floor's (both 1.00x for the floor; the higher, the closer to yajl alone). Instructions are"
  echo "exact and repeatable; MB/s move with the machine's load (section 1)."
fi
echo
echo "(tables also in $build/bench-results.md)"
