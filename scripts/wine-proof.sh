#!/usr/bin/env bash
# The Windows proof of `make package`: run the built Windows .exe under Wine
# 10 (Debian 13's, in a cached debootstrap chroot), on a fresh Wine prefix,
# log in to the demo through the window, and check that the offline cache was
# written and its secrets went to Windows Credential Manager; then start it
# again and check that the cached account opens from the cache.
#   usage: scripts/wine-proof.sh [EXE]        (default: the one dist/*-windows-amd64.exe)
#          scripts/wine-proof.sh --chroot     only build the chroot if it is missing
#   env:   WINE_CHROOT       the chroot (default /var/cache/cekbpjstk/wine-trixie); built
#                            once when missing (debootstrap, ~150 MB download, ~1 GB on disk)
#          DEBIAN_MIRROR     (default http://deb.debian.org/debian)
#          WINE_PROOF_SHOTS  where the screenshots go (default: dist/wine-proof/ beside EXE)
#          WINE_PROOF_KEEP=1 keep the run's Wine prefix and logs (the path is printed)
# Why a chroot: Debian 12's Wine 8 cannot run Go 1.24+ binaries (Go needs
# bcryptprimitives.dll, which Wine has since 9). It needs root (debootstrap,
# mount, chroot; sudo when not root). The mounts live in a private mount
# namespace (unshare), so they vanish with it, whatever happens.
# Exit status: 0 PASS, 1 FAIL, 2 could not run (missing tool, no chroot).
set -euo pipefail
# EXE is relative to where the script was started; the rest to the repo root.
if [ $# -gt 0 ] && [ "$1" != --chroot ] && [ -f "$1" ]; then
  set -- "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "${@:2}"
fi
cd "$(dirname "$0")/.."
root=$PWD

chroot_dir=${WINE_CHROOT:-/var/cache/cekbpjstk/wine-trixie}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The recipe; the chroot is rebuilt when it changes. Wine loads libGL.so.1
# (libgl1, GLVND) at run time, which then needs Mesa's GLX (libglx-mesa0)
# and its software rasteriser (libgl1-mesa-dri): without them the app's
# window fails with "WGL: Failed to set pixel format".
packages=wine64,wine,libgl1,libglx-mesa0,libgl1-mesa-dri
recipe="debootstrap --variant=minbase --include=$packages trixie"
marker=$chroot_dir/.cekbpjstk-wine-proof

say() { echo "wine-proof: $*"; }
die() { echo "wine-proof: $*" >&2; exit 2; }

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "needs root (debootstrap, mount, chroot) and there is no sudo"
  exec sudo --preserve-env=WINE_CHROOT,DEBIAN_MIRROR,WINE_PROOF_SHOTS,WINE_PROOF_KEEP,TMPDIR "$root/scripts/wine-proof.sh" "$@"
fi

# build_chroot makes the chroot when it is missing or was made by another
# recipe: into a temporary directory beside it, renamed when complete, under
# a lock, so that an interrupted or concurrent build never leaves a half one.
build_chroot() {
  [ "$(cat "$marker" 2>/dev/null)" = "$recipe" ] && return 0
  mkdir -p "$(dirname "$chroot_dir")"
  exec 9>"$chroot_dir.lock"
  flock 9
  if [ "$(cat "$marker" 2>/dev/null)" != "$recipe" ]; then
    if ! command -v debootstrap >/dev/null; then
      say "installing debootstrap"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
    fi
    local began tmp=$chroot_dir.build
    began=$(date +%s)
    say "building the Wine chroot $chroot_dir ($recipe, from $mirror); once, a few minutes"
    rm -rf "$tmp" "$chroot_dir"
    # debootstrap mounts /proc and /sys into the target while it works; in
    # a private mount namespace those mounts cannot outlive a failed build.
    unshare --mount --propagation private \
      debootstrap --variant=minbase --include="$packages" trixie "$tmp" "$mirror" >"$tmp.log" 2>&1 ||
      { tail -20 "$tmp.log" >&2; die "debootstrap failed (log: $tmp.log)"; }
    rm -rf "$tmp/var/cache/apt/archives/"*.deb
    echo "$recipe" >"$tmp/.cekbpjstk-wine-proof"
    mv "$tmp" "$chroot_dir"
    rm -f "$tmp.log"
    say "chroot built in $(( $(date +%s) - began ))s ($(du -sh "$chroot_dir" | cut -f1))"
  fi
  exec 9>&-
}

if [ "${1:-}" = --chroot ]; then
  build_chroot
  exit 0
fi

# --- what is checked, and against what ---------------------------------------
exe=${1:-}
if [ -z "$exe" ]; then
  shopt -s nullglob
  found=("$root"/dist/cekbpjstk-*-windows-amd64.exe)
  shopt -u nullglob
  [ ${#found[@]} -eq 1 ] || die "give the .exe to run (found ${#found[@]} dist/cekbpjstk-*-windows-amd64.exe)"
  exe=${found[0]}
fi
[ -f "$exe" ] || die "$exe: no such file"
shots=${WINE_PROOF_SHOTS:-$(dirname "$exe")/wine-proof}
# The demo member the proof logs in as (sandbox.DemoAccounts), and what of
# his must never be written in plaintext: his password, full name, NIK and
# KPJ (sandbox/seed.go). His identifier names his keyring items (keystore's
# "purpose:account"), so it may appear in the registry, but in no file.
demo_id=budi@contoh.id
demo_password='Sandbox#2026'
plain_never=("$demo_password" "Budi Santoso" "3174051708850003" "18012345678")
# The Credential Manager items a remembered login must leave (their keyring
# purposes): the keyring's copy of the account's data key
# (keystore.PurposeAccountKey; the cache itself holds it wrapped by the
# password) and the refresh token (keystore.PurposeRefreshToken).
want_items=(cache-account-key refresh-token)

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null || need+=(imagemagick)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v python3 >/dev/null || need+=(python3-minimal)
command -v unshare >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

build_chroot

began=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/cekbpjstk-wine-proof.XXXXXX")
chmod 0755 "$work"
xpid=""
cleanup() {
  local rc=$?
  set +e # a failing step of the cleanup must not become the exit status
  [ -d "$work/prefix" ] && wine_ wineserver -k >/dev/null 2>&1
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null && wait "$xpid" 2>/dev/null
  if [ -n "${WINE_PROOF_KEEP:-}" ]; then say "kept $work"; else rm -rf "$work"; fi
  exit $rc
}
trap cleanup EXIT INT TERM

# wine_ CMD...: CMD from the chroot (scripts/wine-chroot.sh: a private mount
# namespace with /proc, /dev, /sys, /tmp, the X socket and the run's
# directory), as root with the run's fresh prefix and only this environment.
wine_() {
  env -i PATH="$PATH" HOME=/root USER=root LOGNAME=root LANG=C.UTF-8 DISPLAY="${DISPLAY:-}" \
    ${TMPDIR:+TMPDIR="$TMPDIR"} \
    WINE_CHROOT="$chroot_dir" WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" \
    "$root/scripts/wine-chroot.sh" "$@"
}

results=()
failed=0
pass() { results+=("PASS  $*"); say "PASS: $*"; }
fail() { results+=("FAIL  $*"); say "FAIL: $*"; failed=1; }
summary() {
  echo
  echo "== Windows proof: $(basename "$exe") under $(wine_ wine --version 2>/dev/null || echo Wine), $(( $(date +%s) - began ))s"
  printf '   %s\n' "${results[@]}"
  [ -d "$shots" ] && echo "   screenshots: $shots"
  if [ $failed -eq 0 ]; then echo "== wine-proof: PASS"; else echo "== wine-proof: FAIL"; fi
}

# --- the display --------------------------------------------------------------
Xvfb -displayfd 3 -noreset -screen 0 1366x850x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xpid=$!
for _ in $(seq 200); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || die "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(tr -dc '0-9' <"$work/display")"

cp "$exe" "$work/cekbpjstk.exe"
rm -rf "$shots"
mkdir -p "$shots"

t=$(date +%s)
wine_ wineboot -i >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log" >&2; die "wineboot failed"; }
wine_ wineserver -w
say "fresh Wine prefix made ($(wine_ wine --version)) in $(( $(date +%s) - t ))s"

# --- driving the app ----------------------------------------------------------
apid=""
start_app() { # start_app RUN: the .exe with --demo, its log in $work/RUN.log
  : >"$work/$1.log"
  wine_ wine "$work/cekbpjstk.exe" --demo --verbose >"$work/$1.log" 2>&1 &
  apid=$!
}
# wait_log RUN REGEX SECONDS: until the app's log has a line matching REGEX
wait_log() {
  local i
  for i in $(seq $(( $3 * 4 ))); do
    grep -qE "$2" "$work/$1.log" && return 0
    kill -0 "$apid" 2>/dev/null || { grep -qE "$2" "$work/$1.log"; return; }
    sleep 0.25
  done
  return 1
}
gone() { kill -0 "$apid" 2>/dev/null && return 1; echo "before the app exited"; }
window() { { xdotool search --onlyvisible --name '^Cek BPJSTK( |$)' 2>/dev/null || true; } | head -1; }
shot() { # shot NAME: the app's window (waited for up to 10 s; else the screen) as $shots/NAME.png
  local w="" i
  for i in $(seq 40); do w=$(window); [ -n "$w" ] && break; sleep 0.25; done
  import -window "${w:-root}" "$shots/$1.png" 2>/dev/null && say "screenshot $shots/$1.png"
}
# stop_app RUN: close the window the way a user does (WM_CLOSE), then wait
# for the process; the app quits on its own within its 5 s exit watchdog.
stop_app() {
  wine_ wine taskkill /im cekbpjstk.exe >>"$work/$1.taskkill.log" 2>&1 || true
  local i
  for i in $(seq 120); do kill -0 "$apid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$apid" 2>/dev/null; then
    fail "$1: the app did not quit within 30 s of WM_CLOSE"
    wine_ wineserver -k >/dev/null 2>&1 || true
  fi
  wait "$apid" 2>/dev/null || true
  wine_ wineserver -w || true
  apid=""
}
log_tail() { say "last lines of the app's log ($1):"; tail -15 "$work/$1.log" | cut -c1-300 | sed 's/^/    /'; }

# Run 1: a first start on the fresh prefix; log in through the window.
t=$(date +%s)
start_app run1
if ! wait_log run1 'msg="server verified"' 120; then
  shot run1-no-verify
  log_tail run1
  fail "run 1: the demo server was not verified $(gone || echo 'within 120 s of the start')"
  summary; exit 1
fi
say "run 1: window up, server verified ($(( $(date +%s) - t ))s)"
wid=""
for _ in $(seq 120); do wid=$(window); [ -n "$wid" ] && break; sleep 0.25; done
[ -n "$wid" ] || { shot run1-no-window; log_tail run1; xwininfo -root -tree | grep -v '(has no name)' | head -20; fail "run 1: no visible window named 'Cek BPJSTK…' within 30 s"; summary; exit 1; }
sleep 1
xdotool windowfocus --sync "$wid" 2>/dev/null || true
shot 1-login
# The form has the focus on "Email atau KPJ" once the server is verified:
# type the member, Tab to "Kata sandi", the password, Tab to "Ingat saya di
# komputer ini", Space ticks it (so the keyring is used), Shift+Tab back to
# the password, whose Enter is "Masuk".
xdotool type --delay 40 "$demo_id"
xdotool key Tab
xdotool type --delay 40 "$demo_password"
xdotool key Tab space
sleep 0.5
shot 2-filled
xdotool key shift+Tab Return
if wait_log run1 'msg="screen shown" screen=dashboard' 90; then
  pass "run 1: logged in through the window as $demo_id with \"Ingat saya\"; the dashboard is shown ($(( $(date +%s) - t ))s after the start)"
else
  shot run1-no-dashboard
  log_tail run1
  fail "run 1: no dashboard within 90 s of Masuk"
fi
wait_log run1 'msg="refresh done"' 60 || true
sleep 3
shot 3-dashboard
stop_app run1

# --- what run 1 left in the prefix --------------------------------------------
# check_prefix LABEL N: the cache file in the app's data dir, the app's items in
# Wine's Credential Manager (HKCU\Software\Wine\Credential Manager in
# user.reg, each secret RC4-encrypted under the prefix's EncryptionKey, as
# dlls/advapi32/cred.c does), and no secret or member data in plaintext
# anywhere in the registry or the user's files.
check_prefix() {
  local out
  out=$(python3 - "$work/prefix" "$1" "${want_items[*]}" "$demo_id" "${plain_never[@]}" <<'PY'
import hashlib, os, re, sys

prefix, run, want, ident = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].encode()
never = [s.encode() for s in sys.argv[5:]]

def say(kind, text):
    print(kind, run + ": " + text)

def rc4(key, data):
    s = list(range(256)); j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256; s[i], s[j] = s[j], s[i]
    out = bytearray(); i = j = 0
    for b in data:
        i = (i + 1) % 256; j = (j + s[i]) % 256; s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)

def unescape(s):  # a Wine .reg string body
    return re.sub(r'\\(x[0-9a-fA-F]{1,4}|.)', lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == 'x' and len(m.group(1)) > 1 else {'n': '\n', 'r': '\r', 't': '\t', '0': '\0'}.get(m.group(1), m.group(1)), s)

def parse_reg(path):  # {key: {name: bytes or str}}
    keys, cur = {}, None
    text = open(path, encoding='utf-8', errors='replace').read().replace('\\\n', '')
    for line in text.split('\n'):
        line = line.strip()
        if line.startswith('['):
            name = line[1:line.rindex(']')]
            cur = keys.setdefault(unescape(name), {})
            continue
        m = re.match(r'^(@|"(?:[^"\\]|\\.)*")=(.*)$', line)
        if not m or cur is None:
            continue
        name = '' if m.group(1) == '@' else unescape(m.group(1)[1:-1])
        v = m.group(2)
        if v.startswith('"'):
            cur[name] = unescape(v[1:-1])
        elif re.match(r'^(hex|hex\([0-9a-f]+\)):', v):
            h = v.split(':', 1)[1].replace(' ', '')
            cur[name] = bytes(int(x, 16) for x in h.split(',') if x)
        elif v.startswith('str('):
            cur[name] = unescape(v.split(':', 1)[1][1:-1])
        else:
            cur[name] = v
    return keys

def forms(b):  # how a secret could sit in a file: as bytes, or as UTF-16LE
    out = [b]
    try:
        out.append(b.decode().encode('utf-16-le'))
    except UnicodeDecodeError:
        pass
    return out

user = parse_reg(os.path.join(prefix, 'user.reg'))
mgr_name = 'Software\\Wine\\Credential Manager'
mgr = user.get(mgr_name)
secrets, found = [], {}
if mgr is None or not isinstance(mgr.get('EncryptionKey'), bytes) or len(mgr['EncryptionKey']) != 8:
    say('FAIL', 'no HKCU\\%s with an 8-byte EncryptionKey in user.reg: nothing was written through Credential Manager' % mgr_name)
else:
    for name, vals in sorted(user.items()):
        if not name.startswith(mgr_name + '\\'):
            continue
        target = vals.get('', '')
        blob = vals.get('Password')
        if not target.startswith('cekbpjstk:'):
            continue
        if not isinstance(blob, bytes) or not blob:
            say('FAIL', 'Credential Manager item %s has no secret' % target)
            continue
        secret = rc4(mgr['EncryptionKey'], blob)
        # The app's secrets are text (go-keyring stores a string): one that
        # does not decrypt to text was misread, and the scan below would be blind.
        if not all(32 <= c < 127 for c in secret):
            say('FAIL', 'Credential Manager item %s does not decrypt to text: this check misreads Wine\'s format' % target)
        if blob == secret or any(f in blob for f in forms(secret)):
            say('FAIL', 'Credential Manager item %s holds its secret unencrypted' % target)
        purpose = target.split(':')[1]
        found[purpose] = found.get(purpose, 0) + 1
        secrets.append((target, secret, name))
        say('INFO', 'Credential Manager item %s (type %s, %d-byte secret, RC4-sealed in user.reg)' % (target, vals.get('Type', '?'), len(secret)))
        print('DIGEST', purpose, hashlib.sha256(secret).hexdigest())  # to compare runs; never the secret
    missing = [p for p in want if p not in found]
    if not secrets:
        say('FAIL', 'no cekbpjstk:* item in Credential Manager (user.reg)')
    elif missing:
        say('FAIL', 'Credential Manager has %s but not %s' % (', '.join(sorted(found)), ', '.join(missing)))
    else:
        say('PASS', 'Credential Manager (HKCU\\%s in user.reg) holds the app\'s items: %s' % (mgr_name, ', '.join('%s x%d' % (p, n) for p, n in sorted(found.items()))))

users = os.path.join(prefix, 'drive_c', 'users')
data_dirs = [os.path.join(users, u, 'AppData', 'Roaming', 'cekbpjstk') for u in sorted(os.listdir(users))]
data_dirs = [d for d in data_dirs if os.path.isdir(d)]
cache_db = [os.path.join(d, 'cache.db') for d in data_dirs if os.path.isfile(os.path.join(d, 'cache.db'))]
if not cache_db:
    say('FAIL', 'no cache.db under drive_c/users/*/AppData/Roaming/cekbpjstk (%%AppData%%\\cekbpjstk)')
else:
    db = cache_db[0]
    head = open(db, 'rb').read(16)
    size = sum(os.path.getsize(os.path.join(os.path.dirname(db), f)) for f in os.listdir(os.path.dirname(db)) if f.startswith('cache.db'))
    if head != b'SQLite format 3\0':
        say('FAIL', '%s is not an SQLite database' % os.path.relpath(db, prefix))
    else:
        say('PASS', 'the offline cache was written: %s (%d bytes with its journal)' % (os.path.relpath(db, prefix), size))

# Nothing secret or personal in plaintext: in any registry value (the
# Credential Manager's sealed Password values aside), or in any file under
# drive_c/users, except the demo server's own database of fictional members
# (%LocalAppData%\cekbpjstk\sandbox, which is the server's side).
needles = [(s.decode(), s) for s in never] + [('the secret of ' + t, s) for t, s, _ in secrets if s != ident]
leaks = []
for reg in ('user.reg', 'system.reg', 'userdef.reg'):
    p = os.path.join(prefix, reg)
    if not os.path.isfile(p):
        continue
    raw = open(p, 'rb').read()
    for key, vals in parse_reg(p).items():
        for name, v in vals.items():
            if key.startswith(mgr_name + '\\') and name == 'Password':
                continue
            b = v if isinstance(v, bytes) else v.encode('utf-8', 'replace')
            for label, n in needles:
                if any(f in b for f in forms(n)):
                    leaks.append('%s in %s [%s] %s' % (label, reg, key, name or '@'))
    for label, n in needles:
        if any(f in raw for f in forms(n)):
            leaks.append('%s in the text of %s' % (label, reg))
scanned = 0
for top, dirs, files in os.walk(users):
    dirs[:] = [d for d in dirs if not (d == 'sandbox' and os.path.basename(top) == 'cekbpjstk' and 'Local' in top)]
    for f in files:
        p = os.path.join(top, f)
        if os.path.islink(p) or not os.path.isfile(p):
            continue
        data = open(p, 'rb').read()
        scanned += 1
        for label, n in needles + [('the identifier', ident)]:
            if any(x in data for x in forms(n)):
                leaks.append('%s in %s' % (label, os.path.relpath(p, prefix)))
if leaks:
    for l in sorted(set(leaks)):
        say('FAIL', 'plaintext: ' + l)
else:
    say('PASS', 'no plaintext: the password, name, NIK, KPJ and the %d keyring secrets (the remembered identifier aside) are in no registry value, and none of them nor the identifier in any of the %d files under drive_c/users (the demo server\'s own database aside)' % (len([1 for _, s, _ in secrets if s != ident]), scanned))
PY
  ) || { fail "$1: the prefix check could not run"; echo "$out"; return; }
  local line
  while IFS= read -r line; do
    case $line in
      PASS\ *) pass "${line#PASS }" ;;
      FAIL\ *) fail "${line#FAIL }" ;;
      INFO\ *) say "${line#INFO }" ;;
      DIGEST\ *) echo "${line#DIGEST }" >>"$work/digests-$2" ;;
    esac
  done <<<"$out"
}
check_prefix "after run 1" 1

# Run 2: start again on the same prefix. The remembered account must open
# straight on its dashboard from the cache (the data key read back from
# Credential Manager), before any network answer.
t=$(date +%s)
start_app run2
if wait_log run2 'msg="first screen" cached=true' 90 && wait_log run2 'msg="screen shown" screen=dashboard offline=true' 30; then
  # before the server was even checked: the data came from the cache
  if grep -q 'msg="server verified"' <(sed '/msg="screen shown" screen=dashboard offline=true/q' "$work/run2.log"); then
    fail "run 2: the cached dashboard came only after the server answered"
  else
    pass "run 2: the second start opened the remembered account's dashboard from the offline cache, before the server check ($(( $(date +%s) - t ))s)"
  fi
  sleep 1
  shot 4-second-start
else
  shot run2-no-cached-dashboard
  log_tail run2
  fail "run 2: the second start did not open the cached dashboard (no 'first screen cached=true' and 'screen=dashboard offline=true' in its log)"
fi
# The refresh token read back from Credential Manager resumes the session.
if wait_log run2 'msg="session refreshed"' 60 && wait_log run2 'msg="refresh done"' 60; then
  pass "run 2: the refresh token from Credential Manager resumed the session and refreshed the dashboard online"
else
  log_tail run2
  fail "run 2: the remembered session was not resumed online (no 'session refreshed' and 'refresh done' in its log)"
fi
sleep 2
shot 5-second-start-refreshed
stop_app run2
check_prefix "after run 2" 2
# The session resumed in run 2 rotated its refresh token (the server allows
# each one once): the new one must have been written to Credential Manager.
t1=$(sed -n 's/^refresh-token //p' "$work/digests-1" 2>/dev/null | head -1)
t2=$(sed -n 's/^refresh-token //p' "$work/digests-2" 2>/dev/null | head -1)
if [ -n "$t1" ] && [ -n "$t2" ] && [ "$t1" != "$t2" ]; then
  pass "run 2: the rotated refresh token was written back to Credential Manager (the item changed)"
else
  fail "run 2: the refresh token in Credential Manager did not change after the resumed session rotated it"
fi

summary
[ $failed -eq 0 ]
