#!/usr/bin/env bash
# Installs what building and testing acr needs, from Debian's packages only.
set -euo pipefail
packages=(
  build-essential cmake pkg-config   # compiler and build
  libyajl-dev                        # JSON: streaming parser and generator
  libcurl4-openssl-dev ca-certificates  # HTTP(S) transport
  libcmocka-dev                      # C unit tests
  python3 python3-jinja2             # the code generator (and the mock service)
  clang valgrind                     # second compiler, sanitizers' runtime, leak checks
)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "dependencies installed"
