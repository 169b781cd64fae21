package tabular

import (
	"strconv"
	"strings"

	"github.com/cekbpjstk/cekbpjstk/documents"
	"github.com/cekbpjstk/cekbpjstk/member"
)

// payslipRow reads one month's payslip.
func payslipRow(r *reader, c cells) *documents.Problem {
	period, p := c.month("period")
	if p != nil {
		return p
	}
	kpj, p := c.kpj(false)
	if p != nil {
		return p
	}
	if c.text("basic") == "" {
		return c.empty("basic")
	}
	ps := member.Payslip{Period: period, Employer: c.text("employer"), KPJ: kpj, Source: c.at}
	for _, f := range []struct {
		key string
		to  *member.Rupiah
	}{
		{"basic", &ps.BasicWage}, {"fixed", &ps.FixedAllowances}, {"other", &ps.OtherIncome},
		{"jht", &ps.DeductJHT}, {"jp", &ps.DeductJP}, {"health", &ps.DeductHealth},
		{"jkk", &ps.DeductJKK}, {"jkm", &ps.DeductJKM}, {"tax", &ps.DeductTax},
	} {
		v, p := c.amount(f.key)
		if p != nil {
			return p
		}
		*f.to = v
	}
	pay := ps.BasicWage + ps.FixedAllowances + ps.OtherIncome
	if ded := ps.DeductJHT + ps.DeductJP + ps.DeductHealth + ps.DeductJKK + ps.DeductJKM + ps.DeductTax; ded > pay {
		return documents.Errorf("absurd_amount", c.at,
			"potongan (%s) lebih besar dari penghasilan (%s)", "the deductions (%s) are larger than the pay (%s)",
			ded.Format(), pay.Format())
	}
	key := period.Format("2006-01") + "|" + strings.ToLower(ps.Employer) + "|" + kpj
	if line, ok := r.once(key, c.at.Line); !ok {
		return duplicate(c.at, "slip gaji "+member.FormatMonth(member.ID, period), "the payslip of "+member.FormatMonth(member.EN, period), line)
	}
	r.b.Payslips = append(r.b.Payslips, ps)
	return nil
}

// jmoBalanceRow reads one card's balance as JMO shows it.
func jmoBalanceRow(r *reader, c cells) *documents.Problem {
	kpj, p := c.kpj(true)
	if p != nil {
		return p
	}
	if c.text("balance") == "" {
		return c.empty("balance")
	}
	total, p := c.amount("balance")
	if p != nil {
		return p
	}
	dev, p := c.amount("development")
	if p != nil {
		return p
	}
	asOf, p := c.date("asof", true)
	if p != nil {
		return p
	}
	status, ok := parseStatus(c.text("status"))
	if !ok {
		return documents.Errorf("bad_status", c.at, "kolom %q: %q bukan status (aktif atau nonaktif)",
			"column %q: %q is not a status (aktif or nonaktif)", c.colName("status"), shorten(c.text("status")))
	}
	var last documents.CardMonth
	if c.text("lastpaid") != "" && c.text("lastpaid") != "-" {
		m, p := c.month("lastpaid")
		if p != nil {
			return p
		}
		last = documents.CardMonth{KPJ: kpj, Month: m, Source: c.at}
	}
	if line, ok := r.once(kpj, c.at.Line); !ok {
		return duplicate(c.at, "saldo kartu "+kpj, "the balance of card "+kpj, line)
	}
	src := c.at
	employer := c.text("employer")
	r.b.Balances = append(r.b.Balances, member.BalanceAccount{KPJ: kpj, EmployerName: employer,
		Total: total, Development: dev, AsOf: asOf, Source: &src})
	r.card(member.KPJCard{KPJ: kpj, EmployerName: employer, Status: status})
	if !last.Month.IsZero() {
		r.b.LastPaid = append(r.b.LastPaid, last)
	}
	if asOf.After(r.doc.PrintedAt) {
		r.doc.PrintedAt = asOf
	}
	return nil
}

// parseStatus reads a card's status: "aktif" or "nonaktif" (empty is
// unknown).
func parseStatus(s string) (string, bool) {
	switch normalize(s) {
	case "":
		return "", true
	case "aktif", "active", "status aktif", "peserta aktif":
		return "aktif", true
	case "nonaktif", "non aktif", "tidak aktif", "inactive", "not active", "non active", "status nonaktif":
		return "nonaktif", true
	}
	return "", false
}

// jmoMonthRow reads one month of JMO's list.
func jmoMonthRow(r *reader, c cells) *documents.Problem {
	kpj, p := c.kpj(true)
	if p != nil {
		return p
	}
	period, p := c.month("month")
	if p != nil {
		return p
	}
	paid, p := c.date("paydate", false)
	if p != nil {
		return p
	}
	posted, p := c.date("posted", false)
	if p != nil {
		return p
	}
	if c.text("jht") == "" {
		return c.empty("jht")
	}
	mc := member.MonthContribution{Period: period, KPJ: kpj, EmployerName: c.text("employer"), PaidDate: paid, PostedDate: posted}
	for _, f := range []struct {
		key string
		to  *member.Rupiah
	}{{"wage", &mc.ReportedWage}, {"jht", &mc.JHT}, {"backpay", &mc.BackPay}, {"jp", &mc.JP}, {"jkk", &mc.JKK}, {"jkm", &mc.JKM}} {
		v, p := c.amount(f.key)
		if p != nil {
			return p
		}
		*f.to = v
	}
	// JMO's list often has no JKK or JKM column: unknown, not zero.
	mc.OnlyJHTJP = mc.JKK == 0 && mc.JKM == 0
	return r.month(mc, c.at)
}

// month adds a card's month once.
func (r *reader) month(mc member.MonthContribution, a member.Source) *documents.Problem {
	if mc.ReportedWage > 0 && mc.JHT > mc.ReportedWage {
		return documents.Errorf("absurd_amount", a, "iuran JHT %s lebih besar dari upah %s",
			"the JHT amount %s is larger than the wage %s", mc.JHT.Format(), mc.ReportedWage.Format())
	}
	key := mc.KPJ + "|" + mc.Period.Format("2006-01")
	if line, ok := r.once(key, a.Line); !ok {
		return duplicate(a, "bulan "+member.FormatMonth(member.ID, mc.Period)+" kartu "+mc.KPJ,
			"the month "+member.FormatMonth(member.EN, mc.Period)+" of card "+mc.KPJ, line)
	}
	mc.Source = &a
	r.b.Months = append(r.b.Months, mc)
	r.card(member.KPJCard{KPJ: mc.KPJ, EmployerName: mc.EmployerName})
	return nil
}

// employmentRow reads one job behind a card.
func employmentRow(r *reader, c cells) *documents.Problem {
	kpj, p := c.kpj(true)
	if p != nil {
		return p
	}
	employer := c.text("employer")
	if employer == "" {
		return c.empty("employer")
	}
	start, p := c.date("start", true)
	if p != nil {
		return p
	}
	end, p := c.date("end", false)
	if p != nil {
		return p
	}
	reason, p := endReason(c)
	if p != nil {
		return p
	}
	switch {
	case !end.IsZero() && end.Before(start):
		return documents.Errorf("end_before_start", c.at, "tanggal berhenti %s sebelum mulai bekerja %s",
			"the end %s is before the start %s", end.Format("02-01-2006"), start.Format("02-01-2006"))
	case end.IsZero() && reason != member.EndNone:
		return documents.Errorf("reason_without_end", c.at, "ada alasan berhenti tetapi tidak ada tanggal berhenti",
			"a reason for leaving but no end date")
	}
	if line, ok := r.once(kpj+"|"+start.Format("2006-01-02"), c.at.Line); !ok {
		return duplicate(c.at, "pekerjaan kartu "+kpj+" yang sama", "the same job of card "+kpj, line)
	}
	npp := c.text("npp")
	r.b.Employment = append(r.b.Employment, member.Employment{KPJ: kpj, Employer: employer, NPP: npp,
		Start: start, End: end, Reason: reason, Source: c.at})
	r.card(member.KPJCard{KPJ: kpj, EmployerName: employer, NPP: npp})
	return nil
}

// endReason reads why a job ended: the reason column ("resign",
// "mengundurkan diri", "PHK", "kontrak habis", ...) or a column per reason
// ticked with "ya", "x" or "1".
func endReason(c cells) (member.EndReason, *documents.Problem) {
	reason := member.EndNone
	if v := c.text("reason"); v != "" {
		r, ok := parseReason(v)
		if !ok {
			return "", documents.Errorf("bad_reason", c.at,
				"kolom %q: alasan %q tidak dikenal (tulis resign, PHK atau kontrak berakhir)",
				"column %q: reason %q is not known (write resign, PHK or contract end)", c.colName("reason"), shorten(v))
		}
		reason = r
	}
	for _, f := range []struct {
		key    string
		reason member.EndReason
	}{{"flag_phk", member.EndPHK}, {"flag_resign", member.EndResign}, {"flag_contract", member.EndContractEnd}} {
		v := c.text(f.key)
		on, ok := parseTick(v)
		if !ok {
			return "", documents.Errorf("bad_tick", c.at, "kolom %q: %q bukan ya atau tidak",
				"column %q: %q is not yes or no", c.colName(f.key), shorten(v))
		}
		if !on {
			continue
		}
		if reason != member.EndNone && reason != f.reason {
			return "", documents.Errorf("two_reasons", c.at, "dua alasan berhenti sekaligus", "two reasons for leaving at once")
		}
		reason = f.reason
	}
	return reason, nil
}

func parseReason(s string) (member.EndReason, bool) {
	n := normalize(s)
	has := func(ws ...string) bool { return hasAny(ws...)(n) }
	switch {
	case n == "" || n == "masih bekerja" || n == "still employed" || n == "aktif":
		return member.EndNone, true
	case has("phk", "pemutusan", "diberhentikan", "dipecat", "dismissed", "dismissal", "laid off", "layoff",
		"terminated", "termination", "redundancy", "efisiensi"):
		return member.EndPHK, true
	case has("resign", "resigned", "mengundurkan", "pengunduran", "berhenti sendiri", "keluar sendiri", "quit"):
		return member.EndResign, true
	case has("kontrak", "pkwt", "contract"):
		return member.EndContractEnd, true
	}
	return "", false
}

func parseTick(s string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "-", "0", "tidak", "no", "n", "false", "t":
		return false, true
	case "ya", "y", "yes", "x", "v", "1", "true", "benar", "✓", "✔", "√":
		return true, true
	}
	return false, false
}

// a1Row reads one year's 1721-A1 deduction.
func a1Row(r *reader, c cells) *documents.Problem {
	v := c.text("year")
	year, err := strconv.Atoi(v)
	if v == "" {
		return c.empty("year")
	}
	if err != nil || year < minYear || year > maxYear {
		return documents.Errorf("bad_year", c.at, "kolom %q: %q bukan tahun", "column %q: %q is not a year", c.colName("year"), shorten(v))
	}
	kpj, p := c.kpj(false)
	if p != nil {
		return p
	}
	if c.text("amount") == "" {
		return c.empty("amount")
	}
	amount, p := c.amount("amount")
	if p != nil {
		return p
	}
	employer := c.text("employer")
	if line, ok := r.once(v+"|"+strings.ToLower(employer)+"|"+kpj, c.at.Line); !ok {
		return duplicate(c.at, "1721-A1 tahun "+v, "the 1721-A1 of "+v, line)
	}
	r.b.A1 = append(r.b.A1, member.A1Deduction{Year: year, Employer: employer, KPJ: kpj, Amount: amount, Source: c.at})
	return nil
}
