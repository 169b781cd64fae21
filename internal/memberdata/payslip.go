package memberdata

import (
	"encoding/json"
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
