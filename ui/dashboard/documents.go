package dashboard

import (
	"context"

	"github.com/cekbpjstk/cekbpjstk/rules/evidence"
)

// documents are the member's original documents the evidence pack
// attaches (Documents; none when nobody set it). Called off the UI
// goroutine.
func (d *Dashboard) documents(ctx context.Context) ([]evidence.Document, error) {
	if d.Documents == nil {
		return nil, nil
	}
	return d.Documents(ctx)
}
