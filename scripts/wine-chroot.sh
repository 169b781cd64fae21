#!/usr/bin/env bash
# Run one Wine tool from the Debian 13 chroot that scripts/wine-proof.sh
# builds (Wine 10: Debian 12's Wine 8 cannot run Go 1.24+ programs), as if it
# were installed here: same paths, same environment, same exit status.
#   usage: scripts/wine-chroot.sh TOOL [ARGS...]   TOOL: wine64, wine, wineserver, wineboot, …
#          scripts/wine-chroot/wine64 ARGS...      the same, as a wine64 with a wineserver
#                                                  beside it (what CEKBPJSTK_WINE names)
#   env:   WINE_CHROOT  the chroot (default /var/cache/cekbpjstk/wine-trixie); this
#                       script does not build it: `scripts/wine-proof.sh --chroot` does
#          everything else (WINEPREFIX, WINEDEBUG, DISPLAY, …) is passed to the tool
# In a private mount namespace (unshare; the mounts vanish with its last
# process, wineserver included) it mounts /proc, /dev, /sys, the host's /tmp
# (the X socket, Wine's server sockets in /tmp/.wine-UID, temp dirs), and at
# their own paths: $PWD, $TMPDIR, $WINEPREFIX and the directory of every
# argument that is an absolute path that exists here. Then it runs TOOL in
# the chroot. It needs root (sudo when not root; the tool then runs as the
# caller's uid, so the prefix stays the caller's).
# Exit status: the tool's; 2 if it could not run (no chroot, no root).
set -euo pipefail
tool=$(basename "$0")
case $tool in
  wine-chroot.sh)
    [ $# -gt 0 ] || { echo "usage: $0 TOOL [ARGS...]" >&2; exit 2; }
    tool=$1
    shift
    ;;
esac
chroot_dir=${WINE_CHROOT:-/var/cache/cekbpjstk/wine-trixie}
[ -f "$chroot_dir/.cekbpjstk-wine-proof" ] && [ -x "$chroot_dir/usr/lib/wine/wineserver" ] ||
  { echo "wine-chroot: no Wine chroot at $chroot_dir (scripts/wine-proof.sh --chroot builds it)" >&2; exit 2; }

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "wine-chroot: needs root (mount, chroot) and there is no sudo" >&2; exit 2; }
  self=$(readlink -f "$0")
  exec sudo --preserve-env env WINE_CHROOT_USER="$(id -u):$(id -g)" "$self" "$tool" "$@"
fi

# The host directories the tool may need, each mounted at its own path,
# shortest first so that a parent is mounted before what is inside it.
dirs=("$PWD")
[ -n "${TMPDIR:-}" ] && dirs+=("$TMPDIR")
# (a prefix still to be made: its parent, where Wine will make it)
if [ -n "${WINEPREFIX:-}" ]; then
  if [ -e "$WINEPREFIX" ]; then dirs+=("$WINEPREFIX"); else dirs+=("$(dirname "$WINEPREFIX")"); fi
fi
for a in "$@"; do
  case $a in /*) ;; *) continue ;; esac
  if [ -d "$a" ]; then dirs+=("$a"); elif [ -e "$a" ]; then dirs+=("$(dirname "$a")"); fi
done
mapfile -t dirs < <(for d in "${dirs[@]}"; do realpath -e "$d" 2>/dev/null || true; done |
  sort -u | awk '{ print length($0) "\t" $0 }' | sort -n -s | cut -f2-)

unset LD_LIBRARY_PATH LD_PRELOAD

exec unshare --mount --propagation private bash -c '
  set -e
  r=$1 user=$2 tool=$3
  shift 3
  mount -t proc proc "$r/proc"
  mount --rbind /dev "$r/dev"
  mount --rbind /sys "$r/sys"
  mount --rbind /tmp "$r/tmp"
  mounted=(/tmp)
  while [ "$1" != -- ]; do
    d=$1
    shift
    case $d/ in /|/usr/*|/etc/*|/lib*|/bin/*|/sbin/*|/proc/*|/dev/*|/sys/*|/boot/*|/run/*|/var/lib/*) continue ;; esac
    skip=""
    for m in "${mounted[@]}"; do case $d/ in "$m"/*) skip=1 ;; esac; done
    [ -n "$skip" ] && continue
    # A top-level directory the chroot lacks (/work, …) becomes a tmpfs
    # first: the cached chroot keeps only that one empty directory, not a
    # tree of mount points.
    top=${d#/}
    top=/${top%%/*}
    if [ ! -e "$r$top" ]; then mkdir "$r$top"; fi
    if [ -z "$(ls -A "$r$top")" ] && ! mountpoint -q "$r$top"; then
      mount -t tmpfs -o size=1m,mode=0755 tmpfs "$r$top"
    fi
    mkdir -p "$r$d"
    mount --rbind "$d" "$r$d"
    mounted+=("$d")
  done
  shift
  spec=()
  [ -n "$user" ] && spec=(--userspec="$user")
  # In the calling directory; Wine 10 in Debian 13 has wine64 in
  # /usr/lib/wine only (wine picks it).
  exec chroot "${spec[@]}" "$r" /usr/bin/env -C "$PWD" PATH=/usr/local/bin:/usr/bin:/bin:/usr/lib/wine "$tool" "$@"' wine-chroot "$chroot_dir" "${WINE_CHROOT_USER:-}" "$tool" "${dirs[@]}" -- "$@"
