#!/usr/bin/env bash
# The main job: install dependencies, build, start the bundled mock of the service
# on a loopback port, drive a recording in each mode with acr update and acr stop,
# show what came back, and stop the mock.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test   # the README's second command runs the tests
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
acr=build/bin/acr
echo "built $acr ($($acr --version))"

work=$(mktemp -d)
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Three recordings, as acquire + start would have left them: one per mode.
app=demoAppId
cname=httpClient463224
uid=527841
python3 mock/agora_mock.py --port 0 --port-file "$work/port" --quiet \
  --customer-id demo-customer --customer-secret demo-secret \
  --recording "individual,$app,rid-individual,sid-individual,$cname,$uid,json" \
  --recording "mix,$app,rid-mix,sid-mix,$cname,$uid,string" \
  --recording "web,$app,rid-web,sid-web,$cname,$uid" &
mock_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "the mock did not start" >&2; exit 1; }
export AGORA_BASE_URL="http://127.0.0.1:$(cat "$work/port")"
export AGORA_CUSTOMER_ID=demo-customer AGORA_CUSTOMER_SECRET=demo-secret
echo "mock of the service listening at $AGORA_BASE_URL"

# Runs acr, shows the command, its output and its exit status; never stops the demo.
run() {
  echo
  echo "\$ acr $*"
  set +e
  "$acr" "$@"
  local status=$?
  set -e
  echo "(exit status $status)"
}

for mode in individual mix web; do
  case $mode in
    individual) body=examples/bodies/update-individual-subscribe.json ;;
    mix)        body=examples/bodies/update-mix-storage.json ;;
    web)        body=examples/bodies/update-web-pause.json ;;
  esac
  echo
  echo "=== a recording in $mode mode"
  run update --appid "$app" --resource-id "rid-$mode" --sid "sid-$mode" --mode "$mode" --verbose "$body"
  run stop --appid "$app" --resource-id "rid-$mode" --sid "sid-$mode" --mode "$mode" examples/bodies/stop-individual.json
done

echo
echo "=== what goes wrong, and how acr says so"
run stop --appid "$app" --resource-id rid-web --sid sid-web --mode web examples/bodies/stop-individual.json
run update --appid "$app" --resource-id rid-individual --sid sid-individual --mode individual \
  examples/bodies/update-individual-subscribe.json
run update --appid "$app" --resource-id rid-individual --sid sid-individual --mode individual \
  examples/bodies/update-web-pause.json
run validate update --mode mix examples/bodies/update-mix-broken.json
