// Package dashboard is the member's main view: a header with who and how
// fresh the data is, a notice banner, a menu, and eight tabs (summary, JHT
// balance, contributions, claims, the digital card, the JHT simulation,
// Hak saya, Periksa iuran), listed in one table (tabs.go) with one file or
// sub-package each: Hak saya is package rightstab, Periksa iuran package
// audittab; package part holds what they share with this one. Here also
// are the statement dialog and the charts the tabs use, and the audit,
// computed once per data change off the UI goroutine (audit.go).
//
// It only presents memberdata.Data. The shell fetches, caches and decides,
// and hears back through the Dashboard's OnX callbacks; the dashboard
// imports no other feature view and not the application layer.
package dashboard

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/book"
	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
	"github.com/cekbpjstk/cekbpjstk/internal/sms"
	"github.com/cekbpjstk/cekbpjstk/member"
	"github.com/cekbpjstk/cekbpjstk/rules/evidence"
	"github.com/cekbpjstk/cekbpjstk/ui/async"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/audittab"
	"github.com/cekbpjstk/cekbpjstk/ui/dashboard/rightstab"
	"github.com/cekbpjstk/cekbpjstk/ui/dialogs"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// MinWindowSize is the smallest window the dashboard fits in: its widest
// tab on a 1366×768 laptop.
var MinWindowSize = fyne.NewSize(1024, 700)

// Dashboard is the member's main view. It only presents memberdata.Data;
// the shell fetches, caches and decides, and hears back through the OnX
// callbacks (each may be nil). Every method must be called on the UI
// goroutine.
type Dashboard struct {
	OnRefresh       func()                     // fetch fresh data (online only)
	OnCancelRefresh func()                     // abandon the running refresh
	OnLock          func()                     // menu: lock
	OnLogout        func()                     // menu: log out
	OnSettings      func()                     // menu: the settings
	OnForget        func()                     // menu: forget this device; the shell asks for confirmation
	OnGoOnline      func()                     // offline view: go to the login to refresh
	OnFilled        func()                     // the background fills of the last SetData are done (Filled)
	OnSMS           func(pre sms.Registration) // menu: the SMS 2757 helper, prefilled from the member
	OnPayslip       func([]member.PayslipWage) // Upah saya changed: keep the wages (answer with SetPayslipSaved)
	OnPayslips      func([]member.Payslip)     // Upah saya's payslips changed: keep them (answer with SetPayslipSaved)
	// Documents are the member's original documents the evidence pack
	// attaches (a book's; nil or none: the pack lists none). Called off
	// the UI goroutine.
	Documents func(ctx context.Context) ([]evidence.Document, error)

	win         fyne.Window
	later       func([]func()) // runs each function on a later turn of the UI loop, in order (SetLater)
	data        memberdata.Data
	hasData     bool
	kpjRevealed bool

	name          *widget.Label
	statusBadge   *widgets.Badge
	segment       *widget.Label
	kpj           *widget.Label
	revealButton  *widget.Button
	updated       *widget.Label
	offlineBadge  *widgets.Badge
	asOf          *widget.Label
	activity      *widget.Activity
	cancelButton  *widget.Button
	refreshButton *widget.Button
	onlineButton  *widget.Button
	menuButton    *widget.Button
	menu          *fyne.Menu

	notice     *widget.Label
	noticeIcon *widget.Icon
	noticeBg   *widgets.Tint
	noticeBox  *fyne.Container

	tabs          *tabBar
	tabList       []*tab // tabTable built (tabs.go)
	summary       *summaryTab
	balance       *balanceTab
	contributions *contributionsTab
	claims        *claimsTab
	card          *cardTab
	simulation    *simulationTab
	rights        *rightstab.Tab
	audit         *audittab.Tab
	audited       sharedAudit // the audit of the data on screen (audit.go)
	runner        async.Runner

	unfilled    map[*container.TabItem]func()            // tabs whose SetData fill has not run yet
	pending     *historyPending                          // the history tabs' stand-in (history_pending.go)
	pendingTabs map[*container.TabItem]fyne.CanvasObject // while they wait: their own contents

	top        *fyne.Container // the header, notice and separator
	toast      *dialogs.Toast  // what a save did, at the bottom: never pushes the tabs down
	content    *fyne.Container
	generation int                              // bumps with every SetData and Clear
	inflight   map[*context.CancelFunc]struct{} // saves under way (saveInBackground)
}

// New builds an empty dashboard for win; SetData fills it.
func New(win fyne.Window) *Dashboard {
	d := &Dashboard{win: win, later: doEach}

	d.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.name.SizeName = theme.SizeNameSubHeadingText
	d.name.Selectable = false
	d.statusBadge = widgets.NewBadge("", theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess)
	d.segment = widget.NewLabel("")
	d.kpj = widget.NewLabel("")
	d.revealButton = widget.NewButtonWithIcon("", theme.VisibilityIcon(), d.toggleKPJ)
	d.revealButton.Importance = widget.LowImportance
	d.updated = widget.NewLabel("")
	d.offlineBadge = widgets.NewBadge("", theme.ColorNameWarning, theme.ColorNameForegroundOnWarning)
	d.asOf = widget.NewLabel("")
	d.asOf.Importance = widget.WarningImportance
	d.activity = widget.NewActivity()
	d.cancelButton = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		if d.OnCancelRefresh != nil {
			d.OnCancelRefresh()
		}
	})
	d.refreshButton = widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), func() {
		if d.OnRefresh != nil {
			d.OnRefresh()
		}
	})
	d.refreshButton.Importance = widget.HighImportance
	d.onlineButton = widget.NewButtonWithIcon("", theme.LoginIcon(), func() {
		if d.OnGoOnline != nil {
			d.OnGoOnline()
		}
	})
	d.onlineButton.Importance = widget.HighImportance
	d.menuButton = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), d.showMenu)
	d.menuButton.Importance = widget.LowImportance
	d.menu = fyne.NewMenu("")

	d.activity.Hide()
	d.cancelButton.Hide()
	d.offlineBadge.Hide()
	d.asOf.Hide()
	d.onlineButton.Hide()

	who := container.NewHBox(d.name, container.NewCenter(d.statusBadge), container.NewCenter(d.segment))
	actions := container.NewHBox(d.activity, d.cancelButton, d.refreshButton, d.onlineButton, d.menuButton)
	line1 := container.NewBorder(nil, nil, who, container.NewCenter(actions))
	line2 := container.NewHBox(d.kpj, d.revealButton, layout.NewSpacer(),
		container.NewCenter(d.offlineBadge), d.asOf, d.updated)
	header := container.NewVBox(line1, line2)

	d.notice = widget.NewLabel("")
	d.notice.Wrapping = fyne.TextWrapWord
	d.noticeIcon = widget.NewIcon(theme.InfoIcon())
	d.noticeBg = widgets.NewTint(theme.ColorNamePrimary, 0x24)
	d.noticeBox = container.NewStack(d.noticeBg,
		container.NewBorder(nil, nil, container.NewPadded(d.noticeIcon), nil, d.notice))
	d.noticeBox.Hide()

	d.buildTabs()

	d.top = container.NewVBox(container.NewPadded(header), d.noticeBox, widget.NewSeparator())
	d.toast = dialogs.NewToast()
	dialogs.Attach(win, d.toast) // ShowToast/ShowSaved from the tabs land here
	d.content = container.NewBorder(d.top, d.toast.Content(), nil, nil, d.tabs.Content())
	d.translate()
	return d
}

// Content is the dashboard's root object, for the window.
func (d *Dashboard) Content() fyne.CanvasObject { return d.content }

// doEach hands each function to fyne.Do, in order.
func doEach(fs []func()) {
	for _, f := range fs {
		fyne.Do(f)
	}
}

// MainActions are the objects a member must reach without scrolling:
// Perbarui (or, offline, the way back online) and every tab, by their
// labels (no member data).
func (d *Dashboard) MainActions() map[string]fyne.CanvasObject {
	out := map[string]fyne.CanvasObject{}
	for _, b := range []*widget.Button{d.refreshButton, d.onlineButton} {
		if b.Visible() {
			out[b.Text] = b
		}
	}
	for i, b := range d.tabs.buttons {
		out["tab "+d.tabs.Items[i].Text] = b
	}
	return out
}

// SetLater sets how the tabs not on screen are filled after SetData: later
// must run each function on a later turn of the UI loop, in order (the
// last one calls OnFilled). The default hands each to fyne.Do, which on
// the main goroutine before the event loop runs, runs it at once; the
// shell queues them from a goroutine of its own instead, so that the first
// frame is not held up. nil restores the default.
func (d *Dashboard) SetLater(later func([]func())) {
	if later == nil {
		later = doEach
	}
	d.later = later
}

// SetData replaces everything shown with data. It also re-reads every
// static text, so calling it after i18n.SetLanguage switches the language.
func (d *Dashboard) SetData(data memberdata.Data) {
	d.setHistoryPending(false)
	d.data, d.hasData, d.kpjRevealed = data, true, false
	d.translate()
	m := data.Member
	d.name.SetText(m.FullName)
	d.segment.SetText(segmentText(m.Segment))
	d.applyKPJ()
	d.revealButton.Show()

	if data.Offline {
		d.updated.Hide()
		d.offlineBadge.Show()
		d.asOf.SetText(lang.L("dashboard.asOf", map[string]any{"When": i18n.FormatDateTime(data.FetchedAt)}))
		d.asOf.Show()
		d.refreshButton.Hide()
		d.activity.Stop()
		d.activity.Hide()
		d.cancelButton.Hide()
		d.onlineButton.Show()
		if book.IsBook(data.Identifier) {
			// The member's own records: no server to log in to; importing
			// is what brings them up to date (the shell's book bar).
			d.offlineBadge.Set(lang.L("book.bar.title"), theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary)
			d.onlineButton.Hide()
		}
	} else {
		d.updated.SetText(lang.L("dashboard.updated", map[string]any{"When": i18n.FormatDateTime(data.FetchedAt)}))
		d.updated.Show()
		d.offlineBadge.Hide()
		d.asOf.Hide()
		d.onlineButton.Hide()
		d.refreshButton.Show()
	}

	// The tab on screen is filled now; the others a moment later, one per
	// turn of the event loop, so that the first frame after a login or a
	// cold start is not held up by tabs nobody is looking at yet (15 years
	// of yearly rows take a while to shape). In tests fyne.Do runs inline.
	d.generation++
	gen := d.generation
	d.startAudit(data)
	d.applyStatus()
	selected := d.tabs.Selected()
	if t := d.tabOf(selected); t != nil {
		d.fill(t, data)
	}
	// Texts changed size: lay out the header and the tab on screen again
	// (only them, not the whole view).
	d.top.Refresh()
	selected.Content.Refresh()
	d.content.Layout.Layout(d.content.Objects, d.content.Size())
	rest := make([]func(), 0, len(d.tabList))
	// A tab chosen before its turn came is filled as it is shown (fillNow),
	// so no tab ever shows the previous data.
	d.unfilled = map[*container.TabItem]func(){}
	for _, t := range d.tabList {
		if t.item == selected {
			continue
		}
		d.unfilled[t.item] = func() { d.fill(t, data) }
		if t.lazy {
			continue
		}
		rest = append(rest, func() {
			if d.generation == gen {
				d.fillNow(t.item)
			}
		})
	}
	rest = append(rest, func() {
		// A summary's (SetSummary) fills are not the whole data yet.
		if d.generation == gen && d.OnFilled != nil && !d.HistoryPending() {
			d.OnFilled()
		}
	})
	d.later(rest)
}

// Filled reports whether the background fills of the last SetData are
// done: every tab shows its data, but for the ones built only when first
// shown (onShowOnly), which fill as they are chosen.
func (d *Dashboard) Filled() bool {
	if !d.hasData {
		return false
	}
	for item := range d.unfilled {
		if !d.onShowOnly(item) {
			return false
		}
	}
	return true
}

// onShowOnly reports whether item is built only when it is first shown
// after a SetData, never in the background (tabEntry.lazy). Hak saya and Periksa iuran
// build every card's reasons, rules and findings as new widgets in text
// styles (italic citations) no other tab shows at start, so that filling
// them in the background cost the remembered start ~6 MiB of heap (~9 MiB
// of RSS with its fragmentation, a system fallback font parsed for the new
// style among them) for tabs most starts never open (measured with a heap
// profile against 98cb2de; notes/rss.md).
func (d *Dashboard) onShowOnly(item *container.TabItem) bool {
	t := d.tabOf(item)
	return t != nil && t.lazy
}

// fillNow fills item with the last SetData's data if that has not been
// done yet.
func (d *Dashboard) fillNow(item *container.TabItem) {
	if fill, ok := d.unfilled[item]; ok {
		delete(d.unfilled, item)
		fill()
	}
}

// SetRefreshing shows progress and Cancel while a refresh runs, with
// Refresh disabled so it cannot be started twice. The offline view has no
// refresh, so it ignores busy.
func (d *Dashboard) SetRefreshing(busy bool) {
	if busy && d.data.Offline {
		return
	}
	if busy {
		d.refreshButton.Disable()
		d.activity.Show()
		d.activity.Start()
		d.cancelButton.Show()
		return
	}
	d.activity.Stop()
	d.activity.Hide()
	d.cancelButton.Hide()
	d.refreshButton.Enable()
}

// applyStatus sets the header's status badge: the member's status, and
// over arrears the arrears in the warning colour, never a green "Aktif"
// (the audit's report decides, once it is in).
func (d *Dashboard) applyStatus() {
	if !d.hasData {
		return
	}
	status := d.data.Member.Status
	switch p := d.problems(); {
	case status == "aktif" && p != nil && p.Arrears():
		d.statusBadge.Set(lang.L("dashboard.status.arrears"), theme.ColorNameWarning, theme.ColorNameForegroundOnWarning)
	case status == "aktif":
		d.statusBadge.Set(statusText(status), theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess)
	default:
		d.statusBadge.Set(statusText(status), theme.ColorNameDisabled, theme.ColorNameForeground)
	}
	d.statusBadge.Show()
}

// StatusBadge is the header's status as shown, and whether it warns.
func (d *Dashboard) StatusBadge() (string, bool) {
	return d.statusBadge.Text, d.statusBadge.Background == theme.ColorNameWarning
}

// Toast is the message line at the bottom (what a save did).
func (d *Dashboard) Toast() *dialogs.Toast { return d.toast }

// Notice is the line shown under the header, or "" when none is.
func (d *Dashboard) Notice() string {
	if !d.noticeBox.Visible() {
		return ""
	}
	return d.notice.Text
}

// SetNotice shows one line under the header, as an error or as
// information; "" hides it.
func (d *Dashboard) SetNotice(text string, isError bool) {
	if text == "" {
		d.notice.SetText("")
		d.noticeBox.Hide()
		return
	}
	if isError {
		d.noticeIcon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		d.noticeBg.Color, d.noticeBg.Alpha = theme.ColorNameError, 0x30
	} else {
		d.noticeIcon.SetResource(theme.NewPrimaryThemedResource(theme.InfoIcon()))
		d.noticeBg.Color, d.noticeBg.Alpha = theme.ColorNamePrimary, 0x24
	}
	d.noticeBg.Refresh()
	d.notice.SetText(text)
	d.noticeBox.Show()
}

// Clear drops every piece of member data from the widgets, so that after a
// lock or logout the decrypted data is no longer referenced by the UI.
func (d *Dashboard) Clear() {
	d.generation++ // drops tab fills still queued
	d.cancelSaves()
	d.clearAudit()
	d.unfilled = nil
	d.setHistoryPending(false)
	d.data, d.hasData, d.kpjRevealed = memberdata.Data{}, false, false
	d.name.SetText("")
	d.statusBadge.Hide()
	d.segment.SetText("")
	d.kpj.SetText("")
	d.revealButton.Hide()
	d.updated.SetText("")
	d.asOf.SetText("")
	d.asOf.Hide()
	d.offlineBadge.Hide()
	d.SetNotice("", false)
	d.toast.Dismiss()
	for _, t := range d.tabList {
		t.clear()
	}
	d.OpenSummary()
	d.content.Refresh()
}

// translate sets every static text in the current language, touching only
// what changed: SetData calls it every time.
func (d *Dashboard) translate() {
	d.offlineBadge.Set(lang.L("dashboard.offline"), theme.ColorNameWarning, theme.ColorNameForegroundOnWarning)
	for b, text := range map[*widget.Button]string{
		d.cancelButton:  lang.L("Cancel"),
		d.refreshButton: lang.L("dashboard.refresh"),
		d.onlineButton:  lang.L("dashboard.goOnline"),
	} {
		if b.Text != text {
			b.SetText(text)
		}
	}
	changed := false
	for _, t := range d.tabList {
		if text := lang.L(t.title); t.item.Text != text {
			t.item.Text, changed = text, true
		}
	}
	if changed {
		d.tabs.Refresh()
		d.buildMenu()
	}
}
