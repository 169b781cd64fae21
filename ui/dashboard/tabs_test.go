package dashboard

import (
	"bytes"
	"image"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/internal/cardimage"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

func TestDashboard_BudiBalanceAsTheSandboxComputedIt(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)

	if data.Balance.Total <= 0 {
		t.Fatalf("sandbox balance = %d", data.Balance.Total)
	}
	want := i18n.FormatRupiah(data.Balance.Total)
	if d.summary.balance.Text != want {
		t.Errorf("summary balance = %q, want %q", d.summary.balance.Text, want)
	}
	if d.balance.total.Text != want {
		t.Errorf("balance tab total = %q, want %q", d.balance.total.Text, want)
	}
	if d.name.Text != "Budi Santoso" {
		t.Errorf("name = %q", d.name.Text)
	}
	if d.statusBadge.Text != "Aktif" {
		t.Errorf("status badge = %q", d.statusBadge.Text)
	}
	if want := "Diperbarui 16 November 2026 14.05 WIB"; d.updated.Text != want || !d.updated.Visible() {
		t.Errorf("updated = %q (visible %v), want %q", d.updated.Text, d.updated.Visible(), want)
	}
	if got := d.summary.employer.value.Text; got != "PT Nusantara Data Teknologi" {
		t.Errorf("employer = %q", got)
	}
	if got := d.summary.lastContribution.value.Text; got != "Oktober 2026 (dibayar sebelum batasnya, 16 November 2026; Periksa iuran memeriksa sampai September 2026)" {
		t.Errorf("last contribution = %q", got)
	}
	if got := len(d.summary.programs.Objects); got != len(data.Member.Programs) || got == 0 {
		t.Errorf("program rows = %d, want %d", got, len(data.Member.Programs))
	}
}

func TestDashboard_EachCardBalanceAndTheTotal(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)

	if len(data.Balance.Accounts) != 2 {
		t.Fatalf("Budi has %d balance accounts, want 2", len(data.Balance.Accounts))
	}
	if len(d.balance.accounts) != 2 {
		t.Fatalf("balance tab shows %d cards, want 2", len(d.balance.accounts))
	}
	var sum member.Rupiah
	for i, acc := range data.Balance.Accounts {
		v := d.balance.accounts[i]
		sum += acc.Total
		if v.total.Text != i18n.FormatRupiah(acc.Total) {
			t.Errorf("card %d total = %q, want %s", i, v.total.Text, i18n.FormatRupiah(acc.Total))
		}
		if v.employer.value.Text != i18n.FormatRupiah(acc.Employer) || v.worker.value.Text != i18n.FormatRupiah(acc.Worker) ||
			v.development.value.Text != i18n.FormatRupiah(acc.Development) {
			t.Errorf("card %d split = %q / %q / %q", i, v.employer.value.Text, v.worker.value.Text, v.development.value.Text)
		}
		if v.card.Title != acc.EmployerName {
			t.Errorf("card %d title = %q, want %q", i, v.card.Title, acc.EmployerName)
		}
		if v.card.Subtitle != "KPJ "+i18n.MaskKPJ(acc.KPJ) {
			t.Errorf("card %d subtitle = %q", i, v.card.Subtitle)
		}
	}
	if sum != data.Balance.Total {
		t.Errorf("cards sum to %d, total is %d", sum, data.Balance.Total)
	}
}

func TestDashboard_ContributionTotalsRowIsTheSumOfTheMonths(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	c := d.contributions

	if len(c.yearSelect.Options) != 16 || c.yearSelect.Selected != "2026" {
		t.Fatalf("years = %v, selected %q", c.yearSelect.Options, c.yearSelect.Selected)
	}
	// 2018 mixes both employers; 2026 runs to October.
	for _, year := range []string{"2026", "2018", "2011"} {
		c.yearSelect.SetSelected(year)
		y, _ := strconv.Atoi(year)
		months := data.Contributions[y].Months
		rows, cols := c.table.Length()
		if rows != len(months)+1 || cols != colCount {
			t.Fatalf("%s: table %d×%d, want %d×%d", year, rows, cols, len(months)+1, colCount)
		}
		var jht, jp, jkk, jkm, jkp, total, wage member.Rupiah
		for _, m := range months {
			wage += m.ReportedWage
			jht += m.JHT
			jp += m.JP
			jkk += m.JKK
			jkm += m.JKM
			jkp += m.JKP
			total += m.Total
		}
		last := len(months)
		for col, want := range map[int]member.Rupiah{colWage: wage, colJHT: jht, colJP: jp, colJKK: jkk, colJKM: jkm, colJKP: jkp, colTotal: total} {
			if got := c.cellText(last, col); got != i18n.FormatRupiah(want) {
				t.Errorf("%s totals column %d = %q, want %q", year, col, got, i18n.FormatRupiah(want))
			}
		}
		if got := c.cellText(last, colPeriod); got != "Total setahun" {
			t.Errorf("%s totals label = %q", year, got)
		}
		if got := c.cellText(0, colPeriod); got != i18n.FormatMonth(months[0].Period) {
			t.Errorf("%s first period = %q", year, got)
		}
	}
	if got := c.cellText(0, colPeriod); got != "November 2011" {
		t.Errorf("2011 starts at %q", got)
	}
}

func TestDashboard_SitiClaimTimeline(t *testing.T) {
	data := dashDemoMember(t, "siti@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	c := d.claims

	if len(data.Claims) != 1 || c.list.Length() != 1 {
		t.Fatalf("claims: data %d, list %d", len(data.Claims), c.list.Length())
	}
	if c.empty.Visible() {
		t.Error("empty-state sentence shown although Siti has a claim")
	}
	c.list.UnselectAll()
	c.list.Select(0)
	if !c.detail.Visible() {
		t.Fatal("selecting the claim did not show its details")
	}
	if c.id.value.Text != "KLM-2026-0048213" || c.status.Text != "Diproses" {
		t.Errorf("claim %q status %q", c.id.value.Text, c.status.Text)
	}
	if len(c.timeline.Objects) != 2 {
		t.Fatalf("timeline has %d steps, want 2", len(c.timeline.Objects))
	}
	texts := strings.Join(dashTexts(t, c.timeline), "\n")
	for _, want := range []string{"Diajukan", "28 Oktober 2026 09.14 WIB", "Pengajuan diterima melalui Lapak Asik",
		"Diproses", "2 November 2026 10.30 WIB", "kantor cabang Bandung"} {
		if !strings.Contains(texts, want) {
			t.Errorf("timeline lacks %q:\n%s", want, texts)
		}
	}
	if d.statusBadge.Text != "Nonaktif" {
		t.Errorf("Siti's badge = %q", d.statusBadge.Text)
	}
}

func TestDashboard_NoClaimsShowsTheEmptyState(t *testing.T) {
	data := dashDemoMember(t, "andi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	if !d.claims.empty.Visible() || d.claims.list.Visible() {
		t.Errorf("empty state visible %v, list visible %v", d.claims.empty.Visible(), d.claims.list.Visible())
	}
	if !strings.HasPrefix(d.claims.empty.Text, "Anda belum memiliki klaim") {
		t.Errorf("empty state = %q", d.claims.empty.Text)
	}
	if len(d.contributions.yearSelect.Options) != 1 {
		t.Errorf("Andi's years = %v", d.contributions.yearSelect.Options)
	}
}
func TestDashboard_CardWithQRAndPNG(t *testing.T) {
	data := dashDemoMember(t, "budi@contoh.id")
	d, w := newTestDashboard(t)
	d.SetData(data)
	d.tabs.Select(d.item("dashboard.tab.card"))
	c := d.card

	if len(data.Cards) != 2 || !c.pickerBox.Visible() || len(c.picker.Options) != 2 {
		t.Fatalf("cards %d, picker visible %v options %v", len(data.Cards), c.pickerBox.Visible(), c.picker.Options)
	}
	if !strings.HasPrefix(c.picker.Selected, "18012345678 ") || c.kpj.Text != "18012345678" || c.name.Text != "Budi Santoso" {
		t.Errorf("shown card: picker %q kpj %q name %q", c.picker.Selected, c.kpj.Text, c.name.Text)
	}
	if c.qr == nil || c.qr.Image == nil || c.qr.Image.Bounds().Dx() != 256 {
		t.Fatal("no 256 px QR image on the card")
	}
	for i, card := range data.Cards {
		if card.KPJ == "09011223344" {
			c.picker.SetSelectedIndex(i)
		}
	}
	if c.kpj.Text != "09011223344" {
		t.Errorf("after picking the closed card: %q", c.kpj.Text)
	}
	if c.saveButton.Disabled() {
		t.Error("Save disabled with a card shown")
	}
	// The PNG is drawn from the texts on screen in the theme's fonts.
	img, err := cardimage.Render(c.textOf(), cardFonts())
	if err != nil {
		t.Fatal(err)
	}
	want := image.Rect(0, 0, int(cardFaceSize.Width)*cardimage.Scale, int(cardFaceSize.Height)*cardimage.Scale)
	if img.Bounds() != want {
		t.Errorf("card image %v, want %v", img.Bounds(), want)
	}
	var buf bytes.Buffer
	if err := cardimage.WritePNG(nopCloser{&buf}, c.textOf(), cardFonts()); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&buf); err != nil {
		t.Errorf("saved card is not a PNG: %v", err)
	}
	_ = w
}

func TestDashboard_MarkupGoldens(t *testing.T) {
	budi := dashDemoMember(t, "budi@contoh.id")
	siti := dashDemoMember(t, "siti@contoh.id")
	for _, tc := range []struct {
		golden string
		data   memberdata.Data
		tab    func(d *Dashboard) *container.TabItem
	}{
		{"summary.xml", budi, func(d *Dashboard) *container.TabItem { return d.item("dashboard.tab.summary") }},
		{"balance.xml", budi, func(d *Dashboard) *container.TabItem { return d.item("dashboard.tab.balance") }},
		{"contributions.xml", budi, func(d *Dashboard) *container.TabItem { return d.item("dashboard.tab.contributions") }},
		{"claims.xml", siti, func(d *Dashboard) *container.TabItem { return d.item("dashboard.tab.claims") }},
		{"offline.xml", dashOffline(budi), func(d *Dashboard) *container.TabItem { return d.item("dashboard.tab.summary") }},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			atClock(t, sandboxToday) // the claim past its payout time counts working days
			d, w := newTestDashboard(t)
			test.ApplyTheme(t, widgets.WithAppSizes(test.Theme()))
			d.SetData(tc.data)
			d.tabs.Select(tc.tab(d))
			test.AssertRendersToMarkup(t, tc.golden, w.Canvas())
		})
	}
}

// The table is the tabs on screen: each title a translation in both
// languages, no title twice, and a tab found by its title is its own.
func TestTabTable_IsTheTabsOnScreen(t *testing.T) {
	d, _ := newTestDashboard(t)
	if len(d.tabs.Items) != len(tabTable) {
		t.Fatalf("%d tabs on the bar, %d in the table", len(d.tabs.Items), len(tabTable))
	}
	seen := map[string]bool{}
	for i, e := range tabTable {
		if seen[e.title] {
			t.Errorf("title %q twice", e.title)
		}
		seen[e.title] = true
		if d.item(e.title) != d.tabs.Items[i] {
			t.Errorf("%q is not the bar's item %d", e.title, i)
		}
		for _, code := range []string{"id", "en"} {
			if err := i18n.SetLanguage(code); err != nil {
				t.Fatal(err)
			}
			d.translate()
			if text := d.tabs.Items[i].Text; text == "" || text == e.title {
				t.Errorf("%s: tab %d titled %q", code, i, text)
			}
			if e.title == "rights.tab" && d.tabs.Items[i].Text != map[string]string{"id": "Hak saya", "en": "My rights"}[code] {
				t.Errorf("%s: Hak saya titled %q", code, d.tabs.Items[i].Text)
			}
		}
	}
	if d.item("no.such.tab") != nil {
		t.Error("a title not in the table found an item")
	}
}
