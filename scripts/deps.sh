#!/usr/bin/env bash
# Install the Debian/Ubuntu packages the build and the tests need, and only
# those that are missing. Says what it installs; uses sudo when not root.
#   usage: scripts/deps.sh [build|test|all|openapi|package-check|package]   (default: all)
set -euo pipefail
what=${1:-all}

build_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev)
test_pkgs=(xvfb dbus dbus-x11 gnome-keyring libsecret-tools x11-utils xdotool)
# Installers (make package-check, part of make test): the .deb's desktop entry
# check and the NSIS compiler. make package adds the Windows cross-compiler and
# the Authenticode signer.
package_check_pkgs=(desktop-file-utils nsis xz-utils)
# The OpenAPI linter (make openapi-lint, part of make test) is an npm package;
# the Makefile asks for these only when there is no npm (NodeSource's nodejs
# carries its own npm, which Debian's npm package conflicts with).
openapi_pkgs=(nodejs npm)
package_pkgs=("${package_check_pkgs[@]}" gcc-mingw-w64-x86-64 osslsigncode)

case $what in
  build) want=("${build_pkgs[@]}") ;;
  test)  want=("${test_pkgs[@]}") ;;
  all)   want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  openapi) want=("${openapi_pkgs[@]}") ;;
  package-check) want=("${build_pkgs[@]}" "${test_pkgs[@]}" "${package_check_pkgs[@]}") ;;
  package) want=("${build_pkgs[@]}" "${test_pkgs[@]}" "${package_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|all|openapi|package-check|package]" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null; then
  echo "deps: Go is not installed. Install Go 1.26 or newer from https://go.dev/dl/ and run this again." >&2
  exit 1
fi
gover=$(go env GOVERSION | sed 's/^go//')
if [ "$(printf '%s\n1.26\n' "$gover" | sort -V | head -1)" != "1.26" ]; then
  echo "deps: Go $gover is too old; this project needs Go 1.26 or newer." >&2
  exit 1
fi

if ! command -v dpkg-query >/dev/null; then
  echo "deps: not a Debian/Ubuntu system; install the equivalents of: ${want[*]}" >&2
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "deps: refreshing the package lists and trying again"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
