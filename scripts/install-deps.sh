#!/usr/bin/env bash
# Installs what building and testing acr needs, from Debian's packages only.
set -euo pipefail
packages=(
  build-essential cmake pkg-config   # compiler and build
  libyajl-dev                        # JSON: streaming parser and generator
  libcurl4-openssl-dev ca-certificates  # HTTP(S) transport
  libcmocka-dev                      # C unit tests
  python3 python3-jinja2             # the code generator (and the mock service)
  clang libclang-rt-14-dev valgrind  # second compiler, sanitizer and libFuzzer runtimes, leak checks
  openssl                            # TLS certificates made by the fault-injection tests
)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "installing the dependencies failed" >&2
  exit 1
fi
rm -f "$log"
echo "dependencies installed"
