package dashboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/rules/audit"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/audittab"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/rightstab"
)

// tabEntry is one tab of the dashboard: a new tab is one entry in
// tabTable and one file with its view (and its tests beside it).
type tabEntry struct {
	title string // its title's translation key; also how code finds it (Dashboard.item)
	// history: built from the contribution history, so after a summary
	// (SetSummary) it waits for the history with its progress
	// (history_pending.go) rather than show a summary's empty one.
	history bool
	// lazy: built only when first shown after SetData, never in the
	// background (see onShowOnly); Filled and OnFilled do not wait for it.
	lazy bool
	// build makes the view, once, in New.
	build func(d *Dashboard) tabView
}

// tabView is what a tab does: its content, how it shows data, how it
// drops it (Clear: lock, logout).
type tabView struct {
	content fyne.CanvasObject
	setData func(memberdata.Data)
	clear   func()
	// setAudit, if set, shows the shared audit of the data (audit.go):
	// after setData, and again when the report comes in; nil while it is
	// on its way.
	setAudit func(*audit.Report)
	// reset, if set, puts the tab back as a new session finds it: its
	// first sub-tab (OpenSummary).
	reset func()
}

// tabTable is the dashboard's tabs, in their order on screen.
var tabTable = []tabEntry{
	{title: "dashboard.tab.summary", build: func(d *Dashboard) tabView {
		d.summary = newSummaryTab()
		d.summary.audit.OnOpen = d.openFindings
		d.summary.audit.OnClaims = func() { d.tabs.Select(d.item("dashboard.tab.claims")) }
		return tabView{content: d.summary.content, setData: d.summary.setData, clear: d.summary.clear,
			setAudit: func(*audit.Report) { d.summary.audit.Set(d.problems()) }}
	}},
	{title: "dashboard.tab.balance", build: func(d *Dashboard) tabView {
		d.balance = newBalanceTab()
		return tabView{content: d.balance.content, setData: func(data memberdata.Data) { d.balance.setData(data, d.displayKPJ) }, clear: d.balance.clear}
	}},
	{title: "dashboard.tab.contributions", history: true, build: func(d *Dashboard) tabView {
		d.contributions = newContributionsTab()
		d.contributions.OnExport = d.ShowStatementDialog
		return tabView{content: d.contributions.content, setData: d.contributions.setData, clear: d.contributions.clear}
	}},
	{title: "dashboard.tab.claims", build: func(d *Dashboard) tabView {
		d.claims = newClaimsTab()
		return tabView{content: d.claims.content, setData: d.claims.setData, clear: d.claims.clear}
	}},
	{title: "dashboard.tab.card", build: func(d *Dashboard) tabView {
		d.card = newCardTab(d)
		return tabView{content: d.card.content, setData: d.card.setData, clear: d.card.clear}
	}},
	{title: "simulation.tab", history: true, build: func(d *Dashboard) tabView {
		d.simulation = newSimulationTab()
		return tabView{content: d.simulation.content, setData: d.simulation.setData, clear: d.simulation.clear}
	}},
	// Hak saya reads the history too (JP, JKP).
	{title: "rights.tab", history: true, lazy: true, build: func(d *Dashboard) tabView {
		d.rights = rightstab.New(d.displayKPJ)
		return tabView{content: d.rights.Content(), setData: d.rights.SetData, clear: d.rights.Clear}
	}},
	{title: "audit.tab", history: true, lazy: true, build: func(d *Dashboard) tabView {
		d.audit = audittab.New(audittab.Params{Win: d.win, SetNotice: d.SetNotice, ShowStatement: d.ShowStatementDialog,
			OnKit: d.ShowActionKit, OnPayslip: d.keepPayslip, OnPayslips: d.keepPayslips, Documents: d.documents})
		return tabView{content: d.audit.Content(), setData: d.audit.SetData, clear: d.audit.Clear,
			setAudit: func(*audit.Report) { d.audit.SetChecks(d.checks()) },
			reset:    d.audit.ShowFindings}
	}},
}

// tab is a tabEntry built: its view and its item in the tab bar.
type tab struct {
	tabEntry
	tabView
	item *container.TabItem
}

// buildTabs builds every tab of tabTable for d. Only the selected tab's
// content is in the tree (tabBar), so a hidden tab is neither laid out nor
// refreshed until it is shown.
func (d *Dashboard) buildTabs() {
	d.tabList = make([]*tab, 0, len(tabTable))
	items := make([]*container.TabItem, 0, len(tabTable))
	for _, e := range tabTable {
		v := e.build(d)
		t := &tab{tabEntry: e, tabView: v, item: container.NewTabItem("", v.content)}
		d.tabList = append(d.tabList, t)
		items = append(items, t.item)
	}
	d.tabs = newTabBar(items...)
	d.tabs.OnShow = d.fillNow
}

// item is the tab bar's item of the tab titled by the translation key
// title, nil if there is none.
func (d *Dashboard) item(title string) *container.TabItem {
	for _, t := range d.tabList {
		if t.title == title {
			return t.item
		}
	}
	return nil
}

// tabOf is the tab of item, nil if there is none.
func (d *Dashboard) tabOf(item *container.TabItem) *tab {
	for _, t := range d.tabList {
		if t.item == item {
			return t
		}
	}
	return nil
}

// fill shows data on t, with the audit as far as it is in.
func (d *Dashboard) fill(t *tab, data memberdata.Data) {
	t.setData(data)
	if t.setAudit != nil {
		t.setAudit(d.auditReport())
	}
}

// OpenSummary puts the dashboard back as a new session finds it: on
// Ringkasan, with every tab on its first sub-tab. Every login and every
// account switch opens here (Clear calls it), so a member never lands on
// the tab the previous account left open.
func (d *Dashboard) OpenSummary() {
	for _, t := range d.tabList {
		if t.reset != nil {
			t.reset()
		}
	}
	d.tabs.Select(d.tabList[0].item)
}

// openFindings is the Ringkasan notice's "Lihat": Periksa iuran on the
// findings the notice counts (not Upah saya, wherever it was left).
func (d *Dashboard) openFindings() {
	d.tabs.Select(d.item("audit.tab"))
	d.audit.ShowFindings()
}

// SelectedTab is the title key of the tab on screen (tests, the shell's
// tests).
func (d *Dashboard) SelectedTab() string {
	if t := d.tabOf(d.tabs.Selected()); t != nil {
		return t.title
	}
	return ""
}
