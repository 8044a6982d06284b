#!/usr/bin/env bash
# A stand-in for the acr binary (ACR_BIN) while the CLI tests run: records every
# `acr validate|update|stop` call's arguments and request body in
# $ACR_CAPTURE_DIR (N.args: NUL-separated argv; N.body: the body), then runs the
# real binary ($ACR_CAPTURE_REAL) on the same input, so the tests see no difference.
# run.sh compares ajv and acr on the bodies recorded.
set -u
real=${ACR_CAPTURE_REAL:?ACR_CAPTURE_REAL is not set}
dir=${ACR_CAPTURE_DIR:?ACR_CAPTURE_DIR is not set}
case "${1-}" in
  validate|update|stop) ;;
  *) exec "$real" "$@" ;;
esac
record=$(mktemp "$dir/call.XXXXXXXX") || exec "$real" "$@"
printf '%s\0' "$@" > "$record.args"
# The body: the FILE operand if there is one, else standard input.
file=
skip=0
for arg in "${@:2}"; do
  if [ "$skip" = 1 ]; then skip=0; continue; fi
  case "$arg" in
    --mode|--format|--max-violations|--appid|--resource-id|--sid|--base-url|--timeout|--retries) skip=1 ;;
    -) file= ;;
    -*) ;;
    *) if [ "$1" != validate ] || [ "$arg" != "$2" ]; then file=$arg; fi ;;
  esac
done
if [ -n "$file" ]; then
  [ -f "$file" ] && cp -- "$file" "$record.body"
  rm -f "$record"
  exec "$real" "$@"
fi
cat > "$record.body"
exec "$real" "$@" < "$record.body"
