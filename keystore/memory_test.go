package keystore

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestMemory_BehavesAsTheKeyring(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	k := NewMemory()
	if _, err := k.Get(ctx, "a", "p"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("get before set: %v", err)
	}
	if err := k.Set(ctx, "a", "p", "s1"); err != nil {
		t.Fatal(err)
	}
	if err := k.Set(ctx, "a", "p", "s2"); err != nil {
		t.Fatal(err)
	}
	if v, err := k.Get(ctx, "a", "p"); err != nil || v != "s2" {
		t.Fatalf("get = %q, %v; want the last secret", v, err)
	}
	if got := k.Items(); !slices.Equal(got, []string{"a/p"}) {
		t.Fatalf("items = %v", got)
	}
	k.SetErr(ErrUnavailable)
	if _, err := k.Get(ctx, "a", "p"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("get with an error set: %v", err)
	}
	k.SetErr(nil)
	if err := k.Delete(ctx, "a", "p"); err != nil {
		t.Fatal(err)
	}
	if err := k.Delete(ctx, "a", "p"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

// A call whose context is done does nothing, as with Store; DeleteAll
// leaves no item.
func TestMemory_DoneContextDoesNothingAndDeleteAll(t *testing.T) {
	t.Parallel()
	k := NewMemory()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := k.Set(ctx, "a", "p", "late"); !errors.Is(err, context.Canceled) {
		t.Fatalf("Set with a done context = %v", err)
	}
	if len(k.Items()) != 0 {
		t.Fatalf("a done Set wrote %v", k.Items())
	}
	bg := context.Background()
	_ = k.Set(bg, "a", "p", "s")
	_ = k.Set(bg, "b", "q", "s")
	if err := k.DeleteAll(ctx); !errors.Is(err, context.Canceled) || len(k.Items()) != 2 {
		t.Fatalf("DeleteAll with a done context = %v, left %v", err, k.Items())
	}
	if err := k.DeleteAll(bg); err != nil || len(k.Items()) != 0 {
		t.Fatalf("DeleteAll = %v, left %v", err, k.Items())
	}
}
