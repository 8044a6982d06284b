#!/usr/bin/env bash
# The ABI guard: compares the public ABI of libacr.so (types from the public
# headers, exported functions and objects) with the committed baseline
# abi/libacr.abi, using libabigail (Debian: abigail-tools).
#
# usage: scripts/check-abi.sh [--update] [BUILD_DIR]     (BUILD_DIR: build)
#   exit 0  the ABI is unchanged, or only grew (new functions or objects; then
#           refresh the baseline with --update), or the SONAME was bumped
#           (ACR_SOVERSION in CMakeLists.txt) since the baseline was written
#   exit 1  the ABI changed incompatibly (a function or object removed, a public
#           type changed: any schema edit that changes a struct) under the same
#           SONAME: bump ACR_SOVERSION, rebuild, and run with --update
#   exit 2  usage, or a tool or the library is missing
# --update rewrites abi/libacr.abi from BUILD_DIR's library: run it after a
# deliberate ABI change (with the SONAME bump) and commit the file.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
baseline=$root/abi/libacr.abi
update=0
build=$root/build
for arg in "$@"; do
  case "$arg" in
    --update) update=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-abi.sh: unknown option $arg" >&2; exit 2 ;;
    *) build=$arg ;;
  esac
done
for tool in abidw abidiff readelf; do
  command -v "$tool" >/dev/null || { echo "check-abi.sh: $tool not found (apt-get install abigail-tools binutils)" >&2; exit 2; }
done
lib=$(find "$build" -maxdepth 1 -name 'libacr.so.*.*.*' -type f | sort | tail -n 1)
[ -n "$lib" ] || { echo "check-abi.sh: no libacr.so.X.Y.Z in $build (build with ACR_BUILD_SHARED=ON and debug info, e.g. RelWithDebInfo)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Only the types the public headers declare; no paths, so the file is the same
# from any checkout.
abidw --hd "$root/runtime/include/acr" --hd "$root/generated" --drop-private-types \
  --no-corpus-path --no-show-locs --no-comp-dir-path --drop-undefined-syms \
  --out-file "$work/current.abi" "$lib"
soname() { sed -n "s/.*<abi-corpus [^>]*soname='\([^']*\)'.*/\1/p" "$1" | head -n 1; }
now=$(soname "$work/current.abi")

if [ "$update" = 1 ]; then
  mkdir -p "$(dirname "$baseline")"
  cp "$work/current.abi" "$baseline"
  echo "abi/libacr.abi rewritten from $lib ($now): commit it"
  exit 0
fi
[ -f "$baseline" ] || { echo "check-abi.sh: no baseline $baseline (scripts/check-abi.sh --update writes it)" >&2; exit 2; }
was=$(soname "$baseline")
echo "ABI of $lib ($now) against abi/libacr.abi ($was)"

set +e
abidiff "$baseline" "$work/current.abi" > "$work/diff.txt"
status=$?
set -e
if [ $((status & 3)) -ne 0 ]; then
  cat "$work/diff.txt" >&2
  echo "check-abi.sh: abidiff failed (exit $status)" >&2
  exit 2
fi
if [ "$status" -eq 0 ]; then
  echo "ABI unchanged"
  exit 0
fi
cat "$work/diff.txt"
if [ "$now" != "$was" ]; then
  echo "ABI changed, and the SONAME with it ($was -> $now): fine; refresh the baseline (scripts/check-abi.sh --update)"
  exit 0
fi
# Under the same SONAME only additions are allowed.
set +e
abidiff --no-added-syms "$baseline" "$work/current.abi" >/dev/null
only_added=$?
set -e
if [ "$only_added" -eq 0 ]; then
  echo "ABI grew (additions only): compatible; refresh the baseline (scripts/check-abi.sh --update)"
  exit 0
fi
echo "check-abi.sh: the ABI of $now changed incompatibly (above). Bump ACR_SOVERSION in CMakeLists.txt," >&2
echo "  rebuild, run scripts/check-abi.sh --update and commit abi/libacr.abi." >&2
exit 1
