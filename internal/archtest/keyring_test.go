package archtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// keystoreDir is the one package that names keyring items: its constants
// Account* and Purpose* and the functions that build an account's item
// name (keystore/items.go).
const keystoreDir = "keystore"

// keyringMethods are the keyring calls whose account and purpose arguments
// name an item, with their number of arguments (ctx, account, purpose[,
// secret]): keystore.Store's, and those of every interface it satisfies
// (cache.KeyStore, service.TokenStore, the app's keys).
var keyringMethods = map[string]int{"Get": 3, "Set": 4, "Delete": 3}

// TestKeyringItemsNamedOnlyInKeystore: no non-test file outside keystore
// declares a keyring item name. Two checks, on the syntax of every non-test
// Go file of the module:
//   - no string literal equals one of keystore's item names (so that no
//     second constant, variable or inline string spells one again);
//   - the account and purpose arguments of every Get/Set/Delete call with a
//     keyring's arity contain no string literal, no package-level constant,
//     variable or function of the calling package, and nothing reached
//     through another package of the module than keystore: an item's name
//     comes from keystore (a constant or AccountKeyItem), or from a
//     variable, parameter or field that carries it.
func TestKeyringItemsNamedOnlyInKeystore(t *testing.T) {
	root, module := moduleRoot(t)
	names := keystoreItemNames(t, root)
	if len(names) == 0 {
		t.Fatalf("%s declares no Account*/Purpose* string constant", keystoreDir)
	}
	fset, pkgs := parseModule(t, root)
	var problems []string
	files := 0
	for dir, fs := range pkgs {
		if dir == keystoreDir || under(dir, thirdPartyDir) {
			continue
		}
		files += len(fs)
		problems = append(problems, keyringViolations(fset, root, fs, module, names)...)
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("%d item names in %s; %d non-test files of %d packages checked", len(names), keystoreDir, files, len(pkgs))
}

// TestKeyringViolations_CatchesEachWay proves the rule above fails: every
// way to name an item outside keystore is reported, and the ways the app
// uses are not.
func TestKeyringViolations_CatchesEachWay(t *testing.T) {
	t.Parallel()
	const module = "example.com/m"
	names := map[string]string{"refresh-token": "PurposeRefreshToken"}
	for _, c := range []struct {
		name, src string
		bad       bool
	}{
		{"a keystore name spelled again", `const p = "refresh-token"`, true},
		{"an inline literal", `func f(s S) { s.Get(ctx, id, "new-purpose") }`, true},
		{"a literal account", `func f(s S) { s.Delete(ctx, "installation2", keystore.PurposeRefreshToken) }`, true},
		{"a built account", `func f(s S) { s.Set(ctx, "p:"+id, keystore.PurposeRefreshToken, v) }`, true},
		{"a constant of its own", `const p = "new-purpose"; func f(s S) { s.Get(ctx, id, p) }`, true},
		{"a variable of its own", `var p = "new-purpose"; func f(s S) { s.Get(ctx, id, p) }`, true},
		{"a function of its own", `func item(a string) string { return a }; func f(s S) { s.Get(ctx, item(id), keystore.PurposeRefreshToken) }`, true},
		{"another package's name", `func f(s S) { s.Get(ctx, id, cache.PurposeAccountKey) }`, true},
		{"another package's function", `func f(s S) { s.Get(ctx, cache.KeyItem(p, id), keystore.PurposeAccountKey) }`, true},
		{"keystore's names", `func f(s S) { s.Set(ctx, keystore.AccountKeyItem(p, id), keystore.PurposeAccountKey, v) }`, false},
		{"a parameter passing through", `func f(s S, account, purpose string) { s.Get(ctx, account, purpose) }`, false},
		{"a field", `func f(s S, j job) { s.Delete(ctx, j.identifier, keystore.PurposeRefreshToken) }`, false},
		{"other Get/Set calls", `func f(h H) { h.Set("Accept", "x"); h.Get("k"); m.Delete(ctx, "k") }`, false},
	} {
		src := "package p\nimport (\n\t\"example.com/m/keystore\"\n\t\"example.com/m/cache\"\n)\n" + c.src + "\nvar _ = cache.X\nvar _ = keystore.X\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := keyringViolations(fset, ".", []*ast.File{f}, module, names)
		if c.bad && len(got) == 0 {
			t.Errorf("%s: not reported", c.name)
		}
		if !c.bad && len(got) != 0 {
			t.Errorf("%s: reported: %v", c.name, got)
		}
	}
}

// keystoreItemNames reads keystore's non-test files and returns the values
// of its Account* and Purpose* string constants, with their names.
func keystoreItemNames(t *testing.T, root string) map[string]string {
	t.Helper()
	names := map[string]string{}
	_, pkgs := parseModule(t, root)
	for _, f := range pkgs[keystoreDir] {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i >= len(vs.Values) || !(strings.HasPrefix(n.Name, "Account") || strings.HasPrefix(n.Name, "Purpose")) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if v, err := strconv.Unquote(lit.Value); err == nil {
							names[v] = n.Name
						}
					}
				}
			}
		}
	}
	return names
}

// parseModule parses every non-test Go file of the module (not testdata,
// hidden directories or nested modules) and returns them by directory,
// relative to root, slash-separated.
func parseModule(t *testing.T, root string) (*token.FileSet, map[string][]*ast.File) {
	t.Helper()
	trackModule(t, root)
	fset := token.NewFileSet()
	pkgs := map[string][]*ast.File{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p == root {
				return nil
			}
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "dist" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir // another module (tools/)
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		pkgs[rel] = append(pkgs[rel], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fset, pkgs
}

// keyringViolations checks the files of one package (see
// TestKeyringItemsNamedOnlyInKeystore); names maps keystore's item names
// to their constants.
func keyringViolations(fset *token.FileSet, root string, files []*ast.File, module string, names map[string]string) []string {
	// The package's own top-level constants, variables and functions.
	own := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					own[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok {
						for _, n := range vs.Names {
							own[n.Name] = true
						}
					}
				}
			}
		}
	}
	var problems []string
	for _, f := range files {
		// The module's packages this file imports, by the name it uses.
		imported := map[string]string{}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !under(path, module) {
				continue
			}
			local := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				local = imp.Name.Name
			}
			imported[local] = strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
		}
		where := func(n ast.Node) string {
			p := fset.Position(n.Pos())
			if rel, err := filepath.Rel(root, p.Filename); err == nil {
				p.Filename = filepath.ToSlash(rel)
			}
			return p.String()
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if v, err := strconv.Unquote(lit.Value); err == nil && names[v] != "" {
					problems = append(problems, fmt.Sprintf("%s: the string %q is keystore.%s's keyring item name: use the constant", where(lit), v, names[v]))
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || keyringMethods[sel.Sel.Name] == 0 || len(call.Args) != keyringMethods[sel.Sel.Name] {
				return true
			}
			for i, role := range []string{"account", "purpose"} {
				ast.Inspect(call.Args[1+i], func(m ast.Node) bool {
					switch m := m.(type) {
					case *ast.BasicLit:
						if m.Kind == token.STRING {
							problems = append(problems, fmt.Sprintf("%s: %s(%s: %s): a keyring item named outside keystore", where(m), sel.Sel.Name, role, m.Value))
						}
					case *ast.SelectorExpr:
						if x, ok := m.X.(*ast.Ident); ok {
							if pkg, ok := imported[x.Name]; ok {
								if pkg != keystoreDir {
									problems = append(problems, fmt.Sprintf("%s: %s(%s: %s.%s): keyring item names come from keystore, not %s", where(m), sel.Sel.Name, role, x.Name, m.Sel.Name, pkg))
								}
								return false
							}
						}
					case *ast.Ident:
						if own[m.Name] {
							problems = append(problems, fmt.Sprintf("%s: %s(%s: %s): %s is this package's own; keyring item names come from keystore", where(m), sel.Sel.Name, role, m.Name, m.Name))
						}
					}
					return true
				})
			}
			return true
		})
	}
	return problems
}
