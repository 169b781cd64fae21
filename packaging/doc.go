// Package packaging holds the installer checks: what the .deb, the Linux
// tarball, the Windows .exe and its NSIS Setup.exe must contain. The builds
// live in scripts/package.sh (make package); the tests here read the
// artifacts it leaves in the directory named by CEKBPJSTK_DIST and skip when
// that is unset, so `go test ./...` stays fast.
//
// The configuration beside this file: linux/nfpm.yaml (the .deb),
// windows/installer.nsi (the Setup.exe), icons/ (PNG and .ico renderer).
package packaging
