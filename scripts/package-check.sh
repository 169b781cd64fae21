#!/usr/bin/env bash
# The packaging checks `make test` runs, after the Go tests: build the Linux
# tarball and .deb (one `fyne package --release` build), compile the NSIS
# script around a stub .exe, then run ./packaging's tests on them inside the
# test environment (the .deb's binary must open its window on Xvfb). The
# Windows cross-build (~6 min cold) and its PE checks run in `make package`.
# Artifacts go to a temp dir, so dist/ is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
out=$(mktemp -d "${TMPDIR:-/tmp}/cekbpjstk-package-check.XXXXXX")
trap 'rm -rf "$out"' EXIT
# The checks are of this work tree, edits included: make test tests what you have.
DIST=$out PACKAGE_SRC=worktree scripts/package.sh linux nsis-stub
# TEST_TAGS (the Makefile's TAGS plus testenv) builds the display test too.
CEKBPJSTK_DIST=$out scripts/testenv.sh go test -tags "${TEST_TAGS:-${TAGS:-migrated_fynedo,no_emoji},testenv}" -count=1 -v ./packaging
echo "package-check: ok ($(( $(date +%s) - start ))s)"
