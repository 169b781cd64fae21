package register

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

// Dewi Lestari is the sandbox member without an online account.
const (
	dewiNIK      = "5171044407950004"
	dewiKPJ      = "21045678901"
	dewiName     = "Dewi Lestari"
	dewiBirth    = "04-07-1995"
	dewiEmail    = "dewi@contoh.id"
	dewiPhone    = "0812 3456 7890"
	dewiPassword = "Kopi-Tubruk-Senja-42"
)

func newRegisterTest(t *testing.T) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := New(w)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(720, 1200))
	return v, w
}

// regRegisterWith makes OnSubmit register through client, as the
// app does (there off the UI goroutine), and returns what succeeded.
func regRegisterWith(v *View, client *service.Client) *[]service.Registration {
	var done []service.Registration
	v.OnSubmit = func(r service.Registration) {
		v.SetBusy(true)
		err := client.Register(context.Background(), r)
		v.SetBusy(false)
		if err != nil {
			v.ShowError(err)
			return
		}
		done = append(done, r)
	}
	return &done
}

type regForm struct {
	nik, kpj, name, birth, email, phone, password, confirm string
	consent                                                bool
}

func dewiForm() regForm {
	return regForm{dewiNIK, dewiKPJ, dewiName, dewiBirth, dewiEmail, dewiPhone, dewiPassword, dewiPassword, true}
}

// fill types each value like a member would, leaving each field in turn.
func (f regForm) fill(v *View) {
	for _, p := range []struct {
		e    fyne.Focusable
		text string
	}{
		{v.nik, f.nik}, {v.kpj, f.kpj}, {v.fullName, f.name}, {v.birth, f.birth},
		{v.email, f.email}, {v.phone, f.phone}, {v.password, f.password}, {v.confirm, f.confirm},
	} {
		if p.text == "" {
			continue
		}
		test.Type(p.e, p.text)
		p.e.FocusLost()
	}
	v.consent.SetChecked(f.consent)
}
