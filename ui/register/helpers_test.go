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
	dewiPhone    = "0813 3700 1122" // the number on her membership record
	dewiPassword = "Kopi-Tubruk-Senja-42"
)

func newRegisterTest(t *testing.T) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	uitest.SetLanguage(t, "id")
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := New(w)
	// The resend countdown ticks through a queue the test drains when it
	// wants to (fyne.Do in the test driver would run them on the ticker's
	// goroutine, racing the test's).
	v.Do = uitest.NewQueue(t).Do
	t.Cleanup(v.Stop)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(720, 1200))
	return v, w
}

// regRegisterWith wires the view to client as the app does (there off the
// UI goroutine): OnSubmit starts the registration and shows the codes
// page, OnConfirm and OnResend send the codes. It returns the forms whose
// step 1 the server accepted and the accounts step 2 created.
func regRegisterWith(v *View, client *service.Client) (*[]service.Registration, *[]service.Registered) {
	var started []service.Registration
	var created []service.Registered
	var pending service.PendingRegistration
	v.OnSubmit = func(r service.Registration) {
		v.SetBusy(true)
		p, err := client.Register(context.Background(), r)
		v.SetBusy(false)
		if err != nil {
			v.ShowError(err)
			return
		}
		started, pending = append(started, r), p
		v.ShowCodes(p)
	}
	v.OnConfirm = func(emailCode, smsCode string) {
		v.SetCodesBusy(true)
		res, err := client.ConfirmRegistration(context.Background(), pending, emailCode, smsCode)
		v.SetCodesBusy(false)
		if err != nil {
			v.ShowCodesError(err)
			return
		}
		created = append(created, res)
		v.Reset()
	}
	v.OnResend = func() {
		p, err := client.ResendRegistration(context.Background(), pending)
		if err != nil {
			v.ShowCodesError(err)
			return
		}
		pending = p
		v.ShowCodes(p)
	}
	return &started, &created
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
