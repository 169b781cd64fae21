package keystore

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestMemory_BehavesAsTheKeyring(t *testing.T) {
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
