package rightstab

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"
	"github.com/cekbpjstk/cekbpjstk/rules/pension"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
)

// The rules' finer points each section shows: who is not covered, whose
// arrears count and who pays, which regulation's benefit applies, how the
// JP bounds were found, the tax on several cards. Each with its citation.

func jkpCite(c jkp.Citation) fyne.CanvasObject { return cite(c.Text, c.Secondary) }

func pensionCite(c pension.Citation) fyne.CanvasObject { return cite(c.Text, c.Secondary) }

// jkpCoverage says why a member is not in JKP at all, or nothing.
func jkpCoverage(j jkp.Result) []fyne.CanvasObject {
	switch j.Coverage {
	case jkp.NotBPU:
		return []fyne.CanvasObject{warn(lang.L("rights.jkp.notBPU")), jkpCite(jkp.CiteEligibility)}
	case jkp.NotPMI:
		return []fyne.CanvasObject{warn(lang.L("rights.jkp.notPMI")), jkpCite(jkp.CiteEligibility)}
	case jkp.NotTooOld:
		return []fyne.CanvasObject{warn(lang.L("rights.jkp.tooOld", map[string]any{"Age": j.RegisteredAge, "Limit": jkp.AgeLimit})),
			jkpCite(jkp.CiteAge)}
	}
	if j.SelfPaidNow {
		return []fyne.CanvasObject{para(lang.L("rights.jkp.selfPaidNow")), jkpCite(jkp.CiteEligibility)}
	}
	return nil
}

// jkpArrears says which months the employer owes (the arrears Periksa
// iuran lists), that they still count, and who pays (Pasal 39 and 39A).
func jkpArrears(j jkp.Result) []fyne.CanvasObject {
	if len(j.Arrears) == 0 {
		return nil
	}
	args := map[string]any{"Months": audit.FormatMonths(auditLang(), j.Arrears), "Run": j.ArrearsRun,
		"Max": jkp.ArrearsBPJSMax, "Bankrupt": jkp.ArrearsBankruptMax}
	out := []fyne.CanvasObject{para(lang.L("rights.jkp.arrears", args))}
	if j.Payer == jkp.PayerBPJS {
		out = append(out, para(lang.L("rights.jkp.arrearsBPJS", args)), jkpCite(jkp.CiteArrears))
		return out
	}
	out = append(out, warn(lang.L("rights.jkp.arrearsEmployer", args)), jkpCite(jkp.CiteArrears))
	if j.BankruptCase {
		out = append(out, para(lang.L("rights.jkp.arrearsBankrupt", args)), jkpCite(jkp.CiteBankrupt))
	}
	return out
}

// jkpBenefit is the cash benefit under the regulation in force on the day
// of the PHK, with its citation.
func jkpBenefit(j jkp.Result) []fyne.CanvasObject {
	args := map[string]any{"Base": rupiah(j.BaseWage), "Monthly": rupiah(j.Monthly), "Later": rupiah(j.Later),
		"Total": rupiah(j.Total), "Wage": rupiah(j.LastWage)}
	if j.Regime == jkp.RegimePP37 {
		return []fyne.CanvasObject{para(lang.L("rights.jkp.benefitPP37", args)), jkpCite(jkp.CiteBenefitPP37),
			para(lang.L("rights.jkp.transitional"))}
	}
	return []fyne.CanvasObject{para(lang.L("rights.jkp.benefit", args)), jkpCite(jkp.CiteBenefit),
		para(lang.L("rights.jkp.benefitArticles"))} // jkp.CiteBenefit.Note, in the app's language
}

// jkpWindow is the claim window's sentence: 6 months, or 3 before PP
// 6/2025.
func jkpWindow(j jkp.Result) string {
	args := map[string]any{"Date": i18n.FormatDate(j.ClaimBy)}
	if j.Regime == jkp.RegimePP37 {
		return lang.L("rights.jkp.windowPP37", args)
	}
	return lang.L("rights.jkp.window", args)
}

// windowMonths is the claim window's length in months.
func windowMonths(j jkp.Result) int {
	if j.Regime == jkp.RegimePP37 {
		return jkp.ClaimMonthsPP37
	}
	return jkp.ClaimMonths
}

// pensionNotInJP says a self-employed or migrant member cannot join JP.
func pensionNotInJP(e pension.Estimate) []fyne.CanvasObject {
	if e.NotInJP == "" {
		return nil
	}
	key := "rights.jp.notBPU"
	if e.NotInJP == "PMI" {
		key = "rights.jp.notPMI"
	}
	return []fyne.CanvasObject{warn(lang.L(key)), pensionCite(pension.CiteNotInJP)}
}

// pensionBounds is the year's minimum and maximum and where they come
// from: published, or worked out from the last published ones.
func pensionBounds(e pension.Estimate) []fyne.CanvasObject {
	b := e.Bounds
	args := map[string]any{"Year": b.Year, "Min": rupiah(b.Min), "Max": rupiah(b.Max), "From": pension.PublishedYear,
		"PMin": rupiah(pension.PublishedMin), "PMax": rupiah(pension.PublishedMax)}
	key := "rights.jp.boundsComputed"
	switch {
	case b.Published:
		key = "rights.jp.boundsPublished"
	case b.Year < pension.PublishedYear:
		key = "rights.jp.boundsEstimate"
	}
	out := []fyne.CanvasObject{para(lang.L(key, args)), pensionCite(pension.CiteBounds), pensionCite(pension.CitePublishedBounds)}
	missing := make([]string, len(b.Missing))
	for i, y := range b.Missing {
		missing[i] = strconv.Itoa(y)
	}
	inflation := lang.L("rights.jp.inflationAll")
	if len(missing) > 0 {
		inflation = lang.L("rights.jp.inflation", map[string]any{"Missing": strings.Join(missing, ", ")})
	}
	out = append(out, para(inflation), pensionCite(pension.CiteInflation))
	return out
}

// mergeTax is the tax on the cards' balances, each alone and together.
func mergeTax(m claimrules.Merge) []fyne.CanvasObject {
	return []fyne.CanvasObject{
		para(lang.L("rights.merge.tax", map[string]any{"Separate": rupiah(m.SeparateTax), "Combined": rupiah(m.CombinedTax),
			"Total": rupiah(m.Total)})),
		claimCite(claimrules.CiteTaxCumulative),
	}
}

// taxNote says PMK 168/2023 may have replaced parts of PMK 16/2010.
func taxNote() fyne.CanvasObject { return para(lang.L("rights.jht.taxPMK")) }

func auditLang() member.Lang {
	if i18n.CurrentLanguage() == "en" {
		return member.EN
	}
	return member.ID
}
