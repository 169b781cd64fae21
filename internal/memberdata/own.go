package memberdata

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// Own is what the member keeps of their own pay and work beside the
// server's data: the single payslip wages typed before ("Upah saya"), the
// payslips month by month, the employment facts and the 1721-A1
// deductions. None of it is fetched or sent; it travels only in the
// encrypted snapshot, and a refresh carries it over to the fresh data.
type Own struct {
	Wages      []member.PayslipWage
	Payslips   []member.Payslip
	Employment []member.Employment
	A1         []member.A1Deduction
}

// Own is data's own part.
func (d Data) Own() Own {
	return Own{Wages: d.Payslip, Payslips: d.Payslips, Employment: d.Employment, A1: d.A1}
}

// SetOwn puts o in data, normalised (SortPayslips, NormalizePayslip).
func (d *Data) SetOwn(o Own) {
	d.Payslip = audit.NormalizePayslip(o.Wages)
	d.Payslips = SortPayslips(o.Payslips)
	d.Employment = o.Employment
	d.A1 = o.A1
}

// SortPayslips puts payslips in the order Upah saya lists them: by month,
// then by card and employer; the periods at the first of their month. It
// returns a new slice (nil for none).
func SortPayslips(ps []member.Payslip) []member.Payslip {
	if len(ps) == 0 {
		return nil
	}
	out := slices.Clone(ps)
	for i := range out {
		out[i].Period = member.MonthOf(out[i].Period)
	}
	slices.SortStableFunc(out, func(a, b member.Payslip) int {
		if c := a.Period.Compare(b.Period); c != 0 {
			return c
		}
		if a.KPJ != b.KPJ {
			return strings.Compare(a.KPJ, b.KPJ)
		}
		return strings.Compare(a.Employer, b.Employer)
	})
	return out
}

// partOwn holds the payslips month by month, the employment facts and the
// 1721-A1 deductions: an optional part (a snapshot written before has
// none, and reads back with none), each list left out when empty. The
// single wages stay in cache.PartPayslip, as before.
const partOwn cache.Part = "own"

type ownPart struct {
	Payslips   []member.Payslip     `json:"payslips,omitempty"`
	Employment []member.Employment  `json:"employment,omitempty"`
	A1         []member.A1Deduction `json:"a1,omitempty"`
	// Coverage: a book's months its documents speak for (Data.Coverage);
	// never written for the server's data. Present (even empty) for a
	// book: an empty coverage means no document speaks for any month (no
	// omitempty: {} and null must read back apart).
	Coverage map[string][]read.Span `json:"coverage"`
}

func encodeOwn(snap *cache.Snapshot, data Data) error {
	if len(data.Payslips)+len(data.Employment)+len(data.A1) == 0 && data.Coverage == nil {
		return nil
	}
	b, err := json.Marshal(ownPart{Payslips: SortPayslips(data.Payslips), Employment: data.Employment, A1: data.A1, Coverage: data.Coverage})
	if err != nil {
		return fmt.Errorf("encode %s: %w", partOwn, err)
	}
	snap.Parts[partOwn] = cache.Entry{Data: b, FetchedAt: data.FetchedAt}
	return nil
}

// decodeOwn reads the optional part; an unreadable one is left out (as the
// payslip wages are) rather than make the member's data unreadable.
func decodeOwn(snap cache.Snapshot, data *Data) {
	entry, ok := snap.Parts[partOwn]
	if !ok {
		return
	}
	var o ownPart
	if json.Unmarshal(entry.Data, &o) == nil {
		data.Payslips, data.Employment, data.A1, data.Coverage = SortPayslips(o.Payslips), o.Employment, o.A1, o.Coverage
	}
}

// LoadOwn reads only what the member keeps of their own (Own) in an
// account's cached snapshot (nothing when it has no snapshot under key).
func LoadOwn(ctx context.Context, store *cache.Cache, profile, account string, key *cache.Key) (Own, error) {
	if key == nil {
		return Own{}, nil
	}
	snap, err := store.Load(ctx, profile, account, key)
	if errors.Is(err, cache.ErrNotFound) {
		return Own{}, nil
	}
	if err != nil {
		return Own{}, err
	}
	var data Data
	decodePayslip(snap, &data)
	decodeOwn(snap, &data)
	return data.Own(), nil
}
