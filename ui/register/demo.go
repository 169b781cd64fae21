package register

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/service"
)

// DemoMember is a sandbox member without an online account that the demo's
// form offers to fill in: the form (a password included) and a note, an
// English translation key.
type DemoMember struct {
	Form service.Registration
	Note string
}

// SetDemoMembers lists the sandbox's members to register, each with a
// button that fills the form (all but the consent, which stays the
// member's to give). None hides the card.
func (v *View) SetDemoMembers(members []DemoMember) {
	v.demoList.RemoveAll()
	for _, m := range members {
		m := m
		fill := widget.NewButton(lang.L("register.demo.fill"), func() { v.fill(m.Form) })
		v.demoList.Add(container.NewBorder(nil, nil, nil, fill,
			widget.NewLabel(lang.L("register.demo.line", map[string]any{"Name": m.Form.FullName, "Note": lang.L(m.Note)}))))
	}
	if len(members) > 0 {
		v.demoList.Add(widget.NewLabelWithStyle(lang.L("register.demo.password", map[string]any{"Password": members[0].Form.Password}),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		v.demoCard.Show()
	} else {
		v.demoCard.Hide()
	}
	v.page.Refresh()
}

// fill puts a registration into the form as if typed and left field by
// field, so every rule (and the NIK's warning) shows.
func (v *View) fill(r service.Registration) {
	for _, f := range []struct {
		e    *formEntry
		text string
	}{{v.nik, r.NIK}, {v.kpj, r.KPJ}, {v.fullName, r.FullName}, {v.email, r.Email}, {v.phone, r.Phone}} {
		f.e.SetText(f.text)
	}
	v.birth.SetText(r.BirthDate.Format(DateLayout))
	v.password.SetText(r.Password)
	v.confirm.SetText(r.Password)
	for _, f := range registerFields {
		v.touched[f] = true
	}
	v.update()
	if v.win != nil {
		v.win.Canvas().Focus(v.consent)
	}
}
