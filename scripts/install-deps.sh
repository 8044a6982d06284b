#!/usr/bin/env bash
# Installs acr's dependencies, from Debian's packages only.
#   scripts/install-deps.sh          what building, regenerating and linking need
#   scripts/install-deps.sh --test   that, plus the test suite's and CI's tools
set -euo pipefail
packages=(
  build-essential cmake pkg-config   # C and C++ compilers, the build
  libyajl-dev                        # JSON: streaming parser and generator
  libcurl4-openssl-dev ca-certificates  # HTTP(S) transport
  python3 python3-jinja2             # the code generator (and the mock service of the demo)
)
case "${1-}" in
  "") ;;
  --test)
    packages+=(
      libcmocka-dev                      # C unit and integration tests
      openssl                            # TLS certificates made by the fault-injection tests
      clang libclang-rt-14-dev valgrind  # second compiler, sanitizer and libFuzzer runtimes, leak checks
      doxygen                            # the API reference (docs target)
      groff-base                         # renders the man page in its test (docs.man_completion)
      abigail-tools                      # the ABI guard (scripts/check-abi.sh)
      libuv1-dev                         # only for async_libuv in examples/async (its test skips without it)
    )
    # The conformance tests (node 20.19+ and npm): Debian's nodejs where there is
    # none; a newer one already installed stays (Debian 12's 18 makes them skip).
    command -v npm >/dev/null || packages+=(nodejs npm)
    ;;
  *) echo "usage: scripts/install-deps.sh [--test]" >&2; exit 2 ;;
esac
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
echo "dependencies installed${1:+ ($1)}"
