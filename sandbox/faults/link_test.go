package faults

import (
	"errors"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	modulePath  = "github.com/cekbpjstk/cekbpjstk"
	faultsPkg   = modulePath + "/sandbox/faults"
	buildTags   = "migrated_fynedo,no_emoji"
	sandboxPkg  = modulePath + "/sandbox"
	sandboxCmd  = modulePath + "/cmd/cekbpjstk-sandbox"
	goListUsage = "go list -tags " + buildTags + " -deps"
)

// The shipped app runs the sandbox for --demo but must not carry its fault
// injection (gzip bombs, dropped bodies, redirects...): only tests and
// cmd/cekbpjstk-sandbox may link this package.
func TestShippedAppDoesNotLinkFaults(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	app := goListDeps(t, root, modulePath)
	if !slices.Contains(app, sandboxPkg) {
		t.Fatalf("%s %s does not list %s; the check below would prove nothing", goListUsage, modulePath, sandboxPkg)
	}
	if slices.Contains(app, faultsPkg) {
		t.Errorf("the shipped app %s links %s (%s %s)", modulePath, faultsPkg, goListUsage, modulePath)
	}
	// The control: the standalone sandbox does link it, so the check sees it.
	if cmd := goListDeps(t, root, sandboxCmd); !slices.Contains(cmd, faultsPkg) {
		t.Errorf("%s %s does not list %s", goListUsage, sandboxCmd, faultsPkg)
	}
}

// moduleRoot is the directory of the main module's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == "/dev/null" || filepath.Base(gomod) != "go.mod" {
		t.Fatalf("go env GOMOD = %q: not inside the module", gomod)
	}
	return filepath.Dir(gomod)
}

// goListDeps returns the import paths pkg depends on, itself included.
func goListDeps(t *testing.T, root, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-tags", buildTags, "-deps", pkg)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", goListUsage, pkg, err, stderr)
	}
	return strings.Fields(string(out))
}
