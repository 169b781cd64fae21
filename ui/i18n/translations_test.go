package i18n

import (
	"encoding/json"
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
