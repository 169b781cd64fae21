package dashboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/internal/memberdata"
)

// A refresh shows its summary as soon as it is in (SetSummary): the
// header and the tabs built from the profile, balance, claims and cards
// take the new data at once, and every tab built from the contribution
// history shows the history's progress instead of its content, until
// SetData brings the whole data. So the screen never shows new data beside
// old: a tab is either the new data's or waiting for it.

// historyPending is the stand-in of a history tab while it waits.
type historyPending struct {
	title   *widget.Label
	detail  *widget.Label
	bar     *widget.ProgressBar
	endless *widget.ProgressBarInfinite
	content fyne.CanvasObject
}

func newHistoryPending() *historyPending {
	p := &historyPending{
		title:   widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		detail:  widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{}),
		bar:     widget.NewProgressBar(),
		endless: widget.NewProgressBarInfinite(),
	}
	p.bar.TextFormatter = func() string { return "" }
	p.bar.Hide()
	p.endless.Stop()
	p.endless.Hide()
	box := container.NewGridWrap(fyne.NewSize(360, p.bar.MinSize().Height), container.NewStack(p.bar, p.endless))
	p.content = container.NewCenter(container.NewVBox(p.title, container.NewCenter(box), p.detail))
	return p
}

// historyTabs are the tabs built from the contribution history
// (tabEntry.history).
func (d *Dashboard) historyTabs() []*container.TabItem {
	var items []*container.TabItem
	for _, t := range d.tabList {
		if t.history {
			items = append(items, t.item)
		}
	}
	return items
}

// SetSummary shows a refresh's summary (memberdata.Data without the
// contribution history) while the history is on its way: see above. The
// history tabs show progress (SetHistoryProgress) until SetData.
func (d *Dashboard) SetSummary(data memberdata.Data) {
	data.Contributions = nil // never the previous data's
	d.SetData(data)
	d.setHistoryPending(true)
	d.SetHistoryProgress(0, 0)
}

// HistoryPending reports whether the history tabs wait for their data.
func (d *Dashboard) HistoryPending() bool { return d.pendingTabs != nil }

// SetHistoryProgress says how many of the member's years of contributions
// are in; 0 of 0 means none is known yet. It does nothing unless the
// history tabs wait (SetSummary).
func (d *Dashboard) SetHistoryProgress(years, total int) {
	if d.pendingTabs == nil {
		return
	}
	p := d.pending
	p.title.SetText(lang.L("dashboard.history.loading"))
	if total <= 0 {
		p.bar.Hide()
		p.endless.Show()
		p.endless.Start()
		p.detail.SetText(lang.L("dashboard.history.waiting"))
		return
	}
	p.endless.Stop()
	p.endless.Hide()
	p.bar.Max, p.bar.Value = float64(total), float64(min(years, total))
	p.bar.Show()
	p.bar.Refresh()
	p.detail.SetText(lang.L("dashboard.history.progress", map[string]any{"Years": years, "Total": total}))
}

// setHistoryPending swaps the history tabs' contents for the stand-in, or
// back.
func (d *Dashboard) setHistoryPending(on bool) {
	if on == (d.pendingTabs != nil) {
		return
	}
	if d.pending == nil {
		d.pending = newHistoryPending()
	}
	if on {
		d.pendingTabs = map[*container.TabItem]fyne.CanvasObject{}
		for _, item := range d.historyTabs() {
			d.pendingTabs[item] = item.Content
			item.Content = d.pending.content
		}
	} else {
		for item, content := range d.pendingTabs {
			item.Content = content
		}
		d.pendingTabs = nil
		d.pending.endless.Stop()
	}
	d.tabs.show(d.tabs.selected)
}
