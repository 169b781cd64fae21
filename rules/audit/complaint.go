package audit

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// The complaint text: a letter the member can send to the employer's HR,
// BPJS Ketenagakerjaan or the labour inspector, in Indonesian or English,
// listing each finding with its months, amounts and rule. It is built here,
// Fyne-free, in both languages at once (the member may need the other
// language than the app's), like the statement package's documents.

// Letter is who the complaint is from.
type Letter struct {
	Name     string
	KPJ      string // the card concerned (or the member's main card)
	Employer string
	Date     time.Time
	// Gap, when the member entered a payslip wage, adds the wage
	// comparison.
	Gap *Gap
	// More are findings other rules made (rules/payslip's, from the
	// member's payslips), already worded in the letter's language: they
	// follow the audit's, numbered with them.
	More []LetterItem
}

// LetterItem is one finding of another rule, worded for the letter.
type LetterItem struct {
	Text  string // in the first person: "My payslips show ..."
	Basis string // its citation, in the letter's language
}

// FormatMonths writes a list of months with consecutive runs joined:
// "Maret–Mei 2026, Agustus 2026", "Desember 2025–Februari 2026".
func FormatMonths(l member.Lang, months []time.Time) string {
	var parts []string
	for i := 0; i < len(months); {
		j := i
		for j+1 < len(months) && member.MonthIndex(months[j+1]) == member.MonthIndex(months[j])+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, member.FormatMonth(l, months[i]))
		case months[i].Year() == months[j].Year():
			parts = append(parts, member.MonthName(l, months[i].Month())+"–"+member.FormatMonth(l, months[j]))
		default:
			parts = append(parts, member.FormatMonth(l, months[i])+"–"+member.FormatMonth(l, months[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// rupiah writes "Rp 1.234.567" in both languages, the app's format.
func rupiah(n int64) string { return member.Rupiah(n).Format() }

// monthCount writes "3 bulan", "1 month", "3 months".
func monthCount(l member.Lang, n int) string {
	switch {
	case l == member.ID:
		return strconv.Itoa(n) + " bulan"
	case n == 1:
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

// citeEN are the words of an Indonesian citation in English.
var citeEN = strings.NewReplacer(
	"UU ", "Law ", "Pasal ", "Article ", " ayat ", "", " dan ", " and ", "jo. ", "as amended by ",
	"(batas bayar dan denda)", "(deadline and fine)", "(berlaku 1 Juli 2015)", "(in force from 1 July 2015)",
)

// Cite writes a citation in a language: as the regulation has it in
// Indonesian, with "Article" for "Pasal" (and so on) in English.
func Cite(l member.Lang, cite string) string {
	if l == member.EN {
		return citeEN.Replace(cite)
	}
	return cite
}

type phrases struct {
	subject, greeting, intro, request, evidence, closing string
	missing, lagging, late, lateLine, holiday, noJP      string
	wageFlat, wageDrop, gap, gapCost                     string
	source, unconfirmed                                  string
}

var text = map[member.Lang]phrases{
	member.ID: {
		subject:  "Perihal: Permohonan pemeriksaan iuran BPJS Ketenagakerjaan",
		greeting: "Dengan hormat,",
		intro:    "Saya, %s, peserta BPJS Ketenagakerjaan dengan nomor KPJ %s, pekerja di %s, menemukan hal-hal berikut pada riwayat iuran saya:",
		request: "Saya mohon iuran yang belum dibayar beserta dendanya dilunasi, upah yang dilaporkan disesuaikan dengan upah saya yang sebenarnya, " +
			"dan saya diberi bukti pembayarannya. Kewajiban pemberi kerja untuk memungut dan menyetor iuran diatur dalam UU 24/2011 Pasal 19; pelanggarannya diancam pidana menurut Pasal 55.",
		evidence:    "Sebagai bukti saya lampirkan rincian iuran saya (PDF/CSV) dari aplikasi Cek BPJSTK.",
		closing:     "Hormat saya,",
		missing:     "Tidak ada iuran untuk %s, padahal kepesertaan saya aktif (%s; perkiraan JHT dan JP yang tidak masuk: %s, termasuk potongan upah saya %s).",
		lagging:     "Iuran terakhir yang tercatat adalah untuk %s; iuran %s sudah lewat batas bayarnya dan belum tercatat (%s; perkiraan JHT dan JP: %s).",
		late:        "Iuran %s dibayar melewati batas tanggal 15 bulan berikutnya. Denda keterlambatan (2%% per bulan, ditanggung pemberi kerja, tidak boleh dipotong dari upah) diperkirakan %s:",
		lateLine:    "  - %s: batas %s, dibayar %s (%d hari terlambat), denda %s",
		holiday:     " (mungkin tepat waktu bila tanggal 15 hari libur)",
		noJP:        "Iuran JHT dibayar tanpa iuran Jaminan Pensiun untuk %s (%s). Bila perusahaan berskala menengah atau besar, JP wajib: iuran JP yang tidak dibayar sekitar %s, termasuk potongan upah saya %s.",
		wageFlat:    "Upah yang dilaporkan tetap %s selama %s (%s), sedangkan perubahan upah wajib dilaporkan paling lama 7 hari kerja (PP 44/2015 Pasal 9 ayat (3)).",
		wageDrop:    "Upah yang dilaporkan turun dari %s menjadi %s pada %s.",
		gap:         "Upah pada slip gaji saya %s, sedangkan yang dilaporkan %s (selisih %s per bulan pada bulan terakhir; %s dengan selisih sejak %s).",
		gapCost:     "Akibatnya JHT saya kurang %s, iuran JP kurang %s, dan potongan upah saya yang tidak sampai ke BPJS sekitar %s.",
		source:      "Dasar: %s.",
		unconfirmed: " (belum terkonfirmasi)",
	},
	member.EN: {
		subject:  "Subject: Request to examine my BPJS Ketenagakerjaan contributions",
		greeting: "Dear Sir or Madam,",
		intro:    "I, %s, a BPJS Ketenagakerjaan member with KPJ number %s, employed by %s, found the following in my contribution history:",
		request: "I ask that the unpaid contributions and their fines be paid, that the reported wage be corrected to my real wage, " +
			"and that I be given proof of payment. The employer's duty to collect and pay contributions is set by Law 24/2011 Article 19; breaking it carries the criminal sanction of Article 55.",
		evidence:    "As evidence I attach my contribution statement (PDF/CSV) from the Cek BPJSTK app.",
		closing:     "Yours faithfully,",
		missing:     "No contribution was paid for %s although my membership was active (%s; estimated JHT and JP not credited: %s, including %s deducted from my wage).",
		lagging:     "The last contribution recorded is for %s; the contributions for %s are past their deadline and not recorded (%s; estimated JHT and JP: %s).",
		late:        "The contributions for %s were paid after the deadline of the 15th of the next month. The late fine (2%% a month, borne by the employer, never to be deducted from wages) is about %s:",
		lateLine:    "  - %s: due %s, paid %s (%d days late), fine %s",
		holiday:     " (may be on time if the 15th was a public holiday)",
		noJP:        "JHT was paid without Pension (JP) contributions for %s (%s). If the company is a medium or large business, JP is compulsory: the unpaid JP is about %s, including %s deducted from my wage.",
		wageFlat:    "The reported wage stayed at %s for %s (%s), while a change of wage must be reported within 7 working days (PP 44/2015 Article 9(3)).",
		wageDrop:    "The reported wage fell from %s to %s in %s.",
		gap:         "The wage on my payslip is %s, while %s was reported (a gap of %s a month in the latest month; %s with a gap since %s).",
		gapCost:     "As a result my JHT is short by %s, JP contributions by %s, and about %s deducted from my wage did not reach BPJS.",
		source:      "Basis: %s.",
		unconfirmed: " (unconfirmed)",
	},
}

// Complaint writes the complaint in one language from the audit's
// findings (and the wage comparison, when the letter has one).
func Complaint(l member.Lang, letter Letter, findings []Finding) string {
	t := text[l]
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s", t.subject)
	line("")
	line("%s", t.greeting)
	line("")
	line(t.intro, letter.Name, letter.KPJ, letter.Employer)
	line("")
	n := 0
	item := func(format string, args ...any) {
		n++
		fmt.Fprintf(&b, "%d. "+format+"\n", append([]any{n}, args...)...)
	}
	for _, f := range findings {
		switch f.Kind {
		case KindMissing:
			item(t.missing, FormatMonths(l, f.Months), monthCount(l, len(f.Months)), rupiah(f.Amount), rupiah(f.WorkerShare))
		case KindLagging:
			item(t.lagging, member.FormatMonth(l, f.Months[0].AddDate(0, -1, 0)), FormatMonths(l, f.Months), monthCount(l, len(f.Months)), rupiah(f.Amount))
		case KindLate:
			item(t.late, FormatMonths(l, f.Months), rupiah(f.Amount))
			for _, m := range f.Late {
				s := fmt.Sprintf(t.lateLine, member.FormatMonth(l, m.Month), member.FormatDate(l, m.Deadline), member.FormatDate(l, m.Paid), m.DaysLate, rupiah(m.Fine))
				if m.MaybeHoliday {
					s += t.holiday
				}
				line("%s", s)
			}
		case KindNoJP:
			item(t.noJP, FormatMonths(l, f.Months), monthCount(l, len(f.Months)), rupiah(f.Amount), rupiah(f.WorkerShare))
		case KindWageFlat:
			count := member.MonthIndex(f.Months[1]) - member.MonthIndex(f.Months[0]) + 1
			item(t.wageFlat, rupiah(f.Wage), monthCount(l, count), member.FormatMonth(l, f.Months[0])+"–"+member.FormatMonth(l, f.Months[1]))
		case KindWageDrop:
			item(t.wageDrop, rupiah(f.PrevWage), rupiah(f.Wage), member.FormatMonth(l, f.Months[0]))
		default:
			continue
		}
		src := Cite(l, f.Cite)
		if f.Source == SourceUnconfirmed {
			src += t.unconfirmed
		}
		line("   "+t.source, src)
	}
	if g := letter.Gap; g != nil && g.MonthsUnder > 0 {
		last := g.Months[len(g.Months)-1]
		var since time.Time
		for _, m := range g.Months {
			if m.Gap > 0 {
				since = m.Month
				break
			}
		}
		item(t.gap, rupiah(last.Payslip), rupiah(last.Reported), rupiah(last.Gap), monthCount(l, g.MonthsUnder), member.FormatMonth(l, since))
		line("   "+t.gapCost, rupiah(g.JHT), rupiah(g.JP), rupiah(g.WorkerDeducted))
		line("   "+t.source, Cite(l, CiteWage))
	}
	for _, m := range letter.More {
		item("%s", m.Text)
		line("   "+t.source, m.Basis)
	}
	line("")
	line("%s", t.request)
	line("")
	line("%s", t.evidence)
	line("")
	line("%s", t.closing)
	line("%s", letter.Name)
	line("KPJ %s", letter.KPJ)
	line("%s", member.FormatDate(l, letter.Date))
	return b.String()
}
