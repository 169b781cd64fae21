package dashboard

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/ui/layouts"
	"github.com/cekbpjstk/cekbpjstk/ui/widgets"
)

// tabBar is the dashboard's row of text tabs over one content area, with
// the selected tab underlined. It stands in for container.AppTabs, which
// re-colours every tab button's icon and its hidden close button on each
// layout: ~15 ms of the dashboard's first frame. Items keep AppTabs' type,
// so a tab is still a container.TabItem. Use it on the UI goroutine.
type tabBar struct {
	Items      []*container.TabItem
	OnSelected func(*container.TabItem)
	// OnShow hears an item just before its content is put on screen.
	OnShow func(*container.TabItem)

	selected int
	buttons  []*widget.Button
	marks    []*widgets.Tint
	body     *fyne.Container // the selected item's content
	content  *fyne.Container
}

// markHeight is the underline's thickness.
const markHeight = 3

func newTabBar(items ...*container.TabItem) *tabBar {
	t := &tabBar{Items: items, body: container.NewStack()}
	row := layouts.NewFlow() // a narrow window wraps the tabs to a second row
	for i, item := range items {
		b := widget.NewButton(item.Text, func() { t.selectIndex(i) })
		b.Importance = widget.LowImportance
		mark := widgets.NewTint(theme.ColorNamePrimary, 0xff)
		mark.Hide()
		t.buttons = append(t.buttons, b)
		t.marks = append(t.marks, mark)
		height := canvas.NewRectangle(color.Transparent)
		height.SetMinSize(fyne.NewSize(0, markHeight))
		row.Add(container.NewBorder(nil, container.NewStack(height, mark), nil, nil, b))
	}
	t.content = container.NewBorder(container.NewVBox(row, widget.NewSeparator()), nil, nil, nil, t.body)
	if len(items) > 0 {
		t.show(0)
	}
	return t
}

// Content is the bar and the selected tab's content.
func (t *tabBar) Content() fyne.CanvasObject { return t.content }

// Selected is the tab on screen.
func (t *tabBar) Selected() *container.TabItem {
	if len(t.Items) == 0 {
		return nil
	}
	return t.Items[t.selected]
}

// Select shows item and tells OnSelected.
func (t *tabBar) Select(item *container.TabItem) {
	for i, it := range t.Items {
		if it == item {
			t.selectIndex(i)
			return
		}
	}
}

func (t *tabBar) selectIndex(i int) {
	t.show(i)
	if t.OnSelected != nil {
		t.OnSelected(t.Items[i])
	}
}

func (t *tabBar) show(i int) {
	t.marks[t.selected].Hide()
	t.selected = i
	t.marks[i].Show()
	if t.OnShow != nil {
		t.OnShow(t.Items[i])
	}
	t.body.Objects = []fyne.CanvasObject{t.Items[i].Content}
	t.body.Refresh()
}

// Refresh takes the items' texts again, e.g. after a language switch.
func (t *tabBar) Refresh() {
	for i, b := range t.buttons {
		if b.Text != t.Items[i].Text {
			b.SetText(t.Items[i].Text)
		}
	}
}
