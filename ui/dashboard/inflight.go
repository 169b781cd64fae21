package dashboard

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
)

// saveInBackground writes a file the member chose (a statement, the card)
// off the UI goroutine. Clear (lock, logout, server change) cancels it:
// the writer refuses further bytes, the file it left half written is
// deleted; done still runs on the UI goroutine (it finds no data).
func (d *Dashboard) saveInBackground(w fyne.URIWriteCloser, write func(io.WriteCloser) error, done func(error)) {
	if d.inflight == nil {
		d.inflight = map[*context.CancelFunc]struct{}{}
	}
	var cancel context.CancelFunc
	key := &cancel
	cancel = async.Do(async.Runner{}, part.SaveTimeout, func(ctx context.Context) error {
		err := write(ctxWriter{ctx, w}) // write closes it
		if ctx.Err() != nil {
			_ = storage.Delete(w.URI()) // cancelled: no half file left behind
			return ctx.Err()
		}
		return err
	}, func(err error) {
		delete(d.inflight, key)
		done(err) // after Clear, done sees no data and shows nothing
	})
	d.inflight[key] = struct{}{}
}

// cancelSaves cancels every save under way (Clear).
func (d *Dashboard) cancelSaves() {
	for key := range d.inflight {
		(*key)()
	}
	clear(d.inflight)
}

// ctxWriter fails every write once ctx is done.
type ctxWriter struct {
	ctx context.Context
	w   io.WriteCloser
}

func (c ctxWriter) Close() error { return c.w.Close() }

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
