// Package keystore keeps the app's secrets in the operating system's keyring
// (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
//
// Every call takes a context and gives up after a timeout: an unlock prompt
// can block the underlying library forever, so callers must never run these
// calls on the UI goroutine.
package keystore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the keyring service name every item is filed under.
const Service = "cekbpjstk"

// DefaultTimeout bounds each keyring call when the context has no earlier deadline.
const DefaultTimeout = 5 * time.Second

var (
	// ErrNotFound means no item exists for that account and purpose.
	ErrNotFound = errors.New("keystore: no such item")
	// ErrUnavailable means no OS keyring answered: no session bus, no Secret
	// Service, no default collection, or no answer in time.
	ErrUnavailable = errors.New("keystore: no OS keyring available")
	// ErrLocked means the keyring exists but is locked and was not unlocked.
	ErrLocked = errors.New("keystore: keyring is locked")
)

// Store reads and writes secrets under one keyring service name.
type Store struct {
	service string
	timeout time.Duration
}

// New returns a Store for the app's service name with the default timeout.
func New() *Store {
	return &Store{service: Service, timeout: DefaultTimeout}
}

// NewWithService returns a Store under another service name and timeout;
// tests use it to keep their items apart from a real installation's.
func NewWithService(service string, timeout time.Duration) *Store {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Store{service: service, timeout: timeout}
}

// Set stores secret for account and purpose, replacing any earlier value.
func (s *Store) Set(ctx context.Context, account, purpose, secret string) error {
	_, err := s.call(ctx, "set", account, purpose, func(user string) (string, error) {
		return "", keyring.Set(s.service, user, secret)
	})
	return err
}

// Get returns the secret stored for account and purpose, or ErrNotFound.
func (s *Store) Get(ctx context.Context, account, purpose string) (string, error) {
	return s.call(ctx, "get", account, purpose, func(user string) (string, error) {
		return keyring.Get(s.service, user)
	})
}

// Delete removes the secret for account and purpose; it returns ErrNotFound
// when there was none.
func (s *Store) Delete(ctx context.Context, account, purpose string) error {
	_, err := s.call(ctx, "delete", account, purpose, func(user string) (string, error) {
		return "", keyring.Delete(s.service, user)
	})
	return err
}

// DeleteAll removes every item of the store's service name: every
// account's refresh token and key copy, and the installation's items.
func (s *Store) DeleteAll(ctx context.Context) error {
	_, err := s.call(ctx, "delete all", "*", "*", func(string) (string, error) {
		return "", keyring.DeleteAll(s.service)
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// call runs op in its own goroutine so that a keyring stuck behind an unlock
// prompt cannot hold the caller past its deadline. The goroutine itself
// cannot be interrupted; it ends when the keyring finally answers.
func (s *Store) call(ctx context.Context, verb, account, purpose string, op func(user string) (string, error)) (string, error) {
	if account == "" || purpose == "" {
		return "", fmt.Errorf("keystore %s: account and purpose must not be empty", verb)
	}
	// A call whose context is done does nothing: a logout or lock that
	// ended the session must not be followed by a late write.
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("keystore %s %s: %w", verb, purpose, err)
	}
	if err := checkPlatform(); err != nil {
		return "", fmt.Errorf("keystore %s %s: %w", verb, purpose, err)
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()

	type result struct {
		value string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		if err := probeKeyring(); err != nil {
			done <- result{"", err}
			return
		}
		if ctx.Err() != nil { // gave up while the keyring was probed
			done <- result{"", ctx.Err()}
			return
		}
		v, err := op(itemUser(account, purpose))
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return "", fmt.Errorf("keystore %s %s: %w", verb, purpose, classify(r.err))
		}
		return r.value, nil
	case <-ctx.Done():
		return "", fmt.Errorf("keystore %s %s: no answer (%w): %w", verb, purpose, ctx.Err(), ErrUnavailable)
	}
}

// itemUser is the keyring "username" attribute of an item. The account is
// part of it so that several members on one computer keep separate items.
func itemUser(account, purpose string) string {
	return purpose + ":" + account
}
