package layouts

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func box(w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

// Hand-computed with the default theme's padding p = 4: three boxes of
// 100, 150 and 120 wide, 30 high.
func TestFlow_WrapsToTheWidth(t *testing.T) {
	test.NewTempApp(t)
	p := theme.Padding()
	a, b, c := box(100, 30), box(150, 30), box(120, 30)
	flow := NewFlow(a, b, c)
	for _, tc := range []struct {
		name       string
		width      float32
		rows       float32
		bPos, cPos fyne.Position
	}{
		{"one row: 100+4+150+4+120 = 378", 378, 1, fyne.NewPos(104, 0), fyne.NewPos(258, 0)},
		{"one short of a row: c wraps", 377, 2, fyne.NewPos(104, 0), fyne.NewPos(0, 34)},
		{"narrower than two: each on its own row", 200, 3, fyne.NewPos(0, 34), fyne.NewPos(0, 68)},
	} {
		flow.Resize(fyne.NewSize(tc.width, 200))
		if b.Position() != tc.bPos || c.Position() != tc.cPos {
			t.Errorf("%s: b at %v, c at %v; want %v, %v", tc.name, b.Position(), c.Position(), tc.bPos, tc.cPos)
		}
		want := fyne.NewSize(150, tc.rows*30+(tc.rows-1)*p)
		if got := flow.MinSize(); got != want {
			t.Errorf("%s: min %v, want %v", tc.name, got, want)
		}
		if c.Size() != fyne.NewSize(120, 30) {
			t.Errorf("%s: c is %v, want its minimum", tc.name, c.Size())
		}
	}
	b.Hide()
	flow.Resize(fyne.NewSize(230, 200))
	if c.Position() != fyne.NewPos(104, 0) {
		t.Errorf("b hidden: c at %v, want beside a", c.Position())
	}
}

func TestColumnsOrStack_SideBySideWhereBothFit(t *testing.T) {
	test.NewTempApp(t)
	a, b := box(200, 50), box(150, 80)
	cols := NewColumnsOrStack(2, a, b)
	// Side by side needs 2×200 + 4 = 404.
	cols.Resize(fyne.NewSize(404, 100))
	if a.Size() != fyne.NewSize(200, 100) || b.Position() != fyne.NewPos(204, 0) || b.Size() != fyne.NewSize(200, 100) {
		t.Errorf("at 404: a %v, b at %v size %v; want equal columns of 200", a.Size(), b.Position(), b.Size())
	}
	if got := cols.MinSize(); got != fyne.NewSize(200, 80) {
		t.Errorf("at 404: min %v, want 200×80", got)
	}
	cols.Resize(fyne.NewSize(403, 100))
	if a.Position() != fyne.NewPos(0, 0) || a.Size() != fyne.NewSize(403, 50) || b.Position() != fyne.NewPos(0, 54) || b.Size() != fyne.NewSize(403, 80) {
		t.Errorf("at 403: a at %v size %v, b at %v size %v; want stacked", a.Position(), a.Size(), b.Position(), b.Size())
	}
	if got := cols.MinSize(); got != fyne.NewSize(200, 134) {
		t.Errorf("at 403: min %v, want 200×134 (50+4+80)", got)
	}
}

// Four objects in two columns make two rows, each as high as its highest.
func TestColumnsOrStack_RowsOfColumns(t *testing.T) {
	test.NewTempApp(t)
	a, b, c, d := box(100, 20), box(100, 40), box(100, 30), box(100, 10)
	grid := NewColumnsOrStack(2, a, b, c, d)
	grid.Resize(fyne.NewSize(300, 500))
	// columns of (300-4)/2 = 148; rows 40 and 30 high.
	if b.Position() != fyne.NewPos(152, 0) || c.Position() != fyne.NewPos(0, 44) || d.Size() != fyne.NewSize(148, 30) {
		t.Errorf("b at %v, c at %v, d %v; want (152,0), (0,44), 148×30", b.Position(), c.Position(), d.Size())
	}
	if got := grid.MinSize(); got != fyne.NewSize(100, 74) {
		t.Errorf("min %v, want 100×74", got)
	}
	grid.Resize(fyne.NewSize(203, 500)) // 2×100+4 = 204: one column
	if got := grid.MinSize(); got != fyne.NewSize(100, 20+40+30+10+3*4) {
		t.Errorf("one column: min %v, want 100×112", got)
	}
}
