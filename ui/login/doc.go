// Package login is the login feature: the server's identity panel (checking,
// verified or refused, before any password is typed), the login form with
// its lockout countdown, the cached accounts to view offline, the demo
// accounts, and the two-step verification view.
//
// The views present; the shell decides. They report through OnX callbacks
// and are updated with SetX methods, always on the UI goroutine.
package login
