package archtest

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// testkitDir holds what only tests (and make bench) use: test helpers such
// as a recording TLS listener, and the minimal window make bench measures
// the app against. No package of the app imports it outside its tests.
const testkitDir = "internal/testkit"

// testHelpers are the test-support packages outside testkitDir that may
// import it in their code (ui/uitest starts its sandbox with
// testkit/sandboxtls); no package of the app imports them outside its tests.
var testHelpers = []string{"ui/uitest"}

// thirdPartyDir holds forked third-party code, each directory a fork with
// its licence and a README.md that names its upstream (repository, version,
// commit) and says what was changed and why.
const thirdPartyDir = "internal/thirdparty"

// thirdPartyUsers are, for each fork under thirdPartyDir, the only packages
// (relative to the module) that may import it, in their code or tests.
var thirdPartyUsers = map[string][]string{
	"zxcvbn": {"service/validate"},
}

func TestTestkitOnlyInTests(t *testing.T) {
	root, module := moduleRoot(t)
	if !hasPackage(root, testkitDir) {
		t.Fatalf("no package under %s/", testkitDir)
	}
	kit := module + "/" + testkitDir
	checked := 0
	for _, l := range goList(t, root, "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...") {
		f := strings.Fields(l)
		if under(f[0], kit) {
			continue
		}
		checked++
		helper := slices.ContainsFunc(testHelpers, func(h string) bool { return f[0] == module+"/"+h })
		for _, imp := range f[1:] {
			if under(imp, kit) && !helper {
				t.Errorf("%s imports %s outside its tests: %s/ is for tests only", f[0], imp, testkitDir)
			}
			if slices.ContainsFunc(testHelpers, func(h string) bool { return imp == module+"/"+h }) {
				t.Errorf("%s imports the test helper %s outside its tests", f[0], imp)
			}
		}
	}
	t.Logf("checked the non-test imports of %d packages", checked)
}

// upstreamCommit is how a fork's README.md names the commit it was taken from.
var upstreamCommit = regexp.MustCompile(`\b[0-9a-f]{40}\b`)

func TestThirdPartyForksStandApart(t *testing.T) {
	root, module := moduleRoot(t)
	entries, err := os.ReadDir(filepath.Join(root, thirdPartyDir))
	if err != nil {
		t.Fatal(err)
	}
	var forks []string
	for _, e := range entries {
		if !e.IsDir() {
			t.Errorf("%s/%s: only forks (directories) belong in %s", thirdPartyDir, e.Name(), thirdPartyDir)
			continue
		}
		name := e.Name()
		forks = append(forks, name)
		dir := filepath.Join(root, thirdPartyDir, name)
		if _, ok := thirdPartyUsers[name]; !ok {
			t.Errorf("%s/%s: the fork has no entry in thirdPartyUsers (which packages may import it)", thirdPartyDir, name)
		}
		if lic, _ := filepath.Glob(filepath.Join(dir, "LICENSE*")); len(lic) == 0 {
			t.Errorf("%s/%s: no LICENSE file (the upstream licence)", thirdPartyDir, name)
		}
		note, err := os.ReadFile(filepath.Join(dir, "README.md"))
		switch {
		case err != nil:
			t.Errorf("%s/%s: no upstream note: %v", thirdPartyDir, name, err)
		case !strings.Contains(string(note), "Upstream") || !upstreamCommit.Match(note):
			t.Errorf("%s/%s/README.md must say **Upstream:** with the repository, version and full commit it was taken from", thirdPartyDir, name)
		}
	}
	for name := range thirdPartyUsers {
		if !slices.Contains(forks, name) {
			t.Errorf("thirdPartyUsers names %s, which is not under %s", name, thirdPartyDir)
		}
	}

	forkOf := func(p string) string {
		for _, name := range forks {
			if under(p, module+"/"+thirdPartyDir+"/"+name) {
				return name
			}
		}
		return ""
	}
	lines := goList(t, root, "-f", `{{.ImportPath}} {{join .Imports " "}} {{join .TestImports " "}} {{join .XTestImports " "}}`, "./...")
	for _, l := range lines {
		f := strings.Fields(l)
		pkg, own := f[0], forkOf(f[0])
		for _, imp := range f[1:] {
			name := forkOf(imp)
			if name == "" || name == own {
				continue
			}
			if !slices.ContainsFunc(thirdPartyUsers[name], func(u string) bool { return pkg == module+"/"+u }) {
				t.Errorf("%s imports %s; only %v may (thirdPartyUsers)", pkg, imp, thirdPartyUsers[name])
			}
		}
	}
	t.Logf("forks %v; imports of %d packages checked", forks, len(lines))
}

// maxFileLines is the most lines a non-test Go file of the app may have:
// past it a file holds more than one thing to read. Forked third-party code
// (thirdPartyDir) is left out.
const maxFileLines = 500

// longFilesBeingSplit are the files over maxFileLines while issue 22 splits
// them. The list only shrinks: an entry that is no longer over the limit
// fails the test until it is removed.
var longFilesBeingSplit []string

func TestNoLongFiles(t *testing.T) {
	root, _ := moduleRoot(t)
	trackModule(t, root)
	checked := 0
	over := map[string]int{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p == root {
				return nil
			}
			if strings.HasPrefix(name, ".") || name == "testdata" || name == "dist" || rel == thirdPartyDir {
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
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		if n := bytes.Count(b, []byte("\n")); n > maxFileLines {
			over[rel] = n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for f, n := range over {
		if !slices.Contains(longFilesBeingSplit, f) {
			t.Errorf("%s has %d lines, over %d: split it along its seams", f, n, maxFileLines)
		}
	}
	for _, f := range longFilesBeingSplit {
		if _, ok := over[f]; !ok {
			t.Errorf("%s is no longer over %d lines (or gone): remove it from longFilesBeingSplit", f, maxFileLines)
		}
	}
	t.Logf("%d non-test Go files checked; over %d lines: %v", checked, maxFileLines, over)
}
