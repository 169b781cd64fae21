#!/usr/bin/env bash
# Run a command inside the project's test environment: a private Xvfb display,
# a throwaway HOME, and a private D-Bus session with an unlocked gnome-keyring
# (the real Secret Service). Everything started here is stopped by PID on exit.
#   usage: scripts/testenv.sh CMD [ARGS...]
#   env:   TESTENV_NO_KEYRING=1  start the D-Bus session without a Secret Service
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

for tool in Xvfb xwininfo dbus-run-session gnome-keyring-daemon dbus-send; do
  command -v "$tool" >/dev/null || { echo "testenv: $tool is missing; run 'make deps'" >&2; exit 2; }
done

# Keep Go's caches where they are: they live under HOME by default, and a
# fresh HOME would rebuild everything (minutes of cgo for Fyne).
if command -v go >/dev/null; then
  GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
  export GOCACHE GOMODCACHE GOPATH
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/cekbpjstk-testenv.XXXXXX")
export HOME=$root/home XDG_RUNTIME_DIR=$root/run
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share XDG_CACHE_HOME=$HOME/.cache
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
# C.UTF-8 makes Fyne v2.7 log a locale error per translation load; LANGUAGE
# gives it a parseable tag (the app picks its own language anyway).
export LANG=${LANG:-C.UTF-8} LANGUAGE=${LANGUAGE:-en} NO_AT_BRIDGE=1

xpid=""
cleanup() {
  rc=$?
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null && wait "$xpid" 2>/dev/null
  rm -rf "$root"
  exit $rc
}
trap cleanup EXIT INT TERM

# Xvfb picks a free display itself and writes its number to fd 3 once it
# accepts connections: no race with other test runs for a display number,
# and no fixed wait that a loaded machine can outlast. -noreset: by default
# the server resets when its last client leaves, and an app started during
# that reset cannot open the display (tests start one app after another).
Xvfb -displayfd 3 -noreset -screen 0 1366x850x24 -nolisten tcp 3>"$root/display" >"$root/xvfb.log" 2>&1 &
xpid=$!
for _ in $(seq 600); do
  [ -s "$root/display" ] && break
  kill -0 "$xpid" 2>/dev/null || break
  sleep 0.05
done
[ -s "$root/display" ] || { echo "testenv: Xvfb did not start" >&2; cat "$root/xvfb.log" >&2; exit 1; }
display=":$(tr -dc '0-9' <"$root/display")"
export DISPLAY=$display

# Inside the bus: start the keyring in the foreground (so we know its PID),
# wait until it owns org.freedesktop.secrets, run the command, stop the keyring.
inner='
set -u
kpid=""
if [ -z "${TESTENV_NO_KEYRING:-}" ]; then
  # An empty password creates no keyring, and --unlock only works on the
  # daemon'"'"'s first start: give a throwaway password, once.
  printf "%s" "testenv-$$-$RANDOM" | gnome-keyring-daemon --foreground --unlock --components=secrets >"$TESTENV_ROOT/keyring.log" 2>&1 &
  kpid=$!
  ok=""
  for _ in $(seq 400); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      ok=1; break
    fi
    sleep 0.05
  done
  [ -n "$ok" ] || { echo "testenv: gnome-keyring did not start" >&2; cat "$TESTENV_ROOT/keyring.log" >&2; kill $kpid 2>/dev/null; exit 1; }
fi
"$@"
rc=$?
[ -n "$kpid" ] && { kill $kpid 2>/dev/null; wait $kpid 2>/dev/null; }
exit $rc
'
export TESTENV_ROOT=$root
set +e
dbus-run-session -- bash -c "$inner" testenv "$@"
rc=$?
set -e
exit $rc
