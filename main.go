// Command cekbpjstk is a desktop app for BPJS Ketenagakerjaan members: it
// shows their membership, JHT balance, contributions and claims, online and
// from an encrypted offline cache.
//
// main is the composition root: flags, paths, the keyring, the demo
// server, and the window.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/cli"
	_ "github.com/cekbpjstk/cekbpjstk/internal/localeenv" // before Fyne's lang init
	"github.com/cekbpjstk/cekbpjstk/internal/periksa"
	"github.com/cekbpjstk/cekbpjstk/internal/prefs"
	"github.com/cekbpjstk/cekbpjstk/keystore"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/shell"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

func main() {
	// Start-up allocates ~20 MB within 200 ms (fonts, translations, TLS,
	// SQLite): with the default GOGC that is seven collections competing
	// with opening the window on a 2-core machine. Collect less often until
	// the window is up, then go back (the dashboard returns its garbage to
	// the OS once filled).
	gcPercent := debug.SetGCPercent(400)
	if len(os.Args) > 1 && os.Args[1] == "verify" {
		os.Exit(cli.RunVerify(context.Background(), os.Args[2:], os.Stdout, os.Stderr))
	}
	if len(os.Args) > 1 && os.Args[1] == "periksa" { // the member's own documents: no window, no network, nothing stored
		os.Exit(periksa.Run(os.Args[2:], os.Stdout, os.Stderr))
	}
	meta, err := readMetadata()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	demo := flag.Bool("demo", false, "run against the built-in sandbox server with demo members")
	dataDir := flag.String("data-dir", "", "where the offline cache lives (default: the user config dir + cekbpjstk)")
	language := flag.String("lang", i18n.DefaultLanguage, "interface language: id or en")
	showVersion := flag.Bool("version", false, "print the version and exit")
	verbose := flag.Bool("verbose", false, "log debug detail (never secrets or member data)")
	var serverFlags cli.ServerFlags // --server, --pin-sha256, --domain, --ca: as for verify
	serverFlags.Register(flag.CommandLine)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: cekbpjstk [flags]\n       cekbpjstk --server URL --pin-sha256 B64 --pin-sha256 B64 [--domain D]... [--ca PEM] [flags]\n       cekbpjstk verify --server URL --pin-sha256 B64 --pin-sha256 B64 [--domain D]... [--ca PEM]\n       cekbpjstk periksa [--today YYYY-MM-DD] [--lang id|en] [--json] [--templates DIR] FILE...\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()

	if *showVersion {
		fmt.Printf("%s %s\n", meta.Details.Name, meta.Details.Version)
		return
	}
	server, err := serverProfile(&serverFlags, *demo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cekbpjstk:", err)
		os.Exit(2)
	}
	if !slices.Contains(i18n.Languages, *language) {
		fmt.Fprintf(os.Stderr, "cekbpjstk: unknown language %q (want one of %v)\n", *language, i18n.Languages)
		os.Exit(2)
	}
	if *dataDir == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			fmt.Fprintln(os.Stderr, "cekbpjstk: no user config dir; pass --data-dir:", err)
			os.Exit(1)
		}
		*dataDir = filepath.Join(dir, "cekbpjstk")
	}
	if err := shell.CheckDisplay(); err != nil {
		_ = i18n.LoadTranslations(*language) // checked above
		fmt.Fprintln(os.Stderr, lang.L("app.noDisplay",
			map[string]any{"Detail": err.Error()}))
		os.Exit(1)
	}

	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger) // one logger: the views' few lines go where the app's go
	demoServer := sandbox.NewDemoRunner(sandboxDir(*dataDir), logger)
	defer demoServer.Close()

	chosenLanguage := "" // empty: the language saved in Settings
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "lang" {
			chosenLanguage = *language
		}
	})

	defer exitOnDisplayFailure()
	// Start-up work that does not need the UI goroutine starts first, each
	// on goroutines of its own: the text fonts parse and the offline cache
	// opens (keyring and disk) while the translations load and the window
	// is created.
	widgets.UseLatinFonts() // before any text is measured
	a := fyneapp.NewWithID(meta.Details.ID)
	settings := prefs.New(a.Preferences())
	widgets.ApplyTheme(a, settings.Theme()) // before the fonts: they read it
	fontsLoaded := shell.PreloadFonts()
	session := app.New(app.Params{
		DataDir:   *dataDir,
		Keys:      keystore.New(),
		Settings:  settings,
		ForceDemo: *demo,
		Server:    server,
		StartDemo: func(ctx context.Context) (app.DemoServer, error) { return startDemo(ctx, demoServer) },
		Version:   meta.Details.Version,
		Logger:    logger,
	})
	cache := shell.OpenCache(session)
	// The language the window opens in: --lang, else the saved setting
	// (the shell saves --lang as the setting).
	shown := settings.Language()
	if chosenLanguage != "" {
		shown = chosenLanguage
	}
	if err := i18n.LoadTranslations(shown); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	w := shell.NewMainWindow(shell.Params{
		Cache:         cache,
		FontsLoaded:   fontsLoaded,
		DemoBook:      demoBook(),
		DemoDocuments: demoDocuments,
		App:           a,
		Session:       session,
		Language:      chosenLanguage,
		Logger:        logger,
		WindowUp:      func() { debug.SetGCPercent(gcPercent) },
		Quitting:      quitting.Load,
		Closed: func() {
			quitting.Store(true)
			go exitIfStuck(logger, session, demoServer, quitGrace)
		},
	})
	stopped := takeStopHooks(a)
	quitOnSignal(a, func() { exitIfStuck(logger, session, demoServer, quitGrace) })
	defer exitOnQuitFault(logger, session, demoServer)
	w.ShowAndRun()
	stopped()
}

// stopHooks is the part of Fyne's lifecycle takeStopHooks needs: its
// internal Lifecycle has these methods, fyne.Lifecycle only the setter.
type stopHooks interface {
	OnStopped() func()
	SetOnStopped(func())
	SetOnStoppedHookExecuted(func())
}

// takeStopHooks takes the stop hooks (the shell's, then Fyne's last save of
// the preferences) out of Fyne's lifecycle queue and returns them, for main
// to run on the main goroutine once Run has returned. Fyne 2.7.1 queues
// them as its loop shuts down (glfw/loop.go runGL), and the queue's
// goroutine hands them to the loop's function channel (runOnMainWithWait)
// while the loop is closing that channel: a send racing a close. The race
// detector caught it in CI (exit status 66, TestWindow_FitsTheScreenAtEveryScale,
// December 2026); without -race it can end in a send on a closed channel,
// and a hook handed over before the loop's last drain waits for ever (the
// stall exitIfStuck ends). With no hook queued, Fyne's shutdown hands
// nothing over. A toolkit without these methods keeps its own hooks.
func takeStopHooks(a fyne.App) func() {
	lc, ok := a.Lifecycle().(stopHooks)
	if !ok {
		return func() {}
	}
	stop := lc.OnStopped()
	lc.SetOnStopped(nil)
	lc.SetOnStoppedHookExecuted(nil)
	if stop == nil {
		return func() {}
	}
	return stop
}

// serverProfile is the server of --server and its flags, or nil without
// them. The profile is checked like any other when the app connects (the
// guard refuses bad pins, domains or URLs before sending anything).
func serverProfile(f *cli.ServerFlags, demo bool) (*service.Profile, error) {
	if !f.Any() {
		return nil, nil
	}
	if demo {
		return nil, errors.New("--demo and --server name two different servers; give one")
	}
	p, err := f.Profile("server")
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// sandboxDir keeps the demo server's own database (fake members) out of the
// app's data dir, where only encrypted data lives.
func sandboxDir(dataDir string) string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "cekbpjstk", "sandbox")
	}
	return filepath.Join(filepath.Dir(dataDir), "cekbpjstk-sandbox")
}

// startDemo runs the sandbox (off the UI goroutine, once) and pins its
// certificate; its members are the sandbox's one list of demo accounts.
func startDemo(ctx context.Context, runner *sandbox.DemoRunner) (app.DemoServer, error) {
	run, err := runner.Start(ctx)
	if err != nil {
		return app.DemoServer{}, err
	}
	srv := run.Server()
	demo := app.DemoServer{
		Profile:  service.DemoProfile(run.URL(), srv.CertPEM(), srv.PinSHA256(), srv.BackupPinSHA256()),
		TOTPCode: func() string { return sandbox.DemoTOTPCode(time.Now()) },
		// The codes a real member would get by email and SMS: the demo's
		// registration shows them with a "fill" button.
		RegistrationCode: srv.LatestCode,
	}
	for _, r := range sandbox.DemoRegistrations() {
		demo.Registrations = append(demo.Registrations, app.DemoRegistration{Note: r.Note, Form: service.Registration{
			NIK: r.NIK, KPJ: r.KPJ, FullName: r.FullName, BirthDate: r.BirthDate,
			Email: r.Email, Phone: r.Phone, Password: r.Password}})
	}
	for _, acc := range sandbox.DemoAccounts() {
		demo.Accounts = append(demo.Accounts, app.DemoAccount{Identifier: acc.Identifier, Password: acc.Password, Note: acc.Note})
	}
	return demo, nil
}

// exitOnDisplayFailure turns GLFW's panic when the display cannot be opened
// after all (CheckDisplay only reaches its socket) into the same one-line
// error and exit status; any other panic goes on as it was.
func exitOnDisplayFailure() {
	r := recover()
	if r == nil {
		return
	}
	msg := fmt.Sprint(r)
	if !strings.Contains(msg, "GLFW") && !strings.Contains(msg, "display") {
		panic(r)
	}
	fmt.Fprintln(os.Stderr, lang.L("app.noDisplay",
		map[string]any{"Detail": msg}))
	os.Exit(1)
}

// quitGrace is how long Fyne gets to end the process after the window
// closed; it takes a few milliseconds when it does not stall.
const quitGrace = 5 * time.Second

// exitIfStuck ends the process when Fyne has not ended it within grace of
// the window closing or a SIGTERM. Fyne 2.7.1 could deadlock there: its
// stop hook (saving the preferences) went through its lifecycle queue to a
// main loop that was draining its last functions, and when it arrived after
// that drain both waited for each other for ever (glfw/loop.go runGL and
// Lifecycle.WaitForEvents; Fyne also quits on SIGTERM itself, without
// closing the window first). Seen here about once in 30 quits by SIGTERM;
// the stack is in the closing note of issue 13. takeStopHooks now keeps the
// hooks out of that queue; this stays for any stall of the same kind that
// another goroutine's late fyne.Do could still cause. A stuck process never gives the desktop its
// exit and keeps the session, the cache and the sandbox open. So: end the
// session and close the cache (App.Close may be called from any goroutine,
// and again), stop the demo server, exit. The preferences were saved when
// they changed (Fyne writes them 100 ms after a change).
func exitIfStuck(log *slog.Logger, session *app.App, demo *sandbox.DemoRunner, grace time.Duration) {
	time.Sleep(grace)
	log.Warn("the toolkit did not end the process after quitting; exiting", "after", grace)
	session.Close()
	demo.Close()
	os.Exit(0)
}

// quitting is set once the app has been asked to end (the window closed, or
// SIGINT/SIGTERM): from then on a fault in the toolkit's own event handling
// ends the process cleanly (exitOnQuitFault).
var quitting atomic.Bool

// exitOnQuitFault ends the process cleanly when the toolkit faults while
// the app is quitting, and lets any other panic go on as it was. Fyne 2.7.1
// quits by itself on SIGTERM (its own signal handler) and destroys the
// window; a pointer event GLFW still delivers in the same poll then reaches
// window.processMouseMoved, which changes the cursor through the destroyed
// window's nil *glfw.Window (glfw input.go SetInputMode): a nil pointer
// dereference on the main goroutine. Seen about once in eight SIGTERMs under
// Xvfb (TestSmoke_WindowAppearsAndExitsOnSIGTERM). Nothing is lost by
// exiting then: the member asked to quit, and the session and cache are
// closed here as exitIfStuck does.
func exitOnQuitFault(log *slog.Logger, session *app.App, demo *sandbox.DemoRunner) {
	r := recover()
	if r == nil {
		return
	}
	if !quitting.Load() {
		panic(r)
	}
	log.Warn("the toolkit faulted in its event handling after quitting; exiting", "fault", fmt.Sprint(r))
	session.Close()
	demo.Close()
	os.Exit(0)
}

// quitOnSignal ends the app cleanly on SIGINT/SIGTERM, as a window close
// would, then runs stuck (which ends the process if Fyne does not).
func quitOnSignal(a fyne.App, stuck func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		quitting.Store(true)
		fyne.Do(a.Quit)
		stuck()
	}()
}

// demoDocuments are the demo member's own documents, for the book's
// "Impor dokumen contoh" (demo only).
func demoDocuments() []book.Source {
	var out []book.Source
	for _, f := range demodocs.Files() {
		out = append(out, book.Source{Name: f.Name, Data: f.Data})
	}
	return out
}

// demoBook is the member of the demo's own documents (sandbox/demodocs),
// for the book form in demo mode: invented, like every sandbox member.
func demoBook() *book.New {
	return &book.New{Name: "Rudi Hartono", BirthDate: time.Date(1993, 9, 21, 0, 0, 0, 0, time.UTC), NIK: "3216062109930005",
		Cards: []book.Card{{KPJ: "22056789012", Employer: "PT Sumber Rejeki Plastindo"}}}
}
