package keystore

import (
	"errors"
	"fmt"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/zalando/go-keyring"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"go-keyring not found", keyring.ErrNotFound, ErrNotFound},
		{"Secret Service IsLocked", dbus.Error{Name: "org.freedesktop.Secret.Error.IsLocked"}, ErrLocked},
		{"locked in message text", errors.New("Cannot create an item in a locked collection"), ErrLocked},
		{"dismissed unlock prompt", errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), ErrLocked},
		{"no secret service", dbus.Error{Name: "org.freedesktop.DBus.Error.ServiceUnknown"}, ErrUnavailable},
		{"no such collection", &dbus.Error{Name: "org.freedesktop.Secret.Error.NoSuchObject"}, ErrUnavailable},
		{"no session bus", errors.New("dbus: DBUS_SESSION_BUS_ADDRESS not set"), ErrUnavailable},
		{"wrapped sentinel kept", fmt.Errorf("probe: %w", ErrLocked), ErrLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify(tt.err); !errors.Is(got, tt.want) {
				t.Fatalf("classify(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
	// "unlocked" mentions the word but is not a locked keyring.
	if got := classify(errors.New("item was unlocked by another client")); errors.Is(got, ErrLocked) {
		t.Fatalf("classify treated %q as locked", "unlocked")
	}
}
