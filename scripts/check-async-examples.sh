#!/usr/bin/env bash
# The non-blocking examples against an installed libacr, end to end:
# async_poll (a poll() loop) or async_libuv (a libuv loop) of examples/async,
# installed into a temporary prefix (`cmake --install`), built out of tree with
# its Makefile (pkg-config), and run against the bundled mock: 3 recordings at
# once in each mode, each through acquire, start, query, update, updateLayout
# (mix) and stop, once with an update retried after a back-off; then a failing query in one recording (it is still stopped),
# wrong credentials, a request that breaks a rule, no service, bad usage, and
# SIGINT while the updates hang (every call cancelled, exit 130).
# The mock is stopped and the temporary folders removed on any exit.
#
# usage: scripts/check-async-examples.sh poll|libuv [BUILD_DIR]   (default: build, already built)
# Exit 77 (a skip for ctest) for libuv when pkg-config cannot find libuv
# (Debian: libuv1-dev, installed by scripts/install-deps.sh --test).
# environment: CC (compiler for the example, default cc), ACR_PYTHON (python3)
set -euo pipefail
style=${1-}
case "$style" in
  poll|libuv) name=async_$style ;;
  *) echo "usage: scripts/check-async-examples.sh poll|libuv [BUILD_DIR]" >&2; exit 2 ;;
esac
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$src/build}" && pwd)
cc=${CC:-cc}
python=${ACR_PYTHON:-python3}

if [ "$style" = libuv ] && ! pkg-config --exists libuv; then
  echo "check-async-examples: SKIP: pkg-config cannot find libuv, which only async_libuv (examples/async) needs" \
       "(Debian: apt-get install libuv1-dev, or scripts/install-deps.sh --test)"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/acr-check-$name.XXXXXX")
mock_pid="" example_pid=""
cleanup() {
  if [ -n "$example_pid" ]; then kill "$example_pid" 2>/dev/null || true; wait "$example_pid" 2>/dev/null || true; fi
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "check-async-examples: FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

# --- install, build ---
prefix=$work/prefix
step "cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
[ -f "$prefix/include/acr/loop.h" ] || fail "include/acr/loop.h is not installed"
pc_dir=$(dirname "$(find "$prefix" -name acr.pc)")
step "PKG_CONFIG_PATH=$pc_dir make -f examples/async/Makefile $name"
bin=$work/$name
PKG_CONFIG_PATH=$pc_dir make -s -f "$src/examples/async/Makefile" CC="$cc" \
  CFLAGS="-O2 -g -std=c11 -Wall -Wextra -Wpedantic -Werror" OUTDIR="$work" "$name" >"$work/make.log" 2>&1 ||
  { cat "$work/make.log"; fail "building $name (examples/async) with pkg-config"; }
shared=$(find "$prefix" -name 'libacr.so.*.*.*' | head -n 1)
if [ -n "$shared" ]; then
  resolved=$(ldd "$bin" | awk '$1 ~ /^libacr\.so/ {print $3}')
  [ "$(readlink -f "$resolved")" = "$(readlink -f "$shared")" ] || fail "$name loads libacr from '$resolved', not $shared"
  echo "    $name loads $shared"
fi

# --- the mock ---
"$python" "$src/mock/agora_mock.py" --port 0 --port-file "$work/port" --quiet \
  --customer-id check-customer --customer-secret check-secret &
mock_pid=$!
for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || fail "the mock did not start"
base_url="http://127.0.0.1:$(cat "$work/port")"
export AGORA_CUSTOMER_ID=check-customer AGORA_CUSTOMER_SECRET=check-secret
export AGORA_STORAGE_ACCESS_KEY=AKIAcheckAccessKey AGORA_STORAGE_SECRET_KEY=checkStorageSecret
mock_post() { # PATH JSON
  "$python" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(
      sys.argv[1] + sys.argv[2], data=sys.argv[3].encode(), method="POST"), timeout=10).read()' \
    "$base_url" "$1" "$2" || fail "mock: POST $1 $2"
}
mock_state() { # PYTHON_EXPRESSION over the state `s`: prints its value
  "$python" -c 'import json, sys, urllib.request
s = json.load(urllib.request.urlopen(sys.argv[1] + "/__mock/state", timeout=10))
print(eval(sys.argv[2]))' "$base_url" "$1" || fail "mock: GET /__mock/state"
}

# run NAME EXPECTED_STATUS STDERR_PATTERN|- -- COMMAND...
run() {
  local name=$1 want_status=$2 want_err=$3
  shift 4
  step "$name: expecting exit status $want_status"
  local status=0
  "$@" >"$work/out" 2>"$work/err" || status=$?
  cat "$work/out" "$work/err" >>"$work/all"
  sed 's/^/    out: /' "$work/out"
  sed 's/^/    err: /' "$work/err"
  [ "$status" -eq "$want_status" ] || fail "$name: exit status $status, expected $want_status"
  if [ "$want_err" != - ]; then
    # Matched against standard error as one line (its lines joined by spaces).
    tr '\n' ' ' <"$work/err" | grep -Eq -- "$want_err" || fail "$name: standard error does not match /$want_err/"
  fi
}
# The lines of recording CHANNEL-I, in order and without their prefix, as one
# line joined by spaces, must match PATTERN.
expect_recording() { # I PATTERN
  local got
  got=$(grep -F "$cname-$1: " "$work/out" | sed "s/^$cname-$1: //" | tr '\n' ' ')
  echo "$got" | grep -Eq -- "$2" || fail "recording $cname-$1: /$2/ does not match: $got"
}
expect_out() { grep -Eq -- "$1" "$work/out" || fail "the output has no line matching /$1/"; }

cname=asyncChannel uid=10001
args=(--appid checkApp --cname "$cname" --uid "$uid" --bucket recordings --base-url "$base_url")
life='^acquire: resource ID [^ ]+ start: recording [0-9a-f]+ in MODE mode query: status 5 \(recording\) '
stopped='stop: stopped recording [0-9a-f]+, upload uploaded, [1-9][0-9]* files? completed $'

# Three recordings at once: their first calls are all in flight before any
# answer, so they need three connections (a blocking program would use one).
mock_post /__mock/reset '{"recordings": "keep"}'
run "mix mode, 3 recordings" 0 - -- "$bin" --mode mix --recordings 3 "${args[@]}"
for i in 1 2 3; do
  expect_recording $i "${life/MODE/mix}update: subscribed to everyone's audio and video updateLayout: two windows side by side $stopped"
done
expect_out '^summary: 3 of 3 recordings completed$'
connections=$(mock_state 's["api_connections"]')
[ "$connections" -ge 3 ] || fail "3 recordings at once used $connections connection(s) to the mock"
echo "    the mock saw $connections connections"

# One update answered 206 with code 65: retried after a back-off, which is a
# timer of the loop (acr_timer_fn with a real timeout in the libuv example).
mock_post /__mock/reset '{"recordings": "keep"}'
mock_post /__mock/faults '{"match": "update", "preset": "jitter"}'
run "one update answered 206/65, retried after its back-off" 0 - -- "$bin" --mode mix "${args[@]}"
expect_out '^summary: 3 of 3 recordings completed$'
updates=$(mock_state 'len([q for q in s["requests"] if q["route"] == "update"])')
[ "$updates" -eq 4 ] || fail "3 recordings and one retry: the mock saw $updates updates, not 4"

run "individual mode, 2 recordings, settings from the environment" 0 - -- \
  env AGORA_APP_ID=checkApp AGORA_MODE=individual AGORA_CNAME="$cname" AGORA_UID="$uid" \
  AGORA_STORAGE_BUCKET=recordings AGORA_BASE_URL="$base_url" AGORA_RECORDINGS=2 "$bin"
for i in 1 2; do
  expect_recording $i "${life/MODE/individual}update: subscribed to everyone's audio and video $stopped"
done
expect_out '^summary: 2 of 2 recordings completed$'

run "web mode, the default 3 recordings" 0 - -- "$bin" --mode web --url https://example.com/class "${args[@]}"
for i in 1 2 3; do
  expect_recording $i "${life/MODE/web}update: the page recording is paused $stopped"
done
expect_out '^summary: 3 of 3 recordings completed$'

# Failures.
mock_post /__mock/faults '{"match": "query", "preset": "wrong_types_200"}'
run "one invalid query answer: that recording fails, and is still stopped" 5 \
  "asyncChannel-[123]: query: the service's answer is invalid: .*\(at /uid\)" -- \
  "$bin" --mode mix "${args[@]}"
[ "$(grep -c ': failed at query$' "$work/out")" -eq 1 ] || fail "not exactly one recording failed at query"
[ "$(grep -c ': stop: stopped recording ' "$work/out")" -eq 3 ] || fail "not every recording was stopped"
expect_out '^summary: 2 of 3 recordings completed$'

run "wrong credentials: HTTP 401 for each" 3 'asyncChannel-1: acquire: the service answered HTTP 401' -- \
  env AGORA_CUSTOMER_SECRET=wrong "$bin" --mode mix "${args[@]}"
[ "$(grep -c ': failed at acquire$' "$work/out")" -eq 3 ] || fail "not every recording failed at acquire"
expect_out '^summary: 0 of 3 recordings completed$'

run "a request that breaks a rule: nothing sent" 1 \
  'asyncChannel-1: acquire: the request breaks 1 rule of the API; nothing was sent: +/uid: ' -- \
  "$bin" --mode individual "${args[@]}" --uid not-a-number
if grep -q ': acquire: resource ID' "$work/out"; then fail "a result for a request that was not sent"; fi

run "no service on that port: transport" 4 'asyncChannel-1: acquire: could not reach the service' -- \
  "$bin" --mode mix "${args[@]}" --base-url "http://127.0.0.1:1"

run "--recordings 0: usage" 2 'recordings takes a whole number' -- "$bin" --mode mix "${args[@]}" --recordings 0

# SIGINT while every update hangs: all three are cancelled, nothing new starts.
mock_post /__mock/faults '{"match": "update", "stall": true, "count": 3}'
step "SIGINT while 3 updates hang: expecting exit status 130"
"$bin" --mode mix "${args[@]}" >"$work/out" 2>"$work/err" &
example_pid=$!
# Until the three updates have reached the mock (each takes the stall rule).
pending=3
for _ in $(seq 300); do
  pending=$(mock_state 'len(s["faults_pending"])')
  [ "$pending" -eq 0 ] && break
  kill -0 "$example_pid" 2>/dev/null || break
  sleep 0.1
done
[ "$pending" -eq 0 ] || { cat "$work/out" "$work/err"; fail "the 3 updates did not reach the mock"; }
kill -INT "$example_pid"
status=0
wait "$example_pid" || status=$?
example_pid=""
cat "$work/out" "$work/err" >>"$work/all"
sed 's/^/    out: /' "$work/out"
sed 's/^/    err: /' "$work/err"
[ "$status" -eq 130 ] || fail "SIGINT: exit status $status, expected 130"
grep -q "^$name: interrupted: cancelling [1-3] calls\? in flight$" "$work/err" || fail "SIGINT: no 'cancelling' line"
[ "$(grep -c ': update: cancelled: ' "$work/err")" -eq 3 ] || fail "SIGINT: not 3 cancelled updates"
# They reached the mock: the error must not say that nothing was sent.
if grep -q ': update: cancelled: .*nothing was sent' "$work/err"; then
  fail "SIGINT: an update that reached the service is reported as never sent"
fi
[ "$(grep -c ': failed at update (recording [0-9a-f]* may still be running' "$work/out")" -eq 3 ] ||
  fail "SIGINT: not 3 recordings reported as still running"
if grep -q ': updateLayout: \|: stop: ' "$work/out"; then fail "SIGINT: a call started after the cancellation"; fi
expect_out '^summary: 0 of 3 recordings completed$'

for secret in check-secret AKIAcheckAccessKey checkStorageSecret; do
  if grep -q -- "$secret" "$work/all"; then fail "a secret ($secret) was printed"; fi
done
echo "check-async-examples: ok ($name built with pkg-config against the installed libacr, ran against the mock)"
