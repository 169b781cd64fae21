package dashboard

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// atClock fixes the dashboard's today for one test.
func atClock(t *testing.T, now time.Time) {
	t.Helper()
	old := clock
	clock = func() time.Time { return now }
	t.Cleanup(func() { clock = old })
}

// openAll opens every accordion under o, so their texts are visible.
func openAll(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *widget.Accordion:
		v.OpenAll()
		for _, it := range v.Items {
			openAll(it.Detail)
		}
	case *widget.Card:
		openAll(v.Content)
	case *fyne.Container:
		for _, c := range v.Objects {
			openAll(c)
		}
	}
}

func rightsText(t *testing.T, d *Dashboard) string {
	t.Helper()
	d.tabs.Select(d.item("rights.tab"))
	openAll(d.rights.body)
	return strings.Join(dashTexts(t, d.rights.body), "\n")
}

// The sandbox's reference day, a Monday.
var sandboxToday = time.Date(2026, time.November, 16, 9, 0, 0, 0, time.UTC)

func TestRights_SitiClaimInProcessLapakAsikAndNoJKPAfterResigning(t *testing.T) {
	atClock(t, sandboxToday)
	data := dashDemoMember(t, "siti@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	d.tabs.Select(d.item("rights.tab")) // built when first shown
	a := d.rights.assessment
	if len(a.Cards) != 1 {
		t.Fatalf("cards %+v", a.Cards)
	}
	c := a.Cards[0]
	if ch := c.Checks[0]; ch.Reason != claimrules.Resignation || ch.State != claimrules.InProcess || ch.Claim.ID != "KLM-2026-0048213" {
		t.Errorf("resignation %+v", ch)
	}
	// Her balance is above the JMO limit: Lapak Asik or a branch, five days.
	if c.Balance <= claimrules.JMOLimit || c.Channels[0] != claimrules.LapakAsik || c.Payout.MaxDays != 5 {
		t.Errorf("balance %d channels %v payout %+v", c.Balance, c.Channels, c.Payout)
	}
	text := rightsText(t, d)
	if strings.Contains(text, "Terkena PHK: sedang diproses") {
		t.Error("every reason repeats the claim in process")
	}
	for _, want := range []string{
		"di atas Rp 15.000.000, batas JMO sejak Mei 2025", "Lapak Asik", "paling lama 5 hari kerja",
		"Klaim KLM-2026-0048213 (Diproses) sedang berjalan", "Klaim ini melewati waktu pencairannya (paling lambat 9 November 2026; sudah 10 hari kerja)",
		"Dasar: Permenaker 4/2022 Pasal 8–9", "(sumber sekunder; pastikan ke BPJS Ketenagakerjaan)",
		"Masa iur JP: 76 bulan", "Kurang 104 bulan", "Usia pensiun Anda: 65 tahun, pada 12 Maret 2055",
		"JP tidak dibayarkan saat Anda mengundurkan diri",
		"mengundurkan diri tidak memberi JKP", "sudah lewat pada 30 November 2025",
		"Terbuka setelah 10 tahun kepesertaan, mulai 1 Februari 2029", "kepesertaan Anda nonaktif",
		"Dasar: PP 46/2015 Pasal 22",
		"Anda hanya punya satu kartu",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Hak saya lacks %q", want)
		}
	}
	// Her JKP deadline (31 May 2025 + 6 months) is said before the
	// conditions met and the amount, so they are not read as a claim open.
	passed, met := strings.Index(text, "sudah lewat pada 30 November 2025"), strings.Index(text, "Syarat iuran terpenuhi")
	if passed < 0 || met < 0 || passed > met {
		t.Errorf("the passed JKP deadline (at %d) does not come before the conditions met (at %d)", passed, met)
	}
	if strings.Contains(text, "Ajukan paling lambat") {
		t.Error("a passed JKP deadline is also offered as open")
	}
}

func TestRights_BudiMergeWorkingAgainPartialAndJKP(t *testing.T) {
	atClock(t, sandboxToday)
	data := dashDemoMember(t, "budi@contoh.id")
	d, _ := newTestDashboard(t)
	d.SetData(data)
	d.tabs.Select(d.item("rights.tab")) // built when first shown
	a := d.rights.assessment
	m := a.Merge
	if !m.Needed || m.Keep != "09011223344" || m.Active != "18012345678" || int64(data.Balance.Total) != m.Total {
		t.Fatalf("merge %+v", m)
	}
	for _, c := range a.Cards {
		want := claimrules.CardActive
		if !c.Active {
			want = claimrules.WorkingAgain
		}
		if ch := c.Checks[0]; ch.State != claimrules.Blocked || ch.Blockers[0] != want {
			t.Errorf("card %s resignation %+v", c.KPJ, ch)
		}
	}
	if a.Partial.State != claimrules.Ready || a.Partial.Years != 15 {
		t.Errorf("partial %+v", a.Partial)
	}
	if j := d.rights.jkp; !j.Eligible || j.Monthly != 3_000_000 || j.Total != 18_000_000 {
		t.Errorf("JKP %+v", j)
	}
	// JP since July 2015: 136 months up to October 2026.
	if e := d.rights.pension; e.Months != 136 || !e.Contributing || e.MonthsAtPension < 180 || e.AtPensionClamped == 0 {
		t.Errorf("pension %+v", e)
	}
	text := rightsText(t, d)
	last := m.History[len(m.History)-1]
	for _, want := range []string{
		"Anda punya 2 kartu (KPJ)", "Kartu yang dipertahankan: KPJ •••••••3344",
		"Sumber berbeda: beberapa panduan pihak ketiga menyebut kartu yang masih aktif (KPJ •••••••5678)",
		"pastikan nomor kartu adalah KPJ •••••••3344", rupiah(m.Total) + " seluruhnya",
		"Saldo gabungan per tahun", rupiah(last.Closing),
		"Anda bekerja lagi (kartu lain aktif)", "Kartu ini masih aktif",
		"60% × Rp 5.000.000 = Rp 3.000.000 per bulan selama 6 bulan, Rp 18.000.000 seluruhnya",
		"Jika Anda terkena PHK sekarang (iuran terakhir yang tercatat: Oktober 2026)", "Pasal 21 ayat (1) dan (4) menurut Kompas",
		"Masa iur JP: 136 bulan", "Usia pensiun Anda: 65 tahun, pada 17 Agustus 2050",
		"Kepesertaan Anda 15 tahun dan belum pernah mencairkan sebagian",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Hak saya lacks %q", want)
		}
	}
	if last.Closing != int64(data.Balance.Total) {
		t.Errorf("the combined history ends at %d, the balance is %d", last.Closing, data.Balance.Total)
	}
}

func TestRights_BothLanguagesShowNoKeys(t *testing.T) {
	atClock(t, sandboxToday)
	for _, email := range []string{"budi@contoh.id", "siti@contoh.id", "andi@contoh.id"} {
		data := dashDemoMember(t, email)
		for _, code := range []string{"id", "en"} {
			d, _ := newTestDashboard(t)
			if err := i18n.SetLanguage(code); err != nil {
				t.Fatal(err)
			}
			d.SetData(data)
			text := rightsText(t, d)
			for _, line := range strings.Split(text, "\n") {
				if strings.Contains(line, "rights.") || strings.Contains(line, "dash.") || strings.Contains(line, "{{") {
					t.Errorf("%s in %s shows an untranslated text: %q", email, code, line)
				}
			}
			if code == "en" && !strings.Contains(text, "Basis: PP 46/2015 Pasal 22") {
				t.Errorf("%s: English citation missing", email)
			}
			if d.item("rights.tab").Text != map[string]string{"id": "Hak saya", "en": "My rights"}[code] {
				t.Errorf("tab title %q", d.item("rights.tab").Text)
			}
		}
	}
}

func TestClaims_SitiClaimPastPayoutTimeIsFlagged(t *testing.T) {
	data := dashDemoMember(t, "siti@contoh.id")
	d, _ := newTestDashboard(t)

	// Taken up on Monday 2 November: five working days end on Monday 9.
	atClock(t, time.Date(2026, time.November, 9, 15, 0, 0, 0, time.UTC))
	d.SetData(data)
	d.claims.list.Select(0)
	if d.claims.lateBox.Visible() {
		t.Fatalf("flagged on the last day of the payout time: %q", d.claims.late.Text)
	}

	atClock(t, sandboxToday)
	d.SetData(data)
	d.claims.list.UnselectAll()
	d.claims.list.Select(0)
	if !d.claims.lateBox.Visible() {
		t.Fatal("a claim 10 working days in process is not flagged")
	}
	for _, want := range []string{"melewati waktu pencairan", "2 November 2026", "paling lama 5 hari kerja, yaitu sampai 9 November 2026",
		"Sudah 10 hari kerja", "layanan 175", "KLM-2026-0048213", "pengaduan di JMO", "sumber sekunder"} {
		if !strings.Contains(d.claims.late.Text, want) {
			t.Errorf("the flag lacks %q:\n%s", want, d.claims.late.Text)
		}
	}
	d.tabs.Select(d.item("dash.tab.claims"))
	if !uitest.Contains(d.Content(), "Diproses · terlambat") {
		t.Errorf("the list does not mark the claim late:\n%s", strings.Join(uitest.Texts(d.Content()), "|"))
	}
	d.Clear()
	if d.claims.lateBox.Visible() || d.claims.late.Text != "" {
		t.Error("Clear left the flag")
	}
}
