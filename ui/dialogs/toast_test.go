package dialogs

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A save says where the file went, over the dialog that caused it, with
// a button that copies the folder's path, and goes by itself.
func TestShowSaved_NamesTheFolderOverTheDialogAndGoesByItself(t *testing.T) {
	test.NewTempApp(t)
	ToastInfoFor = 100 * time.Millisecond
	t.Cleanup(func() { ToastInfoFor = 6 * time.Second })
	w := test.NewWindow(widget.NewLabel("behind"))
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))
	Show(dialog.NewInformation("Kit", "the dialog", w), w)

	dir := t.TempDir()
	uri := storage.NewFileURI(filepath.Join(dir, "pengaduan-iuran-9012.txt"))
	toast := ShowSaved(w, uri, func(name, folder string) string { return name + " @ " + folder })
	if toast.Text() != "pengaduan-iuran-9012.txt @ "+dir {
		t.Fatalf("toast %q", toast.Text())
	}
	overlays := w.Canvas().Overlays().List()
	if len(overlays) != 2 || overlays[1] != toast.pop {
		t.Fatalf("the toast is not over the dialog: %d overlays", len(overlays))
	}
	if toast.action == nil || toast.action.Text == "" {
		t.Fatal("no button to copy the folder")
	}
	test.Tap(toast.action)
	if got := fyne.CurrentApp().Clipboard().Content(); got != dir {
		t.Errorf("clipboard %q, want the folder %q", got, dir)
	}
	if CurrentToast(w) != toast {
		t.Fatal("CurrentToast does not find it")
	}
	deadline := time.Now().Add(5 * time.Second)
	for toast.Visible() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if toast.Visible() || CurrentToast(w) != nil {
		t.Fatal("the toast did not go by itself")
	}
}

// A new toast replaces the one on screen.
func TestShowToast_ReplacesThePrevious(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(widget.NewLabel("behind"))
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))
	first := ShowToast(w, "one", false, "", nil)
	second := ShowToast(w, "two", true, "", nil)
	if first.Visible() || !second.Visible() || CurrentToast(w) != second {
		t.Fatalf("first visible %v, second visible %v", first.Visible(), second.Visible())
	}
	second.Dismiss(w)
}
