package tabular

import (
	"testing"
)

// keyOf is the column key a header takes in a layout ("" if none,
// "ignored" for a column recognised and not read).
func keyOf(l *layout, header string) string {
	n := normalize(header)
	for _, c := range l.cols {
		if c.is(n) {
			if c.ignore {
				return "ignored"
			}
			return c.key
		}
	}
	return ""
}

func TestHeaders_PayslipVariants(t *testing.T) {
	t.Parallel()
	for header, want := range map[string]string{
		"Periode": "period", "PERIODE GAJI": "period", "Bulan": "period", "bulan gaji": "period",
		"Period": "period", "Pay period": "period", "Month": "period",
		"Pemberi Kerja": "employer", "Perusahaan": "employer", "Nama Perusahaan": "employer", "Employer": "employer",
		"Company": "employer",
		"KPJ":     "kpj", "No. KPJ": "kpj", "Nomor KPJ": "kpj", "Nomor Kartu": "kpj",
		"Gaji Pokok": "basic", "GAJI POKOK (Rp)": "basic", "Upah Pokok": "basic", "Basic Salary": "basic",
		"Basic wage (IDR)": "basic",
		"Tunjangan Tetap":  "fixed", "Tunjangan Jabatan": "fixed", "Tunjangan Keluarga": "fixed",
		"Fixed allowances": "fixed", "Fixed Allowance": "fixed",
		"Tunjangan Tidak Tetap": "other", "Lembur": "other", "Uang Lembur": "other", "Overtime": "other",
		"Bonus": "other", "Insentif": "other", "THR": "other", "Pendapatan Lain": "other", "Other income": "other",
		"Tunjangan Transport": "other", "Uang Makan": "other",
		"BPJS TK JHT 2%": "jht", "JHT Karyawan": "jht", "Potongan JHT": "jht", "JHT (2%)": "jht",
		"Iuran JHT TK": "jht", "Jaminan Hari Tua": "jht", "JHT employee": "jht", "jht": "jht",
		"BPJS TK JP 1%": "jp", "JP Karyawan": "jp", "Iuran Pensiun": "jp", "Potongan JP": "jp",
		"Jaminan Pensiun (1%)": "jp", "Pension": "jp",
		"BPJS Kesehatan": "health", "BPJS Kesehatan 1%": "health", "Potongan BPJS Kes": "health", "JKN": "health",
		"Health insurance": "health",
		"JKK":              "jkk", "Potongan JKK": "jkk", "BPJS TK JKK": "jkk", "Jaminan Kecelakaan Kerja": "jkk",
		"JKM": "jkm", "Potongan JKM": "jkm", "Jaminan Kematian": "jkm",
		"PPh 21": "tax", "PPh21": "tax", "Pajak": "tax", "Potongan Pajak": "tax", "Income tax": "tax",
		// What the employer pays on top is not a deduction.
		"JHT Perusahaan 3,7%": "ignored", "JP Perusahaan (2%)": "ignored", "JKK Perusahaan": "ignored",
		"BPJS Kesehatan Perusahaan 4%": "ignored", "JHT employer": "ignored", "Iuran JHT ditanggung perusahaan": "ignored",
		// Not read.
		"Gaji Bersih": "", "Take home pay": "", "Total Potongan": "", "Keterangan": "", "No": "",
	} {
		if got := keyOf(&payslipLayout, header); got != want {
			t.Errorf("payslip header %q: %q, want %q", header, got, want)
		}
	}
}

func TestHeaders_EmploymentAndA1Variants(t *testing.T) {
	t.Parallel()
	for header, want := range map[string]string{
		"KPJ": "kpj", "Nomor KPJ": "kpj", "Pemberi Kerja": "employer", "Perusahaan": "employer", "NPP": "npp",
		"Mulai Bekerja": "start", "Tanggal Mulai": "start", "Tanggal Masuk": "start", "TMT": "start", "Start date": "start",
		"Start": "start", "Joined": "start",
		"Tanggal Berhenti": "end", "Berhenti": "end", "Tanggal Keluar": "end", "Selesai": "end", "End date": "end",
		"End": "end", "Last day": "end",
		"Alasan Berhenti": "reason", "Alasan": "reason", "Reason": "reason", "Reason for leaving": "reason",
		"Keterangan": "reason",
		"PHK":        "flag_phk", "Di-PHK": "flag_phk", "Dismissed": "flag_phk",
		"Mengundurkan diri": "flag_resign", "Resign": "flag_resign",
		"Kontrak habis": "flag_contract", "Kontrak Berakhir": "flag_contract", "Contract end": "flag_contract",
	} {
		if got := keyOf(&employmentLayout, header); got != want {
			t.Errorf("employment header %q: %q, want %q", header, got, want)
		}
	}
	for header, want := range map[string]string{
		"Tahun": "year", "Year": "year", "Tahun Pajak": "year",
		"Iuran Pensiun atau JHT": "amount", "Iuran Pensiun atau Iuran THT/JHT": "amount",
		"Potongan JHT dan JP": "amount", "Jumlah": "amount", "Amount": "amount", "Pension or JHT contribution": "amount",
	} {
		if got := keyOf(&a1Layout, header); got != want {
			t.Errorf("1721-A1 header %q: %q, want %q", header, got, want)
		}
	}
}

func TestHeaders_JMOVariants(t *testing.T) {
	t.Parallel()
	for header, want := range map[string]string{
		"KPJ": "kpj", "Saldo JHT": "balance", "Saldo": "balance", "Total Saldo": "balance", "JHT balance": "balance",
		"Per Tanggal": "asof", "Tanggal": "asof", "As of": "asof", "Saldo per": "asof", "Data per": "asof",
		"Status": "status", "Status Kepesertaan": "status",
		"Iuran Terakhir": "lastpaid", "Bulan Iuran Terakhir": "lastpaid", "Last paid month": "lastpaid",
		"Hasil Pengembangan": "development",
	} {
		if got := keyOf(&jmoBalanceLayout, header); got != want {
			t.Errorf("JMO balance header %q: %q, want %q", header, got, want)
		}
	}
	for header, want := range map[string]string{
		"KPJ": "kpj", "Bulan": "month", "BL-TH": "month", "Periode": "month", "Month": "month",
		"Tanggal Bayar": "paydate", "Tgl Setor": "paydate", "Tgl. Bayar": "paydate", "Payment date": "paydate",
		"Upah": "wage", "Upah (Rp)": "wage", "Wage": "wage", "Gaji": "wage",
		"Iuran JHT": "jht", "JHT": "jht", "Iuran": "jht", "JHT amount": "jht", "Nominal": "jht",
		"Rapel": "backpay", "Back pay": "backpay",
	} {
		if got := keyOf(&jmoMonthLayout, header); got != want {
			t.Errorf("JMO month header %q: %q, want %q", header, got, want)
		}
	}
}
