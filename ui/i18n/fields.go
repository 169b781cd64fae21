package i18n

import "fyne.io/fyne/v2/lang"

// FieldErrorText is the sentence for a form field's error code (the Field
// and Code of a validate.FieldError), found locally or sent in the
// server's 422. field "confirm" is the password confirmation, which the
// server never sees. An unknown pair reads "Check this field.".
func FieldErrorText(field, code string) string {
	switch field + "/" + code {
	case "nik/required":
		return lang.L("register.field.nikRequired")
	case "nik/format":
		return lang.L("register.field.nikFormat")
	case "nik/length":
		return lang.L("register.field.nikLength")
	case "nik/invalid_date":
		return lang.L("register.field.nikInvalidDate")
	case "nik/mismatch":
		return lang.L("register.field.nikMismatch")
	case "kpj/required":
		return lang.L("register.field.kpjRequired")
	case "kpj/format":
		return lang.L("register.field.kpjFormat")
	case "kpj/length":
		return lang.L("register.field.kpjLength")
	case "full_name/required":
		return lang.L("register.field.fullNameRequired")
	case "full_name/length":
		return lang.L("register.field.fullNameLength")
	case "full_name/format":
		return lang.L("register.field.fullNameFormat")
	case "birth_date/required":
		return lang.L("register.field.birthDateRequired")
	case "birth_date/format":
		return lang.L("register.field.birthDateFormat")
	case "birth_date/invalid_date":
		return lang.L("register.field.birthDateInvalidDate")
	case "email/required":
		return lang.L("register.field.emailRequired")
	case "email/format", "email/length":
		return lang.L("register.field.emailFormat")
	case "email/taken":
		return lang.L("register.field.emailTaken")
	case "phone/required":
		return lang.L("register.field.phoneRequired")
	case "phone/format":
		return lang.L("register.field.phoneFormat")
	case "phone/length":
		return lang.L("register.field.phoneLength")
	case "password/required":
		return lang.L("register.field.passwordRequired")
	case "password/length":
		return lang.L("register.field.passwordLength")
	case "password/weak":
		return lang.L("register.field.passwordWeak")
	case "confirm/mismatch":
		return lang.L("register.field.confirmMismatch")
	}
	return lang.L("register.field.unknown")
}
