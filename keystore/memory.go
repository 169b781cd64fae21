package keystore

import (
	"context"
	"fmt"
	"sort"
	"sync"
)

// Memory is a key store held in memory, for tests that are not about the
// OS keyring itself. It has the Store's methods and errors; SetErr makes
// every call fail, as a keyring that stops answering does. It is safe for
// concurrent use.
type Memory struct {
	mu  sync.Mutex
	m   map[string]string
	err error
}

// NewMemory returns an empty in-memory key store.
func NewMemory() *Memory { return &Memory{m: map[string]string{}} }

func memoryKey(account, purpose string) string { return account + "/" + purpose }

// SetErr makes every later call return err (nil: answer again).
func (k *Memory) SetErr(err error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.err = err
}

// Get returns the secret stored for account and purpose, or an error that
// wraps ErrNotFound.
func (k *Memory) Get(ctx context.Context, account, purpose string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := k.fail(ctx); err != nil {
		return "", err
	}
	v, ok := k.m[memoryKey(account, purpose)]
	if !ok {
		return "", fmt.Errorf("keystore: memory get: %w", ErrNotFound)
	}
	return v, nil
}

// Set stores a secret, replacing any earlier one.
func (k *Memory) Set(ctx context.Context, account, purpose, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := k.fail(ctx); err != nil {
		return err
	}
	k.m[memoryKey(account, purpose)] = secret
	return nil
}

// Delete removes a secret; an error wraps ErrNotFound when there is none.
func (k *Memory) Delete(ctx context.Context, account, purpose string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := k.fail(ctx); err != nil {
		return err
	}
	if _, ok := k.m[memoryKey(account, purpose)]; !ok {
		return fmt.Errorf("keystore: memory delete: %w", ErrNotFound)
	}
	delete(k.m, memoryKey(account, purpose))
	return nil
}

// DeleteAll removes every item, as Store.DeleteAll does.
func (k *Memory) DeleteAll(ctx context.Context) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := k.fail(ctx); err != nil {
		return err
	}
	clear(k.m)
	return nil
}

// fail is the error every call returns first: SetErr's, or the context's
// (a call whose context is done does nothing, as with Store). Callers hold k.mu.
func (k *Memory) fail(ctx context.Context) error {
	if k.err != nil {
		return k.err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("keystore: memory: %w", err)
	}
	return nil
}

// Items lists the stored items as "account/purpose", sorted, for tests
// that check what is left behind.
func (k *Memory) Items() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make([]string, 0, len(k.m))
	for key := range k.m {
		out = append(out, key)
	}
	sort.Strings(out)
	return out
}
