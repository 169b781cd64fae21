// Command cekbpjstk-sandbox runs the Cek BPJSTK sandbox member API over TLS
// for manual testing. It prints the URL, the SPKI pins and the path of the
// sandbox CA's certificate (the trust anchor: the CA only signs, the server
// serves a leaf it issued), then serves until SIGINT or SIGTERM.
//
// The mail and SMS the sandbox "sends" (registration codes) are printed to
// stderr and served to loopback callers on GET /v1/dev/outbox.
//
//	cekbpjstk-sandbox --addr 127.0.0.1:8443 --data ./sandbox-data
//	curl --cacert ./sandbox-data/ca.pem https://127.0.0.1:8443/v1/health
//	curl --cacert ./sandbox-data/ca.pem https://127.0.0.1:8443/v1/dev/outbox
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/sandbox/faults"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cekbpjstk-sandbox:", err)
		os.Exit(1)
	}
}

// faultFlags collects repeated --fault values.
type faultFlags []faults.Fault

func (f *faultFlags) String() string { return fmt.Sprint(len(*f), " faults") }

func (f *faultFlags) Set(spec string) error {
	fault, err := faults.Parse(spec)
	if err != nil {
		return err
	}
	*f = append(*f, fault)
	return nil
}

// run serves until ctx ends (main cancels it on SIGINT/SIGTERM).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("cekbpjstk-sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8443", "listen address")
	data := fs.String("data", "sandbox-data", "data directory (database, certificate, keys)")
	public := fs.Bool("public", false, "allow listening on a non-loopback address")
	verbose := fs.Bool("v", false, "log every request to stderr")
	var armed faultFlags
	fs.Var(&armed, "fault", "inject a fault, repeatable: e.g. 'path=/v1/me/balance,status=503,times=3' "+
		"(keys: method, path, times, latency, status, retry-after, malformed, oversized, gzip-bomb, redirect, drop)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*addr, *public); err != nil {
		return err
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	rn, err := sandbox.Start(ctx, *addr, *data, sandbox.WithLogger(logger), sandbox.WithDevOutbox(), faults.With(armed...))
	if err != nil {
		return err
	}
	srv := rn.Server()
	fmt.Fprintf(stdout, "url: %s\npin-sha256: %s\nbackup-pin-sha256: %s\ncert: %s\n",
		rn.URL(), srv.PinSHA256(), srv.BackupPinSHA256(), srv.CertPath())
	<-ctx.Done()
	logger.Warn("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return rn.Close(shutdownCtx)
}

// checkLoopback refuses a non-loopback bind unless --public was given: the
// sandbox holds demo credentials that anyone on the network could use.
func checkLoopback(addr string, public bool) error {
	if public {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return errors.New("--addr " + addr + " is not a loopback address; pass --public to allow it")
	}
	return nil
}
