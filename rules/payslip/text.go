package payslip

import (
	"fmt"
	"strconv"
	"time"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// Title is the kind's name on screen.
func (k Kind) Title(l member.Lang) string {
	t, ok := titles[k]
	if !ok {
		return string(k)
	}
	if l == member.EN {
		return t[1]
	}
	return t[0]
}

var titles = map[Kind][2]string{
	KindNotDeposited:  {"Dipotong tapi tidak disetor", "Deducted but not paid in"},
	KindMissing:       {"Bulan tanpa iuran saat bekerja", "Months without contributions while employed"},
	KindWageUnder:     {"Upah dilaporkan lebih rendah", "Wage under-reported"},
	KindWrongShare:    {"Iuran tidak sesuai tarif", "Shares not at the rates"},
	KindJPAboveCap:    {"Potongan JP melebihi batas", "JP deducted above the cap"},
	KindEmployerShare: {"JKK/JKM dipotong dari upah", "JKK/JKM deducted from the wage"},
	KindLateDeposit:   {"Potongan disetor terlambat", "Deductions paid in late"},
	KindA1Mismatch:    {"Bukti potong 1721-A1 tidak cocok", "1721-A1 tax slip does not match"},
}

// MonthList writes the finding's months with consecutive runs joined
// ("Maret–Mei 2026, Agustus 2026").
func (f Finding) MonthList(l member.Lang) string {
	ms := make([]time.Time, len(f.Months))
	for i, m := range f.Months {
		ms[i] = m.Month
	}
	return audit.FormatMonths(l, ms)
}

func count(l member.Lang, n int) string {
	switch {
	case l != member.EN:
		return strconv.Itoa(n) + " bulan"
	case n == 1:
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

// inLang is en in English, id in any other language.
func inLang(l member.Lang, id, en string) string {
	if l == member.EN {
		return en
	}
	return id
}

func rp(n int64) string { return member.Rupiah(n).Format() }

// Summary is the finding in one sentence, in a language (Indonesian for
// any language but English), with its months and money.
func (f Finding) Summary(l member.Lang) string {
	months, n := f.MonthList(l), count(l, len(f.Months))
	pick := func(id, en string) string { return inLang(l, id, en) }
	switch f.Kind {
	case KindNotDeposited:
		return fmt.Sprintf(pick("%s dipotong dari upah Anda untuk JHT dan JP pada %s (%s) tidak sampai ke kartu %s.",
			"%s deducted from your wage for JHT and JP in %s (%s) did not reach card %s."), rp(f.Amount), months, n, f.KPJ)
	case KindMissing:
		return fmt.Sprintf(pick("Tidak ada iuran pada %s (%s) padahal Anda bekerja atau menerima upah; JHT dan JP yang seharusnya masuk sekitar %s.",
			"No contributions for %s (%s) although you worked or were paid; the JHT and JP due are about %s."), months, n, rp(f.Amount))
	case KindWageUnder:
		s := fmt.Sprintf(pick("Upah pada slip gaji lebih tinggi dari upah yang dilaporkan pada %s (%s): JHT dan JP kurang %s",
			"The wage on your payslips is above the wage reported in %s (%s): JHT and JP short by %s"), months, n, rp(f.Amount))
		if g := f.Gap; g != nil {
			if g.JHTAt56 > 0 {
				s += fmt.Sprintf(pick(", sekitar %s pada usia pensiun", ", about %s by retirement age"), rp(g.JHTAt56))
			}
			if g.JKPLoss > 0 {
				s += fmt.Sprintf(pick(", dan manfaat JKP %s lebih kecil", ", and JKP benefit %s smaller"), rp(g.JKPLoss))
			}
		}
		return s + "."
	case KindWrongShare:
		return fmt.Sprintf(pick("Iuran yang masuk tidak sesuai tarif dari upah yang dilaporkan pada %s (%s); kekurangannya %s.",
			"The shares credited are not at the rates of the reported wage in %s (%s); short by %s."), months, n, rp(f.Amount))
	case KindJPAboveCap:
		return fmt.Sprintf(pick("Potongan JP melebihi 1%% dari upah sampai batas upah JP pada %s (%s); kelebihannya %s.",
			"JP deducted above 1%% of the wage up to the JP cap in %s (%s); %s too much."), months, n, rp(f.Amount))
	case KindEmployerShare:
		return fmt.Sprintf(pick("Iuran JKK/JKM dipotong dari upah Anda pada %s (%s): %s yang harus dikembalikan.",
			"JKK/JKM contributions were deducted from your wage in %s (%s): %s to be refunded."), months, n, rp(f.Amount))
	case KindLateDeposit:
		return fmt.Sprintf(pick("Potongan upah Anda untuk %s (%s) disetor melewati batas bayar; denda pemberi kerja sekitar %s.",
			"What was deducted from your wage for %s (%s) was paid in after the deadline; the employer's fine is about %s."), months, n, rp(f.Amount))
	case KindA1Mismatch:
		m := f.Months[0]
		s := fmt.Sprintf(pick("Bukti potong 1721-A1 tahun %d menyebut potongan JHT/JP %s; yang masuk ke kartu %s",
			"The %d 1721-A1 tax slip states %s deducted for JHT/JP; %s reached the card"), f.Year, rp(m.Due), rp(m.Card))
		if m.Payslip > 0 {
			s += fmt.Sprintf(pick(", menurut slip gaji %s", ", the payslips show %s"), rp(m.Payslip))
		}
		return s + "."
	}
	return string(f.Kind)
}
