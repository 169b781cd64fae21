package archtest

import (
	"go/ast"
	"sort"
	"strings"
	"testing"
)

// italicViolations lists the places in files that ask Fyne for italic
// text: a TextStyle's Italic field, set or read.
func italicViolations(files []*ast.File, pos func(ast.Node) string) []string {
	var out []string
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Italic" {
					out = append(out, pos(n))
				}
			case *ast.SelectorExpr:
				if n.Sel.Name == "Italic" {
					out = append(out, pos(n))
				}
			}
			return true
		})
	}
	return out
}

// The app's text is upright: Fyne parses a whole face, and its system
// fallback face, for each text style at its first use (~4 MB of heap and
// ~30 ms of CPU for italic: docs/bench.txt), and a handful of hints in
// italics were not worth that in every start-up. Notes say what they are
// in their words instead.
func TestNoItalicText(t *testing.T) {
	root, _ := moduleRoot(t)
	fset, pkgs := parseModule(t, root)
	var bad []string
	for dir, files := range pkgs {
		if dir != "." && dir != "ui" && !strings.HasPrefix(dir, "ui/") {
			continue
		}
		bad = append(bad, italicViolations(files, func(n ast.Node) string { return fset.Position(n.Pos()).String() })...)
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Errorf("%s: italic text (see TestNoItalicText)", b)
	}
}
