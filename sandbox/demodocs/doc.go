// Package demodocs holds the demo member's own documents, generated from
// the sandbox's seeded data and embedded, so that a new user can try the
// document checks (issue 23) on files that make every check fire.
//
// The demo member is Rudi Hartono (rudi@contoh.id, KPJ 22056789012,
// PT Sumber Rejeki Plastindo, NPP 22098765, born 21 September 1993):
// his employer paid February and March 2026 late (20 May 2026), never
// paid June 2026 and has paid nothing since August 2026 (sandbox
// seed_audit.go). His statement printouts ("INFORMASI DANA DAN USIA
// PENSIUN PESERTA JHT - JP TAHUN YYYY", one per year from 2022) are
// written here in the printout's layout; the payslips, JMO figures and
// employment facts (other files of this package) are his too, and plant
// what only payslips show: a month deducted but not credited, a JKK
// deduction, and a wage above the reported one.
//
// Everything here is invented: the sandbox's members are fictitious.
package demodocs
