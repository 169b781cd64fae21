#!/usr/bin/env bash
# Every test docs/SECURITY.md names must exist: a name is written
# `pkg.TestName` or `pkg.FuzzName` (pkg is the directory from the repo root,
# main for the root package; a /subtest suffix is allowed), and it must be
# defined as func TestName( or func FuzzName( in a *_test.go file of that
# directory. make test then runs every one of them, so a named test that
# fails fails make test.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/SECURITY.md
[ -f "$doc" ] || { echo "security-table: $doc is missing" >&2; exit 1; }
names=$(grep -oE '`[a-z][a-z0-9_/]*\.(Test|Fuzz)[A-Za-z0-9_]+(/[^` ]*)?`' "$doc" | tr -d '`' | sed 's#/[^.]*$##; s#\(\.\(Test\|Fuzz\)[A-Za-z0-9_]*\)/.*#\1#' | sort -u)
[ -n "$names" ] || { echo "security-table: $doc names no test" >&2; exit 1; }
missing=0 n=0
for ref in $names; do
  pkg=${ref%.*} fn=${ref##*.}
  dir=$pkg; [ "$pkg" = main ] && dir=.
  n=$((n + 1))
  if [ ! -d "$dir" ] || ! grep -qE "^func $fn\(" "$dir"/*_test.go 2>/dev/null; then
    echo "security-table: $doc names $ref, but no func $fn( in $dir/*_test.go" >&2
    missing=$((missing + 1))
  fi
done
if [ "$missing" -ne 0 ]; then
  echo "security-table: $missing of $n named tests do not exist" >&2
  exit 1
fi
echo "security-table: all $n tests named in $doc exist"
