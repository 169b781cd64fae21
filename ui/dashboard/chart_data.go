package dashboard

import (
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// balanceSeries are the layers of the balance-by-year chart.
func balanceSeries() []chartSeries {
	return []chartSeries{
		{Name: lang.L("chart.employer"), Color: theme.ColorNamePrimary},
		{Name: lang.L("chart.worker"), Color: theme.ColorNameSuccess},
		{Name: lang.L("chart.development"), Color: theme.ColorNameWarning},
	}
}

// contribSeries are the layers of the contributions-per-month chart.
func contribSeries() []chartSeries {
	return []chartSeries{
		{Name: "JHT", Color: theme.ColorNamePrimary},
		{Name: "JP", Color: theme.ColorNameSuccess},
		{Name: lang.L("chart.otherPrograms"), Color: theme.ColorNameWarning},
	}
}

// balanceByYear is the JHT balance at the end of each year over every
// card, split into what employers paid in, what the worker paid in and the
// development returns, each summed from the start. A card whose history
// ends (a closed card) keeps its last balance in the later years, as the
// money stays in the account until it is claimed.
func balanceByYear(accounts []member.BalanceAccount) (years []int, values [][]float64) {
	seen := map[int]bool{}
	for _, a := range accounts {
		for _, y := range a.History {
			seen[y.Year] = true
		}
	}
	for y := range seen {
		years = append(years, y)
	}
	sort.Ints(years)
	values = make([][]float64, len(years))
	for i := range values {
		values[i] = make([]float64, 3)
	}
	for _, a := range accounts {
		hist := append([]member.YearBalance(nil), a.History...)
		sort.Slice(hist, func(i, j int) bool { return hist[i].Year < hist[j].Year })
		var emp, wrk, dev member.Rupiah
		h := 0
		for i, y := range years {
			for h < len(hist) && hist[h].Year <= y {
				emp += hist[h].Employer
				wrk += hist[h].Worker
				dev += hist[h].Development
				h++
			}
			values[i][0] += float64(emp)
			values[i][1] += float64(wrk)
			values[i][2] += float64(dev)
		}
	}
	return years, values
}

// contributionsByMonth sums a year's rows per calendar month (every card
// together): JHT, JP, and JKK with JKM. JKP is left out, as it is in the
// month's total: the government funds it, nobody pays it in. A month of
// the period with no contribution is a bar of nothing, marked missing.
func contributionsByMonth(rows []contribRow) (months []time.Month, values [][]float64, missing []bool) {
	byMonth := map[time.Month][]float64{}
	recorded := map[time.Month]bool{}
	for _, r := range rows {
		mo := r.Month.Month()
		v := byMonth[mo]
		if v == nil {
			v = make([]float64, 3)
			byMonth[mo] = v
			months = append(months, mo)
		}
		if r.C == nil {
			continue
		}
		recorded[mo] = true
		v[0] += float64(r.C.JHT)
		v[1] += float64(r.C.JP)
		v[2] += float64(r.C.JKK + r.C.JKM)
	}
	sort.Slice(months, func(i, j int) bool { return months[i] < months[j] })
	for _, m := range months {
		values = append(values, byMonth[m])
		missing = append(missing, !recorded[m])
	}
	return months, values, missing
}

// shortMonth is a month's first three letters: "Agu" / "Aug".
func shortMonth(m time.Month) string {
	r := []rune(i18n.MonthName(m))
	if len(r) > 3 {
		r = r[:3]
	}
	return string(r)
}

func yearLabels(years []int) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return out
}
