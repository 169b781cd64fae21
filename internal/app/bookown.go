package app

import (
	"context"
	"reflect"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
)

// keepOwn keeps what the member typed in Upah saya (the wages, the
// payslips month by month, employment facts, 1721-A1) in the open book as
// its rows, so that the next import or correction, which derives the
// data from the rows, keeps them: a row whose figure is no longer in own
// is deleted, a figure not among the rows is added as typed (no
// document). One transaction with the derived data, like any change of a
// book. App.setOwn calls it for a book, under App.writes.
func (b *bookKeeper) keepOwn(ctx context.Context, epoch uint64, own memberdata.Own) (bool, error) {
	id, key, store, err := b.open(epoch)
	if err != nil {
		return false, err
	}
	contents, err := b.load(ctx, store, id, key)
	if err != nil {
		return false, err
	}
	var wanted []book.Row
	for i := range own.Wages {
		wanted = append(wanted, book.Row{Kind: book.KindWage, Wage: &own.Wages[i]})
	}
	for i := range own.Payslips {
		wanted = append(wanted, book.Row{Kind: book.KindPayslip, Payslip: &own.Payslips[i]})
	}
	for i := range own.Employment {
		wanted = append(wanted, book.Row{Kind: book.KindEmployment, Employment: &own.Employment[i]})
	}
	for i := range own.A1 {
		wanted = append(wanted, book.Row{Kind: book.KindA1, A1: &own.A1[i]})
	}
	owned := map[book.Kind]bool{book.KindWage: true, book.KindPayslip: true, book.KindEmployment: true, book.KindA1: true}
	used := make([]bool, len(wanted))
	var next book.Contents
	next.Docs = contents.Docs
	var change cache.BookChange
	for _, r := range contents.Rows {
		if !owned[r.Kind] {
			next.Rows = append(next.Rows, r)
			continue
		}
		kept := false
		for i, w := range wanted {
			if !used[i] && samePayload(r, w) {
				used[i], kept = true, true
				break
			}
		}
		if kept {
			next.Rows = append(next.Rows, r)
		} else {
			change.Delete = append(change.Delete, r.ID)
		}
	}
	for i, w := range wanted {
		if used[i] {
			continue
		}
		enc, err := w.Encode()
		if err != nil {
			return false, err
		}
		change.Add = append(change.Add, enc)
		next.Rows = append(next.Rows, w)
	}
	data, err := next.Data(id, b.p.Now())
	if err != nil {
		return false, err
	}
	snap, err := memberdata.Snapshot(data)
	if err != nil {
		return false, err
	}
	if err := store.SaveBook(ctx, b.p.profileName(), id, key, snap, change, cache.SaveOptions{}); err != nil {
		return false, err
	}
	if !b.session.commitData(epoch, data) {
		return true, ErrStale
	}
	return true, nil
}

// samePayload: two rows of one kind say the same.
func samePayload(a, b book.Row) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case book.KindWage:
		return reflect.DeepEqual(a.Wage, b.Wage)
	case book.KindPayslip:
		return reflect.DeepEqual(a.Payslip, b.Payslip)
	case book.KindEmployment:
		return reflect.DeepEqual(a.Employment, b.Employment)
	case book.KindA1:
		return reflect.DeepEqual(a.A1, b.A1)
	}
	return false
}
