package app

import (
	"context"
	"testing"

	"github.com/cekbpjstk/cekbpjstk/cache"
)

// The cache file: waited for until OpenCache has tried, then handed out
// until Close, which may come twice.
func TestCacheFile_WaitOpenClose(t *testing.T) {
	t.Parallel()
	c := newCacheFile()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if !c.waiting() || c.wait(ctx) != nil {
		t.Fatal("a cache handed out before it was opened")
	}
	store, _, err := cache.Open(context.Background(), cache.Params{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	c.opened(store)
	if c.waiting() || c.wait(context.Background()) != store || c.current() != store {
		t.Fatal("the opened cache is not handed out")
	}
	c.close()
	c.close()
	if c.current() != nil {
		t.Fatal("the cache is handed out after Close")
	}
}
