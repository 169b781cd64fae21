package register

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/cekbpjstk/cekbpjstk/sandbox"
	"github.com/cekbpjstk/cekbpjstk/service"
	"github.com/cekbpjstk/cekbpjstk/service/validate"
	"github.com/cekbpjstk/cekbpjstk/ui/i18n"
	"github.com/cekbpjstk/cekbpjstk/ui/uitest"
)

func TestRegister_DewiRegistersAgainstTheSandbox(t *testing.T) {
	v, _ := newRegisterTest(t)
	srv, client := uitest.SandboxWithClient(t)
	started, created := regRegisterWith(v, client)

	f := dewiForm()
	f.consent = false
	f.fill(v)
	if !v.submitButton.Disabled() {
		t.Fatal("Daftar is enabled before consent is given")
	}
	for _, field := range registerFields {
		if m := v.messages[field]; m.Importance == widget.DangerImportance {
			t.Errorf("%s shows an error for Dewi's data: %q", field, m.Text)
		}
	}
	if got := v.messages[validate.FieldNIK].Text; got != "Lahir 4 Juli 1995 · Perempuan" {
		t.Errorf("NIK message = %q", got)
	}
	test.Tap(v.consent)
	if v.submitButton.Disabled() {
		t.Fatal("Daftar stays disabled with every field valid and consent given")
	}
	test.Tap(v.submitButton)

	if len(*started) != 1 || !v.CodesShown() {
		t.Fatalf("step 1 did not succeed; top error %q", v.topError.Text)
	}
	r := (*started)[0]
	want := service.Registration{NIK: dewiNIK, KPJ: dewiKPJ, FullName: dewiName,
		BirthDate: time.Date(1995, 7, 4, 0, 0, 0, 0, time.UTC), Email: dewiEmail, Phone: dewiPhone, Password: dewiPassword}
	if r != want {
		t.Errorf("submitted %+v, want %+v", r, want)
	}
	if v.password.Text != "" || v.confirm.Text != "" {
		t.Error("the passwords stay in the form after they were sent")
	}
	if !uitest.Contains(v.Content(), "de**@contoh.id") || !uitest.Contains(v.Content(), "0813****1122") {
		t.Errorf("the codes page does not say where the codes went: %v", uitest.Texts(v.Content()))
	}
	// Not an account yet.
	if _, err := client.Login(context.Background(), dewiEmail, dewiPassword, false); err == nil {
		t.Fatal("Dewi signs in before confirming the codes")
	}
	emailCode, smsCode := srv.LatestCode("email", dewiEmail), srv.LatestCode("sms", dewiPhone)
	// Pasted the way SMS apps show codes.
	test.Type(v.codes.emailCode, emailCode[:3]+" "+emailCode[3:])
	test.Type(v.codes.smsCode, smsCode[:3]+"-"+smsCode[3:])
	if v.codes.emailCode.Text != emailCode || v.codes.smsCode.Text != smsCode || v.codes.confirm.Disabled() {
		t.Fatalf("pasted codes: %q %q, confirm disabled %v", v.codes.emailCode.Text, v.codes.smsCode.Text, v.codes.confirm.Disabled())
	}
	test.Tap(v.codes.confirm)
	if len(*created) != 1 || (*created)[0].Email != dewiEmail {
		t.Fatalf("step 2 did not succeed: %v", uitest.Texts(v.Content()))
	}
	res, err := client.Login(context.Background(), dewiEmail, dewiPassword, false)
	if err != nil || res.Session == nil {
		t.Fatalf("Dewi cannot sign in after registering: %v", err)
	}
}

func TestRegister_FieldErrorsShowInlineAndKeepDaftarDisabled(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*regForm)
		field string
		want  string // the message under field
	}{
		{"NIK too short", func(f *regForm) { f.nik = dewiNIK[:15] }, validate.FieldNIK, "NIK terdiri dari 16 digit."},
		{"NIK with a letter", func(f *regForm) { f.nik = "51710444O7950004" }, validate.FieldNIK,
			"NIK ini tidak valid: NIK terdiri dari 16 digit dan diawali kode provinsi."},
		{"NIK province code that does not exist", func(f *regForm) { f.nik = "2071044407950004" }, validate.FieldNIK,
			"Kode provinsi 20 tidak dikenal: dua angka pertama NIK adalah kode provinsi (misalnya 31 untuk DKI Jakarta). Periksa NIK di KTP Anda."},
		{"KPJ of 10 digits", func(f *regForm) { f.kpj = dewiKPJ[:10] }, validate.FieldKPJ, "Nomor KPJ terdiri dari 11 digit."},
		{"birth date not a date", func(f *regForm) { f.birth = "31-02-1995" }, validate.FieldBirthDate,
			"Tulis tanggal sebagai HH-BB-TTTT, misalnya 04-07-1995."},
		{"email without a dotted domain", func(f *regForm) { f.email = "dewi@contoh" }, validate.FieldEmail,
			"Alamat email tidak valid; contoh: nama@contoh.id."},
		{"phone not a mobile number", func(f *regForm) { f.phone = "0212345678" }, validate.FieldPhone,
			"Nomor HP diawali 08 atau +628, misalnya 0812 3456 7890."},
		{"phone with letters", func(f *regForm) { f.phone = "08123abc" }, validate.FieldPhone,
			"Nomor HP diawali 08 atau +628, misalnya 0812 3456 7890."},
		{"weak password", func(f *regForm) { f.password, f.confirm = "password12", "password12" }, validate.FieldPassword,
			"Kata sandi ini terlalu mudah ditebak. Buat lebih panjang atau gabungkan kata yang tidak berhubungan; jangan pakai nama, email, atau tanggal lahir."},
		{"short password", func(f *regForm) { f.password, f.confirm = "Ab#1", "Ab#1" }, validate.FieldPassword,
			"Kata sandi terdiri dari 10 sampai 128 karakter."},
		{"confirmation differs", func(f *regForm) { f.confirm = dewiPassword + "!" }, fieldConfirm, "Kedua kata sandi tidak sama."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, _ := newRegisterTest(t)
			submitted := false
			v.OnSubmit = func(service.Registration) { submitted = true }
			f := dewiForm()
			tc.edit(&f)
			f.fill(v)
			m := v.messages[tc.field]
			if m.Text != tc.want || m.Importance != widget.DangerImportance {
				t.Errorf("%s message = %q (importance %v), want error %q", tc.field, m.Text, m.Importance, tc.want)
			}
			if !v.submitButton.Disabled() {
				t.Error("Daftar is enabled")
			}
			test.Tap(v.submitButton)
			v.confirm.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if submitted {
				t.Error("the form was submitted")
			}
		})
	}
}

func TestRegister_ConsentUntickedKeepsDaftarDisabled(t *testing.T) {
	v, _ := newRegisterTest(t)
	f := dewiForm()
	f.consent = false
	f.fill(v)
	if !v.submitButton.Disabled() {
		t.Fatal("Daftar is enabled without consent")
	}
	test.Tap(v.consent)
	if v.submitButton.Disabled() {
		t.Fatal("Daftar is disabled with consent")
	}
	test.Tap(v.consent)
	if !v.submitButton.Disabled() {
		t.Fatal("Daftar stays enabled after consent is withdrawn")
	}
}

func TestRegister_WhileTypingACounterNotAnError(t *testing.T) {
	v, _ := newRegisterTest(t)
	test.Type(v.nik, "517104")
	if m := v.messages[validate.FieldNIK]; m.Text != "6 dari 16 digit" || m.Importance == widget.DangerImportance {
		t.Errorf("NIK while typing: %q (importance %v)", m.Text, m.Importance)
	}
	test.Type(v.kpj, "2104")
	if m := v.messages[validate.FieldKPJ]; m.Text != "4 dari 11 digit" {
		t.Errorf("KPJ while typing: %q", m.Text)
	}
	test.Type(v.kpj, "5678901")
	if m := v.messages[validate.FieldKPJ]; m.Text != "11 dari 11 digit" || m.Importance == widget.DangerImportance {
		t.Errorf("KPJ complete: %q (importance %v)", m.Text, m.Importance)
	}
	test.Type(v.email, "dewi@")
	if m := v.messages[validate.FieldEmail]; m.Importance == widget.DangerImportance {
		t.Errorf("half an email is already an error: %q", m.Text)
	}
}

func TestRegister_NIKImpliesBirthDateAndGender(t *testing.T) {
	v, _ := newRegisterTest(t)
	test.Type(v.nik, dewiNIK)
	if got := v.messages[validate.FieldNIK].Text; got != "Lahir 4 Juli 1995 · Perempuan" {
		t.Errorf("id: %q", got)
	}
	v.nik.SetText("3201011507900001") // day 15: a man
	if got := v.messages[validate.FieldNIK].Text; got != "Lahir 15 Juli 1990 · Laki-laki" {
		t.Errorf("id, male: %q", got)
	}

	uitest.SetLanguage(t, "en")
	v = New(test.NewWindow(nil))
	test.Type(v.nik, dewiNIK)
	if got := v.messages[validate.FieldNIK].Text; got != "Born 4 July 1995 · Female" {
		t.Errorf("en: %q", got)
	}
	test.Type(v.birth, "05-07-1995")
	if got := v.messages[validate.FieldNIK].Text; !strings.HasPrefix(got, "The date in this NIK (4 July 1995) is not the birth date you entered.") {
		t.Errorf("en mismatch: %q", got)
	}
}

func TestRegister_PhoneAccepts08AndPlus628(t *testing.T) {
	for _, phone := range []string{"081234567890", "0812-3456-7890", "+6281234567890", "+62 812 3456 7890"} {
		v, _ := newRegisterTest(t)
		f := dewiForm()
		f.phone = phone
		f.fill(v)
		if m := v.messages[validate.FieldPhone]; m.Importance == widget.DangerImportance || v.submitButton.Disabled() {
			t.Errorf("%q refused: %q", phone, m.Text)
		}
	}
}

func TestRegister_StrengthMeterFollowsThePassword(t *testing.T) {
	v, _ := newRegisterTest(t)
	if _, empty := v.strength.Score(); !empty || v.strength.Text() != "" {
		t.Fatal("meter not empty before typing")
	}
	test.Type(v.password, "abc")
	if s, _ := v.strength.Score(); s != 0 || v.strength.Text() != "Sangat lemah" {
		t.Errorf("abc: score %d %q", s, v.strength.Text())
	}
	v.password.SetText(dewiPassword)
	if s, _ := v.strength.Score(); s < validate.PasswordMinScore || (v.strength.Text() != "Kuat" && v.strength.Text() != "Sangat kuat") {
		t.Errorf("strong password: score %d %q", s, v.strength.Text())
	}
}

func TestRegister_DatePickerFillsTheBirthDate(t *testing.T) {
	v, w := newRegisterTest(t)
	test.Tap(v.birth.picker)
	if v.birth.popUp == nil || !v.birth.popUp.Visible() {
		t.Fatal("no calendar pop-up")
	}
	// The picker opens thirty years back; pick 4 July 1995 through its lists.
	v.birth.shown = time.Date(1995, time.July, 1, 0, 0, 0, 0, time.UTC)
	v.birth.pick(time.Date(1995, time.July, 4, 0, 0, 0, 0, time.UTC))
	if v.birth.Text != dewiBirth {
		t.Errorf("birth text = %q", v.birth.Text)
	}
	if got := v.messages[validate.FieldBirthDate].Text; got != "4 Juli 1995" {
		t.Errorf("birth message = %q", got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the calendar stays open after picking")
	}
}

func TestRegister_EnterInTheLastFieldSubmits(t *testing.T) {
	v, _ := newRegisterTest(t)
	var got *service.Registration
	v.OnSubmit = func(r service.Registration) { got = &r }
	dewiForm().fill(v)
	v.confirm.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got == nil || got.NIK != dewiNIK {
		t.Fatalf("Enter did not submit: %+v", got)
	}
}

// An unknown member and a member who already has an account see the same
// codes page as Dewi (the server's answer does not say which), no SMS
// code reaches them, and the codes they try are refused.
func TestRegister_UnknownOrRegisteredMemberGetsTheSameCodesPage(t *testing.T) {
	for name, edit := range map[string]func(*regForm){
		"unknown": func(f *regForm) { f.nik, f.kpj, f.birth = "3201011507900001", "99999999999", "15-07-1990" },
		"has an account": func(f *regForm) {
			f.nik, f.kpj, f.name, f.birth, f.email = "3174051708850003", "18012345678", "Budi Santoso", "17-08-1985", "budi.baru@contoh.id"
		},
	} {
		t.Run(name, func(t *testing.T) {
			v, _ := newRegisterTest(t)
			srv, client := uitest.SandboxWithClient(t)
			started, created := regRegisterWith(v, client)
			f := dewiForm()
			edit(&f)
			f.fill(v)
			test.Tap(v.submitButton)
			if len(*started) != 1 || !v.CodesShown() || v.topBox.Visible() {
				t.Fatalf("step 1: started %d, codes shown %v, top %q", len(*started), v.CodesShown(), v.topError.Text)
			}
			if c := srv.LatestCode("sms", dewiPhone); c != "" {
				t.Errorf("an SMS code went to the typed phone: %q", c)
			}
			test.Type(v.codes.emailCode, srv.LatestCode("email", f.email))
			test.Type(v.codes.smsCode, "123456")
			test.Tap(v.codes.confirm)
			if len(*created) != 0 {
				t.Fatal("an account was created")
			}
			if got := v.codes.smsMsg.Text; got != "Kode SMS tidak benar. Periksa SMS terbaru dari kami." {
				t.Errorf("SMS code message %q", got)
			}
			if v.codes.smsCode.Text != "" || v.codes.attempts.Text != "Sisa percobaan: 4" {
				t.Errorf("entry %q, attempts %q", v.codes.smsCode.Text, v.codes.attempts.Text)
			}
		})
	}
}

// The server still refuses fields the form cannot judge (its own
// password rules): the verdict lands under the field.
func TestRegister_ServerFieldErrorLandsUnderItsField(t *testing.T) {
	v, w := newRegisterTest(t)
	started, _ := regRegisterWith(v, uitest.SandboxClient(t))
	f := dewiForm()
	f.password, f.confirm = "Kopi-Tubruk-Bpjs-42", "Kopi-Tubruk-Bpjs-42" // the sandbox refuses "bpjs" in a password
	f.fill(v)
	test.Tap(v.submitButton)
	if len(*started) != 0 {
		t.Fatal("the server accepted a password it refuses")
	}
	m := v.messages[validate.FieldPassword]
	if m.Importance != widget.DangerImportance || m.Text == "" {
		t.Errorf("password message = %q", m.Text)
	}
	if !strings.HasPrefix(v.topError.Text, "Beberapa isian tidak diterima.") {
		t.Errorf("top error = %q", v.topError.Text)
	}
	if w.Canvas().Focused() != v.password {
		t.Error("focus is not on the rejected field")
	}
	if !v.submitButton.Disabled() {
		t.Error("Daftar enabled while the server's verdict stands")
	}
	// Editing the field drops the server's verdict.
	v.password.SetText(dewiPassword)
	v.confirm.SetText(dewiPassword)
	if v.messages[validate.FieldPassword].Importance == widget.DangerImportance || v.submitButton.Disabled() {
		t.Errorf("after editing: %q", v.messages[validate.FieldPassword].Text)
	}
}

// A NIK whose date is not the birth date gets a warning that explains it,
// and the form still submits: the server's record decides.
func TestRegister_NIKDateMismatchWarnsAndStillSubmits(t *testing.T) {
	v, _ := newRegisterTest(t)
	started, _ := regRegisterWith(v, uitest.SandboxClient(t))
	f := dewiForm()
	f.birth = "05-07-1995" // the NIK says 4 July
	f.fill(v)
	m := v.messages[validate.FieldNIK]
	if m.Importance != widget.WarningImportance || !strings.HasPrefix(m.Text, "Tanggal di NIK ini (4 Juli 1995) bukan tanggal lahir yang Anda isi.") {
		t.Errorf("NIK message %q (importance %v)", m.Text, m.Importance)
	}
	if v.submitButton.Disabled() {
		t.Fatal("Daftar is disabled by the NIK/date mismatch")
	}
	test.Tap(v.submitButton)
	if len(*started) != 1 || !v.CodesShown() {
		t.Fatalf("the form was not sent: %q", v.topError.Text)
	}
}

func TestRegister_ResendWaitsForTheCountdown(t *testing.T) {
	v, _ := newRegisterTest(t)
	q := uitest.NewQueue(t)
	now := time.Now()
	v.Do, v.Now = q.Do, func() time.Time { return now }
	resent := 0
	v.OnResend = func() { resent++ }
	v.ShowCodes(service.PendingRegistration{EmailMasked: "de**@contoh.id", PhoneMasked: "0813****1122",
		CodesExpire: now.Add(5 * time.Minute), ResendAt: now.Add(60 * time.Second), AttemptsRemaining: 5})
	if !v.codes.resend.Disabled() || v.codes.resend.Text != "Kirim kode baru dalam "+i18n.FormatWait(60*time.Second) {
		t.Errorf("resend button %q disabled %v", v.codes.resend.Text, v.codes.resend.Disabled())
	}
	test.Tap(v.codes.resend)
	if resent != 0 {
		t.Error("resend ran during the countdown")
	}
	now = now.Add(61 * time.Second)
	q.WaitFor("the countdown to end", func() bool { return !v.codes.resend.Disabled() })
	if v.codes.resend.Text != "Kirim kode baru" {
		t.Errorf("after the countdown: %q", v.codes.resend.Text)
	}
	test.Tap(v.codes.resend)
	if resent != 1 {
		t.Errorf("resend ran %d times", resent)
	}
	v.Stop()
}

func TestRegister_CodesErrorsInBothLanguages(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		t.Run(lang, func(t *testing.T) {
			newRegisterTest(t) // the test app
			uitest.SetLanguage(t, lang)
			v := New(test.NewWindow(nil)) // built in the language
			v.Do = uitest.NewQueue(t).Do
			v.ShowCodes(service.PendingRegistration{CodesExpire: time.Now().Add(5 * time.Minute), AttemptsRemaining: 5})
			defer v.Stop()
			for _, err := range []error{
				service.ErrCodeExpired, service.ErrRegistrationExpired, service.ErrAlreadyRegistered,
				&service.LockedError{RetryAfter: 30 * time.Second, RateLimited: true}, service.ErrOffline,
			} {
				v.ShowCodesError(err)
				if !v.codes.topBox.Visible() || v.codes.topError.Text == "" {
					t.Errorf("%v: no sentence", err)
				}
			}
			v.ShowCodesError(&service.ValidationError{Fields: []validate.FieldError{{Field: "email", Code: validate.CodeTaken}}})
			if want := i18n.FieldErrorText("email", validate.CodeTaken); v.codes.topError.Text != want {
				t.Errorf("email taken meanwhile: %q, want %q", v.codes.topError.Text, want)
			}
			v.ShowCodesError(&service.CodeError{Email: true, AttemptsRemaining: 2})
			if v.codes.emailMsg.Text == "" || v.codes.smsMsg.Text != "" {
				t.Errorf("email %q sms %q", v.codes.emailMsg.Text, v.codes.smsMsg.Text)
			}
		})
	}
}

func TestRegister_DemoCodesFillButton(t *testing.T) {
	v, _ := newRegisterTest(t)
	v.DemoCodes = func() (string, string) { return "112233", "445566" }
	v.ShowCodes(service.PendingRegistration{CodesExpire: time.Now().Add(5 * time.Minute), ResendAt: time.Now().Add(time.Minute), AttemptsRemaining: 5})
	defer v.Stop()
	if !v.codes.demoBox.Visible() || !strings.Contains(v.codes.demoCodes.Text, "112233") {
		t.Fatalf("demo box %v %q", v.codes.demoBox.Visible(), v.codes.demoCodes.Text)
	}
	test.Tap(v.codes.demoFill)
	if v.codes.emailCode.Text != "112233" || v.codes.smsCode.Text != "445566" || v.codes.confirm.Disabled() {
		t.Errorf("filled %q %q", v.codes.emailCode.Text, v.codes.smsCode.Text)
	}
}

func TestRegister_ShowErrorMapsEveryFieldAndConnectionErrors(t *testing.T) {
	v, _ := newRegisterTest(t)
	ve := &service.ValidationError{}
	for _, f := range []string{"nik", "kpj", "full_name", "birth_date", "email", "phone", "password"} {
		ve.Fields = append(ve.Fields, validate.FieldError{Field: f, Code: validate.CodeFormat})
	}
	ve.Fields = append(ve.Fields, validate.FieldError{Field: "nik", Code: validate.CodeMismatch})
	v.ShowError(ve)
	for _, f := range registerFields[:7] {
		if m := v.messages[f]; m.Importance != widget.DangerImportance || m.Text == "" {
			t.Errorf("%s: %q", f, m.Text)
		}
	}
	if got := v.messages[validate.FieldNIK].Text; !strings.HasPrefix(got, "NIK ini tidak valid") {
		t.Errorf("nik shows %q; the first error for a field wins", got)
	}
	v.ShowError(&service.ValidationError{Fields: []validate.FieldError{{Field: "nik", Code: "mismatch"}}})
	v.Reset()
	v.ShowError(&service.ValidationError{Fields: []validate.FieldError{{Field: "nik", Code: "mismatch"}}})
	if got := v.messages[validate.FieldNIK].Text; got != "Tanggal lahir di NIK tidak cocok dengan tanggal lahir." {
		t.Errorf("nik/mismatch: %q", got)
	}

	for err, want := range map[error]string{
		service.ErrOffline:                 "Server tidak dapat dihubungi.",
		service.ErrTimeout:                 "Server terlalu lama menjawab.",
		&service.CertificateError{}:        "Server tidak dapat diverifikasi",
		errors.New("boom"):                 "Server belum dapat mendaftarkan Anda",
		&service.APIError{Status: 503}:     "Server belum dapat mendaftarkan Anda",
		&service.DomainError{Host: "evil"}: "Server tidak dapat diverifikasi",
		&service.LockedError{RetryAfter: time.Minute, RateLimited: true}: "Terlalu banyak pendaftaran dimulai dari perangkat ini atau untuk NIK ini.",
	} {
		v.ShowError(err)
		if !strings.HasPrefix(v.topError.Text, want) {
			t.Errorf("%v: top = %q, want %q…", err, v.topError.Text, want)
		}
	}
	v.ShowError(context.Canceled)
	if v.topBox.Visible() {
		t.Error("a cancelled registration shows an error")
	}
}

func TestRegister_BusyDisablesTheForm(t *testing.T) {
	v, _ := newRegisterTest(t)
	dewiForm().fill(v)
	v.SetBusy(true)
	for _, d := range []fyne.Disableable{v.nik, v.kpj, v.fullName, v.birth, v.email, v.phone, v.password, v.confirm, v.consent, v.submitButton, v.backButton} {
		if !d.Disabled() {
			t.Errorf("%T enabled while busy", d)
		}
	}
	if !v.activity.Visible() || v.busyLabel.Text != "Mendaftarkan…" {
		t.Error("no progress shown")
	}
	v.SetBusy(false)
	if v.submitButton.Disabled() || v.nik.Disabled() || v.activity.Visible() {
		t.Error("form not back after busy")
	}
}

func TestRegister_ResetClearsEveryField(t *testing.T) {
	v, _ := newRegisterTest(t)
	dewiForm().fill(v)
	v.ShowError(service.ErrOffline)
	var order []string
	v.password.OnChanged = func(string) { order = append(order, "password") }
	v.nik.OnChanged = func(string) { order = append(order, "nik") }
	v.Reset()
	for _, f := range registerFields {
		if v.textOf(f) != "" {
			t.Errorf("%s not cleared", f)
		}
	}
	if len(order) < 2 || order[0] != "password" {
		t.Errorf("cleared in order %v, want the password first", order)
	}
	if v.consent.Checked || v.topBox.Visible() || !v.submitButton.Disabled() {
		t.Error("consent, top error or button survive Reset")
	}
}

func TestRegister_BackCallsOnBack(t *testing.T) {
	v, _ := newRegisterTest(t)
	back := false
	v.OnBack = func() { back = true }
	test.Tap(v.backButton)
	if !back {
		t.Error("OnBack not called")
	}
}

func TestRegister_Markup(t *testing.T) {
	v, w := newRegisterTest(t)
	test.ApplyTheme(t, test.Theme())
	test.AssertRendersToMarkup(t, "empty.xml", w.Canvas())

	f := dewiForm()
	f.nik, f.kpj, f.birth = dewiNIK, dewiKPJ[:10], "05-07-1995"
	f.email, f.phone = "dewi@contoh", "0212345678"
	f.password, f.confirm = "password12", "password13"
	f.consent = false
	f.fill(v)
	v.ShowError(service.ErrMemberNotFound)
	test.AssertRendersToMarkup(t, "errors.xml", w.Canvas())
}

func TestRegister_CodesMarkup(t *testing.T) {
	v, w := newRegisterTest(t)
	test.ApplyTheme(t, test.Theme())
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	v.Now = func() time.Time { return now }
	v.DemoCodes = func() (string, string) { return "112233", "" }
	v.ShowCodes(service.PendingRegistration{EmailMasked: "de**@contoh.id", PhoneMasked: "0813****1122",
		CodesExpire: now.Add(5 * time.Minute), ResendAt: now.Add(time.Minute), AttemptsRemaining: 5})
	defer v.Stop()
	v.ShowCodesError(&service.CodeError{SMS: true, AttemptsRemaining: 4})
	test.AssertRendersToMarkup(t, "codes.xml", w.Canvas())
}

func TestRegister_TabFollowsTheVisualOrder(t *testing.T) {
	v, w := newRegisterTest(t)
	want := []fyne.Focusable{v.nik, v.kpj, v.fullName, v.birth, v.email, v.phone, v.password, v.confirm, v.consent}
	c := w.Canvas()
	c.Focus(v.nik)
	var got []fyne.Focusable
	for range 20 {
		f := c.Focused()
		if slices.Contains(want, f) && !slices.Contains(got, f) {
			got = append(got, f)
		}
		c.FocusNext()
	}
	if !slices.Equal(got, want) {
		t.Errorf("Tab visits %d of the fields in order %v", len(got), got)
	}
}

// In the demo the form offers the sandbox's members without an account;
// "Isi" fills every field as if typed (Rina's NIK warning shows), the
// consent stays the member's, and the filled form registers.
func TestRegister_DemoMembersFillTheForm(t *testing.T) {
	v, _ := newRegisterTest(t)
	srv, client := uitest.SandboxWithClient(t)
	started, created := regRegisterWith(v, client)
	var members []DemoMember
	for _, r := range sandbox.DemoRegistrations() {
		if lang.L(r.Note) == r.Note {
			t.Errorf("note %q has no Indonesian translation", r.Note)
		}
		members = append(members, DemoMember{Note: r.Note, Form: service.Registration{NIK: r.NIK, KPJ: r.KPJ,
			FullName: r.FullName, BirthDate: r.BirthDate, Email: r.Email, Phone: r.Phone, Password: r.Password}})
	}
	v.SetDemoMembers(members)
	if !v.demoCard.Visible() || !uitest.Contains(v.Content(), "Rina Marlina — NIK-nya masih memuat tanggal lahir sebelum dikoreksi") {
		t.Fatalf("demo card: %v", uitest.Texts(v.Content()))
	}
	uitest.Button(t, v.Content(), "Isi").OnTapped() // Dewi, the first
	if v.nik.Text != dewiNIK || v.birth.Text != dewiBirth || v.password.Text == "" || v.password.Text != v.confirm.Text || v.consent.Checked {
		t.Fatalf("filled: nik %q birth %q consent %v", v.nik.Text, v.birth.Text, v.consent.Checked)
	}
	test.Tap(v.consent)
	test.Tap(v.submitButton)
	if len(*started) != 1 || !v.CodesShown() {
		t.Fatalf("the filled form was not sent: %q", v.topError.Text)
	}
	test.Type(v.codes.emailCode, srv.LatestCode("email", dewiEmail))
	test.Type(v.codes.smsCode, srv.LatestCode("sms", "081337001122"))
	test.Tap(v.codes.confirm)
	if len(*created) != 1 {
		t.Fatalf("not registered: %v", uitest.Texts(v.Content()))
	}
	// Rina's button: her NIK's warning shows, Daftar stays possible.
	var rina *widget.Button
	uitest.Walk(v.Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "Isi" {
			rina = b
		}
		return true
	})
	rina.OnTapped()
	if m := v.messages[validate.FieldNIK]; m.Importance != widget.WarningImportance {
		t.Errorf("Rina's NIK message %q (importance %v)", m.Text, m.Importance)
	}
	test.Tap(v.consent)
	if v.submitButton.Disabled() {
		t.Error("Daftar disabled for Rina")
	}
}
