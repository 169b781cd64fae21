// Command cekbpjstk is a desktop app for BPJS Ketenagakerjaan members: it
// shows their membership, JHT balance, contributions and claims, online and
// from an encrypted offline cache.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	_ "github.com/cekbpjstk/cekbpjstk/internal/localeenv" // before Fyne's lang init
	"github.com/cekbpjstk/cekbpjstk/ui"
)

func main() {
	meta, err := readMetadata()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	demo := flag.Bool("demo", false, "run against the built-in sandbox server with demo members")
	dataDir := flag.String("data-dir", "", "where the offline cache and settings live (default: the user config dir + cekbpjstk)")
	language := flag.String("lang", ui.DefaultLanguage, "interface language: id or en")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()

	if *showVersion {
		fmt.Printf("%s %s\n", meta.Details.Name, meta.Details.Version)
		return
	}
	if err := ui.LoadTranslations(*language); err != nil {
		fmt.Fprintln(os.Stderr, err)
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
	if err := ui.CheckDisplay(); err != nil {
		fmt.Fprintln(os.Stderr, lang.L("Cek BPJSTK cannot open a window: no display was found ({{.Detail}}). Start it from a desktop session.",
			map[string]any{"Detail": err.Error()}))
		os.Exit(1)
	}

	a := app.NewWithID(meta.Details.ID)
	w := ui.NewMainWindow(ui.Params{App: a, Version: meta.Details.Version, Demo: *demo, DataDir: *dataDir})
	quitOnSignal(a)
	w.ShowAndRun()
}

// quitOnSignal ends the app cleanly on SIGINT/SIGTERM, as a window close would.
func quitOnSignal(a fyne.App) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
}
