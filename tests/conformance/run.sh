#!/usr/bin/env bash
# Conformance with third-party tools (issue 6, part 3): checks
# schema/cloud_recording.json and the acr client against
#   1. Redocly CLI  `redocly lint` with redocly.yaml (rules changed there, with reasons),
#   2. ajv          every example and edge body valid/invalid as written (ajv alone,
#                   schema_examples.mjs); then the C validator's verdicts and pointers
#                   vs ajv (draft 2020-12, strict), on every request body we have and
#                   10 000 seeded variants,
#   3. Prism        `prism mock` as the service for `acr update` and `acr stop`.
# The pinned tools are installed with `npm ci` into DIR (--deps DIR, default
# $ACR_CONFORMANCE_DEPS, else build/conformance: never the source tree), the npm cache
# first, then the registry npm is configured with; the scripts are copied beside them
# (node resolves ES module imports from the importing file's folder, not NODE_PATH).
#
# usage: tests/conformance/run.sh [--acr BIN] [--deps DIR] [--variants N] [--seed N]
#                                 [--recorded DIR | --no-capture] [--only redocly|examples|ajv|ajv-extensions|prism]
# ajv also compares the bodies the CLI tests send: those recorded in DIR by the
# cli.acr test (--recorded), else it runs tests/cli once itself to record them.
# BIN defaults to $ACR_BIN, else build/bin/acr. Exit 0 when every check passes, 1 when
# one fails, 77 (skipped, with the reason) without node 20.19+ and npm, or when the
# packages cannot be installed (no registry and no cache). ACR_CONFORMANCE_REQUIRED=1
# (CI) turns a skip into a failure.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
acr=${ACR_BIN:-$root/build/bin/acr}
deps=${ACR_CONFORMANCE_DEPS:-$root/build/conformance}
variants=${ACR_CONFORMANCE_VARIANTS:-10000}
seed=${ACR_CONFORMANCE_SEED:-20260601}
capture=1
recorded=
only=
while [ $# -gt 0 ]; do
  case "$1" in
    --acr) acr=$2; shift 2 ;;
    --deps) deps=$2; shift 2 ;;
    --recorded) recorded=$2; shift 2 ;;
    --variants) variants=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-capture) capture=0; shift ;;
    --only) only=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$acr" in /*) ;; *) acr=$PWD/$acr ;; esac
case "$deps" in /*) ;; *) deps=$PWD/$deps ;; esac
schema=$root/schema/cloud_recording.json

fail() { echo "conformance: $*" >&2; exit 1; }
# Exit 77 (ctest: SKIP_RETURN_CODE) when the tools cannot run here at all.
skip() {
  if [ "${ACR_CONFORMANCE_REQUIRED:-0}" = 1 ]; then fail "cannot run (ACR_CONFORMANCE_REQUIRED=1): $*"; fi
  echo "conformance: SKIPPED: $*" >&2; exit 77
}
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
echo "=== npm ci into $deps (tests/conformance/package-lock.json)"
mkdir -p "$deps" || fail "cannot create $deps"
# One install at a time per folder (ctest -j, or two runs on one build tree).
stamp_want="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1) node-$(node --version)"
(
  flock 9
  if [ "$(cat "$deps/node_modules/.acr-installed" 2>/dev/null)" = "$stamp_want" ] && [ "${ACR_CONFORMANCE_NPM_CI:-}" != always ]; then
    echo "node_modules matches package-lock.json; npm ci skipped (ACR_CONFORMANCE_NPM_CI=always forces it)"
  else
    cp "$here/package.json" "$here/package-lock.json" "$deps/" &&
      (cd "$deps" && npm ci --prefer-offline --ignore-scripts --no-audit --no-fund --loglevel=error) >"$deps/npm-ci.log" 2>&1 &&
      echo "$stamp_want" > "$deps/node_modules/.acr-installed"
  fi
) 9>"$deps/.npm-ci.lock"
if [ ! -f "$deps/node_modules/.acr-installed" ]; then
  tail -n 5 "$deps/npm-ci.log" 2>/dev/null | sed 's/^/  npm: /' >&2
  skip "npm ci could not install the pinned packages (no registry reachable, nothing in the npm cache?); full log: $deps/npm-ci.log"
fi
# The scripts run from beside node_modules; refreshed on every run.
rm -rf "$deps/lib" && cp -R "$here/lib" "$here"/*.mjs "$here/redocly.yaml" "$deps/" || fail "cannot copy the scripts to $deps"
tools=$deps

declare -A status
run_check() {
  local name=$1; shift
  if [ -n "$only" ] && [ "$only" != "$name" ]; then return; fi
  echo "=== $name"
  if "$@"; then status[$name]=passed; else status[$name]="FAILED (exit $?)"; fi
}

redocly_lint() {
  (cd "$tools" && node_modules/.bin/redocly lint --config redocly.yaml "$schema" 2>&1 |
    grep -v -e '║' -e '╔' -e '╚')
}

ajv_compare() {
  local captured= tmp=$work/captured
  if [ -n "$recorded" ] && ls "$recorded" 2>/dev/null | grep -q '\.args$'; then
    # Recorded by the cli.acr test (tests/cli/support.py, ACR_CAPTURE_DIR).
    echo "the request bodies of tests/cli: $(ls "$recorded" | grep -c '\.args$') calls recorded by cli.acr in $recorded"
    captured="--captured $recorded"
  elif [ "$capture" = 1 ] && command -v python3 >/dev/null && [ -d "$root/tests/cli" ]; then
    # The bodies the CLI tests send: run them once, recording each call.
    mkdir -p "$tmp"
    echo "recording the request bodies of tests/cli (python3 -m unittest) ..."
    if ACR_BIN=$acr ACR_CAPTURE_DIR=$tmp ACR_SOURCE_DIR=$root \
        python3 -m unittest discover -s "$root/tests/cli" >"$work/cli-tests.log" 2>&1; then
      echo "  tests/cli passed; $(ls "$tmp" | grep -c '\.args$') calls recorded"
    else
      echo "  tests/cli did not pass (their own ctest reports it); using the $(ls "$tmp" | grep -c '\.args$') calls recorded"
    fi
    captured="--captured $tmp"
  fi
  node "$tools/ajv_compare.mjs" --acr "$acr" --schema "$schema" --examples "$root/examples/bodies" \
    --seed "$seed" --variants "$variants" $captured
}

prism_check() {
  node "$tools/prism_check.mjs" --acr "$acr" --schema "$schema" --examples "$root/examples/bodies"
}

run_check redocly redocly_lint
run_check examples node "$tools/schema_examples.mjs" --schema "$schema"
run_check ajv ajv_compare
run_check ajv-extensions env ACR_SOURCE_DIR="$root" node "$tools/ajv_extensions.mjs"
run_check prism prism_check

echo "=== summary ($(( $(date +%s) - started )) s; acr: $acr)"
rc=0
for name in redocly examples ajv ajv-extensions prism; do
  [ -n "${status[$name]:-}" ] || continue
  echo "  $name: ${status[$name]}"
  [ "${status[$name]}" = passed ] || rc=1
done
exit $rc
