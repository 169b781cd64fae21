// Package wilayah holds Indonesia's province codes, the first two digits of
// every NIK (Nomor Induk Kependudukan) and of every regional code.
//
// Source: Keputusan Menteri Dalam Negeri (Kepmendagri) Nomor 300.2.2-2138
// Tahun 2025 tentang Pemberian dan Pemutakhiran Kode, Data Wilayah
// Administrasi Pemerintahan, dan Pulau, as amended by Kepmendagri Nomor
// 300.2.2-2430 Tahun 2025 (23 June 2025); the four Papua provinces created in
// 2022 (UU 14, 15 and 16 of 2022 and UU 29 of 2022) got codes 93 to 96 in
// Kepmendagri Nomor 100.1.1-6117 Tahun 2022. The list was read from the
// Kepmendagri tables as republished in github.com/cahyadsn/wilayah (README,
// "Ringkasan Data Wilayah"), a secondary source that cites each decree.
//
// A NIK keeps the province code of the place it was issued: a resident of
// Papua Barat Daya (96) whose NIK was issued before 2022 still carries 91 or
// 92, and Dukcapil does not reissue it. So every code in the list is valid on
// a NIK, and no code outside it is.
package wilayah

// provinces maps the two-digit code to the province's official name.
var provinces = map[string]string{
	"11": "Aceh",
	"12": "Sumatera Utara",
	"13": "Sumatera Barat",
	"14": "Riau",
	"15": "Jambi",
	"16": "Sumatera Selatan",
	"17": "Bengkulu",
	"18": "Lampung",
	"19": "Kepulauan Bangka Belitung",
	"21": "Kepulauan Riau",
	"31": "DKI Jakarta",
	"32": "Jawa Barat",
	"33": "Jawa Tengah",
	"34": "DI Yogyakarta",
	"35": "Jawa Timur",
	"36": "Banten",
	"51": "Bali",
	"52": "Nusa Tenggara Barat",
	"53": "Nusa Tenggara Timur",
	"61": "Kalimantan Barat",
	"62": "Kalimantan Tengah",
	"63": "Kalimantan Selatan",
	"64": "Kalimantan Timur",
	"65": "Kalimantan Utara",
	"71": "Sulawesi Utara",
	"72": "Sulawesi Tengah",
	"73": "Sulawesi Selatan",
	"74": "Sulawesi Tenggara",
	"75": "Gorontalo",
	"76": "Sulawesi Barat",
	"81": "Maluku",
	"82": "Maluku Utara",
	"91": "Papua",
	"92": "Papua Barat",
	"93": "Papua Selatan",
	"94": "Papua Tengah",
	"95": "Papua Pegunungan",
	"96": "Papua Barat Daya",
}

// Province returns the name of the province with the two-digit code, and
// whether such a province exists.
func Province(code string) (string, bool) {
	name, ok := provinces[code]
	return name, ok
}

// Count is how many provinces the list holds (38 since 2022).
func Count() int { return len(provinces) }
