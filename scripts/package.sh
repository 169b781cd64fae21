#!/usr/bin/env bash
# Build the installers from a private copy of the work tree, so the tree is
# left exactly as found (`fyne package` bumps Build in FyneApp.toml and drops
# temporary files into the source dir while it builds).
#   usage: scripts/package.sh [linux] [windows] [nsis-stub] [sums]   (default: linux windows sums)
#     linux      dist/cekbpjstk-V-linux-amd64.tar.xz (fyne package) and dist/cekbpjstk_V-1_amd64.deb (nfpm)
#     windows    dist/cekbpjstk-V-windows-amd64.exe (fyne package, mingw-w64 when not on Windows)
#                and dist/cekbpjstk-V-windows-amd64-setup.exe (NSIS)
#     nsis-stub  only check that the NSIS script compiles, around a stub .exe (fast; for `make test`)
#     sums       dist/SHA256SUMS over every artifact in dist/
#   env: DIST (default ./dist), PACKAGE_SRC=head|worktree (default head: the committed tree), MAKENSIS, WINDOWS_CC (default x86_64-w64-mingw32-gcc),
#        SIGN_PKCS12 + SIGN_PASSWORD: sign both .exe files with osslsigncode, or with $SIGNTOOL (signtool.exe) when set
# The version is FyneApp.toml's [Details] Version (and Build); nothing else states it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux windows sums)
dist=${DIST:-$root/dist}
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)

toml() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1; }
version=$(toml Version)
build=$(toml Build)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "package: FyneApp.toml Version '$version' is not X.Y.Z" >&2; exit 1; }
[[ $build =~ ^[0-9]+$ ]] || { echo "package: FyneApp.toml Build '$build' is not a number" >&2; exit 1; }
base=cekbpjstk-$version

step_start=0
step() { step_start=$(date +%s); echo "package: $*"; }
done_step() { echo "package:   -> $1 ($(( $(date +%s) - step_start ))s, $(du -h "$1" | cut -f1))"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cekbpjstk-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The source copy: by default the committed tree (HEAD), because a release is
# built from a commit and uncommitted edits must not leak into it;
# PACKAGE_SRC=worktree takes tracked + untracked-but-not-ignored files instead.
src=$work/src
mkdir -p "$src"
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  tar --exclude=./dist --exclude=./.git -cf - . | tar -xf - -C "$src"
elif [ "${PACKAGE_SRC:-head}" = worktree ]; then
  git ls-files -z --cached --others --exclude-standard |
    tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$src"
else
  git archive --format=tar HEAD | tar -xf - -C "$src"
  [ -z "$(git status --porcelain --untracked-files=no)" ] ||
    echo "package: building HEAD $(git rev-parse --short HEAD); uncommitted edits are not included (PACKAGE_SRC=worktree to include them)"
fi

# The pinned tools (tools/go.mod), built for this machine: `go tool -n`
# builds one (or finds it in the build cache, where Go keeps the tools it
# built: no link on every run) and prints its path. GOOS, GOARCH, CC and
# CGO_ENABLED are cleared for it, or it would be built with the
# cross-compiler's CC when packaging for Windows; the tool itself then runs
# with them.
exe_suffix=$(go env GOHOSTOS | sed -n 's/^windows$/.exe/p')
tool() {
  [ -x "$work/bin/$1$exe_suffix" ] && return
  local path
  path=$(cd "$src" && GOOS='' GOARCH='' CC='' CGO_ENABLED='' go tool -modfile=tools/go.mod -n "$2") &&
    [ -x "$path" ] || { echo "package: go tool -n $2 gave no executable ('$path')" >&2; return 1; }
  mkdir -p "$work/bin" && cp "$path" "$work/bin/$1$exe_suffix"
}
# Every `fyne package` bumps Build in the copy's FyneApp.toml after it is
# done: put the original back first, so all artifacts carry the same Build.
cp "$src/FyneApp.toml" "$work/FyneApp.toml"
fyne() {
  tool fyne fyne.io/tools/cmd/fyne && cp "$work/FyneApp.toml" "$src/FyneApp.toml" &&
    (cd "$src" && "$work/bin/fyne$exe_suffix" "$@")
}
nfpm() { tool nfpm github.com/goreleaser/nfpm/v2/cmd/nfpm && (cd "$src" && "$work/bin/nfpm$exe_suffix" "$@"); }
# Paths handed to native Windows programs (makensis.exe) from Git Bash.
native() { if command -v cygpath >/dev/null; then cygpath -m "$1"; else printf '%s\n' "$1"; fi; }

icons() {
  [ -d "$work/icons" ] && return
  # -trimpath: the same source in another clone is the same build (cached).
  (cd "$src" && go run -trimpath ./packaging/icons -src assets/icon.png -png-dir "$work/icons/hicolor" -ico "$work/icons/cekbpjstk.ico")
  mkdir -p "$work/icons/hicolor/scalable/apps"
  cp "$src/assets/icon.svg" "$work/icons/hicolor/scalable/apps/io.github.cekbpjstk.svg"
}

sign() { # sign FILE in place, when a certificate is configured
  [ -n "${SIGN_PKCS12:-}" ] || return 0
  if [ -n "${SIGNTOOL:-}" ]; then # Windows SDK signtool, on a Windows build machine
    MSYS2_ARG_CONV_EXCL='*' "$SIGNTOOL" sign /f "$(native "$SIGN_PKCS12")" /p "${SIGN_PASSWORD:-}" /fd sha256 \
      /tr http://timestamp.digicert.com /td sha256 /d "Cek BPJSTK" "$(native "$1")"
    return
  fi
  # SIGN_TIMESTAMP_URL= (empty) signs without an RFC 3161 timestamp, e.g. offline
  local ts_url=${SIGN_TIMESTAMP_URL-http://timestamp.digicert.com} ts=()
  [ -z "$ts_url" ] || ts=(-t "$ts_url")
  osslsigncode sign -pkcs12 "$SIGN_PKCS12" -pass "${SIGN_PASSWORD:-}" -h sha256 \
    -n "Cek BPJSTK" -i https://github.com/cekbpjstk/cekbpjstk "${ts[@]}" -in "$1" -out "$1.signed"
  mv "$1.signed" "$1"
}

makensis_() {
  local nsis=${MAKENSIS:-makensis}
  command -v "$nsis" >/dev/null || { echo "package: makensis is missing; run 'scripts/deps.sh package'" >&2; exit 2; }
  MSYS2_ARG_CONV_EXCL='*' "$nsis" -V2 -WX -DVERSION="$version" -DBUILD="$build" -DEXE="$(native "$1")" \
    -DICO="$(native "$work/icons/cekbpjstk.ico")" -DLICENSE="$(native "$root/LICENSE")" \
    -DOUTFILE="$(native "$2")" "$(native "$root/packaging/windows/installer.nsi")"
}

for t in "${targets[@]}"; do
  case $t in
  linux)
    step "Linux: fyne package -os linux --release --tags no_emoji"
    fyne package -os linux --release --tags no_emoji
    tarball=$dist/$base-linux-amd64.tar.xz
    mv "$src/Cek BPJSTK.tar.xz" "$tarball"
    done_step "$tarball"

    step "Linux: .deb with nfpm"
    icons
    stage=$work/stage
    mkdir -p "$work/tar" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/usr/share/icons" "$stage/usr/share/doc/cekbpjstk"
    tar -xJf "$tarball" -C "$work/tar"
    t=$work/tar/cekbpjstk/usr/local
    install -m 0755 "$t/bin/cekbpjstk" "$stage/usr/bin/cekbpjstk"
    # fyne's desktop entry, plus a "Try the demo" action (right-click in most
    # launchers), the counterpart of the Windows "(demo)" shortcut
    desktop=$stage/usr/share/applications/io.github.cekbpjstk.desktop
    { sed '/^$/d' "$t/share/applications/io.github.cekbpjstk.desktop"; echo "Actions=demo;"
      echo; echo "[Desktop Action demo]"; echo "Name=Try the demo"; echo "Name[id]=Coba demo"
      echo "Exec=cekbpjstk --demo"; } >"$desktop"
    chmod 0644 "$desktop"
    cp -r "$work/icons/hicolor" "$stage/usr/share/icons/"
    { echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
      echo "Upstream-Name: cekbpjstk"; echo "Source: https://github.com/cekbpjstk/cekbpjstk"; echo
      echo "Files: *"; echo "Copyright: 2026 The Cek BPJSTK authors"; echo "License: MIT"
      sed 's/^$/./; s/^/ /' LICENSE; echo
      echo "Files: assets/fonts/*"; echo "Copyright: 2015 Google Inc."; echo "License: OFL-1.1"
      sed 's/^$/./; s/^/ /' assets/fonts/LICENSE.txt; } >"$stage/usr/share/doc/cekbpjstk/copyright"
    deb=$dist/cekbpjstk_${version}-1_amd64.deb
    rm -f "$deb"
    VERSION=$version STAGE=$stage nfpm package --config "$root/packaging/linux/nfpm.yaml" \
      --packager deb --target "$deb" | grep -iv "^using deb packager\.\.\.$" || true
    [ -s "$deb" ] || { echo "package: nfpm made no .deb" >&2; exit 1; }
    done_step "$deb"
    ;;
  windows)
    step "Windows: fyne package -os windows --release --tags no_emoji"
    icons
    if [ "$(go env GOHOSTOS)" = windows ]; then
      fyne package -os windows --release --tags no_emoji
    else
      cc=${WINDOWS_CC:-x86_64-w64-mingw32-gcc}
      command -v "$cc" >/dev/null || { echo "package: $cc is missing; run 'scripts/deps.sh package'" >&2; exit 2; }
      CC=$cc GOARCH=amd64 fyne package -os windows --release --tags no_emoji
    fi
    exe=$dist/$base-windows-amd64.exe
    mv "$src/Cek BPJSTK.exe" "$exe"
    sign "$exe"
    done_step "$exe"

    step "Windows: NSIS installer"
    setup=$dist/$base-windows-amd64-setup.exe
    makensis_ "$exe" "$setup"
    sign "$setup"
    done_step "$setup"
    ;;
  nsis-stub)
    step "NSIS: compile the installer around a stub .exe"
    icons
    printf 'MZ stub, not a program\n' >"$work/stub.exe"
    makensis_ "$work/stub.exe" "$dist/nsis-stub-setup.exe"
    cp "$work/icons/cekbpjstk.ico" "$dist/cekbpjstk.ico"
    done_step "$dist/nsis-stub-setup.exe"
    ;;
  sums)
    (cd "$dist" && rm -f SHA256SUMS && shopt -s nullglob && files=(*.tar.xz *.deb *.exe *.dmg) &&
      if [ ${#files[@]} -gt 0 ]; then sha256sum -- "${files[@]}" >SHA256SUMS && echo "package: SHA256SUMS" && cat SHA256SUMS; fi)
    ;;
  *) echo "package: unknown target $t" >&2; exit 2 ;;
  esac
done
