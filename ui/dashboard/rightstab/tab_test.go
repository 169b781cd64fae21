package rightstab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/member"
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/fixtures"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

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

func rightsText(t *testing.T, r *Tab) string {
	t.Helper()
	openAll(r.body)
	return strings.Join(fixtures.Texts(t, r.body), "\n")
}

// newTestTab is Hak saya alone in a test app, in Indonesian, with KPJs
// masked as the dashboard shows them at first.
func newTestTab(t *testing.T) *Tab {
	t.Helper()
	fixtures.StartUI(t)
	r := New(i18n.MaskKPJ)
	w := test.NewWindow(r.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1000, 720))
	return r
}

func TestRights_SitiClaimInProcessLapakAsikAndNoJKPAfterResigning(t *testing.T) {
	fixtures.AtClock(t, fixtures.Today)
	data := fixtures.Member(t, "siti@contoh.id")
	r := newTestTab(t)
	r.SetData(data)
	a := r.assessment
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
	text := rightsText(t, r)
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
	fixtures.AtClock(t, fixtures.Today)
	data := fixtures.Member(t, "budi@contoh.id")
	r := newTestTab(t)
	r.SetData(data)
	a := r.assessment
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
	if j := r.jkp; !j.Eligible || j.Monthly != 3_000_000 || j.Total != 18_000_000 {
		t.Errorf("JKP %+v", j)
	}
	// JP since July 2015: 136 months up to October 2026.
	if e := r.pension; e.Months != 136 || !e.Contributing || e.MonthsAtPension < 180 || e.AtPensionClamped == 0 {
		t.Errorf("pension %+v", e)
	}
	text := rightsText(t, r)
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
		// The tax on each card alone and on both together (PP 68/2009).
		"jika tiap kartu dihitung sendiri", rupiah(claimrules.LumpSumTax(m.Total)) + " jika seluruh " + rupiah(m.Total) + " dijumlahkan",
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
	fixtures.AtClock(t, fixtures.Today)
	for _, email := range []string{"budi@contoh.id", "siti@contoh.id", "andi@contoh.id", "eko@contoh.id"} {
		data := fixtures.Member(t, email)
		for _, code := range []string{"id", "en"} {
			r := newTestTab(t)
			if err := i18n.SetLanguage(code); err != nil {
				t.Fatal(err)
			}
			r.SetData(data)
			text := rightsText(t, r)
			for _, line := range strings.Split(text, "\n") {
				if strings.Contains(line, "rights.") || strings.Contains(line, "dashboard.") || strings.Contains(line, "{{") {
					t.Errorf("%s in %s shows an untranslated text: %q", email, code, line)
				}
			}
			if code == "en" && !strings.Contains(text, "Basis: PP 46/2015 Article 22") {
				t.Errorf("%s: English citation missing", email)
			}
		}
	}
}

func TestRights_RudiJKPCountsTheMonthsHisEmployerOwes(t *testing.T) {
	fixtures.AtClock(t, fixtures.Today)
	data := fixtures.Member(t, "rudi@contoh.id")
	r := newTestTab(t)
	r.SetData(data)
	j := r.jkp
	// On 16 November 2026 at 16.00 WIB October's deadline (Monday the
	// 16th) has not ended: the PHK month is October. June 2026 was never
	// paid and nothing since August: June and September are owed, one in
	// a row at most, so BPJS Ketenagakerjaan pays (PP 6/2025 Pasal 39
	// ayat 1), and the months in a row run from January 2022 to September
	// 2026: 57.
	if len(j.Arrears) != 2 || j.ArrearsRun != 1 || j.Consecutive != 57 || j.PaidIn24 != 24 || !j.Eligible {
		t.Fatalf("JKP %+v", j)
	}
	text := rightsText(t, r)
	for _, want := range []string{
		"Periksa iuran menemukan bulan yang tidak dibayar pemberi kerja Anda: Juni 2026, September 2026",
		"BPJS Ketenagakerjaan wajib membayar manfaat uang tunai JKP kepada Anda", "Dasar: PP 6/2025 Pasal 39",
		"Syarat iuran terpenuhi.",
		// JP bounds for 2026: 2023's published 383.400 / 4.598.100 raised
		// by 2,61%, 1,57% and 2,92%, rounded up to Rp100.
		"paling sedikit Rp 411.400, paling banyak Rp 4.932.300", "dibulatkan ke atas ke Rp100",
		"BPJS Ketenagakerjaan, manfaat pensiun minimum dan maksimum 2023 (diberitakan Kontan)",
		"PMK 168/2023",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Hak saya lacks %q", want)
		}
	}
	if strings.Contains(text, "Syarat iuran belum terpenuhi") || strings.Contains(text, "tidak menemukan sumber") {
		t.Error("Rudi is told the conditions are not met, or the JP bounds have no source")
	}
	if err := i18n.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	r.SetData(data)
	text = rightsText(t, r)
	for _, want := range []string{"Periksa iuran found months your employer did not pay: June 2026, September 2026",
		"BPJS Ketenagakerjaan must pay you the JKP cash benefit", "Basis: PP 6/2025 Article 39",
		"Sources differ on the article: Kompas, Tirto and Pintoe give Pasal 21 ayat (1) and (4)"} {
		if !strings.Contains(text, want) {
			t.Errorf("Hak saya (English) lacks %q", want)
		}
	}
}

func TestRights_EkoLaidOffMidMonthNowSelfEmployed(t *testing.T) {
	fixtures.AtClock(t, fixtures.Today)
	data := fixtures.Member(t, "eko@contoh.id")
	r := newTestTab(t)
	r.SetData(data)
	j := r.jkp
	// Laid off on 14 August 2026, August unpaid (PP 6/2025 Pasal 19: not
	// needed); months in a row from February 2021 (JKP's start) to July
	// 2026: 11 + 4 × 12 + 7 = 66. Last wage 3.159.000: 60% = 1.895.400 ×
	// 6 = 11.372.400; claim by 14 February 2027.
	if j.Hypothetical || !j.SelfPaidNow || j.Consecutive != 66 || j.PaidIn24 != 24 || !j.Eligible ||
		j.Monthly != 1_895_400 || j.Total != 11_372_400 || j.ClaimBy.Format("2006-01-02") != "2027-02-14" || len(j.Arrears) != 0 {
		t.Fatalf("JKP %+v", j)
	}
	if e := r.pension; e.NotInJP != "BPU" || e.Contributing {
		t.Errorf("JP %+v", e)
	}
	text := rightsText(t, r)
	for _, want := range []string{
		"Kini Anda membayar iuran sendiri sebagai peserta bukan penerima upah (BPU)",
		"Kartu terakhir Anda nonaktif sejak 14 Agustus 2026", "Ajukan paling lambat 14 Februari 2027",
		"60% × Rp 3.159.000 = Rp 1.895.400 per bulan",
		"tidak bisa ikut Jaminan Pensiun", "PP 45/2015 (peserta JP: pekerja penerima upah)",
		"Program: JHT ✓, JKK ✓, JKM ✓, JP ✓", "Setiap tahun yang diperlukan ada di aplikasi",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Hak saya lacks %q", want)
		}
	}
	// Without the employer's card he is self-employed only: no JKP.
	var own []member.KPJCard
	for _, c := range data.Member.Cards {
		if c.Closed.IsZero() {
			own = append(own, c)
		}
	}
	data.Member.Cards = own
	r.SetData(data)
	if r.jkp.Coverage != jkp.NotBPU || r.jkp.Eligible {
		t.Errorf("BPU only: %+v", r.jkp)
	}
	if a := answerTexts(t, r); !strings.Contains(a[2], "Tidak: peserta bukan penerima upah (BPU)") {
		t.Errorf("JKP answer %q", a[2])
	}
	if text := rightsText(t, r); !strings.Contains(text, "peserta BPU tidak ikut JKP") {
		t.Error("the JKP section does not say a BPU member is not in JKP")
	}
}
