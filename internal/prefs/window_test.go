package prefs

import (
	"errors"
	"testing"
)

func TestWindowSize_StoredAndBounded(t *testing.T) {
	t.Parallel()
	store := NewMemoryStore()
	s := New(store)
	if w, h, ok := s.WindowSize(); ok {
		t.Fatalf("fresh settings have a window size %d×%d", w, h)
	}
	if err := s.SetWindowSize(1100, 640); err != nil {
		t.Fatal(err)
	}
	if w, h, ok := s.WindowSize(); !ok || w != 1100 || h != 640 {
		t.Fatalf("got %d×%d ok=%v, want 1100×640", w, h, ok)
	}
	for _, bad := range [][2]int{{0, 640}, {1100, -1}, {199, 640}, {1100, 20001}} {
		if err := s.SetWindowSize(bad[0], bad[1]); !errors.Is(err, ErrInvalidSetting) {
			t.Errorf("SetWindowSize(%d, %d) = %v, want ErrInvalidSetting", bad[0], bad[1], err)
		}
	}
	if w, h, _ := s.WindowSize(); w != 1100 || h != 640 {
		t.Errorf("a refused size changed the stored one: %d×%d", w, h)
	}
	if got := store.String(KeyWindowSize); got != "1100x640" {
		t.Errorf("stored %q, want one key 1100x640", got)
	}
	// A hand-edited preferences file: read as no size chosen.
	for _, bad := range []string{"1100x5", "1100", "x640", "1100x640x2", "wide x tall", "-1100x640"} {
		store.SetString(KeyWindowSize, bad)
		if w, h, ok := s.WindowSize(); ok {
			t.Errorf("%q is read as a size %d×%d", bad, w, h)
		}
	}
}
