package claims

import (
	"sort"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// Merge is what the rules say about several cards (CiteMerge): each
// employer may have registered the member anew, so the balance is split
// over several KPJ numbers; merging them (penggabungan saldo) in JMO's
// "Pengkinian Data" keeps one.
type Merge struct {
	Cards  []MergeCard // oldest first
	Needed bool        // more than one card
	// Keep is the card to keep: BPJS Ketenagakerjaan's own article asks
	// for the first number one ever held. Some secondary guides say the
	// active card instead; Active names it when it differs, and the
	// screen says the sources differ.
	Keep    string
	Active  string
	Total   int64
	History []MergedYear // the combined balance, year by year
	// SeparateTax is the tax if each card's balance is paid at once on
	// its own (the final 0% / 5% on each); CombinedTax on the cards'
	// total paid at once (PP 68/2009: JHT paid at once within two
	// calendar years is taxed on the cumulative amount). Whether that
	// cumulation applies across cards not merged is unconfirmed
	// (CiteTaxCumulative), so the screen shows both.
	SeparateTax, CombinedTax int64
}

// MergeCard is one card in the merge view.
type MergeCard struct {
	KPJ, Employer  string
	Opened, Closed time.Time
	IsActive       bool
	Balance        int64
}

// MergedYear is one year of all cards together.
type MergedYear struct {
	Year          int
	Contributions int64 // employer + worker shares credited that year
	Development   int64
	Closing       int64
}

// assessMerge detects several cards and adds their balances and histories.
func assessMerge(in Input) Merge {
	m := Merge{Total: int64(in.Balance.Total)}
	balances := map[string]int64{}
	for _, acc := range in.Balance.Accounts {
		balances[acc.KPJ] = int64(acc.Total)
	}
	for _, c := range sortedCards(in.Member.Cards) {
		mc := MergeCard{KPJ: c.KPJ, Employer: c.EmployerName, Opened: c.Opened, IsActive: cardActive(c),
			Balance: balances[c.KPJ]}
		if !mc.IsActive {
			mc.Closed = c.Closed
		}
		if mc.IsActive && m.Active == "" {
			m.Active = c.KPJ
		}
		m.Cards = append(m.Cards, mc)
	}
	m.Needed = len(m.Cards) > 1
	for _, c := range m.Cards {
		m.SeparateTax += LumpSumTax(c.Balance)
	}
	m.CombinedTax = LumpSumTax(m.Total)
	if len(m.Cards) > 0 {
		m.Keep = m.Cards[0].KPJ
	}
	m.History = MergeHistory(in.Balance.Accounts)
	return m
}

// MergeHistory adds the cards' yearly histories. A card whose history ends
// before another's carries its last closing balance forward (a closed
// card's balance stays; its development is in the newer years only if its
// history lists them).
func MergeHistory(accounts []member.BalanceAccount) []MergedYear {
	byYear := map[int]*MergedYear{}
	first, last := 0, 0
	for _, acc := range accounts {
		for _, y := range acc.History {
			if first == 0 || y.Year < first {
				first = y.Year
			}
			last = max(last, y.Year)
		}
	}
	if first == 0 {
		return nil
	}
	for year := first; year <= last; year++ {
		byYear[year] = &MergedYear{Year: year}
	}
	for _, acc := range accounts {
		hist := append([]member.YearBalance(nil), acc.History...)
		sort.Slice(hist, func(i, j int) bool { return hist[i].Year < hist[j].Year })
		var closing int64
		i := 0
		for year := first; year <= last; year++ {
			if i < len(hist) && hist[i].Year == year {
				y := hist[i]
				byYear[year].Contributions += int64(y.Employer + y.Worker)
				byYear[year].Development += int64(y.Development)
				closing = int64(y.Closing)
				i++
			}
			byYear[year].Closing += closing
		}
	}
	out := make([]MergedYear, 0, len(byYear))
	for year := first; year <= last; year++ {
		out = append(out, *byYear[year])
	}
	return out
}
