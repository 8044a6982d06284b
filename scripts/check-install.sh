#!/usr/bin/env bash
# What a user of an installed libacr gets, checked end to end:
#  1. `cmake --install BUILD_DIR --prefix TMP` (headers, libacr.a, libacr.so,
#     acr.pc, acrConfig.cmake, the man page and the bash completion);
#  2. examples/update_and_stop built out of tree: with CMake's find_package(acr)
#     (CMAKE_PREFIX_PATH=TMP; acr::acr, then acr::acr_static) and with pkg-config
#     (PKG_CONFIG_PATH=TMP/lib/pkgconfig); examples/lifecycle the same way
#     (find_package with acr::acr, and pkg-config);
#  3. the binaries run against the bundled mock of the service: exit status 0 and
#     the expected output; then a few failures and their exit statuses; the
#     lifecycle example from acquire to stop in each mode, then its failures
#     (an invalid request, an invalid answer, a retried stop and a retried start
#     that most likely succeeded, wrong credentials, no service).
# The mock is stopped and the temporary folders removed on any exit.
#
# usage: scripts/check-install.sh [BUILD_DIR]   (default: build, already built)
# environment: CC (compiler for the example, default cc), ACR_PYTHON (python3)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
cc=${CC:-cc}
python=${ACR_PYTHON:-python3}

work=$(mktemp -d "${TMPDIR:-/tmp}/acr-check-install.XXXXXX")
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "check-install: FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

# --- 1. install ---
prefix=$work/prefix
step "cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
(cd "$prefix" && find . ! -type d | sort)
for header in acr_api.h acr/alloc.h acr/client.h acr/engine.h acr/error.h acr/export.h acr/files.h acr/tables.h acr/version.h; do
  [ -f "$prefix/include/$header" ] || fail "include/$header is not installed"
done
[ -z "$(find "$prefix" -name internal.h -o -name url.h -o -name retry.h)" ] || fail "a private header is installed"
# The tool's man page and bash completion (generated/acr.1, generated/acr.bash).
[ -s "$prefix/share/man/man1/acr.1" ] || fail "share/man/man1/acr.1 is not installed"
[ -s "$prefix/share/bash-completion/completions/acr" ] || fail "share/bash-completion/completions/acr is not installed"
bash -c 'source "$1" && complete -p acr' _ "$prefix/share/bash-completion/completions/acr" | grep -q -- "-F _acr" ||
  fail "the installed completion does not complete acr"
pc=$(find "$prefix" -name acr.pc)
[ -n "$pc" ] || fail "acr.pc is not installed"
config=$(find "$prefix" -name acrConfig.cmake)
[ -n "$config" ] || fail "acrConfig.cmake is not installed"
grep -q "^prefix=$prefix\$" "$pc" || fail "acr.pc does not name the prefix $prefix"
shared=$(find "$prefix" -name 'libacr.so.*.*.*' | head -n 1)

# --- 2. the example, out of tree, twice ---
step "find_package(acr): cmake -S examples/update_and_stop -DCMAKE_PREFIX_PATH=$prefix"
cmake -S "$src/examples/update_and_stop" -B "$work/with-cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; fail "configuring the example with find_package"; }
cmake --build "$work/with-cmake" >>"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; fail "building the example with CMake"; }
with_cmake=$work/with-cmake/update_and_stop

step "find_package(acr), acr::acr_static: the same with -DUPDATE_AND_STOP_STATIC=ON"
cmake -S "$src/examples/update_and_stop" -B "$work/with-cmake-static" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DUPDATE_AND_STOP_STATIC=ON \
  >"$work/cmake-static.log" 2>&1 || { cat "$work/cmake-static.log"; fail "configuring the example with acr::acr_static"; }
cmake --build "$work/with-cmake-static" >>"$work/cmake-static.log" 2>&1 ||
  { cat "$work/cmake-static.log"; fail "building the example with acr::acr_static"; }
with_static=$work/with-cmake-static/update_and_stop
if ldd "$with_static" | grep -q libacr; then fail "the acr::acr_static build loads a libacr.so"; fi

step "pkg-config: PKG_CONFIG_PATH=$(dirname "$pc") make -f examples/update_and_stop/Makefile"
mkdir -p "$work/with-pkg-config"
echo "    pkg-config --cflags --libs acr: $(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs acr)"
PKG_CONFIG_PATH=$(dirname "$pc") make -s -f "$src/examples/update_and_stop/Makefile" CC="$cc" \
  OUT="$work/with-pkg-config/update_and_stop" >"$work/make.log" 2>&1 || { cat "$work/make.log"; fail "building the example with pkg-config"; }
with_pkg_config=$work/with-pkg-config/update_and_stop

step "find_package(acr): cmake -S examples/lifecycle -DCMAKE_PREFIX_PATH=$prefix"
cmake -S "$src/examples/lifecycle" -B "$work/lifecycle-cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  >"$work/lifecycle-cmake.log" 2>&1 || { cat "$work/lifecycle-cmake.log"; fail "configuring examples/lifecycle with find_package"; }
cmake --build "$work/lifecycle-cmake" >>"$work/lifecycle-cmake.log" 2>&1 ||
  { cat "$work/lifecycle-cmake.log"; fail "building examples/lifecycle with CMake"; }
lifecycle_cmake=$work/lifecycle-cmake/lifecycle

step "pkg-config: make -f examples/lifecycle/Makefile"
mkdir -p "$work/lifecycle-pkg-config"
PKG_CONFIG_PATH=$(dirname "$pc") make -s -f "$src/examples/lifecycle/Makefile" CC="$cc" \
  OUT="$work/lifecycle-pkg-config/lifecycle" >"$work/lifecycle-make.log" 2>&1 ||
  { cat "$work/lifecycle-make.log"; fail "building examples/lifecycle with pkg-config"; }
lifecycle_pkg_config=$work/lifecycle-pkg-config/lifecycle

# Both must run on the installed libacr.so (when one is installed), not on the build tree's.
if [ -n "$shared" ]; then
  for bin in "$with_cmake" "$with_pkg_config" "$lifecycle_cmake" "$lifecycle_pkg_config"; do
    resolved=$(ldd "$bin" | awk '$1 ~ /^libacr\.so/ {print $3}')
    [ "$(readlink -f "$resolved")" = "$(readlink -f "$shared")" ] ||
      fail "$(basename "$(dirname "$bin")")/$(basename "$bin") loads libacr from '$resolved', not $shared"
  done
  echo "    the four binaries load $shared"
fi

# --- 3. run them against the mock ---
app=checkApp cname=httpClient463224 uid=527841
"$python" "$src/mock/agora_mock.py" --port 0 --port-file "$work/port" --quiet \
  --customer-id check-customer --customer-secret check-secret \
  --recording "individual,$app,rid-cmake,sid-cmake,$cname,$uid" \
  --recording "individual,$app,rid-pc,sid-pc,$cname,$uid" \
  --recording "individual,$app,rid-static,sid-static,$cname,$uid" &
mock_pid=$!
for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || fail "the mock did not start"
base_url="http://127.0.0.1:$(cat "$work/port")"
export AGORA_CUSTOMER_ID=check-customer AGORA_CUSTOMER_SECRET=check-secret

# run NAME EXPECTED_STATUS EXPECTED_STDOUT_FILE|- STDERR_PATTERN|- -- COMMAND...
run() {
  local name=$1 want_status=$2 want_out=$3 want_err=$4
  shift 5
  step "$name: expecting exit status $want_status"
  local status=0
  "$@" >"$work/out" 2>"$work/err" || status=$?
  cat "$work/out" "$work/err" >>"$work/all"
  sed 's/^/    out: /' "$work/out"
  sed 's/^/    err: /' "$work/err"
  [ "$status" -eq "$want_status" ] || fail "$name: exit status $status, expected $want_status"
  if [ "$want_out" != - ]; then
    diff -u "$want_out" "$work/out" || fail "$name: unexpected output"
  fi
  if [ "$want_err" != - ]; then
    # Matched against standard error as one line (its lines joined by spaces).
    tr '\n' ' ' <"$work/err" | grep -Eq -- "$want_err" || fail "$name: standard error does not match /$want_err/"
  fi
}

expected() { # SID STREAM_COUNT
  local sid=$1 streams=$2 plural=s
  [ "$streams" -eq 1 ] && plural=""
  cat <<EOF
updated the subscription of recording $sid: $streams stream$plural
stopped recording $sid
upload: uploaded
file: ${sid}_${cname}__uid_s_123__uid_e_audio.m3u8 (audio, uid 123)
file: ${sid}_${cname}__uid_s_123__uid_e_video.m3u8 (video, uid 123)
EOF
}
expected sid-cmake 1 >"$work/expected-cmake"
expected sid-pc 2 >"$work/expected-pc"
expected sid-static 1 >"$work/expected-static"

# Settings from the command line (the CMake build) ...
run "find_package build: update and stop" 0 "$work/expected-cmake" - -- \
  "$with_cmake" --appid "$app" --resource-id rid-cmake --sid sid-cmake --mode individual \
  --cname "$cname" --uid "$uid" --base-url "$base_url"
# ... and from the environment (the pkg-config build), with two stream UIDs.
run "pkg-config build: update and stop" 0 "$work/expected-pc" - -- \
  env AGORA_APP_ID="$app" AGORA_RESOURCE_ID=rid-pc AGORA_SID=sid-pc AGORA_MODE=individual \
  AGORA_CNAME="$cname" AGORA_UID="$uid" AGORA_BASE_URL="$base_url" "$with_pkg_config" 123 456
run "acr::acr_static build: update and stop" 0 "$work/expected-static" - -- \
  "$with_static" --appid "$app" --resource-id rid-static --sid sid-static --mode individual \
  --cname "$cname" --uid "$uid" --base-url "$base_url"

# Failures, each with its own exit status and explanation.
run "the recording is stopped now: HTTP 404" 3 - \
  'HTTP 404, code 404, reason "failed to find worker".*X-Request-ID [^ ]+' -- \
  "$with_cmake" --appid "$app" --resource-id rid-cmake --sid sid-cmake --mode individual \
  --cname "$cname" --uid "$uid" --base-url "$base_url"
run "a subscription in web mode breaks a rule: nothing sent" 1 - ' /clientRequest/streamSubscribe: ' -- \
  "$with_cmake" --appid "$app" --resource-id rid-pc --sid sid-pc --mode web \
  --cname "$cname" --uid "$uid" --base-url "$base_url"
run "wrong credentials: HTTP 401" 3 - 'HTTP 401, reason "Invalid authentication credentials"' -- \
  env AGORA_CUSTOMER_SECRET=wrong "$with_pkg_config" --appid "$app" --resource-id rid-pc --sid sid-pc \
  --mode individual --cname "$cname" --uid "$uid" --base-url "$base_url"
run "plain http to a remote host is refused" 2 - 'http' -- \
  "$with_pkg_config" --appid "$app" --resource-id rid-pc --sid sid-pc --mode individual \
  --cname "$cname" --uid "$uid" --base-url "http://example.com"
run "missing settings: usage" 2 - 'is required' -- "$with_cmake" --appid "$app"

# --- 4. examples/lifecycle: acquire to stop in each mode, then its failures ---
# A channel of its own, so that no recording above is in the way (task conflict).
lc_cname=lifecycleChannel lc_uid=10001
export AGORA_STORAGE_ACCESS_KEY=AKIAcheckAccessKey AGORA_STORAGE_SECRET_KEY=checkStorageSecret
lifecycle_args=(--appid "$app" --cname "$lc_cname" --uid "$lc_uid" --bucket recordings --base-url "$base_url")
# The output's lines, in order, as one line joined by spaces.
expect_out() {
  tr '\n' ' ' <"$work/out" | grep -Eq -- "$1" || fail "unexpected output: not /$1/"
}
mock_fault() {
  "$python" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(
      sys.argv[1] + "/__mock/faults", data=sys.argv[2].encode(), method="POST"), timeout=10).read()' \
    "$base_url" "$1" || fail "could not queue the fault $1"
}
life='^acquire: resource ID [^ ]+ start: recording ([0-9a-f]+) in MODE mode query: status 5 \(recording\) .*'
run "lifecycle (find_package): individual mode" 0 - - -- "$lifecycle_cmake" --mode individual "${lifecycle_args[@]}"
expect_out "${life/MODE/individual}update: subscribed .* stop: stopped recording [0-9a-f]+ +upload: uploaded +file: .*_audio\.m3u8"
run "lifecycle (pkg-config): mix mode" 0 - - -- "$lifecycle_pkg_config" --mode mix "${lifecycle_args[@]}"
expect_out "${life/MODE/mix}update: subscribed .* updateLayout: two windows side by side stop: stopped recording"
run "lifecycle (find_package): web mode, from the environment" 0 - - -- \
  env AGORA_MODE=web AGORA_WEB_URL=https://example.com/class "$lifecycle_cmake" "${lifecycle_args[@]}"
expect_out "${life/MODE/web}update: the page recording is paused stop: stopped recording [0-9a-f]+ +upload: uploaded +file: "
run "lifecycle: a request that breaks a rule: pointers, nothing sent" 1 - \
  'acquire: the request breaks 1 rule .*nothing was sent: +/uid: ' -- \
  "$lifecycle_cmake" --mode individual "${lifecycle_args[@]}" --uid not-a-number
[ ! -s "$work/out" ] || fail "lifecycle printed a result for a request that was not sent"
mock_fault '{"match": "query", "preset": "wrong_types_200"}'
run "lifecycle: an invalid query answer; the recording is still stopped" 5 - \
  "query: the service's answer is invalid: .*\(at /uid\) query: X-Request-ID [^ ]+" -- \
  "$lifecycle_pkg_config" --mode individual "${lifecycle_args[@]}"
expect_out 'stop: stopped recording'
mock_fault '{"match": "stop", "preset": "jitter", "process": true}'
run "lifecycle: a retried stop hears 400/49: it most likely succeeded" 6 - \
  'stop: retried, .*most likely succeeded stop: the service answered HTTP 400, code 49, reason "invalid operation" stop: X-Request-ID [^ ]+' -- \
  "$lifecycle_cmake" --mode mix "${lifecycle_args[@]}"
# Leaves a recording running (no sid to stop it with): the last run that starts one.
mock_fault '{"match": "start", "preset": "jitter", "process": true}'
run "lifecycle: a retried start hears 201/7: it most likely succeeded" 6 - \
  'start: retried, .*most likely succeeded start: the service answered HTTP 201, code 7, .*start: the recording may be running' -- \
  "$lifecycle_pkg_config" --mode individual "${lifecycle_args[@]}"
run "lifecycle: wrong credentials: HTTP 401" 3 - 'acquire: the service answered HTTP 401' -- \
  env AGORA_CUSTOMER_SECRET=wrong "$lifecycle_cmake" --mode mix "${lifecycle_args[@]}"
run "lifecycle: no service on that port: transport" 4 - 'acquire: could not reach the service' -- \
  "$lifecycle_cmake" --mode mix "${lifecycle_args[@]}" --base-url "http://127.0.0.1:1"
run "lifecycle: web mode without a page: usage" 2 - 'AGORA_WEB_URL\) is required' -- \
  "$lifecycle_cmake" --mode web "${lifecycle_args[@]}"
for secret in check-secret AKIAcheckAccessKey checkStorageSecret; do
  if grep -q -- "$secret" "$work/all"; then fail "a secret ($secret) was printed"; fi
done

echo "check-install: ok (installed; update_and_stop and lifecycle built with find_package and with pkg-config, ran against the mock)"
