package dashboard

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/projection"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

func TestSimulation_PrefilledFromTheDataWithStatedDefaults(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.tabs.Select(d.item("simulation.tab"))
	d.SetData(data)
	s := d.simulation

	if s.balance.Text != formatRupiahInput(data.Balance.Total) {
		t.Errorf("balance input %q, want %d", s.balance.Text, data.Balance.Total)
	}
	wage := latestWage(data)
	if wage <= 0 || s.wage.Text != formatRupiahInput(wage) {
		t.Errorf("wage input %q, latest wage %d", s.wage.Text, wage)
	}
	if s.growth.Text != "5" || s.ret.Text != "6" {
		t.Errorf("defaults %q / %q, want 5 / 6", s.growth.Text, s.ret.Text)
	}
	want, err := projection.Project(projection.Params{
		Balance: int64(data.Balance.Total), MonthlyWage: int64(wage), WageGrowth: 0.05, ReturnRate: 0.06,
		BirthDate: data.Member.BirthDate, MemberSince: data.Member.MemberSince, Today: data.Balance.AsOf,
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.result.Text != i18n.FormatRupiah(member.Rupiah(want.Balance)) {
		t.Errorf("result %q, want %s", s.result.Text, i18n.FormatRupiah(member.Rupiah(want.Balance)))
	}
	// Budi has been a member since 2011: the partial withdrawal is open.
	if !s.outcome.PartialOpen || !uitest.Contains(d.Content(), "pencairan sebagian sudah dapat diajukan") {
		t.Errorf("partial withdrawal not shown as open: %q", s.partial.Text)
	}
	for _, text := range []string{"5,7%", "naik 5%", "6% per tahun", "PP 46/2015"} {
		if !uitest.Contains(d.Content(), text) {
			t.Errorf("assumptions lack %q", text)
		}
	}
	if len(s.chart.Values) == 0 {
		t.Error("no projection chart")
	}

	// A higher return gives a higher balance; nonsense is refused.
	before := s.outcome.Balance
	s.ret.SetText("8,5")
	if s.outcome.Balance <= before {
		t.Errorf("8.5%% return gives %d, not more than %d", s.outcome.Balance, before)
	}
	test.Type(s.wage, "abc")
	if !s.problem.Visible() {
		t.Error("unreadable wage accepted")
	}
	test.Tap(s.resetButton)
	if s.problem.Visible() || s.ret.Text != "6" {
		t.Error("reset did not restore the inputs")
	}
}

func TestSimulation_NewMemberSeesWhenThePartialWithdrawalOpens(t *testing.T) {
	data := dashDemoMember(t, "andi@contoh.id")
	d, _ := newTestDashboard(t)
	d.tabs.Select(d.item("simulation.tab"))
	d.SetData(data)
	s := d.simulation
	if s.outcome.PartialOpen {
		t.Fatal("a three-month member can withdraw 10%/30%")
	}
	if s.partial.Text == "" || !uitest.Contains(d.Content(), i18n.FormatDate(data.Member.MemberSince.AddDate(10, 0, 0))) {
		t.Errorf("partial note %q", s.partial.Text)
	}
}

func TestParseInputs(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]float64{"5": 0.05, "5,5": 0.055, "6.25 %": 0.0625, "-1": -0.01} {
		if got, err := parsePercentInput(in); err != nil || got < want-1e-12 || got > want+1e-12 {
			t.Errorf("parsePercentInput(%q) = %v, %v", in, got, err)
		}
	}
}
