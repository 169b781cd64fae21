package sandbox

import (
	"strings"
	"time"
)

// DemoRegistration is a seeded member without an online account, as the
// demo's registration form offers them: the details on their KTP and card
// (the record's birth date), their mobile number on record, and an email
// and password to register with.
type DemoRegistration struct {
	NIK, KPJ, FullName string
	BirthDate          time.Time
	Phone, Email       string
	Password           string
	// Note describes the member in a few words. It is a translation key
	// (register.demo.note.dewi): the UI shows it through its translations.
	Note string
}

// demoRegistrationNotes are the notes of the members to register.
var demoRegistrationNotes = map[string]string{
	"5171044407950004": "register.demo.note.dewi",
	"3273015002930007": "register.demo.note.rina",
}

// DemoRegistrationPassword is the password the demo suggests for a new
// account: any strong one would do.
const DemoRegistrationPassword = "Kintamani!Pagi7" // #nosec G101 -- a suggested password for fictitious demo members, shown on screen

// DemoRegistrations lists the seeded members who have no online account
// and whose mobile number is on record (so the SMS code reaches them), in
// seed order. Every call returns a fresh slice.
func DemoRegistrations() []DemoRegistration {
	var out []DemoRegistration
	for _, m := range demoMembers {
		phone, ok := memberPhones[m.nik]
		if m.account != nil || !ok || len(m.jobs) == 0 {
			continue
		}
		birth, err := time.Parse(time.DateOnly, m.birth)
		if err != nil {
			continue
		}
		first := strings.ToLower(strings.Fields(m.name)[0])
		out = append(out, DemoRegistration{
			NIK: m.nik, KPJ: m.jobs[len(m.jobs)-1].kpj, FullName: m.name, BirthDate: birth,
			Phone: phone, Email: first + "@contoh.id", Password: DemoRegistrationPassword,
			Note: demoRegistrationNotes[m.nik],
		})
	}
	return out
}
