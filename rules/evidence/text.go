package evidence

// The pack's words, Indonesian first and English beside it: the member may
// hand it to HR, to BPJS Ketenagakerjaan or to an inspector in either
// language.

// bi is one text in both languages.
type bi struct{ ID, EN string }

var (
	txtTitle      = bi{"Bukti potongan iuran BPJS Ketenagakerjaan", "Evidence of BPJS Ketenagakerjaan deductions"}
	txtDisclaimer = bi{"Dibuat oleh aplikasi Cek BPJSTK dari dokumen milik peserta (slip gaji, rincian iuran BPJSTK); bukan dokumen resmi BPJS Ketenagakerjaan.",
		"Made by the Cek BPJSTK app from the member's own documents (payslips, BPJSTK contribution statements); not an official BPJS Ketenagakerjaan document."}
	txtName     = bi{"Nama", "Name"}
	txtNIK      = bi{"NIK", "NIK"}
	txtKPJ      = bi{"Nomor KPJ", "KPJ number"}
	txtEmployer = bi{"Pemberi kerja", "Employer"}
	txtNPP      = bi{"NPP", "NPP"}
	txtPeriod   = bi{"Periode", "Period"}
	txtMade     = bi{"Dibuat", "Made"}
	txtMasked   = bi{"NIK dan nomor KPJ hanya ditulis empat angka terakhirnya.", "Only the last four digits of the NIK and the KPJ number are written."}

	txtSummary   = bi{"Ringkasan", "Summary"}
	txtDeducted  = bi{"Dipotong dari upah (JHT 2% + JP 1%)", "Deducted from the wage (JHT 2% + JP 1%)"}
	txtCredited  = bi{"Masuk ke kartu (bagian pekerja)", "Credited to the card (worker's share)"}
	txtExcess    = bi{"Potongan JP di atas batas (harus dikembalikan)", "JP deducted above the cap (to be refunded)"}
	txtGap       = bi{"Dipotong tapi tidak disetor", "Deducted but not paid in"}
	txtFindings  = bi{"Temuan", "Findings"}
	txtRule      = bi{"Aturan", "Rule"}
	txtBasis     = bi{"Dasar", "Basis"}
	txtNoFinding = bi{"Tidak ada temuan pada periode ini.", "No findings in this period."}

	txtTable     = bi{"Rincian per bulan", "Month by month"}
	colMonth     = bi{"Bulan", "Month"}
	colDeducted  = bi{"Dipotong (slip gaji)", "Deducted (payslip)"}
	colCredited  = bi{"Masuk ke kartu", "Credited"}
	colGap       = bi{"Selisih", "Gap"}
	colPaid      = bi{"Tgl setor", "Paid in on"}
	colNote      = bi{"Catatan", "Note"}
	txtTotal     = bi{"Jumlah", "Total"}
	noteNoSlip   = bi{"tanpa slip gaji", "no payslip"}
	noteNoCredit = bi{"tidak ada iuran", "nothing credited"}
	noteNotDue   = bi{"belum jatuh tempo", "not yet due"}
	noteJPExcess = bi{"potongan JP di atas batas", "JP deducted above the cap"}

	txtLaw = bi{"Dasar hukum", "The law"}
	// UU 24/2011 Pasal 19 ayat (1) and (2), and Pasal 55, in our words
	// (audit.CiteDuty).
	txtLaw19 = bi{"UU 24/2011 Pasal 19 ayat (1) dan (2): pemberi kerja wajib memungut iuran yang menjadi beban peserta dari upah pekerjanya dan menyetorkannya kepada BPJS, dan wajib membayar serta menyetor iuran yang menjadi tanggung jawabnya sendiri.",
		"Law 24/2011 Article 19(1) and (2): the employer must collect the member's share of the contributions from the worker's wage and pay it to BPJS, and must pay its own share."}
	txtLaw55 = bi{"UU 24/2011 Pasal 55: pemberi kerja yang melanggar Pasal 19 ayat (1) atau (2) dipidana penjara paling lama 8 tahun atau denda paling banyak Rp1.000.000.000.",
		"Law 24/2011 Article 55: an employer who breaks Article 19(1) or (2) faces up to 8 years in prison or a fine of up to Rp1,000,000,000."}

	// Where to go, in order. BPJS Ketenagakerjaan names its complaint
	// channels (the JMO app's complaint menu, the 175 call centre, its
	// branch offices) and the labour office as the places to report an
	// employer, as quoted by Tempo ("Begini cara melaporkan perusahaan yang
	// tidak mendaftarkan BPJS Ketenagakerjaan pekerjanya"); labour
	// inspection is the province's since UU 23/2014; Lapor Menaker is the
	// Ministry of Manpower's complaint service.
	txtWhere = bi{"Ke mana melapor, berurutan", "Where to go, in order"}
	txtSteps = []bi{
		{"Bagian HRD atau personalia pemberi kerja: tanyakan secara tertulis, lampirkan dokumen ini, dan minta bukti setor iuran.",
			"The employer's HR or personnel office: ask in writing, attach this document, and ask for proof of payment."},
		{"BPJS Ketenagakerjaan: menu pengaduan di aplikasi JMO (Jamsostek Mobile), call center 175, atau kantor cabang terdekat.",
			"BPJS Ketenagakerjaan: the complaint menu of the JMO (Jamsostek Mobile) app, the 175 call centre, or the nearest branch office."},
		{"Pengawas ketenagakerjaan di Dinas Tenaga Kerja (Disnaker) provinsi, bila pemberi kerja dan BPJS Ketenagakerjaan tidak menyelesaikannya.",
			"The labour inspector at the provincial labour office (Disnaker), if the employer and BPJS Ketenagakerjaan do not resolve it."},
		{"Lapor Menaker, layanan pengaduan Kementerian Ketenagakerjaan.",
			"Lapor Menaker, the Ministry of Manpower's complaint service."},
	}

	txtDocs        = bi{"Dokumen asli", "Original documents"}
	txtDocsNote    = bi{"Dokumen berikut dilampirkan di dalam PDF ini (buka panel lampiran pada pembaca PDF); SHA-256 memastikan isinya tidak berubah.", "The documents below are attached inside this PDF (open the PDF reader's attachments panel); the SHA-256 shows their content is unchanged."}
	txtNotAttached = bi{"terlalu besar untuk dilampirkan: serahkan terpisah", "too large to attach: hand it in separately"}
	txtNoDocs      = bi{"Tidak ada dokumen yang dilampirkan.", "No documents attached."}
	txtPage        = bi{"Halaman", "Page"}
)

// both writes "Indonesian / English", or one text when they are the same.
func (b bi) both() string {
	if b.ID == b.EN {
		return b.ID
	}
	return b.ID + " / " + b.EN
}
