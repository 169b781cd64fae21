package payslip

import (
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/rules/rates"
)

// Tolerances for rupiah rounding. Every share is a percentage of a wage;
// the rates package rounds half up (rates.Pct), a payroll may round down
// or up, and a statement prints cents the reader rounds to whole rupiah.
// Any of these lands within one rupiah of the exact product, so:
const (
	// ShareTolerance: a credited share (or a deduction) within Rp1 of its
	// rate is right.
	ShareTolerance int64 = 1
	// A1TolerancePerMonth: the yearly 1721-A1 sum may differ from the
	// months it adds by Rp1 a month and share (JHT and JP) of the year.
	A1TolerancePerMonth int64 = 2
)

// Rule is the rule a finding was checked against, in both languages, and
// where it is written.
type Rule struct {
	id, en string
	// Cite names the regulation and article as written in Indonesian;
	// CiteEN in English.
	Cite, CiteEN string
	// Secondary: the article numbers were read in a secondary source (a
	// BPJSTK branch's letter or the press quoting it), not in the
	// regulation's text; the screen says so.
	Secondary bool
}

// Text is the rule in a language (Indonesian for any language but
// English).
func (r Rule) Text(l member.Lang) string {
	if l == member.EN {
		return r.en
	}
	return r.id
}

// Citation is where the rule is written, in a language, with the mark of
// a secondary source.
func (r Rule) Citation(l member.Lang) string {
	switch {
	case l == member.EN && r.Secondary:
		return r.CiteEN + " (secondary source; article numbers not checked in the official text)"
	case l == member.EN:
		return r.CiteEN
	case r.Secondary:
		return r.Cite + " (sumber sekunder; nomor pasal belum dicek pada teks resmi)"
	}
	return r.Cite
}

// The rules. UU 24/2011 Pasal 19 (1)–(2): the employer collects the
// worker's share from the wage and pays it with its own to BPJS; Pasal 55:
// breaking Pasal 19 (1) or (2) carries up to 8 years in prison or a fine of
// up to Rp1 miliar (audit.CiteDuty, read in the text).
var (
	RuleNotDeposited = Rule{
		id: "Pemberi kerja wajib menyetor ke BPJS Ketenagakerjaan iuran yang dipotong dari upah pekerja (2% JHT, 1% JP) bersama iurannya sendiri. " +
			"Memotong tanpa menyetor diancam pidana penjara paling lama 8 tahun atau denda paling banyak Rp1 miliar.",
		en: "The employer must pay to BPJS Ketenagakerjaan the contributions it deducts from the worker's wage (2% JHT, 1% JP) together with its own. " +
			"Deducting without paying carries up to 8 years in prison or a fine of up to Rp1 billion.",
		Cite:   audit.CiteDuty,
		CiteEN: "Law 24/2011 Article 19(1)–(2) and Article 55",
	}
	// Shares: PP 46/2015 Pasal 16 (JHT 5.7%: 3.7% employer, 2% worker);
	// PP 45/2015 Pasal 28 (JP 3%: 2% employer, 1% worker) and Pasal 29
	// (the wage cap).
	RuleWrongShare = Rule{
		id: "Iuran JHT 5,7% dari upah yang dilaporkan (3,7% pemberi kerja, 2% pekerja); iuran JP 3% dari upah sampai batas upah JP tahun itu (2% pemberi kerja, 1% pekerja). " +
			"Selisih pembulatan sampai Rp1 per bagian tidak dihitung.",
		en: "JHT is 5.7% of the reported wage (3.7% employer, 2% worker); JP is 3% of the wage up to that year's JP wage cap (2% employer, 1% worker). " +
			"Rounding differences of up to Rp1 a share are not counted.",
		Cite:   rates.CiteJHT + "; " + rates.CiteJP + " dan Pasal 29",
		CiteEN: "PP 46/2015 Article 16; PP 45/2015 Articles 28 and 29",
	}
	RuleJPAboveCap = Rule{
		id:     "Potongan JP pekerja paling banyak 1% dari upah, dan upah di atas batas upah JP tahun itu tidak dihitung.",
		en:     "The worker's JP deduction is at most 1% of the wage, and wage above that year's JP wage cap does not count.",
		Cite:   rates.CiteJP + " dan Pasal 29",
		CiteEN: "PP 45/2015 Articles 28 and 29",
	}
	// JKK and JKM are the employer's alone: UU 40/2004 (SJSN) Pasal 34
	// ayat (1) and Pasal 46 ayat (1), and PP 44/2015, whose rates (Pasal
	// 16 and 18) charge the worker nothing. We did not read these article
	// numbers in the official text.
	RuleEmployerShare = Rule{
		id:        "Iuran JKK dan JKM sepenuhnya dibayar pemberi kerja dan tidak boleh dipotong dari upah pekerja; potongan itu harus dikembalikan.",
		en:        "JKK and JKM contributions are paid wholly by the employer and may not be deducted from the worker's wage; such a deduction must be refunded.",
		Cite:      "UU 40/2004 Pasal 34 ayat (1) dan Pasal 46 ayat (1); PP 44/2015 Pasal 16 dan 18",
		CiteEN:    "Law 40/2004 Article 34(1) and Article 46(1); PP 44/2015 Articles 16 and 18",
		Secondary: true,
	}
	// The wage base: "upah sebulan" is the basic wage plus fixed
	// allowances (PP 44/2015 Pasal 19, PP 46/2015 Pasal 17), as a BPJSTK
	// branch's letter to employers (B/11003/112020, 9 November 2020)
	// quotes them; the duty to report the real wage and its changes is
	// audit.CiteWage.
	RuleWageUnder = Rule{
		id: "Iuran dihitung dari upah sebulan, yaitu upah pokok ditambah tunjangan tetap; pemberi kerja wajib melaporkan upah yang sebenarnya dan setiap perubahannya. " +
			"Upah yang dilaporkan lebih rendah membuat JHT, JP dan JKP Anda lebih kecil.",
		en: "Contributions are computed on the monthly wage, the basic wage plus fixed allowances; the employer must report the real wage and every change to it. " +
			"A lower reported wage makes your JHT, JP and JKP smaller.",
		Cite:      "PP 44/2015 Pasal 19; PP 46/2015 Pasal 17; " + audit.CiteWage,
		CiteEN:    "PP 44/2015 Article 19; PP 46/2015 Article 17; PP 44/2015 Article 9(3); Law 24/2011 Article 15(2); PP 86/2013 Article 5",
		Secondary: true,
	}
	// The deadline and the fine are the audit's (audit.CiteDeadline, read
	// in BPJSTK's summary as quoted by the press).
	RuleLateDeposit = Rule{
		id: "Iuran sebulan, termasuk yang dipotong dari upah, wajib disetor paling lambat tanggal 15 bulan berikutnya. " +
			"Keterlambatan dikenai denda 2% per bulan yang ditanggung pemberi kerja dan tidak boleh dipotong dari upah.",
		en: "A month's contributions, including what was deducted from the wage, must be paid by the 15th of the next month. " +
			"Paying late costs a fine of 2% a month, borne by the employer and never deducted from the wage.",
		Cite:      audit.CiteDeadline,
		CiteEN:    "PP 44/2015, PP 45/2015, PP 46/2015 (deadline and fine)",
		Secondary: true,
	}
	RuleMissing = Rule{
		id:     "Selama Anda bekerja dan menerima upah, pemberi kerja wajib membayar iuran setiap bulan; bulan tanpa iuran tidak menambah JHT dan masa iuran JP Anda.",
		en:     "While you work and are paid, the employer must pay contributions every month; a month without them adds nothing to your JHT or your JP months.",
		Cite:   audit.CiteDuty,
		CiteEN: "Law 24/2011 Article 19(1)–(2) and Article 55",
	}
	// The 1721-A1 is the employer's own yearly statement to the tax office
	// of the worker's pay and of what it deducted, including "iuran
	// pensiun atau iuran THT/JHT" (the form's own heading, PER-2/PJ/2024
	// for 2024 on; we read the form, not the regulation's article).
	RuleA1 = Rule{
		id:        "Bukti potong 1721-A1 adalah pernyataan pemberi kerja sendiri tentang iuran JHT dan JP yang dipotong dari upah Anda setahun; semua potongan itu wajib sampai ke kartu Anda.",
		en:        "The 1721-A1 tax slip is the employer's own statement of the JHT and JP it deducted from your wage in the year; all of it must reach your card.",
		Cite:      audit.CiteDuty + "; formulir 1721-A1 (PER-2/PJ/2024)",
		CiteEN:    "Law 24/2011 Article 19(1)–(2) and Article 55; form 1721-A1 (PER-2/PJ/2024)",
		Secondary: true,
	}
)

var rules = map[Kind]Rule{
	KindNotDeposited: RuleNotDeposited, KindMissing: RuleMissing, KindWageUnder: RuleWageUnder,
	KindWrongShare: RuleWrongShare, KindJPAboveCap: RuleJPAboveCap, KindEmployerShare: RuleEmployerShare,
	KindLateDeposit: RuleLateDeposit, KindA1Mismatch: RuleA1,
}
