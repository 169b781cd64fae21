package i18n

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/cekbpjstk/cekbpjstk/cache"
	"github.com/cekbpjstk/cekbpjstk/service"
)

// Describe turns an error from the backends into one sentence in the
// user's language that says what happened and what to do next. The raw error
// goes to the log, never to the screen.
func Describe(err error) string {
	var creds *service.CredentialsError
	var locked *service.LockedError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, context.Canceled):
		return lang.L("Cancelled. Nothing was changed.")
	case errors.As(err, &creds) && creds.MFA:
		if creds.AttemptsRemaining >= 0 {
			return lang.L("That code is not right. Check the code in your authenticator app; {{.N}} attempts left.",
				map[string]any{"N": creds.AttemptsRemaining})
		}
		return lang.L("That code is not right. Check the code in your authenticator app and try again.")
	case errors.As(err, &creds):
		if creds.AttemptsRemaining >= 0 {
			return lang.L("Wrong email/KPJ or password. {{.N}} attempts left before login is paused for a while.",
				map[string]any{"N": creds.AttemptsRemaining})
		}
		return lang.L("Wrong email/KPJ or password. Check both and try again.")
	case errors.As(err, &locked):
		return lang.L("Too many failed attempts. Login is paused; try again in {{.Wait}}.",
			map[string]any{"Wait": FormatWait(locked.RetryAfter)})
	case errors.Is(err, service.ErrSessionRevoked):
		return lang.L("Your session was ended for your safety because it was used from somewhere else. Log in again, and change your password if that was not you.")
	case errors.Is(err, service.ErrUnauthorized), errors.Is(err, service.ErrMFARequired):
		return lang.L("Your session has ended. Please log in again.")
	case errors.Is(err, service.ErrCertificate), errors.Is(err, service.ErrDomainNotAllowed),
		errors.Is(err, service.ErrInsecureURL), errors.Is(err, service.ErrRedirect):
		return DescribeRefusal(err)
	case errors.Is(err, service.ErrOffline):
		return lang.L("Cannot reach the server. Check your internet connection and try again; your last data can still be viewed offline.")
	case errors.Is(err, service.ErrTimeout):
		return lang.L("The server took too long to answer. Try again in a moment.")
	case errors.Is(err, service.ErrResponseTooLarge), errors.Is(err, service.ErrBadResponse):
		return lang.L("The server sent an answer the app cannot read. Nothing was changed; try again later.")
	case errors.Is(err, service.ErrServer):
		return lang.L("The server is having problems. Nothing was changed; try again in a few minutes.")
	case errors.Is(err, cache.ErrNoKeyring):
		return lang.L("“Remember me” is unavailable: no system keyring (Secret Service, Keychain or Credential Manager) answered. Your offline data still opens with your password.")
	case errors.Is(err, cache.ErrWrongPassword):
		return lang.L("That password does not open this data. Check it and try again.")
	case errors.Is(err, cache.ErrNotWrapped):
		return lang.L("This saved data is from an earlier version of the app. Log in online once to protect it with your password; after that it opens offline too.")
	case errors.Is(err, cache.ErrTampered):
		return lang.L("The saved offline data could not be verified and was not shown. It will be replaced at the next refresh.")
	}
	return lang.L("Something went wrong. Try again; if it keeps happening, restart the app.")
}

// DescribeRefusal says why a server was refused, and that nothing was sent.
func DescribeRefusal(err error) string {
	var certErr *service.CertificateError
	var domainErr *service.DomainError
	var redirectErr *service.RedirectError
	switch {
	case errors.As(err, &certErr):
		switch certErr.Reason {
		case service.ReasonPinMismatch:
			return lang.L("The server's certificate is valid, but its key is not one this app knows for {{.Host}}. Someone may be intercepting the connection (for example a public Wi-Fi or a proxy).",
				map[string]any{"Host": certErr.Host})
		case service.ReasonUntrusted:
			return lang.L("The server's certificate for {{.Host}} is not signed by a trusted authority.", map[string]any{"Host": certErr.Host})
		case service.ReasonHostname:
			return lang.L("The server's certificate is not made out to {{.Host}}.", map[string]any{"Host": certErr.Host})
		case service.ReasonExpired:
			return lang.L("The server's certificate for {{.Host}} has expired or is not valid yet. Check your computer's date and time.", map[string]any{"Host": certErr.Host})
		case service.ReasonPinsExpired:
			return lang.L("The app's list of trusted keys for this server has expired. Update the app.")
		case service.ReasonNoPins, service.ReasonInvalidPin:
			return lang.L("This server profile has no trusted keys configured, so the app will not talk to it. BPJS Ketenagakerjaan publishes no member API; use the demo or configure a server in Settings.")
		}
		return lang.L("The secure connection to {{.Host}} could not be verified.", map[string]any{"Host": certErr.Host})
	case errors.As(err, &domainErr):
		return lang.L("{{.Host}} is not an allowed address for this server profile. It may be a look-alike site.", map[string]any{"Host": domainErr.Host})
	case errors.As(err, &redirectErr):
		return lang.L("The server tried to send the app to another address ({{.To}}). The app refused to follow it.", map[string]any{"To": redirectErr.To})
	case errors.Is(err, service.ErrInsecureURL):
		return lang.L("The server address does not use https://, so the connection would not be private.")
	}
	return lang.L("The server could not be verified.")
}

// FormatWait writes a short duration for humans: "14 menit 5 detik".
func FormatWait(d time.Duration) string {
	if d < time.Second {
		d = time.Second
	}
	d = d.Round(time.Second)
	minutes, seconds := int(d/time.Minute), int(d%time.Minute/time.Second)
	if minutes == 0 {
		return lang.L("{{.S}} seconds", map[string]any{"S": seconds})
	}
	return lang.L("{{.M}} min {{.S}} s", map[string]any{"M": minutes, "S": fmt.Sprintf("%02d", seconds)})
}
