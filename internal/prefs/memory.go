package prefs

import (
	"slices"
	"sync"
)

// MemoryStore is a Store held in memory, for tests and for a run whose
// preferences cannot be saved. It is safe for concurrent use.
type MemoryStore struct {
	mu sync.Mutex
	m  map[string]any
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore { return &MemoryStore{m: map[string]any{}} }

func memoryGet[T any](s *MemoryStore, key string, fallback T) T {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.m[key].(T); ok {
		return v
	}
	return fallback
}

func (s *MemoryStore) set(key string, v any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = v
}

// String returns the string stored under key, "" if none.
func (s *MemoryStore) String(key string) string { return memoryGet(s, key, "") }

// StringWithFallback returns the string stored under key, or fallback.
func (s *MemoryStore) StringWithFallback(key, fallback string) string {
	return memoryGet(s, key, fallback)
}

// SetString stores a string.
func (s *MemoryStore) SetString(key, value string) { s.set(key, value) }

// StringList returns a copy of the list stored under key.
func (s *MemoryStore) StringList(key string) []string {
	return slices.Clone(memoryGet[[]string](s, key, nil))
}

// SetStringList stores a copy of a list.
func (s *MemoryStore) SetStringList(key string, value []string) { s.set(key, slices.Clone(value)) }

// IntWithFallback returns the int stored under key, or fallback.
func (s *MemoryStore) IntWithFallback(key string, fallback int) int {
	return memoryGet(s, key, fallback)
}

// SetInt stores an int.
func (s *MemoryStore) SetInt(key string, value int) { s.set(key, value) }

// BoolWithFallback returns the bool stored under key, or fallback.
func (s *MemoryStore) BoolWithFallback(key string, fallback bool) bool {
	return memoryGet(s, key, fallback)
}

// SetBool stores a bool.
func (s *MemoryStore) SetBool(key string, value bool) { s.set(key, value) }
