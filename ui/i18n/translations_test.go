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

// mergedTranslations joins the files as text: each must be one JSON object
// and no key may be defined in two of them (the later would silently win).
func TestTranslations_EachFileIsOneObjectAndNoKeyIsDefinedTwice(t *testing.T) {
	entries, err := assets.Translations.ReadDir(assets.TranslationsDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range Languages {
		where := map[string]string{}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasSuffix(name, "."+code+".json") && name != code+".json" {
				continue
			}
			data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + name)
			if err != nil {
				t.Fatal(err)
			}
			var messages map[string]json.RawMessage
			if err := json.Unmarshal(data, &messages); err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			for k := range messages {
				if other, dup := where[k]; dup {
					t.Errorf("translation key %q is defined in %s and again in %s", k, other, name)
				}
				where[k] = name
			}
		}
		// The joined text holds exactly the files' keys.
		if got := keysOf(t, code); len(got) != len(where) {
			t.Errorf("%s: the joined translations hold %d keys, the files %d", code, len(got), len(where))
		}
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
