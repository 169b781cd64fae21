package packaging

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"debug/pe"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/BurntSushi/toml"
)

const (
	appID   = "io.github.cekbpjstk"
	appName = "Cek BPJSTK"
)

// hicolorSizes are the bitmap sizes the .deb must install (see icons.PNGSizes).
var hicolorSizes = []int{16, 24, 32, 48, 64, 128, 256, 512}

type fyneApp struct {
	Details struct {
		Name    string
		ID      string
		Version string
		Build   int
	}
}

// meta reads FyneApp.toml, the one place the version is written.
func meta(t *testing.T) fyneApp {
	t.Helper()
	var m fyneApp
	if _, err := toml.DecodeFile("../FyneApp.toml", &m); err != nil {
		t.Fatal(err)
	}
	if m.Details.Version == "" || m.Details.ID != appID || m.Details.Name != appName {
		t.Fatalf("FyneApp.toml Details = %+v; the packaging expects ID %s and Name %q", m.Details, appID, appName)
	}
	return m
}

// dist is the artifact directory from scripts/package.sh, or a skip.
func dist(t *testing.T) string {
	t.Helper()
	d := os.Getenv("CEKBPJSTK_DIST")
	if d == "" {
		t.Skip("CEKBPJSTK_DIST is not set; run `make package` or `make package-check`")
	}
	return d
}

// artifact returns dist/name, or skips when that artifact was not built.
func artifact(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(dist(t), name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s was not built in this run", name)
	}
	return p
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (scripts/deps.sh package)", tool)
		}
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func debPath(t *testing.T) string {
	m := meta(t)
	return artifact(t, fmt.Sprintf("cekbpjstk_%s-1_amd64.deb", m.Details.Version))
}

func TestDeb_ContentsAndControl(t *testing.T) {
	need(t, "dpkg-deb")
	deb := debPath(t)
	m := meta(t)

	listing := run(t, "dpkg-deb", "--contents", deb)
	want := []string{
		"./usr/bin/cekbpjstk",
		"./usr/share/applications/" + appID + ".desktop",
		"./usr/share/icons/hicolor/scalable/apps/" + appID + ".svg",
		"./usr/share/doc/cekbpjstk/copyright",
	}
	for _, s := range hicolorSizes {
		want = append(want, fmt.Sprintf("./usr/share/icons/hicolor/%dx%d/apps/%s.png", s, s, appID))
	}
	for _, w := range want {
		if !regexp.MustCompile(`(?m) ` + regexp.QuoteMeta(w) + `$`).MatchString(listing) {
			t.Errorf("dpkg-deb --contents lacks %s", w)
		}
	}
	if !regexp.MustCompile(`(?m)^-rwxr-xr-x root/root .* \./usr/bin/cekbpjstk$`).MatchString(listing) {
		t.Errorf("/usr/bin/cekbpjstk is not a root-owned 0755 file:\n%s", listing)
	}

	field := func(name string) string { return strings.TrimSpace(run(t, "dpkg-deb", "--field", deb, name)) }
	if got, want := field("Version"), m.Details.Version+"-1"; got != want {
		t.Errorf("Version = %q, want %q (FyneApp.toml)", got, want)
	}
	if got := field("Architecture"); got != "amd64" {
		t.Errorf("Architecture = %q", got)
	}
	depends := field("Depends")
	for _, p := range []string{"libc6", "libgl1", "libx11-6"} {
		if !slices.Contains(splitDeps(depends), p) {
			t.Errorf("Depends %q lacks %s", depends, p)
		}
	}
}

func splitDeps(s string) []string {
	var out []string
	for _, alt := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '|' }) {
		f := strings.Fields(alt)
		if len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// extract unpacks the .deb into a temp dir, the way dpkg would lay it out.
func extract(t *testing.T) string {
	t.Helper()
	need(t, "dpkg-deb")
	root := t.TempDir()
	run(t, "dpkg-deb", "-x", debPath(t), root)
	return root
}

func TestDeb_DesktopEntryAndIcons(t *testing.T) {
	need(t, "desktop-file-validate")
	root := extract(t)
	desktop := filepath.Join(root, "usr/share/applications", appID+".desktop")
	if out, err := exec.Command("desktop-file-validate", desktop).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate: %v\n%s", err, out)
	}
	entry := readDesktop(t, desktop)
	if entry["Name"] != appName || entry["Icon"] != appID || entry["Exec"] != "cekbpjstk" || entry["Type"] != "Application" {
		t.Errorf("desktop entry = %v", entry)
	}
	if entry["demo.Exec"] != "cekbpjstk --demo" {
		t.Errorf("the demo action is missing: %v", entry)
	}
	for _, s := range hicolorSizes {
		p := filepath.Join(root, fmt.Sprintf("usr/share/icons/hicolor/%dx%d/apps/%s.png", s, s, entry["Icon"]))
		f, err := os.Open(p)
		if err != nil {
			t.Error(err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != s || cfg.Height != s {
			t.Errorf("%s: %dx%d, %v; want %dx%d", p, cfg.Width, cfg.Height, err, s, s)
		}
	}
	svg, err := os.ReadFile(filepath.Join(root, "usr/share/icons/hicolor/scalable/apps", appID+".svg"))
	if err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Errorf("scalable icon: %v", err)
	}
}

// readDesktop reads the main group's keys, and "ACTION.Key" for actions.
func readDesktop(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	prefix := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "[Desktop Entry]":
			prefix = ""
		case strings.HasPrefix(line, "[Desktop Action "):
			prefix = strings.TrimSuffix(strings.TrimPrefix(line, "[Desktop Action "), "]") + "."
		case strings.Contains(line, "="):
			k, v, _ := strings.Cut(line, "=")
			out[prefix+k] = v
		}
	}
	return out
}

func TestDeb_BinaryVersionAndTags(t *testing.T) {
	root := extract(t)
	bin := filepath.Join(root, "usr/bin/cekbpjstk")
	m := meta(t)
	if got, want := strings.TrimSpace(run(t, bin, "--version")), appName+" "+m.Details.Version; got != want {
		t.Errorf("--version = %q, want %q", got, want)
	}
	checkBuildTags(t, bin)
}

// checkBuildTags: fyne package must have built with the fyneDo migration
// tag (from FyneApp.toml [Migrations]) and as a release.
func checkBuildTags(t *testing.T, bin string) {
	t.Helper()
	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	var tags string
	for _, s := range bi.Settings {
		if s.Key == "-tags" {
			tags = s.Value
		}
	}
	for _, want := range []string{"migrated_fynedo", "no_emoji", "release"} {
		if !slices.Contains(strings.Split(tags, ","), want) {
			t.Errorf("%s was built with -tags=%q, want %s in it", filepath.Base(bin), tags, want)
		}
	}
}

// TestDeb_DependsCoverNeededLibraries maps every DT_NEEDED library of the
// binary to the Debian package that ships it here, and wants that package in
// Depends: a missing one would install fine and then fail to start.
func TestDeb_DependsCoverNeededLibraries(t *testing.T) {
	need(t, "dpkg", "dpkg-deb")
	root := extract(t)
	f, err := elf.Open(filepath.Join(root, "usr/bin/cekbpjstk"))
	if err != nil {
		t.Fatal(err)
	}
	libs, err := f.ImportedLibraries()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	depends := splitDeps(strings.TrimSpace(run(t, "dpkg-deb", "--field", debPath(t), "Depends")))
	for _, lib := range libs {
		out, err := exec.Command("dpkg", "-S", "*/"+lib).Output()
		if err != nil {
			t.Errorf("%s: no installed Debian package ships it (dpkg -S): %v", lib, err)
			continue
		}
		var owners []string
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			pkgs, _, _ := strings.Cut(line, ": ")
			for _, p := range strings.Split(pkgs, ", ") {
				p, _, _ = strings.Cut(p, ":") // drop the :amd64 qualifier
				owners = append(owners, p)
			}
		}
		if !slices.ContainsFunc(owners, func(p string) bool { return slices.Contains(depends, p) }) {
			t.Errorf("%s comes from %v; none of them is in Depends %v", lib, owners, depends)
		}
	}
}

// TestDeb_BinaryShowsWindow, which needs an X display, is in
// display_testenv_test.go (build tag testenv, which make test sets).

func TestTarball_Contents(t *testing.T) {
	need(t, "tar", "xz")
	m := meta(t)
	tb := artifact(t, fmt.Sprintf("cekbpjstk-%s-linux-amd64.tar.xz", m.Details.Version))
	listing := run(t, "tar", "-tJf", tb)
	for _, w := range []string{
		"cekbpjstk/Makefile",
		"cekbpjstk/usr/local/bin/cekbpjstk",
		"cekbpjstk/usr/local/share/applications/" + appID + ".desktop",
		"cekbpjstk/usr/local/share/pixmaps/" + appID + ".png",
	} {
		if !slices.Contains(strings.Split(listing, "\n"), w) {
			t.Errorf("%s lacks %s:\n%s", filepath.Base(tb), w, listing)
		}
	}
}

// TestWindowsExe_PE: a 64-bit GUI-subsystem PE with an icon, a manifest and
// version info whose numbers are FyneApp.toml's Version.Build.
func TestWindowsExe_PE(t *testing.T) {
	m := meta(t)
	exe := artifact(t, fmt.Sprintf("cekbpjstk-%s-windows-amd64.exe", m.Details.Version))
	f, err := pe.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine = %#x, want AMD64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("optional header %T: not PE32+", f.OptionalHeader)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem = %d, want %d (GUI: no console window)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	res := resources(t, f)
	for typ, name := range map[uint32]string{rtIcon: "RT_ICON", rtGroupIcon: "RT_GROUP_ICON", rtVersion: "RT_VERSION", rtManifest: "RT_MANIFEST"} {
		if len(res[typ]) == 0 {
			t.Errorf("no %s resource", name)
		}
	}
	want := fmt.Sprintf("%s.%d", m.Details.Version, m.Details.Build)
	for _, vi := range res[rtVersion] {
		if got := fixedFileVersion(vi); got != want {
			t.Errorf("VS_FIXEDFILEINFO file version = %s, want %s", got, want)
		}
		for _, key := range []string{"ProductVersion", "ProductName"} {
			if v := versionString(vi, key); v != map[string]string{"ProductVersion": want, "ProductName": appName}[key] {
				t.Errorf("version info %s = %q", key, v)
			}
		}
	}
	for _, man := range res[rtManifest] {
		if !bytes.Contains(man, []byte(`version="`+want+`"`)) {
			t.Errorf("manifest has no version=%q:\n%s", want, man)
		}
	}
	checkBuildTags(t, exe)
}

// TestSetup_PE: the NSIS installer (or the stub build from make test) is a
// Windows GUI program carrying the app's version and the NSIS payload.
func TestSetup_PE(t *testing.T) {
	m := meta(t)
	name := fmt.Sprintf("cekbpjstk-%s-windows-amd64-setup.exe", m.Details.Version)
	if _, err := os.Stat(filepath.Join(dist(t), name)); err != nil {
		name = "nsis-stub-setup.exe"
	}
	setup := artifact(t, name)
	f, err := pe.Open(setup)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sub := subsystem(f); sub != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem = %d", sub)
	}
	res := resources(t, f)
	if len(res[rtIcon]) < 2 {
		t.Errorf("%d RT_ICON entries, want the multi-size .ico", len(res[rtIcon]))
	}
	if len(res[rtVersion]) == 0 {
		t.Fatal("no RT_VERSION")
	}
	if got := versionString(res[rtVersion][0], "ProductVersion"); got != m.Details.Version {
		t.Errorf("Setup ProductVersion = %q, want %q", got, m.Details.Version)
	}
	if got, want := fixedFileVersion(res[rtVersion][0]), fmt.Sprintf("%s.%d", m.Details.Version, m.Details.Build); got != want {
		t.Errorf("Setup file version = %s, want %s", got, want)
	}
	data, err := os.ReadFile(setup)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("NullsoftInst")) {
		t.Error("no NSIS payload signature")
	}
}

// TestSetup_InstallsAndUninstallsUnderWine runs the Setup.exe silently in a
// throwaway Wine prefix and checks what it leaves: the files, both Start-menu
// shortcuts, the Uninstall key; then the uninstaller must remove them all.
// It runs the wine64 that CEKBPJSTK_WINE names (make package: Wine 10 from
// the chroot, scripts/wine-chroot/wine64), else one installed here; see wine64.
func TestSetup_InstallsAndUninstallsUnderWine(t *testing.T) {
	m := meta(t)
	// the real installer only (make package): in make test it would add half
	// a minute on machines that happen to have Wine
	setup := artifact(t, fmt.Sprintf("cekbpjstk-%s-windows-amd64-setup.exe", m.Details.Version))
	if f, err := pe.Open(setup); err != nil || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Skip("the Setup.exe is not amd64 (this NSIS has no amd64 stubs); wine64 cannot run it")
	}
	wine := wine64(t)
	prefix := t.TempDir()
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=",
		"PATH="+filepath.Dir(wine)+string(os.PathListSeparator)+os.Getenv("PATH"))
	wineRun := func(args ...string) string {
		t.Helper()
		// Output to a file, not a pipe: wineserver and the uninstaller's
		// copy in %TEMP% inherit it and would hold a pipe open.
		log, err := os.CreateTemp(t.TempDir(), "wine")
		if err != nil {
			t.Fatal(err)
		}
		defer log.Close()
		cmd := exec.Command(wine, args...)
		cmd.Env, cmd.Stdout, cmd.Stderr = env, log, log
		err = cmd.Run()
		out, _ := os.ReadFile(log.Name())
		if err != nil {
			t.Fatalf("wine64 %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		// the uninstaller copies itself to %TEMP% and returns at once
		w := exec.Command(filepath.Join(filepath.Dir(wine), "wineserver"), "-w")
		w.Env = env
		_ = w.Run()
		return string(out)
	}
	t.Cleanup(func() {
		k := exec.Command(filepath.Join(filepath.Dir(wine), "wineserver"), "-k")
		k.Env = env
		_ = k.Run()
	})
	wineRun("wineboot", "-i")
	wineRun("winecfg", "-v", "win10") // Wine 8 says Windows 7; the installer wants 10
	wineRun(setup, "/S")

	dir := filepath.Join(prefix, "drive_c/Program Files", appName)
	menu := filepath.Join(prefix, "drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs")
	installed := []string{
		filepath.Join(dir, "cekbpjstk.exe"), filepath.Join(dir, "cekbpjstk.exe.ico"),
		filepath.Join(dir, "LICENSE.txt"), filepath.Join(dir, "uninstall.exe"),
		filepath.Join(menu, appName+".lnk"), filepath.Join(menu, appName+" (demo).lnk"),
	}
	for _, p := range installed {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("not installed: %v", err)
		}
	}
	const key = `HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\` + appID
	reg := wineRun("reg", "query", key, "/reg:64")
	for _, want := range []string{
		"DisplayName    REG_SZ    " + appName,
		"DisplayVersion    REG_SZ    " + m.Details.Version,
		"Publisher    REG_SZ    ",
		`DisplayIcon    REG_SZ    C:\Program Files\` + appName + `\cekbpjstk.exe.ico`,
		`UninstallString    REG_SZ    "C:\Program Files\` + appName + `\uninstall.exe"`,
	} {
		if !strings.Contains(reg, want) {
			t.Errorf("Uninstall key lacks %q:\n%s", want, reg)
		}
	}

	wineRun(filepath.Join(dir, "uninstall.exe"), "/S")
	for _, p := range append(installed, dir) {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("left behind after uninstall: %s", p)
		}
	}
	cmd := exec.Command(wine, "reg", "query", key, "/reg:64")
	cmd.Env = env
	if err := cmd.Run(); err == nil {
		t.Errorf("the Uninstall key is still there")
	}
}

// wine64 is the Wine to run the Setup.exe with: CEKBPJSTK_WINE, the path of
// a wine64 with its wineserver beside it (make package sets it to
// scripts/wine-chroot/wine64, Wine 10 in the Debian 13 chroot, and to "off"
// with WINE_PROOF=0), else an installed wine64, else a skip.
func wine64(t *testing.T) string {
	t.Helper()
	switch w := os.Getenv("CEKBPJSTK_WINE"); w {
	case "off":
		t.Skip("CEKBPJSTK_WINE=off (make package WINE_PROOF=0): the Setup.exe was not run under Wine")
	case "":
	default:
		if !filepath.IsAbs(w) {
			t.Fatalf("CEKBPJSTK_WINE=%q: want the absolute path of a wine64 (with wineserver beside it)", w)
		}
		for _, p := range []string{w, filepath.Join(filepath.Dir(w), "wineserver")} {
			if _, err := os.Stat(p); err != nil {
				t.Fatalf("CEKBPJSTK_WINE: %v", err)
			}
		}
		return w
	}
	for _, p := range []string{"wine64", "/usr/lib/wine/wine64"} {
		if w, err := exec.LookPath(p); err == nil {
			return w
		}
	}
	t.Skip("no CEKBPJSTK_WINE and wine64 is not installed (make package runs this with the Wine 10 chroot of scripts/wine-chroot.sh)")
	return ""
}

func subsystem(f *pe.File) uint16 {
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader32:
		return oh.Subsystem
	case *pe.OptionalHeader64:
		return oh.Subsystem
	}
	return 0
}

func TestSHA256SUMS(t *testing.T) {
	d := dist(t)
	sums := artifact(t, "SHA256SUMS")
	data, err := os.ReadFile(sums)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		listed[name] = true
		f, err := os.Open(filepath.Join(d, name))
		if err != nil {
			t.Error(err)
			continue
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil || hex.EncodeToString(h.Sum(nil)) != sum {
			t.Errorf("%s: checksum mismatch (%v)", name, err)
		}
	}
	entries, _ := os.ReadDir(d)
	for _, e := range entries {
		n := e.Name()
		if (strings.HasSuffix(n, ".deb") || strings.HasSuffix(n, ".tar.xz") || strings.HasSuffix(n, ".exe") || strings.HasSuffix(n, ".dmg")) && !listed[n] {
			t.Errorf("%s is not in SHA256SUMS", n)
		}
	}
}

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// resources walks the .rsrc tree (type / name / language) and returns every
// leaf's data by type.
func resources(t *testing.T, f *pe.File) map[uint32][][]byte {
	t.Helper()
	sec := f.Section(".rsrc")
	if sec == nil {
		t.Fatal("no .rsrc section")
	}
	data, err := sec.Data()
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	out := map[uint32][][]byte{}
	var walk func(off uint32, depth int, typ uint32)
	walk = func(off uint32, depth int, typ uint32) {
		if int(off)+16 > len(data) || depth > 3 {
			t.Fatalf("corrupt resource directory at %#x", off)
		}
		n := int(le.Uint16(data[off+12:])) + int(le.Uint16(data[off+14:]))
		for i := 0; i < n; i++ {
			e := off + 16 + uint32(i)*8
			id, target := le.Uint32(data[e:]), le.Uint32(data[e+4:])
			if depth == 0 {
				typ = id
			}
			if target&0x80000000 != 0 {
				walk(target&0x7fffffff, depth+1, typ)
				continue
			}
			rva, size := le.Uint32(data[target:]), le.Uint32(data[target+4:])
			start := rva - sec.VirtualAddress
			if int(start+size) > len(data) {
				t.Fatalf("resource data outside .rsrc")
			}
			out[typ] = append(out[typ], data[start:start+size])
		}
	}
	walk(0, 0, 0)
	return out
}

// fixedFileVersion reads dwFileVersionMS/LS from VS_FIXEDFILEINFO.
func fixedFileVersion(vi []byte) string {
	i := bytes.Index(vi, []byte{0xbd, 0x04, 0xef, 0xfe})
	if i < 0 || i+16 > len(vi) {
		return "none"
	}
	le := binary.LittleEndian
	ms, ls := le.Uint32(vi[i+8:]), le.Uint32(vi[i+12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
}

// versionString finds a StringFileInfo value: the key in UTF-16, NUL, padding
// to 32 bits, then the value up to its NUL.
func versionString(vi []byte, key string) string {
	k := utf16le(key + "\x00")
	i := bytes.Index(vi, k)
	if i < 0 {
		return ""
	}
	j := i + len(k)
	for j%4 != 0 || (j+1 < len(vi) && vi[j] == 0 && vi[j+1] == 0) {
		j += 2
		if j >= len(vi) {
			return ""
		}
	}
	var u []uint16
	for ; j+1 < len(vi); j += 2 {
		c := binary.LittleEndian.Uint16(vi[j:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

func utf16le(s string) []byte {
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}
