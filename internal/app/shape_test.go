package app

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The application layer stays a facade over small owners: no struct with
// more than 12 fields, no file (tests aside) over 500 lines.
func TestShape_SmallOwners(t *testing.T) {
	t.Parallel()
	const maxFields, maxLines = 12, 500
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files: %v", err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(src, []byte("\n")); n > maxLines {
			t.Errorf("%s has %d lines, more than %d", name, n, maxLines)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			fields := 0
			for _, fld := range st.Fields.List {
				fields += max(1, len(fld.Names))
			}
			if fields > maxFields {
				t.Errorf("%s: a struct with %d fields, more than %d", fset.Position(st.Pos()), fields, maxFields)
			}
			return true
		})
	}
}
