//go:build testenv

package app

import (
	"strings"
	"testing"
)

// A remembered book against the real OS keyring: the next start opens it
// without the password (the keyring's copy of its key), a lock takes the
// copy away until the password is typed, and clear all leaves neither
// the book nor any keyring item of the app.
func TestBook_RealKeyringRememberLockClear(t *testing.T) {
	const service = "cekbpjstk-test-app-book"
	ks, search := realKeyring(t, service)
	e := newBookEnv(t, ks)
	a, _ := e.start()
	ctx := e.ctx()
	data, err := a.CreateBook(ctx, newBook(), bookPassword, true)
	if err != nil {
		t.Fatal(err)
	}
	items := search()
	for _, want := range []string{"remembered-identifier", "cache-account-key:" + a.ProfileName() + ":" + data.Identifier} {
		if !strings.Contains(items, want) {
			t.Fatalf("no %s in the keyring:\n%s", want, items)
		}
	}
	a.Close()

	b, o := e.start()
	if o.Remembered != data.Identifier || o.Cached == nil || o.Cached.Member.FullName != data.Member.FullName {
		t.Fatalf("the remembered book did not open at start: remembered %q, cached %v", o.Remembered, o.Cached != nil)
	}
	if !b.UseCached(b.Epoch(), *o.Cached) || !b.BookOpen() {
		t.Fatal("the remembered book is not the open account")
	}
	if _, err := b.BookContents(ctx, b.Epoch()); err != nil {
		t.Fatalf("the remembered book's rows: %v", err)
	}
	b.Lock()
	if err := b.WaitLockSaved(ctx); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(search(), "cache-account-key:") {
		t.Fatal("the key's copy is in the keyring after a lock")
	}
	b.Close()

	c, o := e.start()
	if o.Cached != nil || !o.Locked {
		t.Fatalf("a locked book opened without its password (locked %v)", o.Locked)
	}
	s := bookRef(t, c, ctx)
	if _, err := c.UnlockOffline(ctx, s.Ref, bookPassword); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(search(), "cache-account-key:") {
		t.Fatal("the password did not give the remembered book its copy back")
	}
	if err := c.ClearAll(ctx); err != nil {
		t.Fatal(err)
	}
	if after := search(); strings.Contains(after, "service = "+service) {
		t.Fatalf("keyring items left after clear all:\n%s", after)
	}
	if list, _ := c.OfflineAccounts(ctx); len(list) != 0 {
		t.Fatalf("the book is listed after clear all: %+v", list)
	}
	e.noConnection()
}
