package dashboard

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

func TestBarChart_HeightsAreProportionalToTheData(t *testing.T) {
	test.NewTempApp(t)
	if err := i18n.LoadTranslations("id"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.SetLanguage(i18n.DefaultLanguage) })
	c := newBarChart(chartSeries{Name: "A", Color: theme.ColorNamePrimary}, chartSeries{Name: "B", Color: theme.ColorNameSuccess})
	c.SetData([]string{"2024", "2025", "2026"}, [][]float64{{10e6, 5e6}, {20e6, 10e6}, {40e6, 0}})
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 300))
	r := test.WidgetRenderer(c).(*barChartRenderer)

	if r.top != 40e6 {
		t.Fatalf("axis top = %v, want 40 jt", r.top)
	}
	unit := r.bars[2][0].Size().Height / 40 // height of 1 jt
	for i, want := range [][]float64{{10, 5}, {20, 10}, {40, 0}} {
		for s, v := range want {
			got := r.bars[i][s].Size().Height
			if math.Abs(float64(got-unit*float32(v))) > 0.5 {
				t.Errorf("bar %d series %d height %.1f, want %.1f", i, s, got, unit*float32(v))
			}
		}
		// Stacked: B sits on A.
		if a, b := r.bars[i][0], r.bars[i][1]; b.Visible() && math.Abs(float64(b.Position().Y+b.Size().Height-a.Position().Y)) > 0.5 {
			t.Errorf("bar %d: B does not sit on A", i)
		}
	}
	if r.bars[2][1].Visible() {
		t.Error("a zero part is drawn")
	}
	var labels []string
	for _, l := range r.yLabels {
		labels = append(labels, l.Text)
	}
	want := []string{"Rp 0", "Rp 10 jt", "Rp 20 jt", "Rp 30 jt", "Rp 40 jt"}
	if len(labels) != len(want) {
		t.Fatalf("axis labels %q, want %q", labels, want)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("axis labels %q, want %q", labels, want)
			break
		}
	}
}

func TestBarChart_EmptyShowsTheEmptyText(t *testing.T) {
	test.NewTempApp(t)
	c := newBarChart(chartSeries{Name: "A", Color: theme.ColorNamePrimary})
	c.Empty = "nothing"
	w := test.NewWindow(c)
	defer w.Close()
	r := test.WidgetRenderer(c).(*barChartRenderer)
	if !r.empty.Visible() || r.empty.Text != "nothing" {
		t.Fatal("empty chart does not say so")
	}
	c.SetData([]string{"Jan"}, [][]float64{{1}})
	r = test.WidgetRenderer(c).(*barChartRenderer)
	if r.empty.Visible() || len(r.bars) != 1 {
		t.Fatal("chart with data still empty")
	}
}

func TestBalanceByYear_SumsCardsAndCarriesAClosedCard(t *testing.T) {
	t.Parallel()
	accounts := []member.BalanceAccount{
		{KPJ: "1", History: []member.YearBalance{
			{Year: 2020, Employer: 100, Worker: 50, Development: 10, Closing: 160},
			{Year: 2021, Employer: 100, Worker: 50, Development: 20, Closing: 330},
		}},
		{KPJ: "2", History: []member.YearBalance{
			{Year: 2021, Employer: 10, Worker: 5, Development: 0, Closing: 15},
			{Year: 2022, Employer: 10, Worker: 5, Development: 1, Closing: 31},
		}},
	}
	years, values := balanceByYear(accounts)
	want := map[int][3]float64{2020: {100, 50, 10}, 2021: {210, 105, 30}, 2022: {220, 110, 31}}
	if len(years) != 3 {
		t.Fatalf("years %v", years)
	}
	for i, y := range years {
		w := want[y]
		if values[i][0] != w[0] || values[i][1] != w[1] || values[i][2] != w[2] {
			t.Errorf("%d: %v, want %v", y, values[i], w)
		}
	}
}

// Budi's chart ends at his balance: the last bar's parts add up to the
// total over both cards.
func TestDashboard_BalanceChartEndsAtTheTotal(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.tabs.Select(d.item("dashboard.tab.balance"))
	d.SetData(data)
	c := d.balance.chart
	if len(c.Values) == 0 {
		t.Fatal("no bars")
	}
	last := c.Values[len(c.Values)-1]
	if got := member.Rupiah(last[0] + last[1] + last[2]); got != data.Balance.Total {
		t.Errorf("last bar %s, balance %s", i18n.FormatRupiah(got), i18n.FormatRupiah(data.Balance.Total))
	}
}

func TestDashboard_ContributionChartFollowsTheYear(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.tabs.Select(d.item("dashboard.tab.contributions"))
	d.SetData(data)
	for _, y := range data.Years()[:2] {
		d.contributions.yearSelect.SetSelected(yearLabels([]int{y})[0])
		c := d.contributions.chart
		sum := 0.0
		for _, v := range c.Values {
			sum += v[0] + v[1] + v[2]
		}
		if member.Rupiah(sum) != data.Contributions[y].Totals.Total {
			t.Errorf("%d: chart sums to %v, year total %d", y, sum, data.Contributions[y].Totals.Total)
		}
		if len(c.Labels) != len(data.Contributions[y].Months) && len(c.Labels) > 12 {
			t.Errorf("%d: %d bars", y, len(c.Labels))
		}
	}
}
