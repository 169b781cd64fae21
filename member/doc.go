// Package member is the member model every layer reads: the member and
// their cards, the JHT balance and its parts, the contributions month by
// month, claims, the digital card and the wage on the member's payslip,
// with money (Rupiah and its one formatter) and months.
//
// It does no I/O and imports nothing of the app: the API client decodes
// its wire types into it, the rules (rules/...) compute from it, the cache
// encoding stores it and the UI shows it. A second source of member data
// (the member's own documents) fills the same types.
//
// Dates are UTC midnight; months are the first of the month; a zero time
// means "absent". The JSON tags are the offline cache's encoding: renaming
// one breaks the caches members already hold.
package member
