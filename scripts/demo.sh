#!/usr/bin/env bash
# The main job: install dependencies, build, and show acr at work.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "built: build/bin/acr ($(build/bin/acr --version))"

for body in examples/bodies/*.json; do
  name=$(basename "$body" .json)
  kind=${name%%-*}     # update-... or stop-...
  mode=${name#*-}; mode=${mode%%-*}
  echo
  echo "\$ acr validate $kind --mode $mode $body"
  set +e
  build/bin/acr validate "$kind" --mode "$mode" "$body"
  status=$?
  set -e
  echo "(exit status $status: $([ $status -eq 0 ] && echo valid || echo 'violations listed above'))"
done
