package ui

// Notes on the demo members, shown beside them on the login view. They are
// translation keys: SetDemoAccounts shows them through lang.L.
const (
	DemoNoteBudi = "active, 15 years, two KPJ cards, no 2FA"
	DemoNoteSiti = "inactive, JHT claim in process, 2FA on"
	DemoNoteAndi = "new member, three months of contributions"
)
