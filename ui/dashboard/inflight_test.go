package dashboard

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
)

// A statement or card being written when the session ends (lock, logout):
// Clear cancels it, nothing more reaches the file, the half file goes, and
// the late result shows nothing.
func TestDashboard_ClearCancelsASaveUnderWay(t *testing.T) {
	data := dashOffline(dashDemoMember(t, "budi@contoh.id"))
	d, _ := newTestDashboard(t)
	d.SetData(data)
	path := filepath.Join(t.TempDir(), "rincian.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	d.saveInBackground(w, func(w io.WriteCloser) error {
		close(started)
		<-release
		_, err := w.Write([]byte("Budi Santoso 3174051708850003"))
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return err
	}, func(err error) { done <- err })
	<-started
	d.Clear()
	close(release)
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("the save went on after Clear")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the cancelled save never ended")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		b, _ := os.ReadFile(path)
		t.Fatalf("the half-written file is still there (%v, %q)", err, b)
	}
	if d.Notice() != "" {
		t.Errorf("a notice after the session ended: %q", d.Notice())
	}
}
