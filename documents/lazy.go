package documents

import (
	"regexp"
	"sync"
)

// Regexp compiles expr the first time the returned function is called, and
// returns the same *regexp.Regexp from then on (safe for concurrent use).
// The readers' patterns are built this way rather than in package
// variables: every start of the app links the readers, and compiling their
// twenty-odd patterns at init cost about 3 ms and 0.5 MB before the first
// frame, for documents most starts never read.
func Regexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
