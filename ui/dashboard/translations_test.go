package dashboard

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

// translationKeys are the keys of every embedded translation file of one
// language (<area>.<code>.json).
func translationKeys(t *testing.T, code string) map[string]bool {
	t.Helper()
	entries, err := assets.Translations.ReadDir(assets.TranslationsDir)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, e := range entries {
		if name := e.Name(); name == code+".json" || strings.HasSuffix(name, "."+code+".json") {
			b, err := assets.Translations.ReadFile(path.Join(assets.TranslationsDir, name))
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for k := range m {
				keys[k] = true
			}
		}
	}
	if len(keys) == 0 {
		t.Fatalf("no %s translations embedded", code)
	}
	return keys
}

// Every string literal the dashboard passes to lang.L or lang.X must be
// translated in both languages; a missing key would show English to an
// Indonesian member.
func TestTranslations_EveryDashboardStringIsTranslated(t *testing.T) {
	id, en := translationKeys(t, "id"), translationKeys(t, "en")
	callRe := regexp.MustCompile(`lang\.(?:L|X|N)\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]`)
	files, _ := filepath.Glob("*.go")
	var missing []string
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range callRe.FindAllStringSubmatch(string(src), -1) {
			checked++
			key := strings.ReplaceAll(m[1], `\"`, `"`)
			if !id[key] || !en[key] {
				missing = append(missing, f+": "+key)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no lang.L call found in the dashboard's files")
	}
	if len(missing) > 0 {
		t.Fatalf("strings without a translation in both id and en:\n%s", strings.Join(missing, "\n"))
	}
}
