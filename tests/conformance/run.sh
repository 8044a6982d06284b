#!/usr/bin/env bash
# Conformance with third-party tools (issue 6, part 3): checks
# schema/cloud_recording.json and the acr client against
#   1. Redocly CLI  `redocly lint` with redocly.yaml (rules changed there, with reasons),
#   2. ajv          every example and edge body valid/invalid as written (ajv alone,
#                   schema_examples.mjs); then the C validator's verdicts and pointers
#                   vs ajv (draft 2020-12, strict), on every request body we have and
#                   10 000 seeded variants,
#   3. Prism        `prism mock` as the service for `acr update` and `acr stop`.
# Installs the pinned tools first with `npm ci` (package-lock.json; the registry
# as npm is configured, cache first), unless node_modules already matches the lockfile.
#
# usage: tests/conformance/run.sh [--acr BIN] [--variants N] [--seed N]
#                                 [--no-capture] [--only redocly|examples|ajv|ajv-extensions|prism]
# BIN defaults to $ACR_BIN, else build/bin/acr. Exit 0 when every check passes, 1 when
# one fails, 77 (skipped) without node 20.19+ and npm.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
acr=${ACR_BIN:-$root/build/bin/acr}
variants=${ACR_CONFORMANCE_VARIANTS:-10000}
seed=${ACR_CONFORMANCE_SEED:-20260601}
capture=1
only=
while [ $# -gt 0 ]; do
  case "$1" in
    --acr) acr=$2; shift 2 ;;
    --variants) variants=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-capture) capture=0; shift ;;
    --only) only=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$acr" in /*) ;; *) acr=$PWD/$acr ;; esac
schema=$root/schema/cloud_recording.json

fail() { echo "conformance: $*" >&2; exit 1; }
# Exit 77 (ctest: SKIP_RETURN_CODE) when the tools cannot run here at all.
skip() { echo "conformance: SKIPPED: $*" >&2; exit 77; }
command -v node >/dev/null || skip "node is not installed (node 20.19 or later, with npm)"
command -v npm >/dev/null || skip "npm is not installed"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  skip "node $(node --version) is too old: the pinned Redocly CLI needs 20.19 or later (Debian 12's nodejs is 18)"
[ -x "$acr" ] || fail "acr binary not found or not executable: $acr (build first, or pass --acr)"

# Quiet, private tools: no telemetry, update notices or install-time analytics.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_SUPPRESS_NOTIFICATIONS=true
export SCARF_ANALYTICS=false npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/acr-conformance.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$work"' EXIT
echo "=== npm ci (tests/conformance/package-lock.json)"
# One install at a time (several build trees may test the same source tree).
stamp_want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1) node-$(node --version)"
(
  flock 9
  if [ "$(cat "$here/node_modules/.acr-installed" 2>/dev/null)" = "$stamp_want" ] && [ "${ACR_CONFORMANCE_NPM_CI:-}" != always ]; then
    echo "node_modules matches package-lock.json; npm ci skipped (ACR_CONFORMANCE_NPM_CI=always forces it)"
  else
    cd "$here" && npm ci --prefer-offline --ignore-scripts --no-audit --no-fund --loglevel=error &&
      echo "$stamp_want" > "$here/node_modules/.acr-installed"
  fi
) 9>"${TMPDIR:-/tmp}/acr-conformance-npm.lock" || fail "npm ci failed"

declare -A status
run_check() {
  local name=$1; shift
  if [ -n "$only" ] && [ "$only" != "$name" ]; then return; fi
  echo "=== $name"
  if "$@"; then status[$name]=passed; else status[$name]="FAILED (exit $?)"; fi
}

redocly_lint() {
  (cd "$here" && node_modules/.bin/redocly lint --config redocly.yaml "$schema" 2>&1 |
    grep -v -e '║' -e '╔' -e '╚')
}

ajv_compare() {
  local captured= tmp=$work/captured
  if [ "$capture" = 1 ] && command -v python3 >/dev/null && [ -d "$root/tests/cli" ]; then
    # The bodies the CLI tests send: run them once with acr behind capture-acr.sh.
    mkdir -p "$tmp"
    echo "capturing the request bodies of tests/cli (python3 -m unittest) ..."
    if ACR_BIN=$here/capture-acr.sh ACR_CAPTURE_REAL=$acr ACR_CAPTURE_DIR=$tmp ACR_SOURCE_DIR=$root \
        python3 -m unittest discover -s "$root/tests/cli" >"$work/cli-tests.log" 2>&1; then
      echo "  tests/cli passed; $(ls "$tmp" | grep -c '\.args$') calls recorded"
    else
      echo "  tests/cli did not pass (their own ctest reports it); using the $(ls "$tmp" | grep -c '\.args$') calls recorded"
    fi
    captured="--captured $tmp"
  fi
  node "$here/ajv_compare.mjs" --acr "$acr" --schema "$schema" --examples "$root/examples/bodies" \
    --seed "$seed" --variants "$variants" $captured
}

prism_check() {
  node "$here/prism_check.mjs" --acr "$acr" --schema "$schema" --examples "$root/examples/bodies"
}

run_check redocly redocly_lint
run_check examples node "$here/schema_examples.mjs" --schema "$schema"
run_check ajv ajv_compare
run_check ajv-extensions node "$here/ajv_extensions.mjs"
run_check prism prism_check

echo "=== summary ($(( $(date +%s) - started )) s; acr: $acr)"
rc=0
for name in redocly examples ajv ajv-extensions prism; do
  [ -n "${status[$name]:-}" ] || continue
  echo "  $name: ${status[$name]}"
  [ "${status[$name]}" = passed ] || rc=1
done
exit $rc
