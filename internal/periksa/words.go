package periksa

import (
	"strconv"

	"github.com/cekbpjstk/cekbpjstk/member"
)

// The command's words, in both of the app's languages. The command runs
// without Fyne, so they live here as a table (as rules/audit's complaint
// does) rather than in the app's translation files.

type words struct {
	title, asOf, docs, refused, memberLine, born, noFindings, findingsHead, reliefsHead  string
	card, cardOpen, cardClosed, balance, monthsPaid                                      string
	rule, basis, secondary, unconfirmed                                                  string
	docKind                                                                              map[string]string
	docLine, totalsOK, totalsNo                                                          string
	kinds                                                                                map[string]kindWords
	lateLine, holiday                                                                    string
	jhtHead                                                                              string
	reasons, states, blockers                                                            map[string]string
	jhtBalance, jhtFrom                                                                  string
	jpHead, jpMonths, jpAge, jpNow, jpAtPension, jpLumpSum                               string
	jkpHead, jkpIf, jkpPast, jkpMonths, jkpConsecutive, jkpPrograms                      string
	jkpEligible, jkpNotEligible, jkpBenefit, jkpWindow, jkpWindowPassed                  string
	assumed, unmatched, covered, uncovered, rightsAsOf, jkpArrears, jkpPayer, reliefLine string
	yes, no                                                                              string
}

// kindWords are a finding's title and the rule it was checked against.
type kindWords struct{ title, rule string }

var text = map[member.Lang]words{
	member.ID: {
		title:        "Cek BPJSTK — pemeriksaan dokumen peserta",
		asOf:         "Angka dokumen berlaku per %s; hari ini %s.",
		docs:         "Dokumen yang dibaca (%d):",
		docLine:      "  %s — %s, %s",
		totalsOK:     "cocok dengan jumlah dokumen",
		totalsNo:     "tanpa jumlah untuk dicocokkan",
		refused:      "Baris yang ditolak (%d); bagian lain berkas tetap dibaca:",
		memberLine:   "Peserta: %s",
		born:         ", lahir %s",
		noFindings:   "Tidak ada temuan pada kartu ini.",
		findingsHead: "Temuan (%d):",
		reliefsHead:  "Keringanan iuran (dicatat, bukan pelanggaran):",
		card:         "Kartu %s — %s (%s)",
		cardOpen:     "aktif sejak %s",
		cardClosed:   "nonaktif sejak %s",
		balance:      "Saldo JHT %s per %s",
		monthsPaid:   "%d dari %d bulan wajib sudah dibayar, %d tepat waktu",
		rule:         "Aturan: %s",
		basis:        "Dasar: %s",
		secondary:    " (sumber sekunder; nomor pasal belum dicek pada teks resmi)",
		unconfirmed:  " (belum terkonfirmasi)",
		docKind: map[string]string{"statement": "laporan saldo BPJSTK", "payslips": "slip gaji", "jmo": "angka JMO",
			"employment": "data kerja atau 1721-A1"},
		kinds: map[string]kindWords{
			"missing": {"Iuran tidak dibayar: %s (%s); perkiraan JHT dan JP yang tidak masuk %s, termasuk potongan upah %s.",
				"Pemberi kerja memungut bagian pekerja dari upah dan menyetorkannya bersama bagiannya setiap bulan selama kepesertaan aktif."},
			"lagging": {"Iuran belum tercatat sejak %s: %s (%s); perkiraan JHT dan JP %s.",
				"Iuran setiap bulan wajib disetor; bulan yang sudah lewat batas bayarnya harus tercatat."},
			"late": {"Iuran dibayar terlambat: %s; denda pemberi kerja sekitar %s.",
				"Iuran dibayar paling lambat tanggal 15 bulan berikutnya; denda 2% per bulan keterlambatan ditanggung pemberi kerja, tidak boleh dipotong dari upah."},
			"no_jp": {"JHT dibayar tanpa Jaminan Pensiun: %s (%s); JP yang tidak dibayar sekitar %s, termasuk potongan upah %s.",
				"Usaha menengah dan besar wajib mengikutsertakan pekerja dalam JP (3% upah sampai batas upah JP)."},
			"wage_flat": {"Upah yang dilaporkan tetap %s selama %s (%s).",
				"Perubahan upah wajib dilaporkan ke BPJS Ketenagakerjaan paling lama 7 hari kerja."},
			"wage_drop": {"Upah yang dilaporkan turun dari %s menjadi %s pada %s.",
				"Pemberi kerja wajib melaporkan upah pekerja yang sebenarnya."},
		},
		lateLine:        "    %s: batas %s, dibayar %s (%d hari terlambat), denda %s%s",
		holiday:         " (mungkin tepat waktu bila tanggal 15 hari libur)",
		reliefLine:      "  %s: %s",
		jhtHead:         "Klaim JHT kartu ini:",
		jhtBalance:      "  saldo %s, pajak sekitar %s",
		jhtFrom:         " (mulai %s)",
		reasons:         map[string]string{"resignation": "Mengundurkan diri", "layoff": "PHK", "retirement_age": "Usia 56", "disability": "Cacat total tetap", "leaving_indonesia": "Meninggalkan Indonesia", "death": "Meninggal dunia"},
		states:          map[string]string{"ready": "bisa diajukan", "waiting": "menunggu satu bulan", "blocked": "belum bisa", "depends": "bergantung pada dokumen", "in_process": "klaim sedang diproses", "paid": "sudah dibayar"},
		blockers:        map[string]string{"card_active": "kartu masih aktif; pemberi kerja harus melaporkannya nonaktif", "working_again": "kartu lain aktif; gabungkan kartu", "age_not_reached": "belum berusia 56", "too_short": "kepesertaan kurang dari 10 tahun", "already_used": "sudah pernah diambil", "not_active": "hanya untuk peserta aktif"},
		jpHead:          "Jaminan Pensiun:",
		jpMonths:        "  masa iur %d bulan dari %d yang diperlukan untuk pensiun bulanan",
		jpAge:           "  usia pensiun %d (%s)",
		jpNow:           "  perkiraan pensiun bulanan dengan masa iur sekarang: %s",
		jpAtPension:     "  bila iuran berlanjut sampai usia pensiun: %d bulan, sekitar %s per bulan (nilai uang sekarang)",
		jpLumpSum:       "  di bawah %d bulan, JP dibayar sekaligus (iuran dan hasil pengembangannya)",
		jkpHead:         "Jaminan Kehilangan Pekerjaan (JKP):",
		jkpIf:           "  bila terkena PHK sekarang (setelah %s):",
		jkpPast:         "  PHK pada %s:",
		jkpMonths:       "  [%s] %s iuran dalam 24 bulan (perlu 12)",
		jkpConsecutive:  "  [%s] %s berturut-turut (perlu 6)",
		jkpPrograms:     "  [%s] terdaftar JHT, JKK, JKM (dan JP untuk usaha menengah/besar): %s",
		jkpEligible:     "  memenuhi syarat JKP (bukan untuk mengundurkan diri)",
		jkpNotEligible:  "  belum memenuhi syarat JKP",
		jkpBenefit:      "  manfaat uang tunai 60%% dari upah %s = %s per bulan, %d bulan, total %s",
		jkpWindow:       "  ajukan paling lambat %s lewat SIAPkerja",
		jkpWindowPassed: "  batas pengajuan %s sudah lewat",
		assumed:         "Dokumen tidak menunjukkan %s; dianggap terdaftar karena wajib bagi setiap pekerja penerima upah (%s).",
		unmatched:       "%d slip gaji tidak menyebut kartu atau pemberi kerja yang dikenal, padahal beberapa kartu aktif; slip itu tidak diperiksa.",
		covered:         "Kartu %s: dokumen mencakup %s; bulan di luar itu tidak diperiksa (berikan laporan tahun lainnya untuk memeriksanya).",
		uncovered:       "Kartu %s: tidak ada laporan BPJSTK atau daftar iuran JMO untuk kartu ini, jadi iurannya tidak diperiksa.",
		rightsAsOf:      "  dihitung per %s, tanggal dokumen; bulan sesudahnya belum diketahui",
		jkpArrears:      "  termasuk %s tunggakan pemberi kerja, yang tetap dihitung (%s)",
		jkpPayer:        "  tunggakan lebih dari 3 bulan berturut-turut: pemberi kerja yang membayar manfaat lebih dulu",
		yes:             "ya",
		no:              "tidak",
	},
	member.EN: {
		title:        "Cek BPJSTK — a member's documents checked",
		asOf:         "The documents' figures are as of %s; today is %s.",
		docs:         "Documents read (%d):",
		docLine:      "  %s — %s, %s",
		totalsOK:     "agrees with the document's totals",
		totalsNo:     "no totals to check against",
		refused:      "Rows refused (%d); the rest of each file was read:",
		memberLine:   "Member: %s",
		born:         ", born %s",
		noFindings:   "No findings on this card.",
		findingsHead: "Findings (%d):",
		reliefsHead:  "Contribution relief (noted, not a breach):",
		card:         "Card %s — %s (%s)",
		cardOpen:     "active since %s",
		cardClosed:   "non-active since %s",
		balance:      "JHT balance %s as of %s",
		monthsPaid:   "%d of %d months due paid, %d on time",
		rule:         "Rule: %s",
		basis:        "Basis: %s",
		secondary:    " (secondary source; the article number was not checked in the official text)",
		unconfirmed:  " (unconfirmed)",
		docKind: map[string]string{"statement": "BPJSTK statement", "payslips": "payslips", "jmo": "JMO figures",
			"employment": "employment facts or 1721-A1"},
		kinds: map[string]kindWords{
			"missing": {"Contributions not paid: %s (%s); estimated JHT and JP not credited %s, including %s deducted from the wage.",
				"The employer deducts the worker's share from the wage and pays it with its own every month while the membership is active."},
			"lagging": {"No contribution recorded since %s: %s (%s); estimated JHT and JP %s.",
				"Contributions are due every month; months past their deadline must be recorded."},
			"late": {"Contributions paid late: %s; the employer's fine is about %s.",
				"Contributions are paid by the 15th of the next month; the fine of 2% a month of delay is the employer's and may not be deducted from wages."},
			"no_jp": {"JHT paid without Pension (JP): %s (%s); unpaid JP about %s, including %s deducted from the wage.",
				"Medium and large businesses must enrol their workers in JP (3% of the wage up to the JP wage cap)."},
			"wage_flat": {"The reported wage stayed at %s for %s (%s).",
				"A change of wage must be reported to BPJS Ketenagakerjaan within 7 working days."},
			"wage_drop": {"The reported wage fell from %s to %s in %s.",
				"The employer must report the worker's real wage."},
		},
		lateLine:        "    %s: due %s, paid %s (%d days late), fine %s%s",
		holiday:         " (may be on time if the 15th was a public holiday)",
		reliefLine:      "  %s: %s",
		jhtHead:         "JHT claim on this card:",
		jhtBalance:      "  balance %s, tax about %s",
		jhtFrom:         " (from %s)",
		reasons:         map[string]string{"resignation": "Resignation", "layoff": "Lay-off (PHK)", "retirement_age": "Age 56", "disability": "Permanent total disability", "leaving_indonesia": "Leaving Indonesia", "death": "Death"},
		states:          map[string]string{"ready": "can be claimed", "waiting": "one-month wait", "blocked": "not yet", "depends": "depends on documents", "in_process": "a claim is in process", "paid": "paid"},
		blockers:        map[string]string{"card_active": "the card is still active; the employer must report it non-active", "working_again": "another card is active; merge the cards", "age_not_reached": "not yet 56", "too_short": "membership under 10 years", "already_used": "already taken", "not_active": "for active members only"},
		jpHead:          "Pension (JP):",
		jpMonths:        "  %d months of contributions of the %d a monthly pension needs",
		jpAge:           "  pension age %d (%s)",
		jpNow:           "  estimated monthly pension on today's months: %s",
		jpAtPension:     "  if contributions go on until the pension age: %d months, about %s a month (today's money)",
		jpLumpSum:       "  below %d months, JP is paid at once (contributions and their returns)",
		jkpHead:         "Job-loss benefit (JKP):",
		jkpIf:           "  if laid off now (after %s):",
		jkpPast:         "  lay-off on %s:",
		jkpMonths:       "  [%s] %s of contributions in 24 (12 needed)",
		jkpConsecutive:  "  [%s] %s in a row (6 needed)",
		jkpPrograms:     "  [%s] enrolled in JHT, JKK, JKM (and JP for medium/large businesses): %s",
		jkpEligible:     "  eligible for JKP (not on resignation)",
		jkpNotEligible:  "  not eligible for JKP yet",
		jkpBenefit:      "  cash benefit 60%% of the wage %s = %s a month, %d months, %s in all",
		jkpWindow:       "  claim by %s through SIAPkerja",
		jkpWindowPassed: "  the claim deadline %s has passed",
		assumed:         "The documents do not show %s; taken as enrolled, since every employee must be (%s).",
		unmatched:       "%d payslips name no card or employer the documents know while several cards were active; they were not checked.",
		covered:         "Card %s: the documents cover %s; months outside are not checked (give the other years' statements to check them).",
		uncovered:       "Card %s: no BPJSTK statement or JMO contribution list for this card, so its contributions are not checked.",
		rightsAsOf:      "  worked out as of %s, the documents' date; later months are not known",
		jkpArrears:      "  including %s the employer owes, which still count (%s)",
		jkpPayer:        "  more than 3 months in a row owed: the employer pays the benefit first",
		yes:             "yes",
		no:              "no",
	},
}

// monthCount writes "3 bulan", "1 month", "3 months".
func monthCount(l member.Lang, n int) string {
	switch {
	case l != member.EN:
		return strconv.Itoa(n) + " bulan"
	case n == 1:
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}
