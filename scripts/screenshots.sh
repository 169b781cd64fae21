#!/usr/bin/env bash
# Take the documentation screenshots from the real app under Xvfb, driving it
# with xdotool as a member would. Run inside the test environment:
#   scripts/testenv.sh scripts/screenshots.sh [OUTDIR]   (default docs/screenshots)
# Each language gets: the verified login, the dashboard tabs, the offline
# view, registration with errors, its NIK/birth-date warning and its codes
# step (the demo's codes, filled in), and the dashboard and login view on a
# 1366×768 screen at 175 %; plus a refused server (official profile).
set -euo pipefail
cd "$(dirname "$0")/.."
TAGS=${TAGS:-migrated_fynedo,no_emoji} # the Makefile's
out=${1:-docs/screenshots}
mkdir -p "$out"
[ -n "${DISPLAY:-}" ] || { echo "screenshots: run inside scripts/testenv.sh" >&2; exit 2; }
command -v import >/dev/null || { echo "screenshots: needs ImageMagick's import" >&2; exit 2; }

work=$(mktemp -d)
apppid=""
cleanup() { [ -n "$apppid" ] && kill "$apppid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
go build -tags "$TAGS" -o "$work/cekbpjstk" .

wait_log() { # pattern [timeout-s]
  for _ in $(seq $(( ${2:-30} * 20 ))); do grep -q -e "$1" "$work/app.log" 2>/dev/null && return 0; sleep 0.05; done
  echo "screenshots: no log line '$1'" >&2; cat "$work/app.log" >&2; return 1
}
window() { xdotool search --onlyvisible --name '^Cek BPJSTK' | head -1; }
shot() { sleep "${2:-0.8}"; import -window "$(window)" "$out/$1.png"; echo "saved $out/$1.png"; }
click() { xdotool mousemove --window "$(window)" "$1" "$2" click 1; }
type_text() { xdotool type --delay 8 "$1"; }

start_app() { # lang data-dir [extra args]
  local lang=$1 data=$2; shift 2
  : >"$work/app.log"
  "$work/cekbpjstk" --lang "$lang" --verbose --data-dir "$data" "$@" 2>"$work/app.log" & apppid=$!
  for _ in $(seq 300); do [ -n "$(window)" ] && break; sleep 0.05; done
  xdotool windowsize "$(window)" 1100 760
  xdotool windowactivate --sync "$(window)" 2>/dev/null || true
}
stop_app() { # SIGTERM, as a desktop logout would; a hang is dumped and reported
  kill "$apppid" 2>/dev/null || true
  for _ in $(seq 200); do kill -0 "$apppid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$apppid" 2>/dev/null; then
    kill -QUIT "$apppid" 2>/dev/null; sleep 1
    cp "$work/app.log" "$out/hang.log"
    echo "screenshots: the app did not quit within 10 s of SIGTERM; its goroutines are in $out/hang.log" >&2
    kill -KILL "$apppid" 2>/dev/null || true
    hung=1
  fi
  wait "$apppid" 2>/dev/null || true; apppid=""
}
hung=""

forget_remembered() { command -v secret-tool >/dev/null && secret-tool clear service cekbpjstk 2>/dev/null || true; }

only=${SCREENSHOT_ONLY:-}   # e.g. SCREENSHOT_ONLY=register to iterate on one scene
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }

for lang in id en; do
  data="$work/data-$lang"
  # Where the codes page's "fill in the demo codes" button is, per language.
  if [ "$lang" = id ]; then fillx=${FILLX_ID:-806}; filly=${FILLY_ID:-540}; else fillx=${FILLX_EN:-780}; filly=${FILLY_EN:-525}; fi
  rm -rf "$HOME/.config/fyne"
  # Each language starts with no remembered account (the keyring outlives the app).
  forget_remembered

  if want login || want dashboard; then
    start_app "$lang" "$data" --demo
    wait_log 'server verified'
    shot "login-verified-$lang" 1
    # Log in as Budi (focus is in the identifier once the server is verified).
    type_text 'budi@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'; xdotool key Return
    wait_log 'refresh done' 60
    shot "dashboard-summary-$lang" 1
    if [ "$lang" = id ]; then tabs="139:saldo 210:iuran 271:klaim 329:kartu 398:simulasi 481:haksaya"; else tabs="144:saldo 250:iuran 341:klaim 402:kartu 478:simulasi 560:haksaya"; fi
    click 550 700; sleep 0.5   # a first click only gives the window focus
    for t in $tabs; do click "${t%%:*}" 120; shot "dashboard-${t##*:}-$lang" 1; done
    click 48 120
    click 1074 28; sleep 0.4; click 1000 64   # menu -> Pengaturan
    shot "settings-$lang" 1
    xdotool key Escape
    stop_app
  fi

  if want claims; then
    # Siti: 2FA, and a JHT claim in process (its timeline on the Klaim tab).
    start_app "$lang" "$work/siti-$lang" --demo
    wait_log 'server verified'
    type_text 'siti@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'; xdotool key Return
    wait_log 'screen=mfa' 30
    sleep 0.8
    shot "mfa-$lang" 0.2
    # The sandbox refuses a code twice: wait for a time step not used yet.
    while [ "$(( $(date +%s) / 30 ))" = "${last_step:-}" ]; do sleep 1; done
    last_step=$(( $(date +%s) / 30 ))
    code=$(python3 -c 'import base64,hmac,hashlib,struct,sys
k=base64.b32decode("JBSWY3DPEHPK3PXP"); h=hmac.new(k,struct.pack(">Q",int(sys.argv[1])),hashlib.sha1).digest()
o=h[-1]&15; print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$last_step")
    type_text "$code"; xdotool key Return   # the code field has the focus
    wait_log 'refresh done' 60
    click 550 700; sleep 0.5
    if [ "$lang" = id ]; then click 271 120; else click 341 120; fi
    shot "dashboard-klaim-$lang" 1
    # Hak saya: her claim in process, past its payout time; then JP and JKP.
    if [ "$lang" = id ]; then click 481 120; else click 560 120; fi
    shot "dashboard-haksaya-siti-$lang" 1
    xdotool mousemove --window "$(window)" 550 500; for _ in $(seq 66); do xdotool click 5; done
    shot "dashboard-haksaya-jkp-$lang" 0.8
    stop_app
  fi

  if want audit; then
    # Periksa iuran: Rudi's employer paid two months late, skipped June and
    # has paid nothing since August; the Ringkasan's notice, the findings,
    # Upah saya with a payslip wage of Rp6.500.000 and the action kit. Then
    # Wulan: a wage unchanged since January 2023 and the relief months.
    start_app "$lang" "$work/audit-$lang" --demo
    wait_log 'server verified'
    sleep 0.5
    type_text 'rudi@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'; xdotool key Return
    wait_log 'refresh done' 60
    shot "dashboard-summary-audit-$lang" 1
    click 550 700; sleep 0.5
    if [ "$lang" = id ]; then auditx=585; else auditx=690; fi
    click "$auditx" 120
    shot "dashboard-audit-$lang" 1
    click 130 172; sleep 0.5                  # Upah saya
    click 400 290; type_text '6.500.000'; xdotool key Return
    shot "dashboard-audit-wage-$lang" 1
    click 40 172; sleep 0.5                   # back to the findings
    click 1014 220                            # Paket tindakan
    shot "audit-kit-$lang" 1
    xdotool mousemove --window "$(window)" 300 500; for _ in $(seq 10); do xdotool click 5; done
    shot "audit-kit-steps-$lang" 0.8
    stop_app
    start_app "$lang" "$work/audit-wulan-$lang" --demo
    wait_log 'server verified'
    sleep 0.5
    type_text 'wulan@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'; xdotool key Return
    wait_log 'refresh done' 60
    click 550 700; sleep 0.5
    click "$auditx" 120
    xdotool mousemove --window "$(window)" 550 500; for _ in $(seq 4); do xdotool click 5; done
    shot "dashboard-audit-relief-$lang" 1
    stop_app
  fi

  if want offline; then
    start_app "$lang" "$work/off-$lang" --demo
    wait_log 'server verified'
    sleep 0.5   # the log line comes just before the form is enabled
    type_text 'budi@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'; xdotool key Return
    wait_log 'refresh done' 60
    sleep 1
    click 1074 28; sleep 0.6; click 1000 142   # menu -> Keluar
    wait_log 'logged out' 10
    sleep 1
    stop_app
    # A new start: the login view lists the account masked; it opens with
    # the password. Focus is in the (empty) identifier; Tab: the password,
    # "Ingat saya", then the offline account (first beside the form).
    start_app "$lang" "$work/off-$lang" --demo
    wait_log 'server verified'
    sleep 0.8
    xdotool key Tab Tab Tab space
    wait_log 'screen=unlock' 10
    shot "offline-password-$lang" 1
    type_text 'Salah#2026'; xdotool key Return
    wait_log 'offline password refused' 20   # one Argon2id derivation
    shot "offline-password-wrong-$lang" 0.5
    type_text 'Sandbox#2026'; xdotool key Return
    wait_log 'offline=true' 10
    shot "offline-$lang" 1.2
    stop_app
  fi

  if want locked; then
    # Budi, remembered, locks; the next start holds the lock.
    start_app "$lang" "$work/lock-$lang" --demo
    wait_log 'server verified'
    sleep 0.5
    # Focus is in the identifier: Budi, his password, tick "Ingat saya", Masuk.
    type_text 'budi@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'
    xdotool key Tab; sleep 0.3; xdotool key space; sleep 0.3
    xdotool key Tab; sleep 0.3; xdotool key space
    wait_log 'refresh done' 60
    sleep 1
    click 550 700; sleep 0.5
    click 1074 28; sleep 0.6; click 1000 103   # menu -> Kunci
    sleep 1
    stop_app
    start_app "$lang" "$work/lock-$lang" --demo
    wait_log 'server verified'
    shot "login-locked-$lang" 1.2
    stop_app
  fi

  if want refused; then
    # The official profile ships without pins: it is refused before any request.
    mkdir -p "$HOME/.config/fyne/io.github.cekbpjstk"
    printf '{"server.profile":"official"}' >"$HOME/.config/fyne/io.github.cekbpjstk/preferences.json"
    start_app "$lang" "$work/ref-$lang"
    sleep 2
    shot "login-refused-$lang" 0.5
    stop_app
    rm -rf "$HOME/.config/fyne"
  fi

  if want register; then
    # No remembered account: the login view then focuses the identifier,
    # where the Tab counts below start (a remembered one focuses the password).
    forget_remembered
    start_app "$lang" "$work/reg-$lang" --demo
    wait_log 'server verified'
    sleep 0.5
    # Tab order from the identifier: password, "Ingat saya", "Daftar".
    xdotool key Tab Tab Tab space
    sleep 0.8
    shot "register-empty-$lang" 0.3
    xdotool key Tab Tab Tab   # past the demo card's two "Isi" buttons, into the NIK field
    # A NIK whose date is 17-08-85, a different birth date, a 10-digit KPJ,
    # a broken email and phone, a weak password and a confirmation that differs.
    type_text '3174051708850003'; xdotool key Tab
    type_text '1801234567'; xdotool key Tab
    type_text 'Budi Santoso'; xdotool key Tab
    type_text '17-08-1986'; xdotool key Tab
    type_text 'budi@contoh'; xdotool key Tab
    type_text '0211234'; xdotool key Tab
    type_text 'budi12345'; xdotool key Tab
    type_text 'budi1234'; xdotool key Tab
    shot "register-errors-$lang" 1
    stop_app
  fi

  if want regcodes; then
    # Rina registers: her NIK says 10 February 1993, her corrected record
    # 1 February, which she types: a warning, and the form is still sent;
    # then the codes page with the demo's codes, and filled in.
    # No remembered account: the login view then focuses the identifier,
    # where the Tab counts below start (a remembered one focuses the password).
    forget_remembered
    start_app "$lang" "$work/codes-$lang" --demo
    wait_log 'server verified'
    sleep 0.5
    xdotool key Tab Tab Tab space
    sleep 0.8
    xdotool key Tab Tab Tab   # past the demo card's "Isi" buttons: Rina is typed in by hand
    type_text '3273015002930007'; xdotool key Tab
    type_text '22078901234'; xdotool key Tab
    type_text 'Rina Marlina'; xdotool key Tab
    type_text '01-02-1993'; xdotool key Tab
    type_text 'rina@contoh.id'; xdotool key Tab
    type_text '0852 2133 4455'; xdotool key Tab
    type_text 'Batagor#Dago77'; xdotool key Tab
    type_text 'Batagor#Dago77'; xdotool key Tab space
    shot "register-warning-$lang" 1
    xdotool key shift+Tab Return
    wait_log 'registration codes requested' 20
    shot "register-codes-$lang" 1
    click "$fillx" "$filly"
    shot "register-codes-filled-$lang" 0.6
    stop_app
  fi

  if want features; then
    # Budi's statement dialog, SMS 2757 helper and login history, then the
    # charts in the dark theme.
    login_budi() {
      wait_log 'server verified'
      sleep 0.5
      type_text 'budi@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'; xdotool key Return
      wait_log 'refresh done' 60
      sleep 1
      click 550 700; sleep 0.5   # a first click only gives the window focus
    }
    start_app "$lang" "$work/feat-$lang" --demo
    login_budi
    click 1074 28; sleep 0.6; click 1000 186   # menu -> Unduh rincian
    shot "statement-dialog-$lang" 1
    xdotool key Escape; sleep 0.5
    click 1074 28; sleep 0.6; click 1000 225   # menu -> SMS 2757
    shot "sms-helper-$lang" 1
    xdotool key Escape; sleep 0.5
    click 1074 28; sleep 0.6; click 1000 64    # menu -> Pengaturan
    sleep 0.8
    xdotool mousemove --window "$(window)" 550 500
    for _ in $(seq 15); do xdotool click 5; done # the login history is at the end
    shot "login-log-$lang" 1
    stop_app
    mkdir -p "$HOME/.config/fyne/io.github.cekbpjstk"
    printf '{"theme":"dark"}' >"$HOME/.config/fyne/io.github.cekbpjstk/preferences.json"
    start_app "$lang" "$work/feat-$lang" --demo
    login_budi
    if [ "$lang" = id ]; then click 139 120; else click 144 120; fi
    shot "balance-chart-dark-$lang" 1
    if [ "$lang" = id ]; then click 210 120; else click 250 120; fi
    shot "contributions-chart-dark-$lang" 1
    stop_app
    rm -rf "$HOME/.config/fyne"
  fi

  if want small; then
    # A 1366×768 laptop at 175 %: Fyne's scale 1.8 and a 742×368 window
    # (1336×662 px). The dashboard wraps its tabs and stacks its cards; after
    # Keluar, the login view puts the offline account under a compact form.
    FYNE_SCALE=1.75 start_app "$lang" "$work/small-$lang" --demo
    xdotool windowsize --sync "$(window)" 1336 662
    wait_log 'server verified'
    sleep 0.5
    type_text 'budi@contoh.id'; xdotool key Tab; type_text 'Sandbox#2026'; xdotool key Return
    wait_log 'refresh done' 60
    shot "small-dashboard-$lang" 1
    click 1293 51; sleep 0.6; click 890 256   # menu -> Keluar
    wait_log 'logged out' 10
    shot "small-login-offline-$lang" 1
    stop_app
  fi
done
[ -z "$hung" ] || exit 1
