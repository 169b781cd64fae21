// Package sms composes the messages for BPJS Ketenagakerjaan's SMS 2757
// balance service (the one-time registration and the balance request) and
// the QR payload that opens a phone's messaging app with one filled in. It
// is Fyne-free: invalid input comes back as *validate.FieldError, whose
// field and code the view translates.
package sms

import (
	"strings"
	"time"

	"github.com/cekbpjstk/cekbpjstk/service/validate"
)

// Number is BPJS Ketenagakerjaan's SMS service number.
const Number = "2757"

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
//	DAFTAR SALDO#<NIK>#<NAMA tanpa spasi>#<DD-MM-YYYY>#<KPJ>#<email>
//
// The name is written in capitals with its spaces removed, as the service
// asks ("Budi Santoso" → "BUDISANTOSO"). Every field is checked with the
// rules the registration form uses; the first failure comes back as a
// *validate.FieldError. A "#" inside a field would shift the others, so
// it is refused too.
func ComposeRegistration(r Registration) (string, error) {
	nik := strings.TrimSpace(r.NIK)
	if _, err := validate.ValidateNIK(nik, r.BirthDate); err != nil {
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
	compact := strings.ToUpper(strings.Join(strings.Fields(name), ""))
	return strings.Join([]string{"DAFTAR SALDO", nik, compact, r.BirthDate.Format("02-01-2006"), kpj, email}, "#"), nil
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
