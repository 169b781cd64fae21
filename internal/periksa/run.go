// Package periksa is `cekbpjstk periksa`: it reads a member's own
// documents (BPJSTK statement PDFs, payslip CSVs, JMO figures, employment
// facts), runs every check the app runs on server data, and prints the
// findings and the member's rights, as text in Indonesian or English or as
// JSON (docs/periksa.md). It stores nothing, sends nothing and opens no
// window: it reads the files named and writes to its two streams only.
package periksa

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// Exit codes of Run.
const (
	ExitOK = 0 // read and checked, with or without findings
	// ExitUnreadable: a file could not be read (or the arguments were
	// wrong); one sentence on stderr says which and why.
	ExitUnreadable = 2
)

const usage = "usage: cekbpjstk periksa [--today YYYY-MM-DD] [--lang id|en] [--json] [--templates DIR] FILE..."

// Run implements `cekbpjstk periksa`. now is the clock --today defaults to.
func Run(args []string, stdout, stderr io.Writer) int {
	return run(args, stdout, stderr, time.Now)
}

func run(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs := flag.NewFlagSet("periksa", flag.ContinueOnError)
	fs.SetOutput(stderr)
	todayFlag := fs.String("today", "", "the day the rights are worked out for (default: today)")
	langFlag := fs.String("lang", "id", "language of the text and of the sentences: id or en")
	asJSON := fs.Bool("json", false, "print the report as JSON (docs/periksa.md)")
	templates := fs.String("templates", "", "write the CSV templates (payslips, JMO figures, employment facts) into this directory")
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUnreadable
	}
	l := member.Lang(*langFlag)
	if l != member.ID && l != member.EN {
		fmt.Fprintf(stderr, "periksa: --lang %q: use id or en\n", *langFlag)
		return ExitUnreadable
	}
	today := now()
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if *todayFlag != "" {
		t, err := time.Parse(time.DateOnly, *todayFlag)
		if err != nil {
			fmt.Fprintln(stderr, map[member.Lang]string{
				member.ID: fmt.Sprintf("periksa: --today %q bukan tanggal YYYY-MM-DD", *todayFlag),
				member.EN: fmt.Sprintf("periksa: --today %q is not a YYYY-MM-DD date", *todayFlag),
			}[l])
			return ExitUnreadable
		}
		today = t
	}
	if *templates != "" {
		written, err := writeTemplates(*templates)
		for _, w := range written {
			fmt.Fprintln(stdout, w)
		}
		if err != nil {
			fmt.Fprintln(stderr, sentence(err, l))
			return ExitUnreadable
		}
		if fs.NArg() == 0 {
			return ExitOK
		}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return ExitUnreadable
	}

	bundles := make([]documents.Bundle, 0, fs.NArg())
	for _, name := range fs.Args() {
		b, err := readFile(name, l)
		if err != nil {
			fmt.Fprintln(stderr, sentence(err, l))
			return ExitUnreadable
		}
		bundles = append(bundles, b)
	}
	merged, err := read.Merge(bundles...)
	if err != nil {
		fmt.Fprintln(stderr, sentence(err, l))
		return ExitUnreadable
	}
	rep := Build(merged, read.ModelOf(merged, today), today, l)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "periksa: %v\n", err)
			return ExitUnreadable
		}
		return ExitOK
	}
	writeText(stdout, rep, l)
	return ExitOK
}

// sentence is a reader's Problem in the language, or the error as it is.
func sentence(err error, l member.Lang) string {
	var p *documents.Problem
	if errors.As(err, &p) {
		return p.Text(l)
	}
	return err.Error()
}

// readFile reads a file whole, up to one byte past the readers' limit (so
// the reader refuses a larger one with its sentence, unread beyond it).
func readFile(name string, l member.Lang) (documents.Bundle, error) {
	f, err := os.Open(name)
	if err != nil {
		return documents.Bundle{}, openProblem(name, err, l)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, documents.MaxFileBytes+1))
	if err != nil {
		return documents.Bundle{}, openProblem(name, err, l)
	}
	return read.File(name, data)
}

// openProblem says why a file could not be opened, naming it as the
// member typed it (a wrong directory shows).
func openProblem(name string, err error, _ member.Lang) error {
	at := member.Source{File: name}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return documents.Errorf("not_found", at, "berkas ini tidak ada", "this file does not exist")
	case errors.Is(err, os.ErrPermission):
		return documents.Errorf("no_permission", at, "berkas ini tidak boleh dibaca (izin)", "this file may not be read (permissions)")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return documents.Errorf("unreadable", at, "berkas ini tidak dapat dibaca: %v", "this file cannot be read: %v", err)
}
