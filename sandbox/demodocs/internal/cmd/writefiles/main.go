// Command writefiles writes the demo member's statement printouts, payslips
// and employment facts into sandbox/demodocs/files (go generate in sandbox/demodocs runs it).
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cekbpjstk/cekbpjstk/sandbox/demodocs/internal/gen"
)

func main() {
	files, err := gen.Statements(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tables, err := gen.Tables(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	files = append(files, tables...)
	for _, f := range files {
		if err := os.WriteFile(filepath.Join("files", f.Name), f.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
