package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestAwaitRemembered(t *testing.T) {
	const limit = 2 * time.Second
	t.Run("no remembered account: no wait for the cache", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan cacheOpening)
		remembered <- ""
		began := time.Now()
		if _, ok := awaitRemembered(remembered, opened, limit, nil); ok || time.Since(began) > limit/2 {
			t.Fatalf("ok=%v after %v, want false at once", ok, time.Since(began))
		}
	})
	t.Run("remembered and read in time", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan cacheOpening, 1)
		remembered <- "budi@contoh.id"
		opened <- cacheOpening{remembered: "budi@contoh.id", cached: &MemberData{Identifier: "budi@contoh.id"}}
		o, ok := awaitRemembered(remembered, opened, limit, nil)
		if !ok || o.cached == nil || o.cached.Identifier != "budi@contoh.id" {
			t.Fatalf("got %+v, %v", o, ok)
		}
	})
	t.Run("a slow cache: the window does not wait past the limit", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan cacheOpening)
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
		if _, ok := awaitRemembered(make(chan string), make(chan cacheOpening), 20*time.Millisecond, nil); ok {
			t.Fatal("ok without an answer")
		}
	})
}

func TestDashboard_OnlyTheSelectedTabIsInTheTree(t *testing.T) {
	d, w := newTestDashboard(t)
	inTree := func(o fyne.CanvasObject) bool {
		found := false
		var walk func(fyne.CanvasObject)
		walk = func(c fyne.CanvasObject) {
			if c == o {
				found = true
			}
			if box, ok := c.(*fyne.Container); ok {
				for _, child := range box.Objects {
					walk(child)
				}
			}
		}
		walk(w.Content())
		return found
	}
	if !inTree(d.summary.content) || inTree(d.contributions.content) || inTree(d.balance.content) {
		t.Fatal("at start only the summary tab should be in the window")
	}
	var selected []*container.TabItem
	d.tabs.OnSelected = func(item *container.TabItem) { selected = append(selected, item) }
	test.Tap(d.tabs.buttons[2])
	if d.tabs.Selected() != d.contribItem || !inTree(d.contributions.content) || inTree(d.summary.content) {
		t.Fatal("tapping Iuran did not swap the contributions tab in")
	}
	if len(selected) != 1 || selected[0] != d.contribItem {
		t.Fatalf("OnSelected got %v", selected)
	}
	if !d.tabs.marks[2].Visible() || d.tabs.marks[0].Visible() {
		t.Fatal("the underline did not move to the selected tab")
	}
}

func TestDashboard_OnFilledAfterTheLastTabOfTheLatestData(t *testing.T) {
	d, _ := newTestDashboard(t)
	var queued [][]func()
	d.later = func(fs []func()) { queued = append(queued, fs) }
	filled := 0
	d.OnFilled = func() { filled++ }
	data := MemberData{Identifier: "budi@contoh.id", FetchedAt: time.Now()}
	d.SetData(data)
	d.SetData(data) // a second refresh before the first one's tabs were filled
	if len(queued) != 2 {
		t.Fatalf("%d batches queued, want 2", len(queued))
	}
	for _, batch := range queued {
		for _, f := range batch {
			f()
		}
	}
	if filled != 1 {
		t.Fatalf("OnFilled called %d times, want once: for the latest data only", filled)
	}
}

func TestFieldWrapsOnlyLongValues(t *testing.T) {
	test.NewTempApp(t)
	f := newField("dash.field.employer")
	f.set("1 April 2018")
	if f.value.Wrapping != fyne.TextWrapOff || f.value.Text != "1 April 2018" {
		t.Fatalf("short value: wrapping %v, text %q", f.value.Wrapping, f.value.Text)
	}
	long := "PT Perusahaan Perkebunan Kelapa Sawit Nusantara Sejahtera Abadi"
	f.set(long)
	if f.value.Wrapping != fyne.TextWrapWord || f.value.Text != long {
		t.Fatalf("long value: wrapping %v", f.value.Wrapping)
	}
}

