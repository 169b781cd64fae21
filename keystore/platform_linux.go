package keystore

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/godbus/dbus/v5"
)

// checkPlatform refuses early when no D-Bus session bus can exist. Without
// this, godbus "autolaunches" a fresh dbus-daemon for every call, which
// leaves stray daemons behind and still finds no keyring.
func checkPlatform() error {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return nil
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil { // #nosec G703 -- only checks that the session bus socket exists in the user's own XDG_RUNTIME_DIR; nothing is read or written
			return nil
		}
	}
	return fmt.Errorf("no D-Bus session bus: %w", ErrUnavailable)
}

// Collections go-keyring may use, in the order it tries them.
var collectionPaths = []dbus.ObjectPath{
	"/org/freedesktop/secrets/collection/login",
	"/org/freedesktop/secrets/aliases/default",
}

// probeKeyring asks the Secret Service whether the collection go-keyring
// will use exists and is unlocked. go-keyring would otherwise ask the
// service to unlock it, which opens a password prompt and blocks until a
// person answers it; we would rather tell the user the keyring is locked.
func probeKeyring() error {
	conn, err := dbus.SessionBus()
	if err != nil {
		return fmt.Errorf("session bus: %v: %w", err, ErrUnavailable)
	}
	var lastErr error
	for _, path := range collectionPaths {
		locked, err := conn.Object("org.freedesktop.secrets", path).
			GetProperty("org.freedesktop.Secret.Collection.Locked")
		if err != nil {
			lastErr = err
			continue
		}
		if isLocked, _ := locked.Value().(bool); isLocked {
			return fmt.Errorf("collection %s: %w", path, ErrLocked)
		}
		return nil
	}
	return fmt.Errorf("no usable collection (%v): %w", lastErr, ErrUnavailable)
}
