package periksa

import (
	"github.com/cekbpjstk/cekbpjstk/documents/read"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	claimrules "github.com/cekbpjstk/cekbpjstk/rules/claims"
	"github.com/cekbpjstk/cekbpjstk/rules/jkp"
	"github.com/cekbpjstk/cekbpjstk/rules/pension"
)

// The stable names of the claim rules' values in --json.
var (
	reasonNames = map[claimrules.Reason]string{
		claimrules.Resignation: "resignation", claimrules.Layoff: "layoff", claimrules.RetirementAge: "retirement_age",
		claimrules.Disability: "disability", claimrules.LeavingIndonesia: "leaving_indonesia", claimrules.Death: "death",
	}
	stateNames = map[claimrules.State]string{
		claimrules.Ready: "ready", claimrules.Waiting: "waiting", claimrules.Blocked: "blocked",
		claimrules.Depends: "depends", claimrules.InProcess: "in_process", claimrules.Paid: "paid",
	}
	blockerNames = map[claimrules.Blocker]string{
		claimrules.CardActive: "card_active", claimrules.WorkingAgain: "working_again", claimrules.AgeNotReached: "age_not_reached",
		claimrules.TooShort: "too_short", claimrules.AlreadyUsed: "already_used", claimrules.NotActive: "not_active",
	}
)

// cards are the member's cards with their audit counts, balance and JHT
// claim readiness.
func cards(md read.Model, rep audit.Report, a claimrules.Assessment, months []member.MonthContribution, l member.Lang) []Card {
	out := []Card{}
	jpMonths := map[string]map[int]bool{}
	for _, m := range months {
		if m.JP > 0 {
			if jpMonths[m.KPJ] == nil {
				jpMonths[m.KPJ] = map[int]bool{}
			}
			jpMonths[m.KPJ][member.MonthIndex(m.Period)] = true
		}
	}
	for _, c := range md.Member.Cards {
		card := Card{KPJ: c.KPJ, Employer: c.EmployerName, NPP: c.NPP, Status: c.Status, Opened: isoDate(c.Opened),
			Closed: isoDate(c.Closed), JPMonths: len(jpMonths[c.KPJ]), JHT: JHT{Reasons: []Reason{}}, Covered: []Span{}}
		for _, s := range md.Coverage[c.KPJ] {
			card.Covered = append(card.Covered, Span{From: s.From.Format("2006-01"), To: s.To.Format("2006-01")})
		}
		for _, cr := range rep.Cards {
			if cr.KPJ == c.KPJ {
				card.FirstPaid, card.LastPaid = isoMonth(cr.FirstPaid), isoMonth(cr.LastPaid)
				card.MonthsDue, card.MonthsPaid, card.OnTime = cr.MonthsDue, cr.MonthsPaid, cr.OnTime
			}
		}
		for _, acc := range md.Balance.Accounts {
			if acc.KPJ == c.KPJ {
				total := int64(acc.Total)
				card.Balance = &total
				asOf := acc.AsOf
				if asOf.IsZero() {
					asOf = md.Balance.AsOf
				}
				card.BalanceAsOf = isoDate(asOf)
			}
		}
		for _, ac := range a.Cards {
			if ac.KPJ == c.KPJ {
				card.JHT = jhtOf(ac, l)
			}
		}
		out = append(out, card)
	}
	return out
}

func jhtOf(c claimrules.Card, l member.Lang) JHT {
	j := JHT{Balance: c.Balance, Tax: c.Tax, Reasons: []Reason{}}
	for _, ch := range c.Checks {
		cite := ch.Reason.Cite()
		r := Reason{Reason: reasonNames[ch.Reason], State: stateNames[ch.State], Blockers: []string{}, From: isoDate(ch.From),
			Citation: audit.Cite(l, cite.Text), Secondary: cite.Secondary}
		for _, b := range ch.Blockers {
			r.Blockers = append(r.Blockers, blockerNames[b])
		}
		j.Reasons = append(j.Reasons, r)
	}
	return j
}

func jpOf(e pension.Estimate, l member.Lang) JP {
	jp := JP{Months: e.Months, MinimumMonths: pension.MinimumMonths, Remaining: e.Remaining, PensionAge: e.PensionAge,
		PensionDate: isoDate(e.PensionDate), Paid: e.Paid, AverageWage: e.AverageWage, Contributing: e.Contributing,
		MonthsAtPension: e.MonthsAtPension, EstimateAtPension: e.AtPensionClamped,
		Citation: audit.Cite(l, pension.CiteFormula.Text+"; "+pension.CiteAge.Text+"; "+pension.CiteMinimum.Text)}
	if e.Months >= pension.MinimumMonths {
		jp.EstimateNow = e.NowClamped
	}
	return jp
}

func jkpOf(r jkp.Result, l member.Lang) JKP {
	out := JKP{Eligible: r.Eligible, Hypothetical: r.Hypothetical, PHKMonth: isoMonth(r.PHKMonth), PHKDate: isoDate(r.PHKDate),
		PaidIn24: r.PaidIn24, Consecutive: r.Consecutive, MeetsMonths: r.MeetsMonths, MeetsConsecutive: r.MeetsConsecutive,
		MeetsPrograms: r.MeetsPrograms, Programs: []JKPProgram{}, LastWage: r.LastWage, BaseWage: r.BaseWage, Monthly: r.Monthly,
		BenefitMonths: jkp.BenefitMonths, Total: r.Total, ClaimBy: isoDate(r.ClaimBy), WindowPassed: r.WindowPassed,
		Citation: audit.Cite(l, jkp.CiteEligibility.Text+"; "+jkp.CiteBenefit.Text+"; "+jkp.CiteWindow.Text)}
	out.Coverage = map[jkp.Coverage]string{jkp.Covered: "covered", jkp.NotBPU: "not_bpu", jkp.NotPMI: "not_pmi", jkp.NotTooOld: "too_old"}[r.Coverage]
	out.Regime = map[jkp.Regime]string{jkp.RegimePP6: "pp6_2025", jkp.RegimePP37: "pp37_2021"}[r.Regime]
	out.Payer = map[jkp.Payer]string{jkp.PayerBPJS: "bpjs", jkp.PayerEmployer: "employer"}[r.Payer]
	out.Arrears, out.Later = isoMonths(r.Arrears), r.Later
	for _, p := range r.Programs {
		out.Programs = append(out.Programs, JKPProgram{Code: p.Code, Has: p.Has, SmallFirmOK: p.SmallFirmOK})
	}
	return out
}
