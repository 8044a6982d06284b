#!/usr/bin/env bash
# A recording's whole life with acr alone: start the bundled mock of the service on a
# loopback port and, in each mode, run acquire -> start -> query -> update ->
# updateLayout (mix only) -> stop, taking the resource ID and the sid from each
# answer; show what came back, then what goes wrong and how acr says so.
# ACR=/path/to/acr skips installing and building and runs that binary instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${ACR:-}" ]; then
  acr=$ACR
else
  bash scripts/install-deps.sh
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j"$(nproc)" >/dev/null
  acr=build/bin/acr
fi
echo "using $acr ($("$acr" --version))"

work=$(mktemp -d)
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

app=demoAppId
bodies=examples/bodies/lifecycle
python3 mock/agora_mock.py --port 0 --port-file "$work/port" --quiet \
  --customer-id demo-customer --customer-secret demo-secret &
mock_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "the mock did not start" >&2; exit 1; }
export AGORA_BASE_URL="http://127.0.0.1:$(cat "$work/port")"
export AGORA_CUSTOMER_ID=demo-customer AGORA_CUSTOMER_SECRET=demo-secret
echo "mock of the service listening at $AGORA_BASE_URL"

failed=0
out=""
# Runs acr, shows the command, its output and its exit status; the output (one line of
# JSON on success) is left in $out. Returns acr's exit status; never stops the demo.
run() {
  echo
  echo "\$ acr $*"
  local status=0
  out=$("$acr" "$@") || status=$?
  [ -z "$out" ] || echo "$out"
  echo "(exit status $status)"
  return "$status"
}

# A top-level string member of the one-line JSON answer in $out.
member() {
  printf '%s' "$out" | python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

run ncs-ip || failed=1

for mode in individual mix web; do
  case $mode in
    individual) acquire=$bodies/acquire.json;     update=examples/bodies/update-individual-subscribe.json ;;
    mix)        acquire=$bodies/acquire.json;     update=examples/bodies/update-mix-storage.json ;;
    web)        acquire=$bodies/acquire-web.json; update=examples/bodies/update-web-pause.json ;;
  esac
  echo
  echo "=== a recording in $mode mode"
  if ! run acquire --appid "$app" "$acquire" || ! rid=$(member resourceId); then
    failed=1; continue
  fi
  if ! run start --appid "$app" --resource-id "$rid" --mode "$mode" "$bodies/start-$mode.json" ||
     ! sid=$(member sid); then
    failed=1; continue
  fi
  ids=(--appid "$app" --resource-id "$rid" --sid "$sid")
  run query "${ids[@]}" --mode "$mode" || failed=1
  run update "${ids[@]}" --mode "$mode" "$update" || failed=1
  if [ "$mode" = mix ]; then
    run update-layout "${ids[@]}" --mode mix "$bodies/update-layout-mix.json" || failed=1
  fi
  run stop "${ids[@]}" --mode "$mode" examples/bodies/stop-individual.json || failed=1
  last_rid=$rid last_sid=$sid last_mode=$mode
done

echo
echo "=== what goes wrong, and how acr says so"
last_rid=${last_rid:-none} last_sid=${last_sid:-none} last_mode=${last_mode:-web}
ids=(--appid "$app" --resource-id "$last_rid" --sid "$last_sid" --mode "$last_mode")
# Each case says what it shows before running it.
say() { echo; echo "# $*"; }
say "A resource ID serves one recording: starting it again is HTTP 201, code 7, not success (exit 3)."
run start --appid "$app" --resource-id "$last_rid" --mode "$last_mode" "$bodies/start-$last_mode.json" || true
say "The recording has stopped: query gets 404 (exit 3), a second stop 400, code 49 (exit 3)."
run query "${ids[@]}" || true
run stop "${ids[@]}" examples/bodies/stop-individual.json || true
say "A resource ID not started within 5 minutes expires: 400, code 433 (exit 3)."
if run acquire --appid "$app" "$bodies/acquire.json" && rid=$(member resourceId); then
  # The mock's control API plays the waiting.
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(
      sys.argv[1] + "/__mock/expire", data=b"{}", method="POST"), timeout=5).read()' "$AGORA_BASE_URL"
  echo "(five minutes later)"
  run start --appid "$app" --resource-id "$rid" --mode individual "$bodies/start-individual.json" || true
else
  failed=1
fi
say "updateLayout exists in mix mode only: a usage error, nothing sent (exit 2)."
run update-layout --appid "$app" --resource-id "$last_rid" --sid "$last_sid" --mode web \
  "$bodies/update-layout-mix.json" || true
say "A body that breaks the API's rules: every violation with its JSON pointer, nothing sent (exit 1)."
run update --appid "$app" --resource-id "$last_rid" --sid "$last_sid" --mode mix \
  examples/bodies/update-mix-broken.json || true

echo
if [ "$failed" -ne 0 ]; then
  echo "a step of a recording's life failed (see above)" >&2
  exit 1
fi
echo "every recording went from acquire to stop"
