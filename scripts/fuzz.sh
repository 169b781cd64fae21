#!/usr/bin/env bash
# make fuzz: run every Go fuzz target for FUZZTIME (default 60s) each, one
# at a time (fuzzing uses every core), and print a summary. FUZZ is a
# regexp that picks targets by name. New crashers land in the package's
# testdata/fuzz/FuzzXxx/ (commit them with the fix: they then run in every
# make test). With SAVE_SEEDS=N (default 0), up to N inputs the fuzzer found
# interesting are copied from the Go cache into testdata/fuzz as new seeds.
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-60s}
FUZZ=${FUZZ:-.}
SAVE_SEEDS=${SAVE_SEEDS:-0}
# The Makefile's TEST_TAGS: its TAGS plus testenv, so that fuzz targets in
# testenv-tagged files (they need scripts/testenv.sh, as make fuzz provides)
# are found and built.
TEST_TAGS=${TEST_TAGS:-${TAGS:-migrated_fynedo,no_emoji},testenv}
cache=$(go env GOCACHE)/fuzz
mod=$(go list -m)

targets=$(grep -rlE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . |
  while read -r f; do
    d=$(dirname "$f")
    grep -oE '^func Fuzz[A-Za-z0-9_]*' "$f" | sed "s#^func #$d #"
  done | sort -u | awk -v re="$FUZZ" '$2 ~ re')
[ -n "$targets" ] || { echo "fuzz: no target matches $FUZZ"; exit 1; }

results=() failed=0
while read -r dir name; do
  echo "== fuzz $dir $name for $FUZZTIME"
  log=$(mktemp)
  # -fuzzminimizetime 30x: the fuzzer shrinks each new interesting input
  # for up to a minute by default, and the statement printouts' seeds are
  # ~75 KB: FuzzRead ran 9 inputs in a 60 s run. 30 tries each is enough to
  # drop what a crasher doesn't need.
  go test -tags "$TEST_TAGS" -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 30x "$dir" 2>&1 | tee "$log" | grep -vE '^fuzz: elapsed: [0-9]+s, execs' || true
  status=${PIPESTATUS[0]}
  execs=$(grep -oE 'execs: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  corpus=$(grep -oE 'new interesting: [0-9]+' "$log" | tail -1 | awk '{print $3}')
  if grep -q '^ok' "$log"; then
    results+=("PASS  $dir $name  execs=${execs:-?} new-interesting=${corpus:-0}")
  else
    results+=("FAIL  $dir $name  (crasher saved under $dir/testdata/fuzz/$name/)")
    failed=$((failed + 1))
  fi
  rm -f "$log"
  if [ "$SAVE_SEEDS" -gt 0 ]; then
    pkg=$mod/${dir#./}
    src=$cache/$pkg/$name
    if [ -d "$src" ]; then
      mkdir -p "$dir/testdata/fuzz/$name"
      ls -S "$src" | tail -n "$SAVE_SEEDS" | while read -r f; do cp "$src/$f" "$dir/testdata/fuzz/$name/"; done
    fi
  fi
done <<< "$targets"

echo
echo "== make fuzz summary (FUZZTIME=$FUZZTIME)"
printf '%s\n' "${results[@]}"
[ "$failed" -eq 0 ] || { echo "fuzz: $failed target(s) found a failing input" >&2; exit 1; }
