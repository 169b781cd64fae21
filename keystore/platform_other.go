//go:build !linux

package keystore

// checkPlatform has nothing to check where the keyring is not reached over D-Bus.
func checkPlatform() error { return nil }

// probeKeyring has nothing to ask: the OS keychain prompts on its own, and
// the call timeout bounds the wait.
func probeKeyring() error { return nil }
