// Package service is the secure API client of Cek BPJSTK.
//
// Its promise: no credential leaves the process before the server has been
// verified. Every connection goes through one guard (guard.go): normal chain
// and hostname verification, a domain allowlist and SPKI SHA-256 pins checked
// against the verified chains. Profiles that cannot be verified (no pins,
// expired pins, http:// URLs, hosts outside the allowlist) are refused before
// any dial.
//
// The package never imports Fyne; the UI consumes its domain types and maps
// its typed errors to sentences with errors.Is / errors.As.
package service
