#!/usr/bin/env bash
# Build the macOS app bundle and disk image, on a Mac (cgo needs Apple's SDK,
# so this cannot run on Linux). Like scripts/package.sh it builds from a
# private copy of the committed tree, so FyneApp.toml's Build bump and
# fyne's temporary files never touch the work tree.
#   usage: scripts/package-darwin.sh
#   out:   dist/Cek BPJSTK.app, dist/cekbpjstk-V-darwin-ARCH.dmg (ARCH: this Mac's, arm64 or amd64)
#   env:   DIST (default ./dist), PACKAGE_SRC=head|worktree (as scripts/package.sh),
#          MACOS_SIGN_IDENTITY  "Developer ID Application: NAME (TEAMID)" -> codesign the .app and .dmg
#          MACOS_NOTARY_PROFILE a notarytool keychain profile -> notarize and staple the .dmg
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ "$(uname -s)" = Darwin ] || { echo "package-darwin: needs macOS (hdiutil, and Apple's SDK for cgo)" >&2; exit 2; }
command -v xcrun >/dev/null || { echo "package-darwin: install the Xcode command line tools: xcode-select --install" >&2; exit 2; }
dist=${DIST:-$root/dist}
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)

version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -1)
[ -n "$version" ] || { echo "package-darwin: no Version in FyneApp.toml" >&2; exit 1; }
arch=$(go env GOARCH)
app="$dist/Cek BPJSTK.app"
dmg=$dist/cekbpjstk-$version-darwin-$arch.dmg

work=$(mktemp -d "${TMPDIR:-/tmp}/cekbpjstk-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
src=$work/src
mkdir -p "$src"
if [ "${PACKAGE_SRC:-head}" = worktree ]; then
  git ls-files -z --cached --others --exclude-standard |
    tar --null -T - -cf - 2>/dev/null | tar -xf - -C "$src"
else
  git archive --format=tar HEAD | tar -xf - -C "$src"
fi

start=$(date +%s)
echo "package-darwin: fyne package -os darwin --release --tags no_emoji"
(cd "$src" && go build -modfile=tools/go.mod -o "$work/fyne" fyne.io/tools/cmd/fyne &&
  "$work/fyne" package -os darwin --release --tags no_emoji)
rm -rf "$app"
mv "$src/Cek BPJSTK.app" "$app"
# fyne must have built with FyneApp.toml's [Migrations] tag, and as a release
go version -m "$app/Contents/MacOS/cekbpjstk" | grep -q -- '-tags=.*migrated_fynedo' ||
  { echo "package-darwin: the binary was not built with -tags migrated_fynedo" >&2; exit 1; }
got=$("$app/Contents/MacOS/cekbpjstk" --version)
[ "$got" = "Cek BPJSTK $version" ] || { echo "package-darwin: --version says '$got'" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "package-darwin: codesign (hardened runtime, secure timestamp)"
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
fi

echo "package-darwin: hdiutil -> $(basename "$dmg")"
stage=$work/dmg
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Cek BPJSTK $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  echo "package-darwin: notarize and staple"
  xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
hdiutil verify "$dmg" >/dev/null
echo "package-darwin: $dmg ($(du -h "$dmg" | cut -f1), $(( $(date +%s) - start ))s)"
