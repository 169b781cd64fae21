package keystore

import (
	"errors"
	"fmt"
	"strings"

	"github.com/godbus/dbus/v5"
	"github.com/zalando/go-keyring"
)

// D-Bus error names that mean "nobody is there to keep secrets".
var unavailableNames = map[string]bool{
	"org.freedesktop.DBus.Error.ServiceUnknown":   true,
	"org.freedesktop.DBus.Error.NameHasNoOwner":   true,
	"org.freedesktop.DBus.Error.UnknownObject":    true,
	"org.freedesktop.DBus.Error.UnknownMethod":    true,
	"org.freedesktop.DBus.Error.NoServer":         true,
	"org.freedesktop.DBus.Error.Disconnected":     true,
	"org.freedesktop.DBus.Error.Spawn.ExecFailed": true,
	"org.freedesktop.Secret.Error.NoSuchObject":   true,
}

// classify maps the many shapes of keyring failures onto our three
// sentinels. go-keyring returns plain errors for everything except
// "not found", and reports a locked collection only in message text, so the
// text is matched as a last resort, word by word, never as a substring of
// something longer such as "unlocked".
func classify(err error) error {
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, ErrLocked), errors.Is(err, ErrUnavailable):
		return err
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("%w (%v)", ErrNotFound, err)
	case isLocked(err):
		return fmt.Errorf("%w (%v)", ErrLocked, err)
	case isUnavailable(err):
		return fmt.Errorf("%w (%v)", ErrUnavailable, err)
	}
	return err
}

func isLocked(err error) bool {
	var dbusErr dbus.Error
	if errors.As(err, &dbusErr) && dbusErr.Name == "org.freedesktop.Secret.Error.IsLocked" {
		return true
	}
	msg := strings.ToLower(err.Error())
	// go-keyring's own words when the unlock prompt was dismissed or failed.
	if strings.Contains(msg, "failed to unlock correct collection") {
		return true
	}
	for _, word := range strings.FieldsFunc(msg, func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		if word == "locked" || word == "islocked" {
			return true
		}
	}
	return false
}

func isUnavailable(err error) bool {
	var dbusErr dbus.Error
	if errors.As(err, &dbusErr) {
		return unavailableNames[dbusErr.Name]
	}
	var dbusPtr *dbus.Error
	if errors.As(err, &dbusPtr) {
		return unavailableNames[dbusPtr.Name]
	}
	msg := strings.ToLower(err.Error())
	for _, hint := range []string{
		"dbus_session_bus_address", "session bus", "connection refused",
		"no such file or directory", "not provided by any .service files",
		"path not found", "no such secret collection", "dbus: ",
	} {
		if strings.Contains(msg, hint) {
			return true
		}
	}
	return false
}
