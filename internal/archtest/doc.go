// Package archtest has no code, only tests of the repository's shape that
// no single package can check about itself:
//
//   - TestBackendsAreFyneFree: the backends (service, cache, sandbox,
//     keystore, statement, projection, rates, claims, pension, jkp) and
//     every package under internal/ (internal/app, internal/memberdata,
//     internal/prefs, ...: the parts of the app taken out of ui), but
//     internal/testkit/minimalwindow, build without Fyne;
//   - TestSandboxImportsNeitherServiceNorUI: the sandbox server stands apart
//     from the client it is a server for, and from the UI;
//   - TestUIFeaturesDoNotImportEachOther: the UI's feature packages
//     (ui/login, ui/register, ui/dashboard, ui/settings, ui/sms, ui/book) do not
//     import each other, and only ui/shell and the main package import
//     internal/app;
//   - TestSecurityTableNamesExistingTests: every test docs/SECURITY.md
//     names is defined where it says;
//   - TestTestkitOnlyInTests: internal/testkit (test helpers, make bench's
//     minimal window) is imported by tests only, never by the app's code;
//   - TestThirdPartyForksStandApart: each fork under internal/thirdparty
//     has its licence and an upstream note (repository, version, commit,
//     what changed), and only the packages listed for it import it
//     (internal/thirdparty/zxcvbn: service/validate);
//   - TestKeyringItemsNamedOnlyInKeystore: every keyring item name is
//     declared once, in keystore (keystore/items.go): no other package's
//     non-test code spells one in a string, or passes to a keyring
//     Get/Set/Delete an account or purpose of its own or of another
//     package (TestKeyringViolations_CatchesEachWay shows each way caught);
//   - TestNoLongFiles: no non-test Go file outside internal/thirdparty has
//     more than 500 lines (longFilesBeingSplit lists those issue 22 is
//     still splitting; it only shrinks).
//
// They read the module through `go list` (with the Makefile's tags) and
// its files on disk, from the module root, found by walking up to go.mod.
// Packages and directories that do not exist (yet) are left out, so the
// rules hold while the tree is being split. They need the go command, but
// no display and no keyring. make test runs them before the other tests
// (make archtest; make fyne-free and make security-table run parts).
package archtest
