package dialogs

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A save says where the file went, with a button that copies the folder's
// path, and goes by itself; a newer message is not cut short by an older
// one's timer.
func TestToast_NamesTheFolderAndGoesByItself(t *testing.T) {
	test.NewTempApp(t)
	ToastInfoFor = 100 * time.Millisecond
	t.Cleanup(func() { ToastInfoFor = 6 * time.Second })
	toast := NewToast()
	// The timers' work comes back to this goroutine, as fyne.Do brings it
	// to the UI goroutine in the app (the test driver would run it on the
	// timer's goroutine, racing this test).
	queue := make(chan func(), 8)
	toast.do = func(f func()) { queue <- f }
	runQueued := func(within time.Duration) {
		t.Helper()
		select {
		case f := <-queue:
			f()
		case <-time.After(within):
			t.Fatal("no timer fired")
		}
	}
	w := test.NewWindow(container.NewBorder(nil, toast.Content(), nil, nil, widget.NewLabel("behind")))
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))

	dir := t.TempDir()
	uri := storage.NewFileURI(filepath.Join(dir, "pengaduan-iuran-9012.txt"))
	toast.ShowSaved(uri, func(name, folder string) string { return name + " @ " + folder })
	if toast.Text() != "pengaduan-iuran-9012.txt @ "+dir {
		t.Fatalf("toast %q", toast.Text())
	}
	if len(w.Canvas().Overlays().List()) != 0 {
		t.Fatal("the message is an overlay: it would take the next click")
	}
	if toast.action.Hidden || toast.action.Text == "" {
		t.Fatal("no button to copy the folder")
	}
	test.Tap(toast.action)
	if got := fyne.CurrentApp().Clipboard().Content(); got != dir {
		t.Errorf("clipboard %q, want the folder %q", got, dir)
	}
	runQueued(5 * time.Second)
	if toast.Visible() {
		t.Fatal("the message did not go by itself")
	}

	ToastInfoFor = 300 * time.Millisecond
	toast.Show("one", false, "", nil)
	time.Sleep(200 * time.Millisecond)
	toast.Show("two", false, "", nil)
	runQueued(5 * time.Second) // the first one's timer, while "two" shows
	if toast.Text() != "two" || !toast.Visible() {
		t.Fatalf("the older timer hid the newer message (%q, visible %v)", toast.Text(), toast.Visible())
	}
	runQueued(5 * time.Second) // the second one's own
	if toast.Visible() {
		t.Fatal("the newer message did not go by itself")
	}
}

// A reserved line keeps its room: nothing around it moves when a message
// comes or goes.
func TestToast_ReservedLineMovesNothing(t *testing.T) {
	test.NewTempApp(t)
	toast := NewToast().Reserve()
	below := widget.NewButton("Simpan", nil)
	w := test.NewWindow(container.NewVBox(toast.Content(), below))
	defer w.Close()
	w.Resize(fyne.NewSize(600, 300))
	w.Content().Refresh()
	at := below.Position()
	toast.Show("Surat pengaduan disalin.", false, "Salin lokasi folder", func() {})
	w.Content().Refresh()
	if below.Position() != at {
		t.Errorf("the message moved the button from %v to %v", at, below.Position())
	}
	toast.Dismiss()
	w.Content().Refresh()
	if below.Position() != at || toast.Visible() {
		t.Errorf("dismissing moved the button to %v (visible %v)", below.Position(), toast.Visible())
	}
}
