// Package sms composes the messages for BPJS Ketenagakerjaan's SMS 2757
// balance service (the one-time registration and the balance request) and
// the QR payload that opens a phone's messaging app with one filled in. It
// is Fyne-free: invalid input comes back as *validate.FieldError, whose
// field and code the view translates.
//
// The service's standing: in February 2025 BPJS Ketenagakerjaan said SMS
// 2757 is "sudah tidak relevan" and pointed members to the JMO app
// (StatusSince, StatusQuote). We have that statement as it was reported;
// we could not find the original announcement in the sources we can
// search, and the screen says so. The helper therefore keeps the composer
// only as something that may no longer answer, names the operators the
// service was published for (Operators), and points to the channels that
// work (JMO, the 175 line, a branch office, the app's offline copy).
package sms

import (
	"errors"
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Number is BPJS Ketenagakerjaan's SMS service number.
const Number = "2757"

// CareNumber is BPJS Ketenagakerjaan's phone line (BPJSTK Care).
const CareNumber = "175"

// StatusQuote is BPJS Ketenagakerjaan's word for the service in February
// 2025 (StatusSince), as reported.
const StatusQuote = "sudah tidak relevan"

// StatusSince is when BPJS Ketenagakerjaan said so.
var StatusSince = time.Date(2025, time.February, 1, 0, 0, 0, 0, time.UTC)

// Operators are the mobile operators the service was published for
// (BPJS Ketenagakerjaan's instructions as Tempo and UMSU repeated them in
// 2024): on the others it never answered.
var Operators = []string{"Telkomsel", "Indosat", "XL"}

// Registration is what the SMS 2757 balance service asks for once, to
// link a phone number to a KPJ.
type Registration struct {
	NIK       string
	FullName  string
	BirthDate time.Time
	KPJ       string
	Email     string
}

// ComposeRegistration writes the registration message in the format
// BPJS Ketenagakerjaan published:
//
//	DAFTAR SALDO#<NIK>#<NAMA>#<DD-MM-YYYY>#<KPJ>#<email>
//
// The name is written in capitals, its words one space apart ("Budi
// Santoso" → "BUDI SANTOSO"). Earlier versions removed the spaces
// ("BUDISANTOSO"); no source for that was found (issue 25, item 12), so
// the name stays as it is on the membership record. Every field is checked with the
// rules the registration form uses; the first failure comes back as a
// *validate.FieldError. A "#" inside a field would shift the others, so
// it is refused too. A NIK whose date part is not the birth date is not
// refused (see NIKDateDiffers): Dukcapil keeps a NIK when a birth date is
// corrected, and the birth date on the membership record is what the
// service matches.
func ComposeRegistration(r Registration) (string, error) {
	nik := strings.TrimSpace(r.NIK)
	if _, err := validate.ValidateNIK(nik, time.Time{}); err != nil {
		return "", err
	}
	name := strings.TrimSpace(r.FullName)
	if err := validate.ValidateFullName(name); err != nil {
		return "", err
	}
	if strings.Contains(name, "#") {
		return "", &validate.FieldError{Field: validate.FieldFullName, Code: validate.CodeFormat}
	}
	if r.BirthDate.IsZero() {
		return "", &validate.FieldError{Field: validate.FieldBirthDate, Code: validate.CodeRequired}
	}
	kpj := strings.TrimSpace(r.KPJ)
	if err := validate.ValidateKPJ(kpj); err != nil {
		return "", err
	}
	email := strings.TrimSpace(r.Email)
	if err := validate.ValidateEmail(email); err != nil {
		return "", err
	}
	if strings.Contains(email, "#") {
		return "", &validate.FieldError{Field: validate.FieldEmail, Code: validate.CodeFormat}
	}
	upper := strings.ToUpper(strings.Join(strings.Fields(name), " "))
	return strings.Join([]string{"DAFTAR SALDO", nik, upper, r.BirthDate.Format("02-01-2006"), kpj, email}, "#"), nil
}

// ComposeBalance writes the balance request, "SALDO <KPJ>", for a phone
// already registered.
func ComposeBalance(kpj string) (string, error) {
	kpj = strings.TrimSpace(kpj)
	if err := validate.ValidateKPJ(kpj); err != nil {
		return "", err
	}
	return "SALDO " + kpj, nil
}

// QRText is the QR payload that opens a phone's messaging app with the
// message to 2757 filled in.
func QRText(message string) string { return "SMSTO:" + Number + ":" + message }

// NIKDateDiffers reports whether r's NIK is valid but encodes another
// birth date than r.BirthDate, and that date: the helper warns, and the
// message still carries the birth date typed (the one the membership
// record should hold), as the registration form does.
func NIKDateDiffers(r Registration) (time.Time, bool) {
	if r.BirthDate.IsZero() {
		return time.Time{}, false
	}
	info, err := validate.ValidateNIK(strings.TrimSpace(r.NIK), r.BirthDate)
	var fe *validate.FieldError
	if errors.As(err, &fe) && fe.Code == validate.CodeMismatch {
		return info.BirthDate, true
	}
	return time.Time{}, false
}
