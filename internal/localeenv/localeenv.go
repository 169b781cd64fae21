// Package localeenv quiets Fyne under the "C" locales (LANG=C.UTF-8 is the
// default of many containers and CI machines): Fyne v2.7 parses "C" as a
// language tag at package init and logs an error for each attempt.
//
// Import it for its side effect, blank, from package main. Its only
// dependency is os, so Go initialises it before fyne.io/fyne/v2/lang,
// whose dependencies (golang.org/x/text, ...) sort after this path.
package localeenv

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		if (base == "C" || base == "POSIX") && v != base {
			// "C.UTF-8" makes the locale library read LANGUAGE next; give it
			// a tag it can parse. The app's own language setting still wins.
			_ = os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
