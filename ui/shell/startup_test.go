package shell

import (
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/internal/app"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
)

func TestAwaitRemembered(t *testing.T) {
	const limit = 2 * time.Second
	t.Run("no remembered account: no wait for the cache", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan app.Opening)
		remembered <- ""
		began := time.Now()
		if _, ok := awaitRemembered(remembered, opened, limit, nil); ok || time.Since(began) > limit/2 {
			t.Fatalf("ok=%v after %v, want false at once", ok, time.Since(began))
		}
	})
	t.Run("remembered and read in time", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan app.Opening, 1)
		remembered <- "budi@contoh.id"
		opened <- app.Opening{Remembered: "budi@contoh.id", Cached: &memberdata.Data{Identifier: "budi@contoh.id"}}
		o, ok := awaitRemembered(remembered, opened, limit, nil)
		if !ok || o.Cached == nil || o.Cached.Identifier != "budi@contoh.id" {
			t.Fatalf("got %+v, %v", o, ok)
		}
	})
	t.Run("a slow cache: the window does not wait past the limit", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan app.Opening)
		remembered <- "budi@contoh.id"
		began := time.Now()
		if _, ok := awaitRemembered(remembered, opened, 50*time.Millisecond, nil); ok {
			t.Fatal("ok without an opening")
		}
		if took := time.Since(began); took < 50*time.Millisecond || took > time.Second {
			t.Fatalf("returned after %v, want the 50 ms limit", took)
		}
	})
	t.Run("a keyring that does not answer", func(t *testing.T) {
		if _, ok := awaitRemembered(make(chan string), make(chan app.Opening), 20*time.Millisecond, nil); ok {
			t.Fatal("ok without an answer")
		}
	})
}
