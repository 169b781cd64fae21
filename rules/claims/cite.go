// Package claims decides, from the member's own data, whether and how the
// JHT balance can be claimed: per card and per reason (resignation, lay-off,
// the age of 56, permanent total disability, leaving Indonesia for good,
// death), the one-month wait, the card the employer must have reported
// non-active, the channel the amount allows, the documents, the tax, the
// payout time and whether a claim in process is past it; the partial
// withdrawal (10% or 30% after 10 years, once); and whether several cards
// should be merged, with their combined balance.
//
// Every rule carries its Citation, which the screen shows where the rule
// decides something. Where only a secondary source (news quoting BPJS
// Ketenagakerjaan, a third-party legal database) confirms a figure or an
// article number, the citation is marked Secondary and the screen says so;
// where sources disagree, the Note says how. The package never imports
// Fyne and never touches the network.
package claims

// Citation is the source of a rule, as the screen shows it.
type Citation struct {
	// Text names the regulation and article, or the page, e.g.
	// "Permenaker 4/2022 Pasal 8–9".
	Text string
	// Secondary is true where the figure or article number is confirmed
	// only by a secondary source (news, a legal database), not by the
	// regulation's text or BPJS Ketenagakerjaan's own page.
	Secondary bool
	// Note says where sources disagree or what is unconfirmed ("" when
	// nothing is). It is in Indonesian, as the regulations are.
	Note string
}

// The citations behind the rules. The texts are the same in both
// languages (they name Indonesian regulations).
var (
	// JHT is paid on reaching the retirement age, permanent total
	// disability or death; resignation, lay-off and leaving Indonesia
	// for good count as reaching the retirement age.
	CiteGrounds = Citation{Text: "Permenaker 4/2022 Pasal 4–5"}
	// Resignation: paid at once after a one-month wait from the
	// employer's letter of resignation.
	CiteResignation = Citation{Text: "Permenaker 4/2022 Pasal 8–9"}
	// Lay-off (PHK): paid at once after a one-month wait from the date of
	// the PHK.
	CiteLayoff = Citation{Text: "Permenaker 4/2022 Pasal 10–11"}
	// The age of 56 (or the retirement age of the work agreement).
	CiteAge = Citation{Text: "Permenaker 4/2022 Pasal 6 ayat (1)"}
	// Permanent total disability and death are grounds of their own.
	CiteDisability = Citation{Text: "Permenaker 4/2022 Pasal 4 huruf b"}
	CiteDeath      = Citation{Text: "Permenaker 4/2022 Pasal 4 huruf c"}
	// Leaving Indonesia for good counts as stopping work.
	CiteLeaving = Citation{Text: "Permenaker 4/2022 Pasal 5 ayat (2) huruf c"}
	// The partial withdrawal: after at least 10 years of membership, once,
	// up to 30% for housing or up to 10% for other needs in preparing for
	// retirement.
	CitePartial = Citation{Text: "PP 46/2015 Pasal 22"}
	// The JMO limit, Rp15 juta since May 2025 (Rp10 juta before), as BPJS
	// Ketenagakerjaan announced it; we read it in the press (Tribun
	// Priangan 30 June 2025, Okezone 21 October 2025).
	CiteChannel = Citation{Text: "BPJS Ketenagakerjaan, batas klaim JMO Rp15 juta sejak Mei 2025 (diberitakan Tribunnews, Okezone)", Secondary: true}
	// The payout time: at most one working day for small balances, five
	// otherwise, counted from the day the documents are declared complete
	// (BPJS Ketenagakerjaan's Deputi Komunikasi, 2024, and its claim page
	// as quoted by CNN Indonesia, December 2025). Both give Rp10 juta as
	// the threshold; see PayoutDays.
	CitePayout = Citation{Text: "BPJS Ketenagakerjaan, waktu pencairan JHT (diberitakan Jakartanews 2024, CNN Indonesia Desember 2025)", Secondary: true}
	// The tax: final, 0% up to Rp50 juta and 5% on the part above when
	// paid at once; a payment in parts spread over more than two calendar
	// years is taxed at the ordinary rates of UU PPh Pasal 17 from the
	// third year. The article numbers come from a secondary source.
	// PMK 168/2023 (the withholding of income tax on employment income)
	// may have replaced parts of PMK 16/PMK.03/2010; the 0% / 5% rates of
	// PP 68/2009 are unchanged either way. We did not find PMK 168/2023's
	// text to say which parts.
	CiteTax = Citation{Text: "PP 68/2009 Pasal 3 dan 6 jo. PMK 16/PMK.03/2010 Pasal 5", Secondary: true,
		Note: "PMK 168/2023 mungkin telah menggantikan sebagian PMK 16/PMK.03/2010; tarif 0% dan 5% tidak berubah"}
	// A JHT paid at once in parts within two calendar years is taxed on
	// the cumulative amount (PP 68/2009). That several cards not merged
	// are cumulated too is our reading, not confirmed by a source.
	CiteTaxCumulative = Citation{Text: "PP 68/2009 (kumulatif dalam dua tahun kalender)", Secondary: true,
		Note: "penjumlahan antarkartu yang belum digabung belum dipastikan"}
	// The ordinary income tax brackets (UU PPh Pasal 17 ayat (1) huruf a as
	// amended by UU 7/2021 HPP).
	CiteBrackets = Citation{Text: "UU PPh Pasal 17 ayat (1) huruf a jo. UU 7/2021"}
	// Merging cards (penggabungan saldo, amalgamasi) in JMO: "Pengkinian
	// Data", keeping the first card one ever held.
	CiteMerge = Citation{Text: "bpjsketenagakerjaan.go.id, artikel 18926: cara menggabungkan saldo dua nomor BPJS Ketenagakerjaan"}
	// The documents per reason beyond the Permenaker's (bank book, family
	// card, NPWP above Rp50 juta) and that a paklaring is no longer
	// required (BPJS Ketenagakerjaan's Deputi Komunikasi, August 2024).
	CiteDocuments = Citation{Text: "BPJS Ketenagakerjaan, persyaratan klaim JHT (diberitakan Jakartanews 2024, Tribunnews 2025)", Secondary: true}
)
