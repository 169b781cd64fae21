package periksa

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// demoFiles are the demo member's documents (sandbox/demodocs/files: Rudi
// Hartono, invented), as README tells a new user to run periksa on them.
func demoFiles(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob("../../sandbox/demodocs/files/*")
	if err != nil || len(names) < 5 {
		t.Fatalf("demo documents: %v %v", names, err)
	}
	return names
}

// TestRun_DemoDocuments: periksa on the demo documents prints each
// planted finding, in both languages and as JSON. The sandbox's seed
// (sandbox/seed_audit.go) has February and March 2026 paid on 20 May 2026,
// June 2026 never paid and nothing since August 2026; the payslips
// (sandbox/demodocs) deduct JHT and JP in June and September 2026 that
// never reached the card, deduct JKK in 2026 and show a wage above the
// reported one.
func TestRun_DemoDocuments(t *testing.T) {
	t.Parallel()
	files := demoFiles(t)
	for lang, want := range map[string][]string{
		"id": {"Rudi Hartono", "Kartu 22056789012 — PT Sumber Rejeki Plastindo", "Iuran tidak dibayar: Juni 2026 (1 bulan)",
			"Iuran dibayar terlambat: Februari–Maret 2026", "Februari 2026: batas 16 Maret 2026, dibayar 20 Mei 2026",
			"Iuran belum tercatat sejak Agustus 2026", "Jaminan Kehilangan Pekerjaan (JKP):", "Dasar: UU 24/2011 Pasal 19",
			"dipotong dari upah Anda untuk JHT dan JP pada Juni 2026, September 2026 (2 bulan) tidak sampai ke kartu 22056789012",
			"Iuran JKK/JKM dipotong dari upah Anda pada", "Upah pada slip gaji lebih tinggi dari upah yang dilaporkan pada"},
		"en": {"Rudi Hartono", "Card 22056789012 — PT Sumber Rejeki Plastindo", "Contributions not paid: June 2026 (1 month)",
			"Contributions paid late: February–March 2026", "February 2026: due 16 March 2026, paid 20 May 2026",
			"No contribution recorded since August 2026", "Job-loss benefit (JKP):", "Basis: Law 24/2011 Article 19",
			"deducted from your wage for JHT and JP in June 2026, September 2026 (2 months) did not reach card 22056789012",
			"JKK/JKM contributions were deducted from your wage in", "The wage on your payslips is above the wage reported in"},
	} {
		var stdout, stderr bytes.Buffer
		code := Run(append([]string{"--today", "2026-12-07", "--lang", lang}, files...), &stdout, &stderr)
		if code != ExitOK || stderr.Len() != 0 {
			t.Fatalf("%s: exit %d, stderr %s", lang, code, stderr.String())
		}
		for _, s := range want {
			if !strings.Contains(stdout.String(), s) {
				t.Errorf("%s: no %q in\n%s", lang, s, stdout.String())
			}
		}

		stdout.Reset()
		if code := Run(append([]string{"--today", "2026-12-07", "--lang", lang, "--json"}, files...), &stdout, &stderr); code != ExitOK {
			t.Fatalf("%s --json: exit %d, %s", lang, code, stderr.String())
		}
		var rep Report
		if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
			t.Fatalf("%s: the JSON does not read back: %v", lang, err)
		}
		found := map[string]Finding{}
		for _, f := range rep.Findings {
			found[f.Kind+" "+*f.Period] = f
		}
		for _, k := range []string{"missing 2026-06", "late 2026-02", "lagging 2026-09", "not_deposited 2026-06",
			"employer_share_deducted 2026-01", "wage_under_reported 2025-01", "late_deposit 2026-02"} {
			f, ok := found[k]
			if !ok || f.Card != "22056789012" || f.Amount <= 0 || f.Rule == "" || f.Citation == "" {
				t.Errorf("%s: no %s finding with its card, amount, rule and citation: %+v", lang, k, f)
			}
		}
		// June and September 2026 are the audit's; the payslip check does
		// not list them again as missing while employed.
		for _, f := range rep.Findings {
			if f.Kind == "missing_employed" {
				t.Errorf("%s: months listed twice: %+v", lang, f)
			}
		}
		if nd := found["not_deposited 2026-06"]; nd.WorkerShare != nd.Amount || len(nd.PerMonth) != 2 || nd.PerMonth[0].Card != 0 || nd.PerMonth[0].Payslip != nd.PerMonth[0].Amount {
			t.Errorf("%s: not deposited per month %+v", lang, nd.PerMonth)
		}
		if len(rep.Documents) != len(files) || rep.Lang != lang || *rep.Today != "2026-12-07" {
			t.Errorf("%s: %d documents of %d, lang %s", lang, len(rep.Documents), len(files), rep.Lang)
		}
	}
}
