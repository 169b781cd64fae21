package app

import (
	"errors"
	"testing"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service"
)

func dewiForm() service.Registration {
	return service.Registration{NIK: "5171044407950004", KPJ: "21045678901", FullName: "Dewi Lestari",
		BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC), Email: "dewi@contoh.id",
		Phone: "0813 3700 1122", Password: "Kintamani!Pagi7"}
}

// Registration is two steps through the application layer: the form, then
// the two codes; only then can Dewi log in. In the demo the app reads the
// codes the sandbox sent.
func TestRegistration_TwoStepsThenLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.demo.RegistrationCode = e.srv.LatestCode
	a, _ := e.newApp()
	if _, err := a.ConfirmRegistration(e.ctx(), "123456", "123456"); !errors.Is(err, ErrNoRegistration) {
		t.Fatalf("confirm without a registration: %v", err)
	}
	p, err := a.StartRegistration(e.ctx(), dewiForm())
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := a.PendingRegistration(); !ok || got.PhoneMasked != p.PhoneMasked || p.PhoneMasked != "0813****1122" {
		t.Errorf("pending %+v, %v", got, ok)
	}
	if _, err := a.Login(e.ctx(), "dewi@contoh.id", "Kintamani!Pagi7", false); !errors.Is(err, service.ErrInvalidCredentials) {
		t.Errorf("login before the codes: %v", err)
	}
	emailCode, smsCode := a.DemoRegistrationCodes()
	if len(emailCode) != 6 || len(smsCode) != 6 {
		t.Fatalf("demo codes %q %q", emailCode, smsCode)
	}
	var ce *service.CodeError
	if _, err := a.ConfirmRegistration(e.ctx(), emailCode, "000000"); !errors.As(err, &ce) {
		t.Fatalf("wrong SMS code: %v", err)
	}
	if got, _ := a.PendingRegistration(); got.AttemptsRemaining != 4 {
		t.Errorf("attempts after a wrong code: %d", got.AttemptsRemaining)
	}
	res, err := a.ConfirmRegistration(e.ctx(), emailCode, smsCode)
	if err != nil || res.Email != "dewi@contoh.id" {
		t.Fatalf("confirm: %+v, %v", res, err)
	}
	if _, ok := a.PendingRegistration(); ok {
		t.Error("the registration is still pending after it completed")
	}
	if _, err := a.Login(e.ctx(), "dewi@contoh.id", "Kintamani!Pagi7", false); err != nil {
		t.Errorf("login after the codes: %v", err)
	}
}

// A registration belongs to the server it was sent to: a profile change
// (a new epoch) drops it, and a confirmation racing the change is dropped.
func TestRegistration_DroppedWhenTheServerChanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.demo.RegistrationCode = e.srv.LatestCode
	a, _ := e.newApp()
	if _, err := a.StartRegistration(e.ctx(), dewiForm()); err != nil {
		t.Fatal(err)
	}
	emailCode, smsCode := a.DemoRegistrationCodes()
	a.ChangeProfile()
	if _, ok := a.PendingRegistration(); ok {
		t.Error("a registration survived the profile change")
	}
	if _, err := a.ConfirmRegistration(e.ctx(), emailCode, smsCode); !errors.Is(err, ErrNoRegistration) {
		t.Errorf("confirm after the change: %v", err)
	}
	if e, s := a.DemoRegistrationCodes(); e != "" || s != "" {
		t.Error("demo codes offered for a dropped registration")
	}
}

func TestRegistration_CancelForgetsIt(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	if _, err := a.StartRegistration(e.ctx(), dewiForm()); err != nil {
		t.Fatal(err)
	}
	a.CancelRegistration()
	if _, err := a.ResendRegistration(e.ctx()); !errors.Is(err, ErrNoRegistration) {
		t.Errorf("resend after cancel: %v", err)
	}
}

// The registration belongs to the client it was sent with: a new server
// check (a new client, the same epoch) drops it too.
func TestRegistration_DroppedByANewServerCheck(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a, _ := e.newApp()
	if _, err := a.StartRegistration(e.ctx(), dewiForm()); err != nil {
		t.Fatal(err)
	}
	epoch := a.Epoch()
	if _, err := a.CheckServer(e.ctx()); err != nil {
		t.Fatal(err)
	}
	if a.Epoch() != epoch {
		t.Fatal("a server check ended the session")
	}
	if _, ok := a.PendingRegistration(); ok {
		t.Fatal("a registration survived a new server check")
	}
	if _, err := a.ResendRegistration(e.ctx()); !errors.Is(err, ErrNoRegistration) {
		t.Fatalf("resend after a new check: %v", err)
	}
}
