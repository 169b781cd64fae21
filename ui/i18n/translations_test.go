package i18n

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/assets"
)

func keysOf(t *testing.T, code string) map[string]bool {
	t.Helper()
	data, err := mergedTranslations(code)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for k := range m {
		keys[k] = true
	}
	return keys
}

func TestTranslations_BothLanguagesHaveTheSameKeys(t *testing.T) {
	id, en := keysOf(t, "id"), keysOf(t, "en")
	var missing []string
	for k := range id {
		if !en[k] {
			missing = append(missing, "en lacks "+k)
		}
	}
	for k := range en {
		if !id[k] {
			missing = append(missing, "id lacks "+k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("translations differ:\n%s", strings.Join(missing, "\n"))
	}
}

// Every string literal passed to lang.L or lang.X in ui/ and its packages
// must be translated in both languages; a missing key would show English to
// an Indonesian user.
func TestTranslations_EveryUIStringIsTranslated(t *testing.T) {
	id, en := keysOf(t, "id"), keysOf(t, "en")
	callRe := regexp.MustCompile(`lang\.(?:L|X|N)\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]`)
	var files []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d Go files found under ui/", len(files))
	}
	var missing []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range callRe.FindAllStringSubmatch(string(src), -1) {
			key := strings.ReplaceAll(m[1], `\"`, `"`)
			if !id[key] || !en[key] {
				missing = append(missing, f+": "+key)
			}
		}
	}
	if len(missing) > 0 {
		t.Fatalf("strings without a translation in both id and en:\n%s", strings.Join(missing, "\n"))
	}
}

func TestTranslations_FilesAreNamedByLanguage(t *testing.T) {
	entries, err := assets.Translations.ReadDir(assets.TranslationsDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".id.json") && !strings.HasSuffix(name, ".en.json") {
			t.Errorf("%s: translation files are named <area>.id.json or <area>.en.json", name)
		}
	}
}
