package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
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
		if _, ok := awaitRemembered(remembered, opened, limit); ok || time.Since(began) > limit/2 {
			t.Fatalf("ok=%v after %v, want false at once", ok, time.Since(began))
		}
	})
	t.Run("remembered and read in time", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan cacheOpening, 1)
		remembered <- "budi@contoh.id"
		opened <- cacheOpening{remembered: "budi@contoh.id", cached: &MemberData{Identifier: "budi@contoh.id"}}
		o, ok := awaitRemembered(remembered, opened, limit)
		if !ok || o.cached == nil || o.cached.Identifier != "budi@contoh.id" {
			t.Fatalf("got %+v, %v", o, ok)
		}
	})
	t.Run("a slow cache: the window does not wait past the limit", func(t *testing.T) {
		remembered, opened := make(chan string, 1), make(chan cacheOpening)
		remembered <- "budi@contoh.id"
		began := time.Now()
		if _, ok := awaitRemembered(remembered, opened, 50*time.Millisecond); ok {
			t.Fatal("ok without an opening")
		}
		if took := time.Since(began); took < 50*time.Millisecond || took > time.Second {
			t.Fatalf("returned after %v, want the 50 ms limit", took)
		}
	})
	t.Run("a keyring that does not answer", func(t *testing.T) {
		if _, ok := awaitRemembered(make(chan string), make(chan cacheOpening), 20*time.Millisecond); ok {
			t.Fatal("ok without an answer")
		}
	})
}

func TestDashboard_HiddenTabsAttachWhenShown(t *testing.T) {
	d, _ := newTestDashboard(t)
	objects := func(i int) []fyne.CanvasObject { return d.tabs.Items[i].Content.(*fyne.Container).Objects }
	if len(objects(0)) != 1 || objects(0)[0] != d.summary.content {
		t.Fatalf("the summary tab is not attached at once: %v", objects(0))
	}
	for i := 1; i < len(d.tabs.Items); i++ {
		if len(objects(i)) != 0 {
			t.Errorf("tab %d attached before it was shown", i)
		}
	}
	d.tabs.Select(d.contribItem)
	if got := objects(2); len(got) != 1 || got[0] != d.contributions.content {
		t.Fatalf("contributions tab after Select: %v", got)
	}
	d.tabs.Select(d.summaryItem)
	d.tabs.Select(d.contribItem) // attached once, not twice
	if got := objects(2); len(got) != 1 {
		t.Fatalf("contributions tab attached %d times", len(got))
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

func TestAppThemeDefinesTheAmountSize(t *testing.T) {
	th := NewTheme(ThemeLight)
	heading := theme.DefaultTheme().Size(theme.SizeNameHeadingText)
	if got := th.Size(sizeNameAmount); got != heading*1.6 {
		t.Fatalf("amount size %v, want %v", got, heading*1.6)
	}
	if got := th.Size(theme.SizeNameText); got != theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Fatalf("text size %v changed", got)
	}
	if l := newAmountLabel(); l.SizeName != sizeNameAmount || !l.TextStyle.Bold || l.Importance != widget.HighImportance {
		t.Fatalf("amount label %+v", l)
	}
}
