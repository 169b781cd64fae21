package dashboard

import (
	"os"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
)

// TestMain holds the message lines until dismissed: under Fyne's test
// driver a message's timer would hide it from the timer's goroutine while
// a later test runs (a data race -race reported). No test here waits for a
// message to go by itself (ui/dialogs tests that).
func TestMain(m *testing.M) {
	dialogs.ToastAfter = func(time.Duration, func()) {}
	os.Exit(m.Run())
}
