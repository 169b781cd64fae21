# Cek BPJSTK — every build, run and test passes -tags migrated_fynedo, because
# plain `go build`/`go test` do not read FyneApp.toml's [Migrations], and
# no_emoji: Fyne would otherwise load its 4 MB colour emoji font once per
# text style (+4 MB of heap and ~10 ms each), for characters the app never
# shows. The scripts read TAGS (and TEST_TAGS) from here.
# TEST_TAGS adds testenv, which every test run here sets: the tests that
# need the real OS keyring (D-Bus + gnome-keyring) or an X display are in
# files tagged testenv, so that a plain `go test -tags $(TAGS) ./...` passes
# without a desktop, and make test (inside scripts/testenv.sh) runs them all.
GO      ?= go
TAGS    := migrated_fynedo,no_emoji
TEST_TAGS := $(TAGS),testenv
export TAGS TEST_TAGS
BIN     := cekbpjstk
TESTENV := scripts/testenv.sh

.PHONY: all deps build run test vet fmt-check archtest openapi-lint fyne-free security-table lint bench package package-darwin package-check fuzz clean

all: build

## deps: install the Debian/Ubuntu packages that are missing (sudo when not root)
deps:
	@scripts/deps.sh all

## build: the app binary ./cekbpjstk
build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

## run: start the app against the built-in demo server
run: deps
	$(GO) run -tags $(TAGS) . --demo

## test: vet, formatting, the architecture tests, then every test (the
## testenv-tagged ones included) with -race inside the test environment
## (Xvfb + D-Bus + unlocked gnome-keyring; scripts/test-all.sh: each check
## once, the longest packages first), then the packaging checks
test: deps vet fmt-check archtest openapi-lint
	$(TESTENV) scripts/test-all.sh -timeout 30m
	$(MAKE) package-check

## vet: with TEST_TAGS, so the testenv-tagged test files are vetted too;
## -race: vet then compiles the packages as make test's go test -race does,
## and each is compiled once for both (the build cache), not twice
vet:
	$(GO) vet -race -tags $(TEST_TAGS) ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## archtest: internal/archtest, the rules no one package can check itself
## (it needs no display or keyring; -count=1: it reads the whole tree)
archtest:
	$(GO) test -tags $(TEST_TAGS) -count=1 ./internal/archtest

## openapi-lint: api/openapi.yaml against Redocly CLI's recommended rules
## with warnings as errors (tools/openapi/redocly.yaml; each ignored problem
## is justified in .redocly.lint-ignore.yaml beside it and in the spec).
## No Go OpenAPI linter is served by the module proxy (vacuum is not), so the
## linter is an npm package pinned in tools/openapi/package-lock.json and
## installed there by npm ci; telemetry and the update check are off, and it
## needs no network once installed.
OPENAPI_LINT := tools/openapi/node_modules/.bin/redocly
openapi-lint: tools/openapi/node_modules/.package-lock.json
	REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 \
	  $(OPENAPI_LINT) lint api/openapi.yaml --config tools/openapi/redocly.yaml --format=stylish
tools/openapi/node_modules/.package-lock.json: tools/openapi/package-lock.json tools/openapi/package.json
	@command -v npm >/dev/null || scripts/deps.sh openapi
	npm ci --prefix tools/openapi --no-audit --no-fund --ignore-scripts --loglevel=error

## fyne-free: the import rules only: the backends build without Fyne, the
## sandbox imports neither service nor ui, UI features stay apart
fyne-free:
	$(GO) test -tags $(TEST_TAGS) -count=1 -run '^(TestBackendsAreFyneFree|TestSandboxImportsNeitherServiceNorUI|TestUIFeaturesDoNotImportEachOther)$$' ./internal/archtest

## security-table: every test docs/SECURITY.md names exists (make test runs them)
security-table:
	$(GO) test -tags $(TEST_TAGS) -count=1 -run '^TestSecurityTableNamesExistingTests$$' ./internal/archtest

## lint: go vet, staticcheck, gosec (every remaining
## finding carries a "#nosec Gxxx -- reason" comment) and govulncheck; the
## linters are pinned in tools/lint/go.mod. Without the vulnerability
## database (offline) govulncheck prints a notice instead of failing.
LINT := $(GO) tool -modfile=tools/lint/go.mod
lint: vet
	@rc=0; \
	echo "== staticcheck"; $(LINT) staticcheck -tags $(TEST_TAGS) ./... || rc=1; \
	echo "== gosec"; $(LINT) gosec -quiet -fmt text -tags $(TAGS) ./... || rc=1; \
	if curl -fsS --max-time 10 -o /dev/null https://vuln.go.dev/index/db.json.gz 2>/dev/null; then \
	  echo "== govulncheck"; $(LINT) govulncheck -tags $(TAGS) ./... || rc=1; \
	else echo "== govulncheck: https://vuln.go.dev is unreachable (offline?); skipped, run make lint online"; fi; \
	[ $$rc -eq 0 ] && echo "make lint: clean" || { echo "make lint: findings above"; exit 1; }

## fuzz: every Fuzz target for FUZZTIME each (default 60s), one after the
## other, then a summary; the committed seeds under testdata/fuzz run in
## every make test. FUZZ=regexp picks targets.
FUZZTIME ?= 60s
FUZZ     ?= .
fuzz: deps
	FUZZTIME=$(FUZZTIME) FUZZ='$(FUZZ)' $(TESTENV) scripts/fuzz.sh

## bench: every Go benchmark (client, cache, UI login; the client's pinned vs
## unpinned session with 300 iterations, since TLS handshakes vary) and the UI
## start-up ratios against a minimal Fyne window; kept in docs/bench.txt
bench: deps
	@mkdir -p docs
	{ echo "# make bench, $$(date -u +%Y-%m-%dT%H:%MZ), $$(nproc) cores"; \
	  $(TESTENV) $(GO) test -tags $(TEST_TAGS) -run '^$$' -bench . -benchtime 20x -count 1 $$($(GO) list ./... | grep -v '/service$$'); \
	  $(TESTENV) $(GO) test -tags $(TEST_TAGS) -run '^$$' -bench . -benchtime 300x -count 1 ./service; \
	  $(TESTENV) scripts/bench-ui.sh; } 2>&1 | grep -v 'Failed to set fd limit\|^time=\|^ok\|no test files\|^PASS$$' | tee docs/bench.txt

## package: the installers under dist/ (Linux .tar.xz and .deb, Windows .exe
## and Setup.exe, SHA256SUMS), built from the committed tree, then every check
## on them, the Windows PE checks included. The work tree is left as it was.
## PACKAGE_TARGETS=linux builds only the Linux packages. Then the Windows
## proof (scripts/wine-proof.sh): the .exe under Wine 10 on a fresh prefix,
## a demo login through the window, the cache and Credential Manager checked;
## it fails make package when it fails. WINE_PROOF=0 skips it, and says so.
## The packaging checks' silent Setup.exe install/uninstall runs under the
## same Wine 10 (scripts/wine-chroot/wine64), or PACKAGE_WINE=/path/to/wine64;
## WINE_PROOF=0 skips it too (PACKAGE_WINE=off), and the test says so.
PACKAGE_TARGETS ?= linux windows
WINE_PROOF ?= 1
PACKAGE_WINE ?= $(if $(filter 0,$(WINE_PROOF)),off,$(CURDIR)/scripts/wine-chroot/wine64)
package:
	@scripts/deps.sh package
	rm -rf dist
	scripts/package.sh $(PACKAGE_TARGETS) sums
	@case " $(PACKAGE_TARGETS) |$(PACKAGE_WINE)" in \
	  *" windows "*"|$(CURDIR)/scripts/wine-chroot/wine64") scripts/wine-proof.sh --chroot ;; \
	esac
	CEKBPJSTK_DIST=$(CURDIR)/dist CEKBPJSTK_WINE=$(PACKAGE_WINE) $(TESTENV) $(GO) test -tags $(TEST_TAGS) -count=1 -v ./packaging
	@case " $(PACKAGE_TARGETS) " in \
	  *" windows "*) if [ "$(WINE_PROOF)" = 0 ]; then \
	      echo "package: WINE_PROOF=0: the Windows proof under Wine was NOT run"; \
	    else scripts/wine-proof.sh dist/cekbpjstk-*-windows-amd64.exe; fi ;; \
	  *) echo "package: no Windows build (PACKAGE_TARGETS=$(PACKAGE_TARGETS)): the Windows proof under Wine was not run" ;; \
	esac

## package-darwin: on a Mac, dist/Cek BPJSTK.app and a .dmg (README: Install)
package-darwin:
	scripts/package-darwin.sh

## package-check: (run by make test) the .deb and the NSIS script, built and checked
package-check:
	@scripts/deps.sh package-check
	scripts/package-check.sh

clean:
	rm -f $(BIN)
	rm -rf dist
