#!/usr/bin/env bash
# make test's Go tests: every package's tests (the testenv-tagged ones
# included) with -race, in one `go test`, run inside scripts/testenv.sh by
# the Makefile. Each check runs once:
#   - -vet=off: go test's vet subset is part of `make vet`, which ran every
#     analyzer over the same files (TEST_TAGS) just before;
#   - internal/archtest is left out: `make archtest` ran it just before (it
#     only reads the tree with go list; -race adds nothing to it).
# go test starts the packages' test runs in the order they are named, and
# runs at most -p (one per core) at a time: the packages whose tests take
# longest (go test -json's Elapsed, see docs/ARCHITECTURE.md) are named
# first, so they do not start last and run alone while the other core idles.
#   usage: scripts/test-all.sh [go test flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
TEST_TAGS=${TEST_TAGS:-${TAGS:-migrated_fynedo,no_emoji},testenv}
# Longest first (on a 2-core machine, -race, Dec 2026): 160 s, 130 s, 135 s,
# 110 s, 95 s, 80 s, 60 s, 35 s, 25 s.
slow=(ui/dashboard internal/app ui/shell cache . sandbox ui/register packaging/icons sandbox/faults)
mod=$(go list -m)
mapfile -t all < <(go list -tags "$TEST_TAGS" ./...)
[ ${#all[@]} -gt 0 ] || { echo "test-all: go list found no packages" >&2; exit 1; }
first=() rest=()
for s in "${slow[@]}"; do
  p=$mod${s#.}; [ "$s" = . ] || p=$mod/$s
  for a in "${all[@]}"; do [ "$a" = "$p" ] && first+=("$p"); done
done
for a in "${all[@]}"; do
  [ "$a" = "$mod/internal/archtest" ] && continue
  for f in "${first[@]}"; do [ "$a" = "$f" ] && continue 2; done
  rest+=("$a")
done
echo "test-all: go test -race -vet=off -tags $TEST_TAGS $* (${#first[@]} longest first, then ${#rest[@]} more; internal/archtest ran in make archtest)"
exec go test -race -vet=off -tags "$TEST_TAGS" "$@" "${first[@]}" "${rest[@]}"
