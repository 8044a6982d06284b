#!/usr/bin/env bash
# The README's first command: install dependencies (with what the tests need, for
# the README's second command), build, then run scripts/demo-lifecycle.sh with the
# acr just built: against the bundled mock of the service, a recording's whole life
# in each mode (acquire, start, query, update, updateLayout in mix, stop), what came
# back, and then what goes wrong and how acr says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
ACR=build/bin/acr exec bash scripts/demo-lifecycle.sh
