#!/usr/bin/env bash
# Every test docs/SECURITY.md names must exist. A name is written in
# backticks as `pkg.TestName` or `pkg.FuzzName` (pkg is the directory from
# the repo root, main for the root package), optionally with a /sub_test
# suffix as go test -run spells it. The function must be defined as
# func TestName( or func FuzzName( in a *_test.go file of that directory,
# and a sub-test's name (underscores read as spaces) must appear in one of
# them. make test then runs every one of them, so a named test that fails,
# fails make test.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/SECURITY.md
[ -f "$doc" ] || { echo "security-table: $doc is missing" >&2; exit 1; }
refs=$(grep -oE '`[a-z][a-z0-9_/]*\.(Test|Fuzz)[A-Za-z0-9_]+(/[A-Za-z0-9_.-]+)?`' "$doc" | tr -d '`' | sort -u)
[ -n "$refs" ] || { echo "security-table: $doc names no test" >&2; exit 1; }
missing=0 n=0
for ref in $refs; do
  n=$((n + 1))
  pkg=${ref%%.[TF][eu][sz]*} rest=${ref#"$pkg".}
  fn=${rest%%/*} sub=
  [ "$fn" != "$rest" ] && sub=${rest#*/}
  dir=$pkg; [ "$pkg" = main ] && dir=.
  if [ ! -d "$dir" ] || ! grep -qE "^func $fn\(" "$dir"/*_test.go 2>/dev/null; then
    echo "security-table: $doc names $ref, but no func $fn( in $dir/*_test.go" >&2
    missing=$((missing + 1))
  elif [ -n "$sub" ] && ! grep -qiF -e "\"${sub//_/ }\"" -e "\"$sub\"" "$dir"/*_test.go; then
    echo "security-table: $doc names $ref, but no sub-test \"${sub//_/ }\" in $dir/*_test.go" >&2
    missing=$((missing + 1))
  fi
done
if [ "$missing" -ne 0 ]; then
  echo "security-table: $missing of $n named tests do not exist" >&2
  exit 1
fi
echo "security-table: all $n tests named in $doc exist"
