package sandbox

import "time"

// Rina Marlina is the registration's second demo: her NIK (issued in
// Bandung with 10 February 1993: day 50 is a woman's 10th) keeps the date
// that was on her papers then, while her membership record has the birth
// date Dukcapil corrected later, 1 February 1993. Dukcapil does not reissue
// a NIK when a birth date is corrected, so the app warns that the two
// differ and still lets her register; the record decides. She has no
// online account yet; her mobile number on record is in memberPhones.
var registerDemoMembers = []seedMember{
	{
		nik: "3273015002930007", name: "Rina Marlina", birth: "1993-02-01", birthCorrected: true,
		status: "aktif", statusSince: "2022-03-01", memberSince: "2022-03-01",
		jobs: []seedJob{
			{kpj: "22078901234", employer: "PT Parahyangan Boga Rasa", npp: "22076543", risk: 2,
				from: month(2022, time.March), to: LastPeriod, wage: 4_200_000, raiseBP: 500},
		},
	},
}

func init() {
	demoMembers = append(demoMembers, registerDemoMembers...)
	memberPhones["3273015002930007"] = "085221334455"
}
