#!/usr/bin/env bash
# The backends must build without Fyne: print any fyne.io package that
# service/, cache/, sandbox/, keystore/, statement/ or projection/ pull in, and fail if there is one.
# Packages that don't exist yet are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=()
for d in service cache sandbox keystore statement projection; do
  [ -d "$d" ] && [ -n "$(find "$d" -name '*.go' -print -quit)" ] && pkgs+=("./$d/...")
done
[ ${#pkgs[@]} -eq 0 ] && { echo "fyne-free: no backend packages yet"; exit 0; }
leaks=$(go list -tags migrated_fynedo -deps "${pkgs[@]}" | grep '^fyne\.io/' || true)
if [ -n "$leaks" ]; then
  echo "fyne-free: these backend packages pull in Fyne:" >&2
  for p in "${pkgs[@]}"; do
    go list -tags migrated_fynedo -deps "$p" | grep -q '^fyne\.io/' && echo "  $p" >&2
  done
  echo "$leaks" | sed 's/^/    /' >&2
  exit 1
fi
echo "fyne-free: ${pkgs[*]} import no fyne.io package"
