package memberdata

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// The payslip wages ("Upah saya") are the member's own input, stored as an
// optional part of the account's encrypted snapshot: a snapshot without
// one (every cache written before, or a member who never typed one) reads
// back with none. The part's fetched-at time is the data's, so it never
// makes cached data look fresher than it is.

func encodePayslip(snap *cache.Snapshot, data Data) error {
	wages := audit.NormalizePayslip(data.Payslip)
	if len(wages) == 0 {
		return nil
	}
	b, err := json.Marshal(wages)
	if err != nil {
		return fmt.Errorf("encode %s: %w", cache.PartPayslip, err)
	}
	snap.Parts[cache.PartPayslip] = cache.Entry{Data: b, FetchedAt: data.FetchedAt}
	return nil
}

// decodePayslip reads the optional part; an unreadable one is left out
// (like the revalidation part) rather than make the member's data
// unreadable: the member can type the wage again.
func decodePayslip(snap cache.Snapshot, data *Data) {
	entry, ok := snap.Parts[cache.PartPayslip]
	if !ok {
		return
	}
	var wages []member.PayslipWage
	if json.Unmarshal(entry.Data, &wages) == nil {
		data.Payslip = audit.NormalizePayslip(wages)
	}
}

// LoadPayslip reads only the payslip wages cached for an account (none
// when the account has no snapshot under key).
func LoadPayslip(ctx context.Context, store *cache.Cache, profile, account string, key *cache.Key) ([]member.PayslipWage, error) {
	if key == nil {
		return nil, nil
	}
	snap, err := store.Load(ctx, profile, account, key)
	if errors.Is(err, cache.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var data Data
	decodePayslip(snap, &data)
	return data.Payslip, nil
}
