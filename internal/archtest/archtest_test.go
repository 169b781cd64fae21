package archtest

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// buildTags are the Makefile's TAGS: every build of the app uses them.
const buildTags = "migrated_fynedo,no_emoji"

// backendDirs must build without Fyne: the backends, and internal/, where
// the Fyne-free parts of the app taken out of ui live (internal/app,
// internal/memberdata, internal/prefs, ...). Those that hold no Go package
// (yet) are left out.
var backendDirs = []string{"service", "cache", "sandbox", "keystore", "member", "rules", "documents", "internal"}

// fyneAllowed are the packages under backendDirs that may use Fyne:
// internal/testkit/minimalwindow is the minimal Fyne window make bench
// measures the app against.
var fyneAllowed = []string{"internal/testkit/minimalwindow"}

// featureDirs are the UI's feature packages; none may import another.
var featureDirs = []string{"ui/login", "ui/register", "ui/dashboard", "ui/settings", "ui/sms", "ui/book"}

// appImporters are the only packages (relative to the module; "" is the
// main package) that may import internal/app. Tests may import it too.
var appImporters = []string{"", "ui/shell"}

// moduleRoot walks up from the working directory to the go.mod and returns
// its directory and the module path it declares.
func moduleRoot(t *testing.T) (dir, module string) {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			sc := bufio.NewScanner(bytes.NewReader(b))
			for sc.Scan() {
				if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == "module" {
					return dir, strings.Trim(f[1], `"`)
				}
			}
			t.Fatalf("%s/go.mod declares no module", dir)
		}
		if !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod in the working directory or above it")
		}
		dir = parent
	}
}

// trackModule stats every Go file, go.mod and go.sum of the module. go test
// caches a passing result and reuses it while the files and environment
// variables the test consulted stay the same; the files go list reads in a
// child process are not among them, so without this a cached pass could
// hide a new import.
func trackModule(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "dist" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum" {
			_, err = os.Stat(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// goList runs `go list -tags buildTags args...` in the module root and
// returns its output lines.
func goList(t *testing.T, root string, args ...string) []string {
	t.Helper()
	trackModule(t, root)
	cmd := exec.Command("go", append([]string{"list", "-tags", buildTags}, args...)...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var lines []string
	for l := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// hasPackage reports whether dir (relative to root) or a directory below it
// holds a non-test Go file, that is, whether dir/... matches a package.
func hasPackage(root, dir string) bool {
	found := errors.New("found")
	err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && p != filepath.Join(root, dir) && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			return found
		}
		return nil
	})
	return err == found
}

// existing returns dir/... patterns for the dirs that hold a package.
func existing(t *testing.T, root string, dirs []string) []string {
	t.Helper()
	var pats []string
	for _, d := range dirs {
		if hasPackage(root, d) {
			pats = append(pats, "./"+d+"/...")
		}
	}
	return pats
}

// importGraph lists the packages matching patterns and everything they
// import, with their direct (non-test) imports. roots are the packages the
// patterns matched themselves.
func importGraph(t *testing.T, root string, patterns []string) (graph map[string][]string, roots []string) {
	t.Helper()
	args := append([]string{"-deps", "-f", `{{.ImportPath}} {{.DepOnly}} {{join .Imports " "}}`}, patterns...)
	graph = map[string][]string{}
	for _, l := range goList(t, root, args...) {
		f := strings.Fields(l)
		graph[f[0]] = f[2:]
		if f[1] == "false" {
			roots = append(roots, f[0])
		}
	}
	sort.Strings(roots)
	return graph, roots
}

// chain returns the import chain from pkg to the first package for which
// bad is true (breadth first, so the shortest chain), or nil.
func chain(graph map[string][]string, pkg string, bad func(string) bool) []string {
	parent := map[string]string{pkg: ""}
	queue := []string{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if bad(p) {
			var c []string
			for ; p != ""; p = parent[p] {
				c = append(c, p)
			}
			slices.Reverse(c)
			return c
		}
		for _, q := range graph[p] {
			if _, seen := parent[q]; !seen {
				parent[q] = p
				queue = append(queue, q)
			}
		}
	}
	return nil
}

// under reports whether pkg is path or a package below it.
func under(pkg, path string) bool {
	return pkg == path || strings.HasPrefix(pkg, path+"/")
}

func TestBackendsAreFyneFree(t *testing.T) {
	root, module := moduleRoot(t)
	pats := existing(t, root, backendDirs)
	if len(pats) == 0 {
		t.Fatal("none of the backend directories holds a package:", backendDirs)
	}
	graph, roots := importGraph(t, root, pats)
	roots = slices.DeleteFunc(roots, func(r string) bool {
		return slices.ContainsFunc(fyneAllowed, func(d string) bool { return under(r, module+"/"+d) })
	})
	isFyne := func(p string) bool { return strings.HasPrefix(p, "fyne.io/") }
	for _, r := range roots {
		if c := chain(graph, r, isFyne); c != nil {
			t.Errorf("%s pulls in Fyne: %s", r, strings.Join(c, " -> "))
		}
	}
	t.Logf("checked %d packages of %s (Fyne allowed in %v)", len(roots), strings.Join(pats, " "), fyneAllowed)
}

func TestSandboxImportsNeitherServiceNorUI(t *testing.T) {
	root, module := moduleRoot(t)
	if !hasPackage(root, "sandbox") {
		t.Fatal("no package under sandbox/")
	}
	graph, roots := importGraph(t, root, []string{"./sandbox/..."})
	forbidden := func(p string) bool { return under(p, module+"/service") || under(p, module+"/ui") }
	for _, r := range roots {
		if c := chain(graph, r, forbidden); c != nil {
			t.Errorf("%s imports %s: %s", r, c[len(c)-1], strings.Join(c, " -> "))
		}
	}
}

func TestUIFeaturesDoNotImportEachOther(t *testing.T) {
	root, module := moduleRoot(t)
	imports := map[string][]string{}
	var pkgs []string
	for _, l := range goList(t, root, "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...") {
		f := strings.Fields(l)
		imports[f[0]] = f[1:]
		pkgs = append(pkgs, f[0])
	}
	feature := func(p string) string {
		for _, d := range featureDirs {
			if under(p, module+"/"+d) {
				return module + "/" + d
			}
		}
		return ""
	}
	var features []string
	for _, p := range pkgs {
		if f := feature(p); f != "" && !slices.Contains(features, f) {
			features = append(features, f)
		}
	}
	allowed := map[string]bool{}
	for _, rel := range appImporters {
		allowed[strings.TrimSuffix(module+"/"+rel, "/")] = true
	}
	app := module + "/internal/app"
	for _, p := range pkgs {
		for _, imp := range imports[p] {
			if f, g := feature(p), feature(imp); f != "" && g != "" && f != g {
				t.Errorf("feature package %s imports %s, of another feature: share code through a package both may import", p, imp)
			}
			if imp == app && !allowed[p] {
				t.Errorf("%s imports %s; only the main package and ui/shell may", p, app)
			}
		}
	}
	t.Logf("%d packages; feature packages present: %v", len(pkgs), features)
}

// securityRef is a test named in docs/SECURITY.md: `pkg.TestName` or
// `pkg.FuzzName`, optionally with /sub as go test -run spells a sub-test.
var securityRef = regexp.MustCompile("`([a-z][a-z0-9_/]*)\\.((?:Test|Fuzz)[A-Za-z0-9_]+)(?:/([A-Za-z0-9_.-]+))?`")

// TestSecurityTableNamesExistingTests: every test docs/SECURITY.md names
// must exist. pkg is the directory from the module root (main for the root
// package). The function must be defined as func TestName( or
// func FuzzName( at the start of a line of a *_test.go file in that
// directory (any build tags), and a sub-test's name must appear quoted in
// one of them, case-insensitively, with underscores read as spaces or
// as written. make test runs every one of them, so a named test that fails,
// fails make test.
func TestSecurityTableNamesExistingTests(t *testing.T) {
	root, _ := moduleRoot(t)
	const doc = "docs/SECURITY.md"
	b, err := os.ReadFile(filepath.Join(root, doc))
	if err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	seen := map[string]bool{}
	var refs [][]string
	for _, m := range securityRef.FindAllStringSubmatch(string(b), -1) {
		if !seen[m[0]] {
			seen[m[0]] = true
			refs = append(refs, m)
		}
	}
	if len(refs) == 0 {
		t.Fatalf("%s names no test", doc)
	}
	sources := map[string][]byte{} // dir -> its *_test.go files, joined
	testSources := func(dir string) []byte {
		if s, ok := sources[dir]; ok {
			return s
		}
		files, _ := filepath.Glob(filepath.Join(root, dir, "*_test.go"))
		var all []byte
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			all = append(append(all, src...), '\n')
		}
		sources[dir] = all
		return all
	}
	missing := 0
	for _, m := range refs {
		ref, pkg, fn, sub := strings.Trim(m[0], "`"), m[1], m[2], m[3]
		dir := pkg
		if pkg == "main" {
			dir = "."
		}
		src := testSources(dir)
		if !regexp.MustCompile(`(?m)^func ` + regexp.QuoteMeta(fn) + `\(`).Match(src) {
			t.Errorf("%s names %s, but no func %s( is in %s/*_test.go", doc, ref, fn, dir)
			missing++
			continue
		}
		if sub != "" {
			lower := bytes.ToLower(src)
			spaced := `"` + strings.ToLower(strings.ReplaceAll(sub, "_", " ")) + `"`
			asIs := `"` + strings.ToLower(sub) + `"`
			if !bytes.Contains(lower, []byte(spaced)) && !bytes.Contains(lower, []byte(asIs)) {
				t.Errorf("%s names %s, but no sub-test %s is in %s/*_test.go", doc, ref, spaced, dir)
				missing++
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of the %d tests %s names do not exist", missing, len(refs), doc)
	} else {
		t.Logf("all %d tests named in %s exist", len(refs), doc)
	}
}

// ruleDirs are the rules' wing and the member model it reads. They compute
// from member data and nothing else: no package of the app but the model
// and each other, and nothing that can reach a network, a database or a
// window, however indirectly.
var ruleDirs = []string{"member", "rules"}

// ruleForbidden are import paths (and everything below them) that no rule
// package may pull in, directly or through a library.
var ruleForbidden = []string{"net/http", "crypto/tls", "database/sql", "github.com/go-resty", "modernc.org/sqlite", "fyne.io", "github.com/zalando/go-keyring"}

func TestRulesReadOnlyTheModel(t *testing.T) {
	root, module := moduleRoot(t)
	pats := existing(t, root, ruleDirs)
	if len(pats) != len(ruleDirs) {
		t.Fatalf("expected a package under each of %v, found %v", ruleDirs, pats)
	}
	graph, roots := importGraph(t, root, pats)
	bad := func(p string) bool {
		if under(p, module) {
			return !under(p, module+"/member") && !under(p, module+"/rules")
		}
		return slices.ContainsFunc(ruleForbidden, func(f string) bool { return under(p, f) })
	}
	for _, r := range roots {
		if c := chain(graph, r, bad); c != nil {
			t.Errorf("%s reaches %s: %s", r, c[len(c)-1], strings.Join(c, " -> "))
		}
	}
	t.Logf("checked %d packages of %s", len(roots), strings.Join(pats, " "))
}

// TestDocumentsReadBytesOnly: the document readers (documents/...) turn
// bytes the caller holds into the member model. They import no package of
// the app but the model, the rules and each other, and nothing that can
// reach a network, a database, a window or another program (the app never
// calls one; no OCR, no pdftotext).
func TestDocumentsReadBytesOnly(t *testing.T) {
	root, module := moduleRoot(t)
	pats := existing(t, root, []string{"documents"})
	if len(pats) != 1 {
		t.Fatalf("expected the documents package, found %v", pats)
	}
	graph, roots := importGraph(t, root, pats)
	forbidden := append(slices.Clone(ruleForbidden), "os/exec")
	bad := func(p string) bool {
		if under(p, module) {
			return !under(p, module+"/member") && !under(p, module+"/rules") && !under(p, module+"/documents")
		}
		return slices.ContainsFunc(forbidden, func(f string) bool { return under(p, f) })
	}
	for _, r := range roots {
		if c := chain(graph, r, bad); c != nil {
			t.Errorf("%s reaches %s: %s", r, c[len(c)-1], strings.Join(c, " -> "))
		}
	}
	t.Logf("checked %d packages of %s", len(roots), strings.Join(pats, " "))
}

// TestPeriksaNeitherSendsNorStores: `cekbpjstk periksa` (internal/periksa)
// reads the files it is given and prints. It reaches no package of the app
// but the model, the rules and the document readers (not the cache, the
// keyring, the service or the UI), and nothing that can open a network
// connection, a database, a window or another program.
func TestPeriksaNeitherSendsNorStores(t *testing.T) {
	root, module := moduleRoot(t)
	pats := existing(t, root, []string{"internal/periksa"})
	if len(pats) != 1 {
		t.Fatalf("expected internal/periksa, found %v", pats)
	}
	graph, roots := importGraph(t, root, pats)
	forbidden := append(slices.Clone(ruleForbidden), "os/exec", "net", "crypto/tls")
	bad := func(p string) bool {
		if under(p, module) {
			return !under(p, module+"/internal/periksa") && !under(p, module+"/member") && !under(p, module+"/rules") &&
				!under(p, module+"/documents")
		}
		return slices.ContainsFunc(forbidden, func(f string) bool { return under(p, f) })
	}
	for _, r := range roots {
		if c := chain(graph, r, bad); c != nil {
			t.Errorf("%s reaches %s: %s", r, c[len(c)-1], strings.Join(c, " -> "))
		}
	}
}
