package dashboard

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/part"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// balanceTab is Saldo JHT: the total over every KPJ card, then each card's
// balance split into employer dues, worker dues and development returns.
type balanceTab struct {
	total     *widget.Label
	totalNote *widget.Label
	totalCard *widget.Card
	chart     *barChart
	chartCard *widget.Card
	accounts  []*accountView
	list      *fyne.Container

	content fyne.CanvasObject
}

// accountView is one KPJ card's balance.
type accountView struct {
	kpj     string
	card    *widget.Card
	status  *widgets.Badge
	total   *widget.Label
	history *widget.Accordion

	employer, worker, development *field
}

func newBalanceTab() *balanceTab {
	b := &balanceTab{}
	b.total = widgets.NewAmountLabel()
	b.totalNote = widget.NewLabel("")
	b.totalNote.Wrapping = fyne.TextWrapWord
	b.totalCard = widget.NewCard("", "", container.NewVBox(b.total, b.totalNote))
	b.chart = newBarChart()
	b.chartCard = widget.NewCard("", "", b.chart)
	b.list = layouts.NewColumnsOrStack(2)
	b.content = container.NewVScroll(container.NewPadded(container.NewVBox(b.totalCard, b.chartCard, b.list)))
	return b
}

func (b *balanceTab) setData(data memberdata.Data, kpj func(string) string) {
	b.totalCard.SetTitle(lang.L("dashboard.balance.total"))
	if noBalance(data) {
		b.total.SetText("–")
		b.totalNote.SetText(lang.L("dashboard.balance.none"))
	} else {
		b.total.SetText(i18n.FormatRupiah(data.Balance.Total))
		note := map[string]any{"Count": len(data.Balance.Accounts), "Date": i18n.FormatDate(data.Balance.AsOf)}
		b.totalNote.SetText(part.Plural(len(data.Balance.Accounts), lang.L("dashboard.balance.totalNote.one", note), lang.L("dashboard.balance.totalNote", note)))
	}

	b.chartCard.SetTitle(lang.L("chart.balanceTitle"))
	b.chart.Series = balanceSeries()
	b.chart.Empty = lang.L("chart.none")
	years, values := balanceByYear(data.Balance.Accounts)
	b.chart.SetData(yearLabels(years), values)

	b.accounts = b.accounts[:0]
	objs := make([]fyne.CanvasObject, 0, len(data.Balance.Accounts))
	for _, acc := range data.Balance.Accounts {
		v := newAccountView(acc, cardStatus(data.Member, acc.KPJ))
		b.accounts = append(b.accounts, v)
		objs = append(objs, v.card)
	}
	b.list.Objects = objs
	b.setKPJ(kpj)
	b.list.Refresh()
}

// cardStatus is the status of one KPJ card from the profile.
func cardStatus(m member.Member, kpj string) member.KPJCard {
	for _, c := range m.Cards {
		if c.KPJ == kpj {
			return c
		}
	}
	return member.KPJCard{KPJ: kpj}
}

func newAccountView(acc member.BalanceAccount, kc member.KPJCard) *accountView {
	v := &accountView{kpj: acc.KPJ}
	v.employer = newField("dashboard.balance.employer")
	v.worker = newField("dashboard.balance.worker")
	v.development = newField("dashboard.balance.development")
	for _, f := range []*field{v.employer, v.worker, v.development} {
		f.translate()
		f.value.Alignment = fyne.TextAlignTrailing
	}
	v.employer.set(i18n.FormatRupiah(acc.Employer))
	v.worker.set(i18n.FormatRupiah(acc.Worker))
	v.development.set(i18n.FormatRupiah(acc.Development))

	totalKey := widget.NewLabelWithStyle(lang.L("dashboard.balance.cardTotal"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.total = widget.NewLabelWithStyle(i18n.FormatRupiah(acc.Total), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	v.total.SizeName = theme.SizeNameSubHeadingText
	v.total.Importance = widget.HighImportance

	period := lang.L("dashboard.balance.openSince", map[string]any{"Date": i18n.FormatDate(kc.Opened)})
	if !kc.Closed.IsZero() {
		period = lang.L("dashboard.balance.openClosed", map[string]any{"From": i18n.FormatDate(kc.Opened), "To": i18n.FormatDate(kc.Closed)})
	}
	periodLabel := widget.NewLabel(period)
	if kc.Status == "aktif" {
		v.status = widgets.NewBadge(statusText(kc.Status), theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess)
	} else {
		v.status = widgets.NewBadge(statusText(kc.Status), theme.ColorNameDisabled, theme.ColorNameForeground)
	}
	v.history = widget.NewAccordion(widget.NewAccordionItem(lang.L("dashboard.balance.history"), historyGrid(acc.History)))
	body := container.NewVBox(
		container.NewHBox(container.NewCenter(v.status), periodLabel),
		fieldGrid(v.employer, v.worker, v.development),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, totalKey, nil, v.total),
		v.history,
	)
	v.card = widget.NewCard(acc.EmployerName, "", body)
	return v
}

// setKPJ writes each card's KPJ masked or revealed.
func (b *balanceTab) setKPJ(kpj func(string) string) {
	for _, v := range b.accounts {
		v.card.SetSubTitle(lang.L("dashboard.kpj", map[string]any{"KPJ": kpj(v.kpj)}))
	}
}

func (b *balanceTab) clear() {
	b.total.SetText("")
	b.totalNote.SetText("")
	b.accounts = nil
	b.chart.SetData(nil, nil)
	b.list.Objects = nil
	b.list.Refresh()
}

// historyGrid lists an account's years, newest first: the dues paid in
// (employer and worker), the development returns and the closing balance.
func historyGrid(years []member.YearBalance) fyne.CanvasObject {
	// Truncating cells keep the grid's minimum width small, so two cards
	// still fit side by side in the narrowest window.
	cell := func(text string, align fyne.TextAlign, bold bool) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(text, align, fyne.TextStyle{Bold: bold})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	// Headings wrap rather than truncate ("Pengemban…" at 1024 px).
	head := func(text string, align fyne.TextAlign) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(text, align, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	objs := []fyne.CanvasObject{
		head(lang.L("dashboard.contrib.year"), fyne.TextAlignLeading),
		head(lang.L("dashboard.balance.histDues"), fyne.TextAlignTrailing),
		head(lang.L("dashboard.balance.histDevelopment"), fyne.TextAlignTrailing),
		head(lang.L("dashboard.balance.histClosing"), fyne.TextAlignTrailing),
	}
	for i := len(years) - 1; i >= 0; i-- {
		y := years[i]
		objs = append(objs,
			cell(strconv.Itoa(y.Year), fyne.TextAlignLeading, false),
			cell(i18n.FormatRupiah(y.Employer+y.Worker), fyne.TextAlignTrailing, false),
			cell(i18n.FormatRupiah(y.Development), fyne.TextAlignTrailing, false),
			cell(i18n.FormatRupiah(y.Closing), fyne.TextAlignTrailing, false),
		)
	}
	return container.New(layout.NewGridLayoutWithColumns(4), objs...)
}
