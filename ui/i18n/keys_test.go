package i18n

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/assets"
	"github.com/cekbpjstk/cekbpjstk/sandbox"
)

// keyConvention is the one shape of the app's translation keys: dotted ids,
// "<area>.<name>[.<more>]" (login.password, register.field.nikLength,
// dashboard.balance.asOf.one), whose area names the file that holds their
// sentences, assets/translations/<area>.{id,en}.json. The area is lower
// case; the names are camelCase, and a variant may be named by digits or an
// acronym (register.strength.0, dashboard.program.JHT). A key is never the
// English sentence itself.
var keyConvention = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$`)

// fyneKeys are the keys Fyne (v2.7.1) looks up itself, for its own dialogs,
// menus and calendar: they keep Fyne's spelling, whatever our convention,
// or Fyne's buttons would stay in English. Our translation files carry them
// because SetLanguage replaces Fyne's own messages for the chosen locale.
// TestTranslations_FyneKeysAreTheOnesFyneLooksUp checks this list against
// Fyne's source.
var fyneKeys = []string{
	// dialog: confirm, information, entry, color and file dialogs.
	"Advanced", "Cancel", "Confirm", "Create Folder", "Enter filename", "Error", "File", "Folder",
	"New Folder", "No", "OK", "Open", "Save", "Show Hidden Files", "Yes", "file.name", "file.parent",
	// widget.Entry's and widget.Label's context menus.
	"Copy", "Cut", "Paste", "Redo", "Select all", "Undo",
	// The desktop driver's Quit menu item.
	"Quit",
	// widget.Calendar's weekday headings: the day's name in lower case, and
	// that plus ".short" (our date picker uses the same keys).
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"monday.short", "tuesday.short", "wednesday.short", "thursday.short", "friday.short", "saturday.short", "sunday.short",
}

// builtKeys are the lang calls whose key is built from a variable, by the
// expression as written, with every key the expression can build. A new
// built key must be added here on purpose, so that its keys are checked.
var builtKeys = map[string][]string{
	// ui/register's date picker heads its columns as Fyne's calendar does.
	`wd + ".short"`: {"monday.short", "tuesday.short", "wednesday.short", "thursday.short", "friday.short", "saturday.short", "sunday.short"},
}

// langFuncs are the functions of fyne.io/fyne/v2/lang whose first argument
// is a translation key (L, X, N and XN are the short names of the others).
var langFuncs = []string{"L", "X", "N", "XN", "Localize", "LocalizeKey", "LocalizePlural", "LocalizePluralKey"}

const langImport = "fyne.io/fyne/v2/lang"

// keyUse is one key passed to lang, where and how.
type keyUse struct {
	pos  string
	key  string // the literal key, or the expression that builds it
	lit  bool   // key is a string literal
	test bool   // in a _test.go file
}

// codeKeys scans every Go file under root (testdata and hidden directories
// apart) for calls of lang's functions, and the non-test files of ui/ and
// of every package that calls lang for string literals (keys kept in
// tables, fields and variables before they reach lang.L).
func codeKeys(t *testing.T, root string) (calls []keyUse, literals map[string]string) {
	t.Helper()
	literals = map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		inUI := strings.HasPrefix(filepath.ToSlash(rel), "ui/")
		if !inUI {
			// Most of the tree never calls lang: read its imports only.
			f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(f.Imports, func(imp *ast.ImportSpec) bool { return imp.Path.Value == strconv.Quote(langImport) }) {
				return nil
			}
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		isTest := strings.HasSuffix(path, "_test.go")
		name := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == langImport {
				name = "lang"
				if imp.Name != nil {
					name = imp.Name.Name
				}
			}
		}
		if name == "" && !inUI {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING && !isTest {
					if s, err := strconv.Unquote(n.Value); err == nil {
						literals[s] = fset.Position(n.Pos()).String()
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || len(n.Args) == 0 || !slices.Contains(langFuncs, sel.Sel.Name) {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); !ok || name == "" || x.Name != name {
					return true
				}
				use := keyUse{pos: fset.Position(n.Pos()).String(), test: isTest}
				arg := n.Args[0]
				if lit, ok := arg.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					use.key, _ = strconv.Unquote(lit.Value)
					use.lit = true
				} else if isBuilt(arg) {
					var b bytes.Buffer
					_ = printer.Fprint(&b, fset, arg)
					use.key = b.String()
				} else {
					// A key held in a variable, a field or a table: its
					// literal is among literals, checked below.
					return true
				}
				calls = append(calls, use)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return calls, literals
}

// isBuilt says whether a key is built where it is used: joined with +, or
// made by a call (fmt.Sprintf, strings.ToLower, ...).
func isBuilt(arg ast.Expr) bool {
	switch arg.(type) {
	case *ast.BinaryExpr, *ast.CallExpr:
		return true
	}
	return false
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no module root at %s: %v", root, err)
	}
	return root
}

// keyAreas are the areas (first segments) of the app's own keys.
func keyAreas(keys map[string]bool) map[string]bool {
	areas := map[string]bool{}
	for k := range keys {
		if keyConvention.MatchString(k) && !slices.Contains(fyneKeys, k) {
			areas[k[:strings.IndexByte(k, '.')]] = true
		}
	}
	return areas
}

func TestTranslations_KeysFollowOneConvention(t *testing.T) {
	t.Parallel()
	id := keysOf(t, "id")
	var bad []string
	for k := range id {
		if !keyConvention.MatchString(k) && !slices.Contains(fyneKeys, k) {
			bad = append(bad, k)
		}
	}
	for _, k := range fyneKeys {
		if !id[k] {
			t.Errorf("Fyne's key %q is not translated: Fyne's own dialogs would show it in English", k)
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Fatalf("keys not in the app's convention (dotted ids like login.password; only Fyne's own keys keep Fyne's spelling):\n%s",
			strings.Join(bad, "\n"))
	}
}

// A key's area names the file it lives in, so a key says where its
// sentences are; fyne.{id,en}.json holds Fyne's keys and nothing else.
func TestTranslations_EachKeyLivesInItsAreasFile(t *testing.T) {
	t.Parallel()
	entries, err := assets.Translations.ReadDir(assets.TranslationsDir)
	if err != nil {
		t.Fatal(err)
	}
	fyneFiles := 0
	for _, e := range entries {
		name := e.Name()
		area, _, _ := strings.Cut(name, ".")
		data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var messages map[string]any
		if err := json.Unmarshal(data, &messages); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if area == "fyne" {
			fyneFiles++
			if len(messages) != len(fyneKeys) {
				t.Errorf("%s holds %d keys, want Fyne's %d", name, len(messages), len(fyneKeys))
			}
		}
		for k := range messages {
			switch {
			case area == "fyne" && !slices.Contains(fyneKeys, k):
				t.Errorf("%s: %q is not one of Fyne's keys (fyneKeys)", name, k)
			case area != "fyne" && !strings.HasPrefix(k, area+"."):
				keyArea, _, _ := strings.Cut(k, ".")
				t.Errorf("%s: %q belongs in %s.{id,en}.json, the file of its area", name, k, keyArea)
			}
		}
	}
	if fyneFiles != len(Languages) {
		t.Errorf("%d fyne.<code>.json files, want one per language (%v)", fyneFiles, Languages)
	}
}

// Every key the code passes to lang, and every string in ui/ that looks
// like one of our keys, follows the convention and is translated in both
// languages; a missing key would show the key itself to the member.
func TestTranslations_EveryUIStringIsTranslated(t *testing.T) {
	t.Parallel()
	id, en := keysOf(t, "id"), keysOf(t, "en")
	root := moduleRoot(t)
	calls, literals := codeKeys(t, root)
	if len(calls) < 300 {
		t.Fatalf("only %d lang calls found under %s", len(calls), root)
	}
	var problems []string
	check := func(where, key string) {
		switch {
		case !keyConvention.MatchString(key) && !slices.Contains(fyneKeys, key):
			problems = append(problems, where+": "+strconv.Quote(key)+" is not a dotted id (like login.password)")
		case !id[key] || !en[key]:
			problems = append(problems, where+": "+strconv.Quote(key)+" is not translated in both id and en")
		}
	}
	for _, c := range calls {
		if c.lit {
			check(c.pos, c.key)
			continue
		}
		built, ok := builtKeys[c.key]
		if !ok {
			problems = append(problems, c.pos+": the key "+c.key+" is built from a variable: list it and the keys it builds in builtKeys")
		}
		for _, k := range built {
			check(c.pos+" ("+c.key+")", k)
		}
	}
	// Keys kept in tables and fields: a literal that looks like a key of
	// one of our areas must be one.
	areas := keyAreas(id)
	for s, pos := range literals {
		if keyConvention.MatchString(s) && areas[s[:strings.IndexByte(s, '.')]] {
			check(pos, s)
		}
	}
	// The sandbox's demo members come with a note the login and register
	// views show with lang.L.
	for _, a := range sandbox.DemoAccounts() {
		check("sandbox.DemoAccounts "+a.Identifier, a.Note)
	}
	for _, r := range sandbox.DemoRegistrations() {
		check("sandbox.DemoRegistrations "+r.FullName, r.Note)
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		t.Fatalf("translation keys in the code:\n%s", strings.Join(problems, "\n"))
	}
}

// Every key in the translation files is used: by the app's code (a lang
// call, a table or a field), by builtKeys, by the sandbox's demo notes, or
// by Fyne itself. A key nobody uses is a sentence that went stale.
func TestTranslations_EveryKeyIsUsed(t *testing.T) {
	t.Parallel()
	used := map[string]bool{}
	calls, literals := codeKeys(t, moduleRoot(t))
	for _, c := range calls {
		if !c.test && c.lit {
			used[c.key] = true
		}
	}
	for s := range literals {
		used[s] = true
	}
	for _, keys := range builtKeys {
		for _, k := range keys {
			used[k] = true
		}
	}
	for _, a := range sandbox.DemoAccounts() {
		used[a.Note] = true
	}
	for _, r := range sandbox.DemoRegistrations() {
		used[r.Note] = true
	}
	for _, k := range fyneKeys {
		used[k] = true
	}
	var unused []string
	for k := range keysOf(t, "id") {
		if !used[k] {
			unused = append(unused, k)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Fatalf("translation keys no code uses (delete them from both languages):\n%s", strings.Join(unused, "\n"))
	}
}

// fyneKeys is exactly what Fyne looks up: the keys in Fyne's own source
// (its lang calls with a literal key, outside its commands and tests), plus
// the calendar's weekday keys, which Fyne builds from the day's name.
func TestTranslations_FyneKeysAreTheOnesFyneLooksUp(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("go list -m fyne.io/fyne/v2: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	calls, _ := codeKeys(t, dir)
	found := map[string]bool{}
	for _, c := range calls {
		if c.test || strings.HasPrefix(c.pos, filepath.Join(dir, "cmd")+string(filepath.Separator)) {
			continue
		}
		if c.lit {
			found[c.key] = true
		}
	}
	if len(found) < 20 {
		t.Fatalf("only %d keys found in Fyne's source at %s", len(found), dir)
	}
	for _, day := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		found[day], found[day+".short"] = true, true
	}
	var missing, extra []string
	for k := range found {
		if !slices.Contains(fyneKeys, k) {
			missing = append(missing, k)
		}
	}
	for _, k := range fyneKeys {
		if !found[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing)+len(extra) > 0 {
		t.Fatalf("fyneKeys differs from Fyne's source at %s:\nFyne looks up, not listed: %s\nlisted, Fyne does not look up: %s",
			dir, strings.Join(missing, ", "), strings.Join(extra, ", "))
	}
}
