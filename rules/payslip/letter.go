package payslip

import (
	"fmt"

	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
)

// LetterItem is the finding as the member writes it in the complaint
// letter (audit.Complaint): in the first person, with its months, money
// and basis.
func (f Finding) LetterItem(l member.Lang) audit.LetterItem {
	months, n := f.MonthList(l), count(l, len(f.Months))
	pick := func(id, en string) string { return inLang(l, id, en) }
	var s string
	switch f.Kind {
	case KindNotDeposited:
		s = fmt.Sprintf(pick("Slip gaji saya menunjukkan potongan JHT dan JP pada %s (%s), tetapi %s dari potongan itu tidak tercatat di kartu saya.",
			"My payslips show JHT and JP deducted in %s (%s), but %s of those deductions is not recorded on my card."), months, n, rp(f.Amount))
	case KindMissing:
		s = fmt.Sprintf(pick("Tidak ada iuran yang tercatat pada %s (%s), padahal saya bekerja dan menerima upah; JHT dan JP yang seharusnya masuk sekitar %s.",
			"No contribution is recorded for %s (%s), although I worked and was paid; the JHT and JP due are about %s."), months, n, rp(f.Amount))
	case KindWageUnder:
		s = fmt.Sprintf(pick("Upah pada slip gaji saya lebih tinggi dari upah yang dilaporkan pada %s (%s); akibatnya JHT dan JP saya kurang %s.",
			"The wage on my payslips is above the wage reported in %s (%s); as a result my JHT and JP are short by %s."), months, n, rp(f.Amount))
	case KindWrongShare:
		s = fmt.Sprintf(pick("Iuran yang tercatat pada %s (%s) tidak sesuai tarif dari upah yang dilaporkan; kekurangannya %s.",
			"The contributions recorded for %s (%s) are not at the rates of the reported wage; short by %s."), months, n, rp(f.Amount))
	case KindJPAboveCap:
		s = fmt.Sprintf(pick("Potongan JP dari upah saya pada %s (%s) melebihi 1%% dari upah sampai batas upah JP; kelebihan %s mohon dikembalikan.",
			"The JP deducted from my wage in %s (%s) is above 1%% of the wage up to the JP cap; I ask for the %s too much to be refunded."), months, n, rp(f.Amount))
	case KindEmployerShare:
		s = fmt.Sprintf(pick("Iuran JKK/JKM, yang ditanggung pemberi kerja, dipotong dari upah saya pada %s (%s); %s mohon dikembalikan.",
			"JKK/JKM contributions, which the employer pays, were deducted from my wage in %s (%s); I ask for %s to be refunded."), months, n, rp(f.Amount))
	case KindLateDeposit:
		s = fmt.Sprintf(pick("Potongan upah saya untuk %s (%s) disetor melewati batas bayar; denda pemberi kerja sekitar %s.",
			"What was deducted from my wage for %s (%s) was paid in after the deadline; the employer's fine is about %s."), months, n, rp(f.Amount))
	case KindA1Mismatch:
		m := f.Months[0]
		s = fmt.Sprintf(pick("Bukti potong 1721-A1 saya tahun %d menyebut potongan JHT/JP %s, sedangkan yang tercatat di kartu saya %s.",
			"My %d 1721-A1 tax slip states %s deducted for JHT/JP, while %s is recorded on my card."), f.Year, rp(m.Due), rp(m.Card))
	default:
		s = f.Summary(l)
	}
	return audit.LetterItem{Text: s, Basis: f.Rule().Citation(l)}
}
