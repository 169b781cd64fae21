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
	deadline := time.Now().Add(5 * time.Second)
	for toast.Visible() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if toast.Visible() {
		t.Fatal("the message did not go by itself")
	}

	ToastInfoFor = 300 * time.Millisecond
	toast.Show("one", false, "", nil)
	time.Sleep(200 * time.Millisecond)
	toast.Show("two", false, "", nil) // the first one's timer fires while "two" shows
	time.Sleep(150 * time.Millisecond)
	if toast.Text() != "two" {
		t.Fatalf("the older timer hid the newer message (%q)", toast.Text())
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
