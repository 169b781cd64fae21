// Package memberdata is what the app knows about one member: fetched
// together from the server, encoded for the offline cache and read back
// from it. It is Fyne-free; the dashboard only presents a Data.
package memberdata

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// Data is everything the dashboard shows about one member, fetched
// together from the server or read back from the offline cache.
type Data struct {
	Identifier    string                       // the login identifier (email or KPJ)
	Member        member.Member                // GET /v1/me
	Balance       member.Balance               // GET /v1/me/balance
	Contributions map[int]member.Contributions // by year: every available year
	Claims        []member.Claim
	Cards         []member.Card
	// Payslip is the wage on the member's payslip, typed in by the member
	// ("Upah saya"): never fetched nor sent, kept only in the encrypted
	// offline cache (payslip.go).
	Payslip []member.PayslipWage
	// Payslips, Employment and A1 are the member's own payslips month by
	// month, employment facts and 1721-A1 deductions (typed in Upah saya or
	// read from their documents): never fetched nor sent, kept only in the
	// encrypted cache (own.go); rules/payslip reads them.
	Payslips   []member.Payslip
	Employment []member.Employment
	A1         []member.A1Deduction
	// Coverage is nil for the server's data (every month of an open card
	// is owed and listed). A book's data has the months its documents
	// speak for, by card (documents/read.Model.Coverage): a month outside
	// them is unknown, not unpaid, and the checks leave it out
	// (read.AuditCovered). Kept in the encrypted cache with Own's part.
	Coverage  map[string][]read.Span
	FetchedAt time.Time // when this data was true: the oldest part's fetch time
	Offline   bool      // read from the cache; nothing may touch the network
	// Revalidation is what the next refresh needs to ask "changed?"
	// instead of downloading again: the last ETags and bodies (member
	// data; kept in memory and in the encrypted cache only).
	Revalidation service.Revalidation
}

// Years lists the contribution years held, newest first.
func (d Data) Years() []int {
	years := make([]int, 0, len(d.Contributions))
	for y := range d.Contributions {
		years = append(years, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	return years
}
