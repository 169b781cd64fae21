package i18n

import "fyne.io/fyne/v2/lang"

// FieldErrorText is the sentence for a form field's error code (the Field
// and Code of a validate.FieldError), found locally or sent in the
// server's 422. field "confirm" is the password confirmation, which the
// server never sees. An unknown pair reads "Check this field.".
func FieldErrorText(field, code string) string {
	switch field + "/" + code {
	case "nik/required":
		return lang.L("Enter your NIK: the 16 digits on your KTP.")
	case "nik/format":
		return lang.L("This is not a valid NIK: it has 16 digits and starts with a province code.")
	case "nik/length":
		return lang.L("A NIK has 16 digits.")
	case "nik/invalid_date":
		return lang.L("The birth date inside this NIK does not exist. Check the digits.")
	case "nik/mismatch":
		return lang.L("The birth date in the NIK does not match the birth date.")
	case "kpj/required":
		return lang.L("Enter your KPJ number: the 11 digits on your membership card.")
	case "kpj/format":
		return lang.L("A KPJ number has digits only.")
	case "kpj/length":
		return lang.L("A KPJ number has 11 digits.")
	case "full_name/required":
		return lang.L("Enter your full name as on your KTP.")
	case "full_name/length":
		return lang.L("A full name has 2 to 100 characters.")
	case "full_name/format":
		return lang.L("The name contains characters that are not allowed.")
	case "birth_date/required":
		return lang.L("Enter your birth date.")
	case "birth_date/format":
		return lang.L("Write the date as DD-MM-YYYY, for example 04-07-1995.")
	case "birth_date/invalid_date":
		return lang.L("This birth date is not possible.")
	case "email/required":
		return lang.L("Enter your email address.")
	case "email/format", "email/length":
		return lang.L("This is not a valid email address, for example name@example.com.")
	case "email/taken":
		return lang.L("Another account already uses this email. Use another address, or sign in.")
	case "phone/required":
		return lang.L("Enter your mobile number.")
	case "phone/format":
		return lang.L("A mobile number starts with 08 or +628, for example 0812 3456 7890.")
	case "phone/length":
		return lang.L("This mobile number has too few or too many digits.")
	case "password/required":
		return lang.L("Choose a password.")
	case "password/length":
		return lang.L("A password has 10 to 128 characters.")
	case "password/weak":
		return lang.L("This password is too easy to guess. Make it longer or join unrelated words; avoid your name, email and birth date.")
	case "confirm/mismatch":
		return lang.L("The two passwords are not the same.")
	}
	return lang.L("Check this field.")
}
